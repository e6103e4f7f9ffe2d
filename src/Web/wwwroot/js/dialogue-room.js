// The live dialogue room: joins /hubs/dialogue, keeps the room's state (dialogue-state.js), renders it.
// User text is only ever set as textContent.
(() => {
  "use strict";
  const room = document.getElementById("room");
  const sessionId = room.dataset.session;
  const isModerator = room.dataset.moderator === "true";
  const mayAnswer = room.dataset.mayAnswer === "true";
  const agenda = JSON.parse(room.dataset.agenda || "[]");
  const texts = JSON.parse(room.dataset.texts || "{}");
  // A text of the page's language, with {0}, {1}… filled in.
  const t = (key, ...args) => (texts[key] || key).replace(/\{(\d+)\}/g, (_, i) => args[i]);
  const sections = JSON.parse(room.dataset.sections || "{}");
  const $ = id => document.getElementById(id);
  const statusText = { scheduled: t("StatusScheduled"), live: t("StatusLive"), ended: t("StatusEnded") };
  const state = DialogueState.create();
  // The reason form a moderator has open (rejecting a question or hiding a message), kept across renders.
  let reasonFor = null;

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/dialogue")
    .withAutomaticReconnect()
    .build();

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "text") node.textContent = v;
      // Through the CSSOM: a style attribute is refused by the Content-Security-Policy (style-src 'self').
      else if (k === "style") Object.assign(node.style, v);
      else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
    });
    children.flat().filter(Boolean).forEach(c => node.append(c));
    return node;
  }

  // " · section {0}", where {0} links to the section in the draft while the current version still has it.
  function aboutSection(anchor) {
    const [before, after] = (texts.AboutSection || "{0}").split("{0}");
    const target = Object.hasOwn(sections, anchor)
      ? el("a", { href: `${room.dataset.draft}#${encodeURIComponent(anchor)}`, text: sections[anchor] })
      : anchor;
    return [before, target, after || ""];
  }

  async function call(method, ...args) {
    try {
      $("room-error").hidden = true;
      return await connection.invoke(method, sessionId, ...args);
    } catch (err) {
      const text = String(err && err.message || err).replace(/^.*HubException: /, "");
      $("room-error").textContent = text;
      $("room-error").hidden = false;
      throw err;
    }
  }

  function questionItem(q) {
    const voted = state.myUpvotes.has(q.id);
    const actions = el("div", { class: "question-actions" });
    if (q.state === "visible") {
      actions.append(el("button", { type: "button", class: "button small vote-button", "aria-pressed": voted ? "true" : "false",
        onclick: async () => { await call("Upvote", q.id); voted ? state.myUpvotes.delete(q.id) : state.myUpvotes.add(q.id); render(); } },
        el("span", { "aria-hidden": "true", text: "▲ " }), t("Votes", q.votes)));
    }
    if (isModerator && q.state === "pending") {
      actions.append(el("button", { type: "button", class: "button small", onclick: () => call("Approve", q.id) }, t("Approve")));
      actions.append(el("button", { type: "button", class: "button small secondary", "aria-expanded": isOpen("reject", q.id) ? "true" : "false",
        onclick: () => openReason("reject", q.id) }, t("Reject")));
    }
    if (isModerator && q.state === "visible") {
      actions.append(el("button", { type: "button", class: "button small secondary", onclick: () => call("Pin", q.id) },
        state.pinned === q.id ? t("Unpin") : t("Pin")));
    }
    const item = el("li", { class: `question ${q.state}`, "data-question": q.id },
      el("p", { class: "question-text", text: q.text }),
      el("p", { class: "question-meta" }, q.askedBy, q.sectionAnchor ? aboutSection(q.sectionAnchor) : null,
        (q.state === "pending" ? t("Pending") : "") + (q.state === "rejected" ? t("Rejected", q.rejectionReason || "") : "")),
      q.answer ? el("p", { class: "answer" }, el("strong", { text: t("AnsweredBy", q.answeredBy) }), q.answer) : null,
      actions,
      isOpen("reject", q.id) ? reasonForm("RejectReason", "Reject", reason => call("Reject", q.id, reason)) : null);
    if (mayAnswer && q.state !== "rejected" && !q.answer) {
      const id = `answer-${q.id}`;
      const input = el("input", { id, type: "text", maxlength: "4000", required: true });
      item.append(el("form", { class: "inline-form answer-form", onsubmit: async ev => {
        ev.preventDefault(); await call("Answer", q.id, input.value); } },
        el("label", { for: id, class: "visually-hidden", text: t("AnswerLabel") }), input,
        el("button", { type: "submit", class: "button small" }, t("Answer"))));
    }
    return item;
  }

  function pollCard(p) {
    const total = p.counts.reduce((a, b) => a + b, 0);
    const mine = state.myBallots.get(p.id) || [];
    return el("div", { class: "poll", "data-poll": p.id },
      el("h3", { text: p.question }),
      el("p", { class: "question-meta", text: (p.open ? t("PollOpen") : t("PollClosed")) + t("PollVoters", p.voters) + (p.multipleChoice ? t("PollMultiple") : "") }),
      p.options.map((option, i) => {
        const pct = total ? Math.round(100 * p.counts[i] / total) : 0;
        return el("button", { type: "button", class: "poll-option", disabled: !p.open || state.status !== "live",
          "aria-pressed": mine.includes(i) ? "true" : "false",
          onclick: async () => {
            await call("Vote", p.id, i);
            const next = p.multipleChoice ? (mine.includes(i) ? mine.filter(x => x !== i) : [...mine, i]) : [i];
            state.myBallots.set(p.id, next); render();
          } },
          el("span", { text: `${option} — ${p.counts[i]} (${pct}%)` }),
          el("span", { class: "poll-bar", style: { width: `${pct}%` }, "aria-hidden": "true" }));
      }),
      isModerator && p.open ? el("button", { type: "button", class: "button small secondary", onclick: () => call("ClosePoll", p.id) }, t("ClosePoll")) : null);
  }

  const isOpen = (kind, id) => reasonFor !== null && reasonFor.kind === kind && reasonFor.id === id;

  function openReason(kind, id) {
    reasonFor = isOpen(kind, id) ? null : { kind, id, text: "" };
    render();
    if (reasonFor) $("reason-text").focus();
  }

  // The inline form that asks a moderator for a required reason; it survives the room's live re-renders.
  function reasonForm(labelKey, submitKey, send) {
    const input = el("input", { id: "reason-text", type: "text", maxlength: "300", required: true, value: reasonFor.text,
      oninput: ev => { reasonFor.text = ev.target.value; } });
    return el("form", { class: "inline-form reason-form", onsubmit: async ev => {
      ev.preventDefault();
      await send(input.value);
      reasonFor = null; render(); } },
      el("label", { for: "reason-text", text: t(labelKey) }), input,
      el("button", { type: "submit", class: "button small" }, t(submitKey)),
      el("button", { type: "button", class: "button small secondary", onclick: () => { reasonFor = null; render(); } }, t("Cancel")));
  }

  function render() {
    // Live updates rebuild the lists; keep the caret where the person was typing.
    const focused = document.activeElement && document.activeElement.id;
    const caret = focused && document.activeElement.selectionStart;
    $("room-status").textContent = statusText[state.status] || "";
    $("participants").textContent = state.participants;
    if (agenda.length && state.agendaStep != null) {
      $("agenda").hidden = false;
      $("agenda-step").textContent = `${state.agendaStep + 1}/${agenda.length}. ${agenda[state.agendaStep]}`;
    }
    const live = state.status === "live";
    room.querySelectorAll("#ask-form button, #say-form button, #poll-form button").forEach(b => b.disabled = !live);
    if ($("session-start")) { $("session-start").hidden = state.status !== "scheduled"; $("session-end").hidden = !live; }

    const questions = [...state.questions.values()].map(v => v.item)
      .sort((a, b) => b.votes - a.votes || a.askedSeq - b.askedSeq);
    const shown = questions.filter(q => q.state === "visible" || (!isModerator && q.state !== "visible"));
    $("questions").replaceChildren(...shown.map(questionItem));
    if (isModerator) {
      // "Awaiting approval" heads only questions that await it: without pre-moderation every question is public at once.
      const pending = questions.filter(q => q.state === "pending");
      $("queue-heading").hidden = pending.length === 0;
      $("queue").replaceChildren(...pending.map(questionItem));
    }
    const pinned = state.pinned && state.questions.get(state.pinned);
    $("pinned").hidden = !pinned;
    if (pinned) $("pinned").replaceChildren(el("p", { text: t("PinnedHeading") }), el("p", { text: pinned.item.text }));

    $("polls").replaceChildren(...[...state.polls.values()].map(v => v.item).sort((a, b) => b.openedSeq - a.openedSeq).map(pollCard));
    $("messages").replaceChildren(...[...state.messages.values()].map(v => v.item).sort((a, b) => a.seq - b.seq).map(m =>
      el("li", { "data-message": m.id },
        el("strong", { text: m.saidBy + ": " }),
        m.hidden ? el("em", { text: t("HiddenMessage", m.hiddenReason) }) : el("span", { class: "chat-text", text: m.text }),
        isModerator && !m.hidden ? el("button", { type: "button", class: "link-button chat-hide", "aria-expanded": isOpen("hide", m.id) ? "true" : "false",
          onclick: () => openReason("hide", m.id) }, t("Hide")) : null,
        isOpen("hide", m.id) ? reasonForm("HideReason", "Hide", reason => call("HideMessage", m.id, reason)) : null)));
    const again = focused && $(focused);
    if (again && again !== document.activeElement) {
      again.focus();
      if (caret != null && again.setSelectionRange) again.setSelectionRange(caret, caret);
    }
  }

  DialogueState.follow(connection, sessionId, state, render);

  connection.onreconnecting(() => { $("reconnecting").textContent = t("Reconnecting"); $("reconnecting").hidden = false; });
  connection.onreconnected(() => { $("reconnecting").hidden = true; });
  connection.onclose(() => { $("reconnecting").textContent = t("Disconnected"); $("reconnecting").hidden = false; });

  $("ask-form").addEventListener("submit", async ev => {
    ev.preventDefault();
    const text = $("ask-text").value, anchor = $("ask-anchor").value;
    await (anchor ? call("AskAbout", text, anchor) : call("Ask", text));
    $("ask-text").value = ""; $("ask-anchor").value = "";
  });
  $("say-form").addEventListener("submit", async ev => {
    ev.preventDefault(); await call("Say", $("say-text").value); $("say-text").value = "";
  });
  if (isModerator) {
    $("poll-form").addEventListener("submit", async ev => {
      ev.preventDefault();
      const options = $("poll-options").value.split("\n").map(s => s.trim()).filter(Boolean);
      await call("OpenPoll", $("poll-question").value, options, $("poll-multiple").checked);
      $("poll-question").value = ""; $("poll-options").value = "";
    });
    if ($("agenda-next")) $("agenda-next").addEventListener("click", () => call("NextAgendaStep"));
    const post = path => fetch(`/api/sessions/${sessionId}/${path}`, { method: "POST", credentials: "same-origin" });
    $("session-start").addEventListener("click", () => post("start"));
    $("session-end").addEventListener("click", () => post("end"));
  }

  (async () => {
    await connection.start();
    DialogueState.load(state, await connection.invoke("Join", sessionId));
    render();
    room.dataset.ready = "true";
  })().catch(err => { $("room-error").textContent = String(err.message || err); $("room-error").hidden = false; });
})();
