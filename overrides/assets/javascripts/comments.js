// Comments arrive when a reader asks for them. A paragraph's panel shows its count; opening it loads
// the paragraph's comment file (comments/on/iv-b-17.js, written by hooks/comments.py), which hands
// its data to editionComments.receive (edition.handed, shared.js). The Comments page's filters load
// only the files they need, a page of results at a time.
(function () {
  "use strict";

  // A target's comments and the address of their file, which their links are relative to. A file
  // about another target is refused rather than shown under this one.
  function load(src, target) {
    const base = new URL(src, location.href).href;
    return edition.handed(base, "editionComments").then((data) => {
      if (data.target !== target) throw new Error(`${base} holds the comments on ${data.target}, not on ${target}`);
      return { data, base };
    });
  }

  // The comment's article, parsed inert (a <template> runs nothing and loads nothing), its links
  // made absolute from the comment file they are relative to.
  function article(comment, base) {
    const template = document.createElement("template");
    template.innerHTML = comment.html;
    for (const link of template.content.querySelectorAll("a[href]")) {
      link.setAttribute("href", new URL(link.getAttribute("href"), base).href);
    }
    return template.content;
  }

  function say(place, text) {
    const status = document.createElement("p");
    status.className = "comments__status";
    status.setAttribute("role", "status");
    status.textContent = text;
    place.replaceChildren(status);
  }

  // ---- Panels under paragraphs and provisions

  // The words each comment is about, marked in the paragraph while its panel is open (passages.js);
  // only those the build found in this language's text carry a place to mark. Words several
  // comments share are marked once (passages.js merges the places), however many comments there are.
  const marked = new Map(); // details: the <mark>s made for its comments
  function markPassages(details, comments) {
    const passages = window.editionPassages;
    const holder = passages && passages.ownerOf(details);
    if (!holder || marked.has(details)) return;
    const spans = comments.filter((c) => Array.isArray(c.mark)).map((c) => c.mark);
    marked.set(details, passages.mark(holder, spans, details.dataset.passageMark));
  }
  function unmarkPassages(details) {
    if (window.editionPassages && marked.has(details)) window.editionPassages.unmark(marked.get(details));
    marked.delete(details);
  }

  function fill(details) {
    if (details.dataset.commentsState === "loaded") {
      return load(details.dataset.commentsSrc, details.dataset.commentsTarget).then(({ data }) => markPassages(details, data.comments));
    }
    const list = details.querySelector(".comments__list");
    say(list, details.dataset.commentsLoading);
    list.setAttribute("aria-busy", "true");
    return load(details.dataset.commentsSrc, details.dataset.commentsTarget).then(
      ({ data, base }) => {
        list.replaceChildren(...data.comments.map((c) => article(c, base)));
        list.removeAttribute("aria-busy");
        details.dataset.commentsState = "loaded";
        markPassages(details, data.comments);
      },
      () => {
        say(list, details.dataset.commentsFailed);
        list.removeAttribute("aria-busy");
      },
    );
  }

  for (const details of document.querySelectorAll("details[data-comments-src]")) {
    details.addEventListener("toggle", () => {
      if (details.open) fill(details);
      else unmarkPassages(details);
    });
  }

  // An address to one comment (#comment-…-on-iv-b-17) opens its paragraph's panel and goes to it.
  function showLinkedComment() {
    let id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return; // a malformed fragment (#%) names no comment: ignore it, as the browser does
    }
    const at = id.lastIndexOf("-on-");
    if (!id.startsWith("comment-") || at < 0) return;
    const holder = document.getElementById(id.slice(at + 4));
    const details = holder && holder.querySelector("details[data-comments-src]");
    if (!details) return;
    details.open = true;
    fill(details).then(() => {
      const comment = document.getElementById(id);
      if (comment) comment.scrollIntoView();
    });
  }
  window.addEventListener("hashchange", showLinkedComment);
  showLinkedComment();

  // ---- The Comments page: filters over files loaded a page of results at a time

  const form = document.querySelector("form.comments-browse");
  const source = document.getElementById("comments-browse-data");
  if (!form || !source) return;
  const settings = JSON.parse(source.textContent);
  const messages = settings.messages;
  const status = document.querySelector(".comments-browse__status");
  const results = document.querySelector(".comments-browse__results");
  const more = document.querySelector(".comments-browse__more");
  let search = null;

  function words(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function chosen() {
    const value = (name) => form.elements[name].value;
    return { on: value("on"), language: value("language"), kind: value("kind"), status: value("status"),
             words: words(value("words")).split(/\s+/).filter(Boolean) };
  }
  function facetsMatch(f, [status, kind, language]) {
    return (!f.status || f.status === status) && (!f.kind || f.kind === kind) && (!f.language || f.language === language);
  }
  // How many comments each target has for the chosen facets: exact without words, before any file loads.
  function plan(f) {
    return settings.targets
      .filter((t) => !f.on || t.target === f.on)
      .map((t) => ({ ...t, n: t.facets.filter((x) => facetsMatch(f, x)).reduce((sum, x) => sum + x[3], 0) }))
      .filter((t) => t.n > 0);
  }

  function start() {
    const f = chosen();
    const targets = plan(f);
    search = { f, targets, next: 0, shown: 0, queue: [],
               total: targets.reduce((sum, t) => sum + t.n, 0) };
    results.replaceChildren();
    const params = new URLSearchParams();
    for (const name of ["on", "language", "kind", "status", "words"]) {
      if (form.elements[name].value) params.set(name, form.elements[name].value);
    }
    history.replaceState(null, "", `${location.pathname}${params.toString() ? `?${params}` : ""}#find-comments`);
    return page();
  }

  // Loads target files in reading order until a page of matching comments is ready.
  // After "Show more", focus goes to the first new result, so a keyboard user reads on from there.
  async function page(focusNew = false) {
    const s = search;
    more.disabled = true;
    status.textContent = messages.loading;
    while (s.queue.length < settings.page && s.next < s.targets.length) {
      const target = s.targets[s.next];
      let loaded;
      try {
        loaded = await load(target.src, target.target);
      } catch {
        status.textContent = messages.load_failed;
        more.disabled = false;
        return;
      }
      if (s !== search) return; // the reader has started another search
      s.next += 1;
      for (const comment of loaded.data.comments) {
        const f = s.f;
        if (!facetsMatch(f, [comment.status, comment.kind, comment.language])) continue;
        const piece = article(comment, loaded.base);
        if (f.words.length && !f.words.every((w) => words(piece.textContent).includes(w))) continue;
        s.queue.push({ target, comment, piece });
      }
    }
    let first = null;
    for (const { target, comment, piece } of s.queue.splice(0, settings.page)) {
      const item = document.createElement("li");
      item.className = "comments-browse__item";
      item.tabIndex = -1;
      first = first || item;
      const on = document.createElement("p");
      on.className = "comments-browse__on";
      const link = document.createElement("a");
      link.href = `${new URL(target.href, location.href).href.split("#")[0]}#${comment.id}`;
      link.textContent = edition.fill(messages.on, { target: target.label });
      on.append(link);
      item.append(on, piece);
      results.append(item);
      s.shown += 1;
    }
    const left = s.queue.length > 0 || s.next < s.targets.length;
    if (s.shown === 0 && !left) status.textContent = messages.none;
    else if (s.f.words.length) status.textContent = edition.fill(messages.searched,
      { shown: s.shown, searched: s.next, targets: s.targets.length });
    else status.textContent = edition.fill(messages.count, { shown: s.shown, total: s.total });
    more.hidden = !left;
    more.disabled = false;
    if (focusNew && first) first.focus();
  }

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    start();
  });
  more.addEventListener("click", () => {
    if (search) page(true);
  });
  // An address with filters (?on=IV.b.17&status=open) shows them at once.
  const params = new URLSearchParams(location.search);
  if (["on", "language", "kind", "status", "words"].some((name) => params.has(name))) {
    for (const name of ["on", "language", "kind", "status", "words"]) {
      if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name);
    }
    start();
  }
})();
