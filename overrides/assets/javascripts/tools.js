// Tools for drafters (hooks/tools.py, hooks/compare.py). Nothing here sends anything anywhere; the
// one thing kept in the browser is the comparison's choice of languages (COMPARE_KEY).

// "Cite": each paragraph's and provision's button opens the page's one dialog with a ready
// citation (today's date as the date of access), copied with one click or Enter, and the same
// citation as CSL-JSON, BibTeX or RIS. The formats are the build's (edition/tools/citation.py), with
// tokens for what only the browser knows.
// The templates arrive with a deferred script (cite/templates.js), run before DOMContentLoaded.
document.addEventListener("DOMContentLoaded", function () {
  const dialog = document.getElementById("edition-cite");
  const data = window.editionCite;
  if (!dialog || !data || typeof dialog.showModal !== "function") return;
  data.path = dialog.dataset.path;
  const words = data.words;
  const title = dialog.querySelector(".edition-cite__title");
  const text = dialog.querySelector(".edition-cite__text");
  const status = dialog.querySelector(".edition-cite__status");
  const copy = dialog.querySelector(".edition-cite__copy");
  const types = { csl: ["application/vnd.citationstyles.csl+json", ".json"], bibtex: ["application/x-bibtex", ".bib"], ris: ["application/x-research-info-systems", ".ris"] };
  const bibtexSpecials = { "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "&": "\\&", "%": "\\%", "$": "\\$", "#": "\\#", "_": "\\_", "^": "\\^{}", "~": "\\~{}" };
  let current = null;
  let opener = null;

  // What a button cites: its paragraph or provision (number or label, anchor), or the whole edition.
  function part(button) {
    if (button.classList.contains("edition-tools__cite--work")) return null;
    // A provision whose 2005 caption follows it has its tools after the caption, tied to it by id.
    const apparatus = button.closest("[data-apparatus-of]");
    const holder = apparatus ? document.getElementById(apparatus.dataset.apparatusOf) : button.closest(".guideline[id], .provision[id]");
    if (!holder) return null;
    if (holder.classList.contains("guideline")) {
      const number = holder.querySelector(".guideline__number a").textContent.trim();
      return {
        anchor: holder.id,
        locator: edition.fill(words.cite_locator_paragraph, { number }),
        inText: edition.fill(words.cite_in_text_paragraph, { number }),
        name: edition.fill(words.tools_cite_paragraph, { number }),
      };
    }
    const label = holder.querySelector(".provision__label").textContent.trim();
    return { anchor: holder.id, locator: edition.fill(words.cite_locator_provision, { label }), name: edition.fill(words.tools_cite_provision, { label }) };
  }
  // The date of access, in UTC as every date the edition writes (shared.js).
  function accessed() {
    const { iso, year, month, day } = edition.today();
    const words = edition.fill(data.date_format, { day, month: data.months[month - 1], year });
    return { iso, words, parts: [year, month, day] };
  }
  // The permanent address when the site has one, else the page's own; no braces or spaces.
  function address(anchor) {
    const page = data.base ? data.base + data.path : location.href.split("#")[0];
    return (page + (anchor ? `#${anchor}` : "")).replace(/[{}\\\s]/g, "");
  }
  // The build's citation formats hold @@TOKEN@@s, not {fields}: braces are BibTeX's and JSON's own.
  function fillTokens(template, values, escape) {
    return template.replace(/@@(KEY|LOCATOR|URL|ACCESSED)@@/g, (_, name) => escape(values[name], name));
  }
  function citations(cited) {
    const date = accessed();
    const url = address(cited && cited.anchor);
    const key = cited ? `${data.key}-${cited.anchor}` : data.key;
    const locator = cited ? cited.locator.replace(/\s+/g, " ") : "";
    const t = cited ? data.part : data.work;
    const same = (value) => value;
    const csl = JSON.parse(fillTokens(t.csl, { KEY: key, LOCATOR: locator, URL: url }, (value) => JSON.stringify(value).slice(1, -1)));
    csl[0].accessed = { "date-parts": [date.parts] };
    return {
      key,
      text: fillTokens(t.text, { LOCATOR: (cited && cited.inText) || locator, URL: url, ACCESSED: date.words }, same),
      csl: JSON.stringify(csl, null, 2) + "\n",
      bibtex: fillTokens(t.bibtex, { KEY: key, URL: url, ACCESSED: date.iso, LOCATOR: locator.replace(/[\\{}&%$#_^~]/g, (c) => bibtexSpecials[c]) }, same),
      ris: fillTokens(t.ris, { KEY: key, LOCATOR: locator, URL: url, ACCESSED: date.iso.replace(/-/g, "/") }, same),
    };
  }
  function announce(message) {
    status.textContent = "";
    window.setTimeout(() => { status.textContent = message; }, 50);
  }
  async function copyText() {
    announce((await edition.copy(current.text, text)) ? words.cite_copied : words.cite_copy_failed);
  }
  function download(format) {
    const [type, extension] = types[format];
    edition.download(current.key + extension, current[format], type);
  }

  const model = document.getElementById("edition-cite-button");
  for (const tools of document.querySelectorAll(".edition-tools")) {
    tools.prepend(model.content.cloneNode(true));
  }
  for (const button of document.querySelectorAll(".edition-tools__cite")) {
    const cited = part(button);
    if (cited) button.setAttribute("aria-label", cited.name);
    button.hidden = false;
    button.addEventListener("click", () => {
      const cited = part(button);
      current = citations(cited);
      opener = button;
      title.textContent = cited ? cited.name : words.cite_this_edition;
      text.textContent = current.text;
      status.textContent = "";
      dialog.showModal();
      copy.focus();
    });
  }
  copy.addEventListener("click", copyText);
  dialog.querySelector(".edition-cite__close").addEventListener("click", () => dialog.close());
  for (const button of dialog.querySelectorAll(".edition-cite__download")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  dialog.addEventListener("close", () => { if (opener) opener.focus(); });
});

// "Compare languages": the reader's choice of languages, kept for the next page and visit under
// COMPARE_KEY (the language codes, comma-separated); at least two stay shown.
(function () {
  const COMPARE_KEY = "edition.compare.languages";
  const form = document.querySelector(".compare-choice");
  const compare = document.querySelector("[data-compare]");
  if (!form || !compare) return;
  const boxes = Array.from(form.querySelectorAll("input[name='compare-language']"));
  function stored() {
    try {
      const value = window.localStorage.getItem(COMPARE_KEY);
      return value ? value.split(",") : null;
    } catch {
      return null;
    }
  }
  function show(chosen) {
    for (const box of boxes) box.checked = chosen.includes(box.value);
    const checked = boxes.filter((box) => box.checked);
    for (const box of boxes) box.disabled = box.checked && checked.length <= 2;
    for (const cell of compare.querySelectorAll("[data-lang]")) cell.hidden = !chosen.includes(cell.dataset.lang);
    compare.style.setProperty("--compare-columns", String(checked.length));
  }
  const known = boxes.map((box) => box.value);
  const saved = (stored() || []).filter((lang) => known.includes(lang));
  show(saved.length >= 2 ? saved : known);
  form.addEventListener("change", () => {
    const chosen = boxes.filter((box) => box.checked).map((box) => box.value);
    show(chosen);
    try {
      window.localStorage.setItem(COMPARE_KEY, chosen.join(","));
    } catch {
      // Storage refused (private mode, file:// policy): the choice lasts for this page only.
    }
  });
})();
