// The presenter view of a live room: joins /hubs/dialogue like the room and shows, for a hall's big screen, the
// pinned question, the top questions by votes, the open poll and the agenda step. Only what every participant may
// see is shown (visible questions, no names). User text is only ever set as textContent.
(() => {
  "use strict";
  const TOP = 5;
  const screen = document.getElementById("present");
  const sessionId = screen.dataset.session;
  const agenda = JSON.parse(screen.dataset.agenda || "[]");
  const texts = JSON.parse(screen.dataset.texts || "{}");
  const t = (key, ...args) => (texts[key] || key).replace(/\{(\d+)\}/g, (_, i) => args[i]);
  const $ = id => document.getElementById(id);
  const statusText = { scheduled: t("StatusScheduled"), live: t("StatusLive"), ended: t("StatusEnded") };
  const state = DialogueState.create();

  const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/dialogue").withAutomaticReconnect().build();

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function render() {
    $("present-status").textContent = statusText[state.status] || "";
    $("present-participants").textContent = state.participants;
    if (agenda.length && state.agendaStep != null) {
      $("present-agenda").hidden = false;
      $("present-agenda-step").textContent = `${state.agendaStep + 1}/${agenda.length}. ${agenda[state.agendaStep]}`;
    }

    const visible = [...state.questions.values()].map(v => v.item).filter(q => q.state === "visible");
    const pinned = state.pinned && visible.find(q => q.id === state.pinned);
    $("present-pinned").hidden = !pinned;
    $("present-pinned-text").textContent = pinned ? pinned.text : "";
    const top = visible.filter(q => q !== pinned).sort((a, b) => b.votes - a.votes || a.askedSeq - b.askedSeq).slice(0, TOP);
    $("present-no-questions").hidden = top.length > 0;
    $("present-top").replaceChildren(...top.map(q => {
      const item = el("li", "present-question");
      item.append(el("span", "present-votes", t("Votes", q.votes)), el("span", "present-question-text", q.text));
      return item;
    }));

    const poll = [...state.polls.values()].map(v => v.item).filter(p => p.open).sort((a, b) => b.openedSeq - a.openedSeq)[0];
    $("present-no-poll").hidden = !!poll;
    $("present-poll-body").hidden = !poll;
    if (poll) {
      const total = poll.counts.reduce((a, b) => a + b, 0);
      $("present-poll-question").textContent = poll.question;
      $("present-poll-options").replaceChildren(...poll.options.map((option, i) => {
        const pct = total ? Math.round(100 * poll.counts[i] / total) : 0;
        const item = el("li", "present-poll-option");
        const bar = el("span", "present-poll-bar");
        // Through the CSSOM: a style attribute is refused by the Content-Security-Policy (style-src 'self').
        bar.style.width = `${pct}%`;
        item.append(el("span", "present-poll-label", `${option} — ${poll.counts[i]} (${pct}%)`), bar);
        return item;
      }));
      $("present-poll-voters").textContent = t("Voters", poll.voters);
    }
  }

  // Chat is kept with the rest but not shown on the big screen.
  DialogueState.follow(connection, sessionId, state, render);

  connection.onreconnecting(() => { $("present-reconnecting").textContent = t("Reconnecting"); $("present-reconnecting").hidden = false; });
  connection.onreconnected(() => { $("present-reconnecting").hidden = true; });
  connection.onclose(() => { $("present-reconnecting").textContent = t("Disconnected"); $("present-reconnecting").hidden = false; });

  (async () => {
    await connection.start();
    DialogueState.load(state, await connection.invoke("Join", sessionId));
    render();
    screen.dataset.ready = "true";
  })().catch(err => { $("present-reconnecting").textContent = String(err.message || err); $("present-reconnecting").hidden = false; });
})();
