// Live counters on a consultation page: <main data-consultation-id="…"> with
// <span class="feedback-count" data-anchor="…"> per section. Uses the @microsoft/signalr browser build.
(() => {
  const host = document.querySelector("[data-consultation-id]");
  if (!host || !window.signalR) return;
  const consultationId = host.dataset.consultationId;
  const live = document.getElementById("feedback-live-status");
  // Texts from the resources through the host's data-text-* attributes; {0}, {1} are filled in order.
  const text = (name, ...values) => (host.dataset["text" + name] ?? "").replace(/\{(\d+)\}/g, (_, i) => values[i]);

  function show(summary) {
    const counts = new Map(summary.sections.map(s => [s.anchor, s.feedback]));
    for (const slot of document.querySelectorAll(".feedback-count[data-anchor]")) {
      const count = counts.get(slot.dataset.anchor) ?? 0;
      slot.textContent = text("Count", count);
    }
    const total = document.querySelector(".feedback-total");
    if (total) total.textContent = text("Total", summary.totals.feedback, summary.totals.participants);
    if (live) live.textContent = text("Updated", summary.totals.feedback);
  }

  fetch(`/api/consultations/${consultationId}/summary`).then(r => r.ok ? r.json() : null).then(s => s && show(s));
  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/consultation").withAutomaticReconnect().build();
  connection.on("countersChanged", e => { if (e.consultationId === consultationId) show(e.summary); });
  // Items themselves are drawn by feedback-items.js, which listens for this DOM event on the same element.
  connection.on("feedbackChanged", e => { if (e.consultationId === consultationId) host.dispatchEvent(new CustomEvent("feedback-changed", { detail: e })); });
  connection.onreconnected(() => connection.invoke("Watch", consultationId));
  connection.start().then(() => connection.invoke("Watch", consultationId)).catch(() => { /* counters stay as loaded */ });
})();
