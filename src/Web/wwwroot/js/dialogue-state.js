// The state of a live room as the hub describes it, shared by the room (dialogue-room.js) and the presenter view
// (dialogue-present.js): the snapshot from Join, then every event. Each entity keeps the seq of its latest change
// and nothing older replaces it, so an event seen twice (live and again through Resync) changes nothing.
window.DialogueState = (() => {
  "use strict";
  const events = ["questionAsked", "questionUpdated", "message", "pollOpened", "pollUpdated", "pollClosed", "presence",
    "sessionStarted", "sessionEnded", "agendaChanged", "pinned"];

  function create() {
    return { seq: 0, status: "", questions: new Map(), polls: new Map(), messages: new Map(),
      myUpvotes: new Set(), myBallots: new Map(), pinned: null, agendaStep: null, participants: 0 };
  }

  function put(map, item, seq) {
    const held = map.get(item.id);
    if (!held || held.seq <= seq) map.set(item.id, { seq, item });
  }

  function apply(state, e) {
    if (e.seq > state.seq) state.seq = e.seq;
    if (e.question) put(state.questions, e.question, e.seq);
    if (e.poll) put(state.polls, e.poll, e.seq);
    if (e.message) put(state.messages, e.message, e.seq);
    if (e.participants != null) state.participants = e.participants;
    if (e.status) state.status = e.status;
    if (e.agendaStep != null) state.agendaStep = e.agendaStep;
    if (e.type === "pinned") state.pinned = e.pinnedQuestionId;
  }

  function load(state, s) {
    state.seq = Math.max(state.seq, s.seq);
    state.status = s.status; state.pinned = s.pinnedQuestionId; state.agendaStep = s.agendaStep;
    state.participants = s.participants;
    s.questions.forEach(q => put(state.questions, q, s.seq));
    s.polls.forEach(p => put(state.polls, p, s.seq));
    (s.messages || []).forEach(m => put(state.messages, m, m.seq));
    state.myUpvotes = new Set(s.myUpvotes || []);
    state.myBallots = new Map(Object.entries(s.myBallots || {}));
  }

  // Keeps the state in step with the hub: every event, and after an automatic reconnect what was missed
  // (Resync(afterSeq)); changed() runs after each.
  function follow(connection, sessionId, state, changed) {
    events.forEach(name => connection.on(name, e => { apply(state, e); changed(); }));
    connection.onreconnected(async () => {
      (await connection.invoke("Resync", sessionId, state.seq)).forEach(e => apply(state, e));
      changed();
    });
  }

  return { create, load, follow };
})();
