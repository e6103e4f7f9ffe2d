// Items pushed live on a consultation page (the "feedback-changed" event of feedback-live.js): a new public
// item is added to its section's list, a revised one is redrawn, one that left public view (withdrawn, hidden)
// is removed. Every text goes in as textContent, never as markup. Reporting a live-added item needs a reload
// (the report form carries the page's anti-forgery token).
(() => {
  const host = document.querySelector("[data-consultation-id]");
  if (!host) return;
  const stances = JSON.parse(host.dataset.stanceLabels || "{}");
  // The page's own texts, from the resources through data-text-* attributes.
  const texts = host.dataset;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function slotOf(anchor) {
    const slots = [...document.querySelectorAll(".section-feedback-slot")];
    return slots.find(s => (s.dataset.anchor ?? null) === (anchor ?? null)) ?? null;
  }

  function listOf(slot) {
    let details = slot.querySelector("details.section-feedback");
    if (!details) {
      details = el("details", "section-feedback");
      const summary = el("summary", null, `${texts.textItems} (`);
      summary.append(el("span", "entry-count", "0"), ")");
      details.append(summary, el("ol"));
      slot.append(details);
    }
    return details.querySelector("ol");
  }

  function draw(li, item) {
    li.replaceChildren(el("p", "meta", `${item.authorName} · ${stances[item.stance] ?? item.stance}`));
    if (item.quote) li.append(el("blockquote", "pre-wrap", item.quote.text));
    if (item.proposedText) {
      const proposed = el("p");
      proposed.append(el("strong", null, texts.textProposed), " ", el("span", "pre-wrap", item.proposedText));
      li.append(proposed);
    }
    li.append(el("p", "pre-wrap rationale", item.rationale));
  }

  function recount(slot) {
    const details = slot.querySelector("details.section-feedback");
    if (!details) return;
    const count = details.querySelectorAll("li.feedback-entry").length;
    if (count === 0) details.remove();
    else details.querySelector(".entry-count").textContent = String(count);
  }

  host.addEventListener("feedback-changed", ({ detail }) => {
    const existing = document.getElementById(`item-${detail.id}`);
    const item = detail.item;
    if (!item) {
      if (!existing) return;
      const slot = existing.closest(".section-feedback-slot");
      existing.remove();
      recount(slot);
      return;
    }
    if (existing) {
      // A revision keeps the server-drawn extras (response, report form): only the item's own text changes.
      const meta = existing.querySelector(".meta");
      if (meta) meta.textContent = `${item.authorName} · ${stances[item.stance] ?? item.stance}`;
      const rationale = existing.querySelector(".rationale");
      if (rationale) rationale.textContent = item.rationale;
      return;
    }
    const slot = slotOf(item.sectionAnchor);
    if (!slot) return;
    const li = el("li", "feedback-entry");
    li.id = `item-${item.id}`;
    draw(li, item);
    listOf(slot).append(li);
    recount(slot);
  });
})();
