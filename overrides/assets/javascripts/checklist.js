// The self-assessment checklist (docs/<lang>/checklist.md, overrides/checklist.html, hooks/checklist.py).
// The reader's statuses and notes stay in this browser: one localStorage entry (its key is the
// checklist's data-storage-key, the same in every language), keyed by paragraph number. Nothing is
// sent anywhere. Files are exported and imported as CSV or JSON; an import is checked whole before
// anything changes, and imported text reaches the page only as form values and textContent.
// The pure functions (CSV, validation, merge, summary) are on window.editionChecklist for the tests.
(() => {
  "use strict";

  const FORMAT = "edition-checklist";
  const VERSION = 1;
  const MAX_LISTED = 5;
  const COLUMNS = ["paragraph", "status", "note", "text"];
  const REQUIRED = ["paragraph", "status", "note"];
  // OWASP's CSV injection list: a cell starting with one of these may run as a formula, also after
  // leading blanks, and in full-width or small forms (＝, ﹢), which NFKC folds to these.
  const FORMULA_SIGN = /^[=+\-@]/;
  const HTML_LIKE = /<[A-Za-z!/?]/;
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

  // ---------------------------------------------------------------------------------------------
  // Pure functions: no DOM, no storage.

  const problem = (code, params = {}) => ({ code, params });
  const fail = (...problems) => ({ ok: false, problems });

  // Whether a spreadsheet might run the cell as a formula: a tab or carriage return first, or a
  // formula sign after any blanks or format characters (the rule of edition/comments/export.py;
  // blanks as Python's str.isspace counts them: \s, and U+001C-U+001F and U+0085 besides).
  function formulaLike(cell) {
    if (/^[\t\r]/.test(cell)) return true;
    // eslint-disable-next-line no-control-regex -- Python counts these control characters as blanks
    const first = [...cell.replace(/^[\s\p{Cf}\x1c-\x1f\x85]+/u, "")][0] || "";
    return FORMULA_SIGN.test(first.normalize("NFKC"));
  }

  // A spreadsheet cell that cannot run as a formula: an apostrophe before a dangerous cell, and
  // before one that begins with an apostrophe, so that a note beginning with one survives the round trip.
  function neutralise(cell) {
    return formulaLike(cell) || cell.startsWith("'") ? `'${cell}` : cell;
  }

  // The cell as written before neutralise(); other cells are left as they are.
  function unneutralise(cell) {
    const rest = cell.slice(1);
    return cell.startsWith("'") && (formulaLike(rest) || rest.startsWith("'")) ? rest : cell;
  }

  // The rule a note breaks ("control", "html" or "long"), or null: on import and as it is typed.
  function noteProblem(note, maxNote) {
    if (CONTROL.test(note)) return "control";
    if (HTML_LIKE.test(note)) return "html";
    if (note.length > maxNote) return "long";
    return null;
  }

  // RFC 4180 quoting; cells are neutralised first, rows end in CRLF.
  function toCsv(rows) {
    const quote = (cell) => {
      const safe = neutralise(String(cell));
      return /[",;\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    };
    return rows.map((row) => row.map(quote).join(",")).join("\r\n") + "\r\n";
  }

  // Spreadsheets set to French or Spanish save CSV with semicolons: the header row tells which.
  function detectDelimiter(text) {
    let commas = 0;
    let semicolons = 0;
    let quoted = false;
    for (const c of text) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === "\n" || c === "\r")) break;
      else if (!quoted && c === ",") commas += 1;
      else if (!quoted && c === ";") semicolons += 1;
    }
    return semicolons > commas ? ";" : ",";
  }

  // RFC 4180 rows of cells (CRLF, LF or CR line ends); blank lines are skipped. The rules of Python's
  // csv module in strict mode: a closing quote is followed by the delimiter or the row's end, and a
  // line break inside quotes counts as a line (tests/checklist_cases.py holds both to one table).
  function parseCsv(text) {
    const delimiter = detectDelimiter(text);
    const rows = [];
    let row = [];
    let cell = "";
    let quoted = false;
    let cellStart = true;
    let closed = false;
    let line = 1;
    let rowLine = 1;
    const endRow = () => {
      row.push(cell);
      if (row.length > 1 || row[0] !== "") rows.push({ line: rowLine, cells: row });
      row = [];
      cell = "";
      cellStart = true;
      closed = false;
    };
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else if (c === '"') {
          quoted = false;
          closed = true;
        } else {
          if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line += 1;
          cell += c;
        }
      } else if (closed && c !== delimiter && c !== "\r" && c !== "\n") {
        return fail(problem("error_quote", { where: { kind: "row", row: rowLine } }));
      } else if (c === '"' && cellStart) {
        quoted = true;
        cellStart = false;
      } else if (c === delimiter) {
        row.push(cell);
        cell = "";
        cellStart = true;
        closed = false;
      } else if (c === "\r" || c === "\n") {
        if (c === "\r" && text[i + 1] === "\n") i += 1;
        endRow();
        line += 1;
        rowLine = line;
      } else {
        cell += c;
        cellStart = false;
      }
    }
    if (quoted) return fail(problem("error_quote", { where: { kind: "row", row: rowLine } }));
    if (cell !== "" || row.length) endRow();
    return { ok: true, rows };
  }

  // Checks records ({where, paragraph, status, note}) against the checklist; all problems at once.
  function validateRecords(records, context) {
    const problems = [];
    const entries = {};
    const seen = new Set();
    if (!records.length) return fail(problem("error_empty"));
    for (const record of records) {
      const where = record.where;
      const number = record.paragraph.trim();
      const status = record.status.trim();
      const note = record.note;
      if (!context.numbers.includes(number)) {
        problems.push(problem("error_paragraph", { where, value: number }));
      } else if (seen.has(number)) {
        problems.push(problem("error_duplicate", { where, value: number }));
      }
      seen.add(number);
      if (status !== "" && !context.statuses.includes(status)) {
        problems.push(problem("error_status", { where, value: status, codes: context.statuses.join(", ") }));
      }
      const broken = noteProblem(note, context.maxNote);
      if (broken) problems.push(problem(`error_${broken}`, { where, column: "note", max: context.maxNote }));
      if (!problems.length) entries[number] = { status, note };
    }
    return problems.length ? fail(...problems) : { ok: true, entries };
  }

  // A CSV file's text: the header names the columns, each row one paragraph.
  function readCsv(text, context) {
    const parsed = parseCsv(text);
    if (!parsed.ok) return parsed;
    const [header, ...body] = parsed.rows;
    if (!header) return fail(problem("error_empty"));
    const names = header.cells.map((name) => name.trim().toLowerCase());
    const known = names.every((name) => COLUMNS.includes(name)) && new Set(names).size === names.length;
    if (!known || !REQUIRED.every((name) => names.includes(name))) {
      return fail(problem("error_columns", { expected: COLUMNS.join(", "), found: names.join(", ") }));
    }
    const problems = [];
    const records = [];
    for (const { line, cells } of body) {
      const where = { kind: "row", row: line };
      if (cells.length !== names.length) {
        problems.push(problem("error_cells", { where, found: cells.length, expected: names.length }));
        continue;
      }
      const values = {};
      names.forEach((name, i) => {
        const cell = cells[i];
        if (formulaLike(cell)) problems.push(problem("error_formula", { where, column: name }));
        else if (CONTROL.test(cell) && name !== "note") problems.push(problem("error_control", { where, column: name }));
        values[name] = unneutralise(cell);
      });
      records.push({ where, paragraph: values.paragraph, status: values.status, note: values.note });
    }
    if (problems.length) return fail(...problems);
    return validateRecords(records, context);
  }

  // A JSON file's text: an object naming this format and version, with a list of paragraphs.
  function readJson(text, context) {
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return fail(problem("error_json"));
    }
    const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
    if (!isObject(data) || data.format !== FORMAT || data.version !== VERSION || !Array.isArray(data.paragraphs)) {
      return fail(problem("error_shape"));
    }
    const records = [];
    for (const [i, item] of data.paragraphs.entries()) {
      const strings = isObject(item) && ["paragraph", "status", "note"].every((k) => typeof item[k] === "string");
      const extra = isObject(item) && Object.keys(item).some((k) => !COLUMNS.includes(k));
      if (!strings || extra) return fail(problem("error_shape"));
      records.push({ where: { kind: "entry", row: i + 1 }, paragraph: item.paragraph, status: item.status, note: item.note });
    }
    return validateRecords(records, context);
  }

  // A chosen file ({name, size, bytes}), checked for size, type and encoding before it is read.
  function readImport(file, context) {
    if (file.size > context.maxBytes) return fail(problem("error_size", { size: context.maxBytes }));
    const name = file.name.toLowerCase();
    const reader = name.endsWith(".csv") ? readCsv : name.endsWith(".json") ? readJson : null;
    if (reader === null) return fail(problem("error_type"));
    let text;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    } catch {
      return fail(problem("error_encoding"));
    }
    return reader(text, context);
  }

  // The file's answers over the current ones: a paragraph the file leaves blank keeps its answer.
  function merge(current, incoming) {
    const state = { ...current };
    let count = 0;
    let replaced = 0;
    for (const [number, answer] of Object.entries(incoming)) {
      if (!answer.status && !answer.note) continue;
      const before = current[number];
      if (before && (before.status || before.note) && (before.status !== answer.status || before.note !== answer.note)) {
        replaced += 1;
      }
      state[number] = { status: answer.status, note: answer.note };
      count += 1;
    }
    return { state, count, replaced };
  }

  // Counts per status ("" for not assessed) for each section and for the whole checklist ("").
  function summarise(state, sections) {
    const counts = { "": {} };
    for (const { key, numbers } of sections) {
      counts[key] = {};
      for (const number of numbers) {
        const status = (state[number] && state[number].status) || "";
        for (const bucket of [counts[key], counts[""]]) bucket[status] = (bucket[status] || 0) + 1;
      }
    }
    return counts;
  }

  // Rows for export, one per paragraph in reading order, header first.
  function exportRows(state, paragraphs) {
    return [
      COLUMNS,
      ...paragraphs.map(({ number, text }) => {
        const answer = state[number] || { status: "", note: "" };
        return [number, answer.status, answer.note, text];
      }),
    ];
  }

  function exportJson(state, paragraphs, { lang, date }) {
    const [, ...rows] = exportRows(state, paragraphs);
    const items = rows.map(([paragraph, status, note, text]) => ({ paragraph, status, note, text }));
    return JSON.stringify({ format: FORMAT, version: VERSION, language: lang, exported: date, paragraphs: items }, null, 2) + "\n";
  }

  const format = edition.fill;

  window.editionChecklist = {
    formulaLike, neutralise, unneutralise, noteProblem, toCsv, parseCsv, readCsv, readJson, readImport, validateRecords, merge, summarise,
    exportRows, exportJson, format, FORMAT, VERSION, COLUMNS,
  };

  // ---------------------------------------------------------------------------------------------
  // The page: controls, storage, files.

  const root = document.querySelector(".checklist[data-storage-key]");
  if (!root) return;
  const key = root.dataset.storageKey;
  const lang = root.dataset.lang;
  const labels = JSON.parse(root.querySelector(".checklist__labels").textContent);
  const items = [...root.querySelectorAll(".checklist__item[data-paragraph]")];
  const paragraphs = items.map((item) => ({
    number: item.dataset.paragraph,
    text: item.querySelector(".checklist__text").textContent.trim(),
    section: item.dataset.section,
  }));
  const statuses = [...items[0].querySelectorAll("select option")].map((o) => o.value).filter(Boolean);
  // The limits come from the build (edition/tools/checklist.py), through the page.
  const context = {
    numbers: paragraphs.map((p) => p.number),
    statuses,
    maxNote: items[0].querySelector("textarea").maxLength,
    maxBytes: Number(root.dataset.maxBytes),
  };
  const sections = [...new Set(paragraphs.map((p) => p.section))].map((section) => ({
    key: section,
    numbers: paragraphs.filter((p) => p.section === section).map((p) => p.number),
  }));
  const notice = root.querySelector(".checklist__notice");
  const alert = root.querySelector(".checklist__alert");
  const say = (node, text) => {
    notice.replaceChildren();
    alert.replaceChildren();
    if (text) node.textContent = text;
  };

  // What was kept, each entry checked as an import would be; anything else is dropped. A note kept
  // before notes were checked as typed, which an import would refuse, comes back as a draft: shown
  // with its problem, not kept, and its status kept.
  function load() {
    let data;
    try {
      data = JSON.parse(window.localStorage.getItem(key) || "{}");
    } catch {
      return { state: {}, drafts: {} };
    }
    const kept = data && typeof data.paragraphs === "object" && data.paragraphs ? data.paragraphs : {};
    const state = {};
    const drafts = {};
    for (const [number, answer] of Object.entries(kept)) {
      if (!answer || typeof answer.status !== "string" || typeof answer.note !== "string") continue;
      const record = { where: {}, paragraph: number, status: answer.status, note: "" };
      const checked = validateRecords([record], context);
      if (!checked.ok) continue;
      if (noteProblem(answer.note, context.maxNote)) drafts[number] = answer.note;
      else checked.entries[number].note = answer.note;
      Object.assign(state, checked.entries);
    }
    return { state, drafts };
  }

  function save(state) {
    const kept = {};
    for (const [number, answer] of Object.entries(state)) if (answer.status || answer.note) kept[number] = answer;
    try {
      if (Object.keys(kept).length) window.localStorage.setItem(key, JSON.stringify({ version: VERSION, paragraphs: kept }));
      else window.localStorage.removeItem(key);
      return true;
    } catch {
      say(alert, labels.no_storage);
      return false;
    }
  }

  // Says under a note, as it is typed, which rule it breaks (the import's), or nothing.
  function showNoteProblem(item, broken) {
    const note = item.querySelector("textarea");
    const id = `${note.id}-problem`;
    let shown = document.getElementById(id);
    if (!broken) {
      if (shown) shown.remove();
      note.removeAttribute("aria-invalid");
      note.removeAttribute("aria-describedby");
      return;
    }
    if (!shown) {
      shown = document.createElement("span");
      shown.id = id;
      shown.className = "checklist__note-problem";
      shown.setAttribute("role", "alert");
      note.after(shown);
    }
    shown.textContent = format(labels[`note_${broken}`], { max: context.maxNote });
    note.setAttribute("aria-invalid", "true");
    note.setAttribute("aria-describedby", id);
  }

  // The page from the state; ``keepDrafts`` leaves a note being corrected as the reader left it.
  function render(state, { keepDrafts = false } = {}) {
    for (const item of items) {
      const answer = state[item.dataset.paragraph] || { status: "", note: "" };
      const select = item.querySelector("select");
      const note = item.querySelector("textarea");
      select.value = answer.status;
      if (!(keepDrafts && note.getAttribute("aria-invalid") === "true")) {
        if (note.value !== answer.note) note.value = answer.note;
        showNoteProblem(item, null);
      }
      item.querySelector(".checklist__report-status").textContent = select.selectedOptions[0].textContent;
      item.querySelector(".checklist__report-note").textContent = answer.note;
    }
    const counts = summarise(state, sections);
    for (const cell of root.querySelectorAll(".checklist__summary td[data-status]")) {
      const section = cell.closest("tr").dataset.section;
      cell.textContent = String(counts[section][cell.dataset.status] || 0);
    }
  }

  function where(place) {
    return place.kind === "row" ? format(labels.where_row, place) : format(labels.where_entry, place);
  }

  function message(p) {
    const params = { ...p.params };
    if (params.where) params.where = where(params.where);
    if (p.code === "error_size") params.size = new Intl.NumberFormat(lang, { style: "unit", unit: "megabyte" }).format(params.size / 1024 / 1024);
    return format(labels[p.code], params);
  }

  function showProblems(name, problems) {
    say(alert, "");
    const lead = document.createElement("p");
    lead.textContent = format(labels.error_prefix, { file: name });
    const list = document.createElement("ul");
    for (const p of problems.slice(0, MAX_LISTED)) {
      const entry = document.createElement("li");
      entry.textContent = message(p);
      list.append(entry);
    }
    if (problems.length > MAX_LISTED) {
      const more = document.createElement("li");
      more.textContent = format(labels.error_more, { count: problems.length - MAX_LISTED });
      list.append(more);
    }
    alert.append(lead, list);
  }

  // The kept answers on the page, with any draft note and its problem.
  function restore() {
    const loaded = load();
    render(loaded.state);
    for (const [number, draft] of Object.entries(loaded.drafts)) {
      const item = items.find((i) => i.dataset.paragraph === number);
      item.querySelector("textarea").value = draft;
      showNoteProblem(item, noteProblem(draft, context.maxNote));
    }
    return loaded.state;
  }

  let state = restore();
  root.querySelector(".checklist__tools").hidden = false;

  root.addEventListener("change", (event) => {
    const item = event.target.closest(".checklist__item");
    if (!item || event.target.tagName !== "SELECT") return;
    const number = item.dataset.paragraph;
    state = { ...state, [number]: { status: event.target.value, note: (state[number] || {}).note || "" } };
    save(state);
    render(state, { keepDrafts: true });
  });
  root.addEventListener("input", (event) => {
    const item = event.target.closest(".checklist__item");
    if (!item || event.target.tagName !== "TEXTAREA") return;
    const number = item.dataset.paragraph;
    const broken = noteProblem(event.target.value, context.maxNote);
    showNoteProblem(item, broken);
    if (broken) return; // not kept: the last note that met the rules stays, so every export imports
    state = { ...state, [number]: { status: (state[number] || {}).status || "", note: event.target.value } };
    save(state);
    item.querySelector(".checklist__report-note").textContent = event.target.value;
  });
  window.addEventListener("storage", (event) => {
    if (event.key !== key) return;
    state = restore();
  });

  const today = () => edition.today().iso;
  const actions = {
    "export-csv": () => edition.download(`checklist-${lang}-${today()}.csv`, `\uFEFF${toCsv(exportRows(state, paragraphs))}`, "text/csv;charset=utf-8"),
    "export-json": () => edition.download(`checklist-${lang}-${today()}.json`, exportJson(state, paragraphs, { lang, date: today() }), "application/json"),
    print: () => window.print(),
    clear: () => {
      if (!window.confirm(labels.clear_confirm)) return;
      state = {};
      if (save(state)) say(notice, labels.cleared);
      render(state);
    },
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && Object.hasOwn(actions, button.dataset.action)) actions[button.dataset.action]();
  });

  const input = root.querySelector(".checklist__import");
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    const bytes = file.size > context.maxBytes ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
    const result = readImport({ name: file.name, size: file.size, bytes }, context);
    input.value = "";
    if (!result.ok) {
      showProblems(file.name, result.problems);
      return;
    }
    const merged = merge(state, result.entries);
    state = merged.state;
    const saved = save(state);
    render(state);
    if (saved) say(notice, format(labels.imported, { file: file.name, count: merged.count, replaced: merged.replaced }));
  });
})();
