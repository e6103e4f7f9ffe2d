// The header's bell: <span class="bell-count" data-unread="n"> updated live from /hubs/notifications.
// Loads the @microsoft/signalr browser build itself unless the page already did.
(() => {
  const count = document.querySelector(".bell-count[data-unread]");
  if (!count) return;

  function show(unread) {
    count.dataset.unread = String(unread);
    count.textContent = (count.dataset.text ?? "{0}").replace("{0}", unread);
    count.hidden = unread === 0;
  }

  function connect() {
    const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/notifications").withAutomaticReconnect().build();
    // The hub sends the count first thing on (re)connecting: from then on nothing is missed.
    connection.on("notificationsChanged", e => { show(e.unread); count.dataset.live = "connected"; });
    connection.start().catch(() => { /* the count stays as the page rendered it */ });
  }

  if (window.signalR) connect();
  else {
    const script = document.createElement("script");
    script.src = "/lib/signalr.min.js";
    script.onload = connect;
    document.head.appendChild(script);
  }
})();
