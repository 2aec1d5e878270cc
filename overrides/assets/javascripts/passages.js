// Passages: the words a comment is about (edition/comments/passages.py). A paragraph's or quoted
// provision's text as a reader sees it, computed from the page as Python's reader_text computes it
// from the source (apparatus left out, blanks collapsed, NFC), with the place of each character in
// the page, so that a selection becomes {exact, prefix, suffix, start} and a passage a <mark>.
// Selecting words in a paragraph or provision (mouse, touch or keyboard) shows a "Comment on this
// passage" link beside them, which opens the comment form with the paragraph and the words filled in.
(function () {
  "use strict";
  const CONTEXT = 32; // characters before and after the words, as the comment file records them
  // The apparatus a paragraph's text leaves out (edition/shared/apparatus.py, DATA_EXCLUDED; held
  // to it by tests/test_passages_browser.py), footnote marks, and what this script adds.
  const APPARATUS = ["anchor-alias", "comments", "edition-tools", "guideline__number", "guideline__rests-on",
    "law-since", "practice-links", "xref__tip"];
  const SKIPPED = [...APPARATUS.map((c) => `.${c}`), ".footnote-ref", ".passage-mark__label", ".passage-control"].join(", ");
  const BLOCKS = new Set(["P", "LI", "UL", "OL", "BLOCKQUOTE", "BR", "DIV", "FIGURE", "TABLE", "TR", "TD", "TH", "H1", "H2", "H3", "H4", "H5", "H6"]);
  const HOLDERS = ".guideline, .provision";
  const BLANK = /\s/u;

  // The element whose words are a target's text: the paragraph, or the provision's quotation.
  function textRoot(holder) {
    return holder.matches(".provision") ? holder.querySelector(".provision__text") : holder;
  }

  // {chars, from}: the text's characters (code points) and, for each, the page's point [node, offset]
  // where it starts. Blocks are separated by a blank, as Markdown's rendering separates them.
  function readerText(root) {
    const chars = [];
    const from = [];
    let blank = true; // a blank at the start is dropped, as strip() drops it
    const push = (char, node, offset) => {
      if (BLANK.test(char)) {
        if (!blank) { chars.push(" "); from.push([node, offset]); }
        blank = true;
        return;
      }
      chars.push(char);
      from.push([node, offset]);
      blank = false;
    };
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        let offset = 0;
        for (const char of node.data.normalize("NFC")) { push(char, node, offset); offset += char.length; }
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || (node !== root && node.matches(SKIPPED))) return;
      const block = BLOCKS.has(node.tagName);
      if (block) push(" ", node, 0);
      for (const child of node.childNodes) walk(child);
      if (block) push(" ", node, node.childNodes.length);
    };
    walk(root);
    if (chars[chars.length - 1] === " ") { chars.pop(); from.pop(); }
    return { chars, from };
  }

  // A holder's text: a provision's without the quotation marks the page puts around it (the
  // language's own, edition/text/render.py's quote, not the registry's words).
  function holderText(holder) {
    const text = readerText(textRoot(holder));
    if (holder.matches(".provision")) {
      const cut = (at) => { text.chars.splice(at, 1); text.from.splice(at, 1); };
      if (/\p{Pi}/u.test(text.chars[0] || "")) cut(0);
      if (text.chars[0] === " ") cut(0);
      if (/\p{Pf}/u.test(text.chars[text.chars.length - 1] || "")) cut(text.chars.length - 1);
      if (text.chars[text.chars.length - 1] === " ") cut(text.chars.length - 1);
    }
    return text;
  }

  function textOf(holder) {
    return holderText(holder).chars.join("");
  }

  // Whether the page's point a comes before point b (-1), is it (0) or after (1).
  function order(a, b) {
    const range = document.createRange();
    range.setStart(a[0], a[1]);
    return range.comparePoint(b[0], b[1]) * -1;
  }

  // The words of a selection range in one holder, with their context and place in its text.
  function passageOf(range, holder) {
    const { chars, from } = holderText(holder);
    const start = [range.startContainer, range.startOffset];
    const end = [range.endContainer, range.endOffset];
    let first = from.findIndex((point) => order(point, start) >= 0);
    if (first < 0) return null;
    let last = from.findIndex((point) => order(point, end) >= 0);
    if (last < 0) last = chars.length;
    while (first < last && chars[first] === " ") first += 1;
    while (last > first && chars[last - 1] === " ") last -= 1;
    if (last <= first) return null;
    return {
      exact: chars.slice(first, last).join(""),
      prefix: chars.slice(Math.max(0, first - CONTEXT), first).join(""),
      suffix: chars.slice(last, last + CONTEXT).join(""),
      start: first,
    };
  }

  // The holder a node is in, unless it is in the holder's apparatus.
  function holderOf(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    const holder = element && element.closest(HOLDERS);
    if (!holder) return null;
    const root = textRoot(holder);
    if (!root || !root.contains(element)) return null;
    const skipped = element.closest(SKIPPED);
    return skipped && holder.contains(skipped) ? null : holder;
  }

  // The stretches of text that spans [start, end) cover, sorted, overlapping or touching ones merged:
  // however many comments share words, each word is marked once and no mark holds another.
  function merged(spans, length) {
    const valid = spans
      .filter((s) => Array.isArray(s) && Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[1] > s[0] && s[1] <= length)
      .sort((a, b) => a[0] - b[0]);
    const out = [];
    for (const [start, end] of valid) {
      const last = out[out.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else out.push([start, end]);
    }
    return out;
  }

  // Marks the words of spans ([start, end): code points of the holder's text) with <mark>s, each
  // stretch named for screen readers by a visually hidden label that the text leaves out. The marks
  // made. Stretches are marked from the last to the first, so the page's points read once for the
  // whole text stay true (a stretch splits only text nodes at or after its own start).
  function mark(holder, spans, label) {
    const { from } = holderText(holder);
    const marks = [];
    for (const [start, end] of merged(spans, from.length).reverse()) {
      marks.push(...markStretch(holder, from, start, end, label));
    }
    return marks;
  }

  function markStretch(holder, from, start, end, label) {
    const range = document.createRange();
    range.setStart(from[start][0], from[start][1]);
    const lastPoint = from[end - 1];
    if (lastPoint[0].nodeType === Node.TEXT_NODE) {
      const char = String.fromCodePoint(lastPoint[0].data.codePointAt(lastPoint[1]));
      range.setEnd(lastPoint[0], lastPoint[1] + char.length);
    } else {
      range.setEnd(lastPoint[0], lastPoint[1]);
    }
    const nodes = [];
    const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE && range.intersectsNode(node) && holderOf(node) === holder) nodes.push(node);
    }
    const marks = [];
    for (let node of nodes) {
      const from0 = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.data.length;
      if (to <= from0 || !node.data.slice(from0, to).trim()) continue;
      if (from0 > 0) node = node.splitText(from0);
      if (to - from0 < node.data.length) node.splitText(to - from0);
      const element = document.createElement("mark");
      element.className = "passage-mark";
      node.replaceWith(element);
      element.append(node);
      marks.push(element);
    }
    if (marks.length) {
      const name = document.createElement("span");
      name.className = "passage-mark__label edition-visually-hidden";
      name.textContent = label;
      marks[0].prepend(name);
    }
    return marks;
  }

  // Takes marks away, leaving the words as they were.
  function unmark(marks) {
    for (const element of marks) {
      const label = element.querySelector(".passage-mark__label");
      if (label) label.remove();
      const parent = element.parentNode;
      if (!parent) continue;
      element.replaceWith(...element.childNodes);
      parent.normalize();
    }
  }

  // What an apparatus element (a panel, a link) belongs to: its paragraph, or the provision whose
  // apparatus follows the quotation it is in (data-apparatus-of).
  function ownerOf(element) {
    const apart = element.closest("[data-apparatus-of]");
    return apart ? document.getElementById(apart.dataset.apparatusOf) : element.closest(HOLDERS);
  }

  // The holder's own "Comment on this paragraph" (or provision) link.
  function newLinkOf(holder) {
    const apart = document.querySelector(`[data-apparatus-of="${CSS.escape(holder.id)}"]`);
    return (apart || holder).querySelector(".comments__new[data-passage-label]");
  }

  window.editionPassages = Object.freeze({ textOf, passageOf, holderOf, ownerOf, mark, unmark, APPARATUS, CONTEXT });

  // ---- Select, then comment
  // The link is put in the page right after the words' block (the paragraph's <p> or list, the
  // provision's quotation), so Tab from the selection reaches it next, not at the end of the page.
  // It never takes focus by itself: a reader selecting to copy keeps the selection and the focus.
  // It is named by its own words ("Comment on this passage"), which a status also says once when
  // it appears, for a screen reader's user who selected words. Escape hides it.

  let control = null;
  let told = null; // the status that says the link has appeared
  function hide() {
    if (!control || control.hidden) return;
    control.hidden = true;
    told.textContent = "";
  }

  // Says the link's words in the status; a moment after the status is put in the page, as screen
  // readers announce a change to a status only once they know of it.
  function announce(words) {
    if (!told) {
      told = document.createElement("p");
      told.className = "passage-control__status edition-visually-hidden";
      told.setAttribute("role", "status");
      document.body.append(told);
    }
    window.setTimeout(() => {
      if (!control.hidden) told.textContent = words;
    }, 100);
  }

  // The element the link goes after: the holder's block the selection ends in, or the quotation.
  function placeAfter(range, holder) {
    const root = textRoot(holder);
    if (root !== holder) return root;
    let node = range.endContainer === holder ? holder.childNodes[Math.max(0, range.endOffset - 1)] : range.endContainer;
    if (node && node.nodeType !== Node.ELEMENT_NODE) node = node.parentElement;
    while (node && node.parentElement !== holder) node = node.parentElement;
    return node || root.lastElementChild;
  }

  // The link's place: under the selection, inside the width of the reader's window. Measured where
  // it lands, as its containing block depends on the page.
  function position(range) {
    const box = range.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    control.style.top = "0px";
    control.style.left = "0px";
    const origin = control.getBoundingClientRect();
    const left = Math.max(4, Math.min(box.left, width - Math.min(origin.width, 250) - 4));
    control.style.top = `${box.bottom + 6 - origin.top}px`;
    control.style.left = `${left - origin.left}px`;
  }

  // Where the paragraph's own "Comment on this paragraph" link leads, with the words added.
  function show(range, holder) {
    const link = newLinkOf(holder);
    const passage = link && link.getAttribute("href") !== "#" ? passageOf(range, holder) : null;
    if (!passage) return hide();
    if (!control) {
      control = document.createElement("a");
      control.className = "passage-control";
      control.hidden = true;
      // A press on the link leaves the selection as it is, so the link stays until it is followed.
      control.addEventListener("mousedown", (event) => event.preventDefault());
    }
    const after = placeAfter(range, holder);
    if (after && after.nextSibling !== control && document.activeElement !== control) after.after(control);
    const url = new URL(link.getAttribute("href"), location.href);
    for (const name of ["exact", "prefix", "suffix"]) url.searchParams.set(name, passage[name]);
    url.searchParams.set("start", String(passage.start));
    control.href = url.href;
    control.textContent = link.dataset.passageLabel;
    const appearing = control.hidden;
    control.hidden = false;
    position(range);
    if (appearing) announce(link.dataset.passageLabel);
  }

  let pending = 0;
  document.addEventListener("selectionchange", () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        // Keep the link while it has focus or is being tapped: a tap on it collapses the selection.
        if (control && document.activeElement !== control && !control.matches(":hover")) hide();
        return;
      }
      const range = selection.getRangeAt(0);
      const holder = holderOf(range.startContainer);
      if (holder && holderOf(range.endContainer) === holder) show(range, holder);
      else hide();
    }, 120);
  });
  // Escape hides the link; from the link itself, focus goes back to the words' paragraph, so the
  // next Tab goes on from there.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !control || control.hidden) return;
    const from = document.activeElement === control ? control.previousElementSibling : null;
    hide();
    if (!from) return;
    if (!from.hasAttribute("tabindex")) {
      from.setAttribute("tabindex", "-1");
      from.addEventListener("blur", () => from.removeAttribute("tabindex"), { once: true });
    }
    from.focus({ preventScroll: true });
  });
})();
