// The opinion map page: <div data-consultation-id="…"> and <p id="opinion-map-live" data-message="…">. When the
// map is recomputed the page says so (the message carries no map data; reloading fetches it with its visibility check).
(() => {
  const host = document.querySelector("[data-consultation-id]");
  const live = document.getElementById("opinion-map-live");
  if (!host || !live || !window.signalR) return;
  const consultationId = host.dataset.consultationId;
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/consultation").withAutomaticReconnect().build();
  connection.on("opinionMapChanged", e => { if (e.consultationId === consultationId) live.textContent = live.dataset.message; });
  connection.onreconnected(() => connection.invoke("Watch", consultationId));
  connection.start().then(() => connection.invoke("Watch", consultationId)).catch(() => { /* the map stays as loaded */ });
})();
