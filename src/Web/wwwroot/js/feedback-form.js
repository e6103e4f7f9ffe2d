// Feedback form: quote a passage by selecting it (mouse or touch, via selectionchange) and keep unsent
// text in localStorage so closing the page loses nothing.
(() => {
  const form = document.getElementById("feedback-form");
  if (!form) return;
  const sectionText = document.getElementById("section-text");
  const quoteText = document.getElementById("quote-text");
  const quoteStart = document.getElementById("quote-start");
  const quoteEnd = document.getElementById("quote-end");
  const status = document.getElementById("draft-status");
  const key = form.dataset.draftKey;

  // Offsets are UTF-16 code units into the section's plain text, as the server checks them.
  function offsetWithin(container, node, offset) {
    const range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  if (sectionText && quoteText) {
    document.addEventListener("selectionchange", () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
      const range = selection.getRangeAt(0);
      if (!sectionText.contains(range.startContainer) || !sectionText.contains(range.endContainer)) return;
      const start = offsetWithin(sectionText, range.startContainer, range.startOffset);
      const end = offsetWithin(sectionText, range.endContainer, range.endOffset);
      if (end <= start) return;
      quoteText.value = sectionText.textContent.slice(start, end);
      quoteStart.value = start;
      quoteEnd.value = end;
      save();
    });
    document.getElementById("quote-clear")?.addEventListener("click", () => {
      quoteText.value = quoteStart.value = quoteEnd.value = "";
      save();
    });
  }

  const saved = ["ProposedText", "Rationale", "QuoteText", "QuoteStart", "QuoteEnd"];
  function save() {
    try {
      const data = {};
      for (const name of saved) data[name] = form.elements[name]?.value ?? "";
      data.Stance = form.elements.Stance?.value ?? "";
      data.Attribution = form.elements.Attribution?.value ?? "";
      localStorage.setItem(key, JSON.stringify(data));
      if (status) status.textContent = form.dataset.textSaved;
    } catch { /* storage full or disabled: the form still works */ }
  }

  function restore() {
    let data;
    try { data = JSON.parse(localStorage.getItem(key) ?? "null"); } catch { data = null; }
    if (!data || form.querySelector(".validation-summary-errors")) return;
    for (const name of saved) if (form.elements[name] && data[name] && !form.elements[name].value) form.elements[name].value = data[name];
    for (const group of ["Stance", "Attribution"]) {
      const radio = form.querySelector(`input[name="${group}"][value="${CSS.escape(data[group] ?? "")}"]`);
      if (radio) radio.checked = true;
    }
    if (status) status.textContent = form.dataset.textRestored;
  }

  restore();
  form.addEventListener("input", save);
  form.addEventListener("submit", () => { try { localStorage.removeItem(key); } catch { } });
})();
