// Live preview of a draft's sections on the publish page: asks POST /api/drafts/preview (the same
// parser that publishing uses) a moment after typing stops and renders the section tree into the
// aria-live region, with the same markup as the server-rendered preview (_SectionTree.cshtml).
(() => {
    "use strict";
    const form = document.querySelector("form[data-draft-preview]");
    const region = document.getElementById("preview");
    if (!form || !region) return;
    const textarea = form.querySelector("textarea[name='Markdown']");
    const upload = form.querySelector("input[type='file'][name='Upload']");
    const delayMs = 400;
    // Texts come from the shared resources through the form's data-text-* attributes.
    const message = (name, value) => (form.dataset["text" + name] ?? "").replace("{0}", value ?? "");
    let timer = 0;
    let pending = null;

    const paragraph = (text, className) => {
        const p = document.createElement("p");
        p.className = className;
        p.textContent = text;
        return p;
    };

    const span = (text, className, tag = "span") => {
        const element = document.createElement(tag);
        element.className = className;
        element.textContent = text;
        return element;
    };

    const tree = (children, parent) => {
        const list = document.createElement("ol");
        list.className = "section-tree";
        for (const section of children.get(parent) ?? []) {
            const item = document.createElement("li");
            if (section.number) item.append(span(section.number, "section-number"), " ");
            const text = section.text.length > 80 ? section.text.slice(0, 80) + "…" : section.text;
            item.append(span(section.heading || text, "section-heading"), " ", span("#" + section.anchor, "section-anchor", "code"));
            if (children.has(section.anchor)) item.append(tree(children, section.anchor));
            list.append(item);
        }
        return list;
    };

    const render = (sections, warnings) => {
        const children = new Map();
        for (const section of sections) {
            const key = section.parentAnchor ?? "";
            if (!children.has(key)) children.set(key, []);
            children.get(key).push(section);
        }
        const parts = [];
        if (warnings.length > 0) {
            const box = document.createElement("div");
            box.className = "preview-warnings";
            const heading = document.createElement("h3");
            heading.textContent = message("Warnings");
            const list = document.createElement("ul");
            for (const warning of warnings) list.append(span(warning.message, "", "li"));
            box.append(heading, list);
            parts.push(box);
        }
        region.replaceChildren(...parts, paragraph(message("Count", sections.length), "preview-count"), tree(children, ""));
    };

    const preview = async (markdown) => {
        if (!markdown.trim()) {
            region.replaceChildren(paragraph(message("Empty"), "meta"));
            return;
        }
        pending?.abort();
        pending = new AbortController();
        try {
            const response = await fetch("/api/drafts/preview", {
                method: "POST",
                credentials: "same-origin",
                headers: { "Content-Type": "application/json", "Accept": "application/json" },
                body: JSON.stringify({ markdown }),
                signal: pending.signal,
            });
            const body = await response.json().catch(() => ({}));
            if (response.ok) render(body.sections ?? [], body.warnings ?? []);
            else region.replaceChildren(paragraph(body.errors?.markdown?.[0] ?? body.detail ?? body.title ?? message("Failed", response.status), "field-error"));
        } catch (error) {
            if (error.name !== "AbortError") region.replaceChildren(paragraph(message("Failed", error.message), "field-error"));
        }
    };

    const schedule = (read) => {
        clearTimeout(timer);
        timer = setTimeout(async () => preview(await read()), delayMs);
    };

    textarea?.addEventListener("input", () => schedule(() => textarea.value));
    upload?.addEventListener("change", () => {
        const file = upload.files?.[0];
        // A Word file is read on the server: its preview comes with the preview button.
        if (file && file.name.toLowerCase().endsWith(".docx")) region.replaceChildren(paragraph(message("Docx"), "meta"));
        else if (file) schedule(() => file.text());
    });
})();
