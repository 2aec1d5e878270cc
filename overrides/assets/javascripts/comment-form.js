// "Write a comment" (partials/edition/comment-form.html): prepares a comment file in the browser and
// sends nothing. The front matter is checked against the JSON Schema the build uses
// (data/schemas/comment.schema.yml, given in the page as data), with a small validator for the part
// of JSON Schema that schema uses; the text gets the build's limits (edition/comments/text.py), and
// characters and entities are judged by the checker's own tables, given as data (the browser's
// Unicode is newer than the checker's). tests/comment_cases.py FORM and SCHEMA are the tables both are
// held to.
// The file is offered to copy, to download, and, when the edition names its repository, to open on
// the repository host's new-file page. Works from file:// (the offline edition).
(() => {
  // The subset of JSON Schema (draft 2020-12) the comment schema uses: type, required, properties,
  // additionalProperties, enum, pattern, minLength, maxLength, minimum, maximum, items, minItems,
  // maxItems, uniqueItems and local $ref. Each error: {path, keyword, value, limit}. On window for the tests,
  // which hold it to the build's validator (tests/test_script_rules.py).
  function validate(root, value) {
    const errors = [];
    const check = (schema, value, path) => {
      if (schema.$ref) {
        check(schema.$ref.replace(/^#\//, "").split("/").reduce((node, key) => node[key], root), value, path);
      }
      const error = (keyword, limit, at = path) => errors.push({ path: at, keyword, value, limit });
      if (schema.type && !TYPES[schema.type](value)) return error("type", schema.type);
      if (schema.enum && !schema.enum.includes(value)) error("enum", schema.enum);
      if (typeof value === "string") {
        const length = [...value].length;
        if (schema.minLength !== undefined && length < schema.minLength) error("minLength", schema.minLength);
        if (schema.maxLength !== undefined && length > schema.maxLength) error("maxLength", schema.maxLength);
        if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) error("pattern", schema.pattern);
      }
      if (typeof value === "number") {
        if (schema.minimum !== undefined && value < schema.minimum) error("minimum", schema.minimum);
        if (schema.maximum !== undefined && value > schema.maximum) error("maximum", schema.maximum);
      }
      if (Array.isArray(value)) {
        if (schema.minItems !== undefined && value.length < schema.minItems) error("minItems", schema.minItems);
        if (schema.maxItems !== undefined && value.length > schema.maxItems) error("maxItems", schema.maxItems);
        if (schema.uniqueItems) {
          const twice = value.find((item, i) => value.indexOf(item) !== i);
          if (twice !== undefined) errors.push({ path, keyword: "uniqueItems", value: twice });
        }
        if (schema.items) value.forEach((item, i) => check(schema.items, item, [...path, i]));
      }
      if (TYPES.object(value)) {
        for (const name of schema.required || []) if (!(name in value)) error("required", name, [...path, name]);
        for (const [name, item] of Object.entries(value)) {
          if (schema.properties && name in schema.properties) check(schema.properties[name], item, [...path, name]);
          else if (schema.additionalProperties === false) error("additionalProperties", name, [...path, name]);
        }
      }
    };
    check(root, value, []);
    return errors;
  }
  const TYPES = {
    object: (v) => v !== null && typeof v === "object" && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === "string",
    integer: (v) => Number.isInteger(v),
    boolean: (v) => typeof v === "boolean",
  };
  window.editionCommentForm = { validate };

  const section = document.querySelector(".comment-form");
  if (!section) return;
  const settings = JSON.parse(section.querySelector(".comment-form__settings").textContent);
  const form = section.querySelector(".comment-form__form");
  const result = section.querySelector(".comment-form__result");
  const messages = settings.messages;
  const limits = settings.limits;
  const known = new Set(settings.targets);
  const tables = settings.characters;
  const legacyEntities = new Set(tables.legacy_entities);
  const dropped = new Set(tables.dropped);
  const placeholders = new Set(settings.placeholders.map((p) => p.toLowerCase()));
  const MARKUP = "[]()<>*_~`!#&\\|";
  const EMPTY = new Set(["required", "minLength", "minItems"]);

  form.hidden = false;
  const query = new URLSearchParams(location.search);
  const wanted = query.get("target");
  if (wanted) form.elements.targets.value = wanted;
  // Words selected in the text ("Comment on this passage", passages.js) arrive with their context,
  // kept for where the text cannot be loaded to compute it (file://, the offline edition).
  const selected = query.get("exact") ? { exact: query.get("exact"), prefix: query.get("prefix") || "",
                                          suffix: query.get("suffix") || "", start: query.get("start") || "" } : null;
  if (selected) {
    form.elements.passage.value = selected.exact;
    form.elements.passage_start.value = selected.start;
  }

  const say = (key, values = {}) => edition.fill(messages[key], values);

  function schemaMessage(error) {
    const field = error.path[0];
    switch (error.keyword) {
      case "required": case "minLength": case "minItems": return say("required");
      case "maxLength": return tooLong(error.value, error.limit);
      case "maxItems": return say("too_many", { max: error.limit });
      case "uniqueItems": return say("duplicate", { value: error.value });
      case "enum": return say("choice");
      case "pattern": return field === "targets" ? say("target_format", { value: error.value }) : say("not_allowed");
      default: return say("not_allowed");
    }
  }

  // "Too long", with the limit and by how many characters the value is over it.
  function tooLong(value, max) {
    const length = [...value].length;
    return say("too_long", { length, max, over: length - max });
  }

  // Whether a code point lies in one of the flat [first, last, …] ranges.
  function inRanges(ranges, point) {
    let low = 0;
    let high = ranges.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (point < ranges[2 * middle]) high = middle - 1;
      else if (point > ranges[2 * middle + 1]) low = middle + 1;
      else return true;
    }
    return false;
  }

  // Character references decoded as Python's html.unescape decodes them, for the checker reads the
  // text so (&#x202E; is U+202E). Only the named entities that give a refused character are known
  // here; any other decodes to a harmless stand-in, which is all the check needs.
  function unescape(text) {
    return text.replace(/&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g, (whole, ref) => {
      if (ref[0] === "#") {
        const hex = ref[1] === "x" || ref[1] === "X";
        const number = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
        if (Object.hasOwn(tables.charrefs, String(number))) return tables.charrefs[String(number)];
        if ((number >= 0xd800 && number <= 0xdfff) || number > 0x10ffff) return "\ufffd";
        return dropped.has(number) ? "" : String.fromCodePoint(number);
      }
      if (Object.hasOwn(tables.entities, ref)) return tables.entities[ref];
      for (let end = ref.length - 1; end > 1; end--) {
        const name = ref.slice(0, end);
        if (legacyEntities.has(name)) return (Object.hasOwn(tables.entities, name) ? tables.entities[name] : "x") + ref.slice(end);
      }
      return whole;
    });
  }

  // The first character edition/comments/text.py's character_problem refuses, as a message.
  function characterProblem(text, multiline) {
    for (const char of text) {
      if (multiline && (char === "\n" || char === "\t")) continue;
      const point = char.codePointAt(0);
      const code = point.toString(16).toUpperCase().padStart(4, "0");
      if (inRanges(tables.unassigned, point)) return say("unassigned", { code, unicode: tables.unicode });
      if (inRanges(tables.refused, point)) return say("invisible", { code });
    }
    return null;
  }

  // A front matter value's checks (its characters), and the comment's text's, as edition/comments/store.py
  // makes them at build time: characters as a browser decodes them, then the limits on its markup.
  function valueProblems(value, multiline) {
    const problem = characterProblem(value, multiline);
    return problem ? [problem] : [];
  }

  function textProblems(text) {
    const decoded = characterProblem(unescape(text), true); // no reference spans a line break
    if (decoded) return [decoded];
    const problems = [];
    const bare = text.replace(/\[\[[^[\]|]*(?:\|[^[\]]*)?\]\]/g, "");  // [[id]] references cost nothing
    if ((bare.match(/\[/g) || []).length > limits.brackets) problems.push(say("brackets", { max: limits.brackets }));
    if (text.split("\n").length > limits.lines) problems.push(say("lines", { max: limits.lines }));
    for (const [, target] of text.matchAll(/\[\[([^[\]|]*)(?:\|[^[\]]*)?\]\]/g)) {
      if (!known.has(target.trim())) problems.push(say("target_unknown", { value: target.trim() }));
    }
    for (const line of text.split("\n")) {
      let run = 1;
      for (let i = 1; i < line.length; i++) {
        run = line[i] === line[i - 1] ? run + 1 : 1;
        if (run > limits.run && MARKUP.includes(line[i])) { problems.push(say("run", { max: limits.run })); break; }
      }
      const stripped = line.replace(/^ +/, "");
      if (line.length - stripped.length > limits.indent) problems.push(say("indent", { max: limits.indent }));
      if ((stripped.match(/^[> ]*/)[0].match(/>/g) || []).length > limits.quote_depth) problems.push(say("quote_depth", { max: limits.quote_depth }));
    }
    if (`${text}\n`.startsWith("---\n")) problems.push(say("front_matter"));
    if ([...text].length > limits.body) problems.push(tooLong(text, limits.body));
    if (placeholders.has(text.toLowerCase())) problems.push(say("placeholder"));
    return [...new Set(problems)];
  }

  // A paragraph number as a reader may type it ("iv.b.20", "IV b 20", "iv-b-20"), or any other word
  // between commas, semicolons or spaces. Paragraph numbers are written as the edition writes them
  // ("IV.b.20"); provision identifiers are kept as typed.
  const TARGET = /(iii|iv)[\s.-]+([a-d])[\s.-]+([1-9][0-9]*)(?![^,;\s])|[^,;\s]+/giu;
  function targetsOf(typed) {
    return Array.from(typed.matchAll(TARGET), ([word, roman, letter, number]) =>
      roman ? `${roman.toUpperCase()}.${letter.toLowerCase()}.${number}` : word);
  }

  // ---- The passage: words of the comment's one target, found in that target's text as a reader
  // sees it, as the edition's data document holds it (the same text the checker matches against).
  // The texts come as a script that hands them over (data/edition-<lang>.texts.js, edition.handed), so
  // the offline edition checks passages too. Without them (a missing file, or one that handed nothing
  // over) null: the checker judges the words.
  const CONTEXT = 32;
  const normal = (text) => text.normalize("NFC").replace(/\s+/gu, " ").trim();
  let texts = null;
  function targetTexts() {
    texts ||= edition
      .handed(settings.texts, "editionTexts")
      .then((data) => new Map(data.texts.map(([id, text]) => [id, normal(text)])))
      .catch(() => null);
    return texts;
  }

  // Where the words are in the text: {passage}, or {problem} when they are not there, or occur more
  // than once and neither the place they were selected at nor their context tells which.
  function placed(exact, target, text, hint) {
    const places = [];
    for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) places.push(i);
    if (!places.length) return { problem: say("passage_missing", { target }) };
    const points = (i) => [...text.slice(0, i)].length; // code points, as the file counts them
    const at = places.length === 1 ? places[0] : places.find((i) => points(i) === hint);
    if (at === undefined) return { problem: say("passage_twice", { count: places.length, target }) };
    const before = [...text.slice(0, at)];
    const prefix = before.slice(Math.max(0, before.length - CONTEXT)).join("");
    const suffix = [...text.slice(at + exact.length)].slice(0, CONTEXT).join("");
    const told = places.filter((i) => text.slice(0, i).endsWith(prefix) && text.startsWith(suffix, i + exact.length));
    if (told.length > 1) return { problem: say("passage_twice", { count: places.length, target }) };
    return { passage: { exact, prefix, suffix, start: before.length } };
  }

  // Unchecked words with the context the page gave them when they are still the words selected,
  // that context being plain characters of the lengths a comment file allows; else the words alone.
  // The editors' checker judges them all.
  function selectedContext(exact) {
    if (!selected || normal(selected.exact) !== exact || !/^(0|[1-9][0-9]{0,5})$/u.test(selected.start)) return { exact };
    const context = [selected.prefix, selected.suffix];
    if (context.some((text) => [...text].length > CONTEXT || characterProblem(text, false))) return { exact };
    return { exact, prefix: selected.prefix, suffix: selected.suffix, start: Number(selected.start) };
  }

  // The passage as entered: {} when none, else {passage} (checked, or unchecked where the text could
  // not be loaded) or {problem}.
  async function passageState() {
    const exact = normal(form.elements.passage.value);
    if (!exact) return {};
    const targets = targetsOf(form.elements.targets.value);
    if (targets.length !== 1 || !known.has(targets[0])) return { problem: say("passage_target") };
    const characters = characterProblem(exact, false);
    if (characters) return { problem: characters };
    const all = await targetTexts();
    const text = all && all.get(targets[0]);
    if (!all) return { passage: selectedContext(exact), unchecked: true };
    if (text === undefined) return { problem: say("passage_missing", { target: targets[0] }) };
    const hint = form.elements.passage_start.value === "" ? NaN : Number(form.elements.passage_start.value);
    return placed(exact, targets[0], text, hint);
  }

  function showPassage(state) {
    const control = form.elements.passage;
    section.querySelector("#cf-passage-error").textContent = state.problem || "";
    if (state.problem) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    const status = section.querySelector("#cf-passage-status");
    const target = targetsOf(form.elements.targets.value)[0];
    status.textContent = state.unchecked ? say("passage_unchecked") : state.passage ? say("passage_found", { target }) : "";
  }

  let checking = 0;
  const checkLive = () => {
    window.clearTimeout(checking);
    checking = window.setTimeout(() => passageState().then(showPassage), 250);
  };
  form.elements.passage.addEventListener("input", checkLive);
  form.elements.targets.addEventListener("input", checkLive);
  if (form.elements.passage.value) checkLive();

  function values() {
    const read = (name) => form.elements[name].value.replace(/\r\n?/g, "\n").trim();
    const targets = targetsOf(read("targets"));
    const author = { name: read("name") };
    for (const name of ["organisation", "country"]) if (read(name)) author[name] = read(name);
    const front = { targets, author, language: read("language"), date: edition.today().iso, kind: read("kind"), status: "open" };
    if (read("proposed_text")) front.proposed_text = read("proposed_text");
    return { front, text: read("text") };
  }

  function problemsByField(entered) {
    const { front, text, passageProblem } = entered;
    const fields = {};
    const add = (field, message) => (fields[field] = fields[field] || []).push(message);
    const errors = validate(settings.schema, front);
    // A missing value is only "required": the pattern it also fails says nothing more.
    const missing = new Set(errors.filter((e) => EMPTY.has(e.keyword)).map((e) => e.path.join("/")));
    for (const error of errors) {
      if (!EMPTY.has(error.keyword) && missing.has(error.path.join("/"))) continue;
      const field = error.path[0] === "author" ? error.path[1] : error.path[0];
      add(field === undefined ? "targets" : field, schemaMessage(error));
    }
    // Every well-formed identifier that is not in the edition, all at once.
    const malformed = new Set(errors.filter((e) => e.path[0] === "targets").map((e) => e.path[1]));
    front.targets.forEach((target, i) => {
      if (!malformed.has(i) && !known.has(target)) add("targets", say("target_unknown", { value: target }));
    });
    for (const name of ["name", "organisation", "country"]) {
      const value = front.author[name] || "";
      for (const p of valueProblems(value, false)) add(name, p);
      if (placeholders.has(value.toLowerCase())) add(name, say("placeholder"));
    }
    for (const p of valueProblems(front.proposed_text || "", true)) add("proposed_text", p);
    if (passageProblem) add("passage", passageProblem);
    if (!text) add("text", say("required"));
    for (const p of textProblems(text)) add("text", p);
    // The checker refuses a file over its size in bytes, which several-byte characters reach first.
    const size = new TextEncoder().encode(commentFile(entered)).length;
    if (size > limits.file_bytes) {
      const number = new Intl.NumberFormat(settings.language);
      add("text", say("file_size", { size: number.format(size), max: number.format(limits.file_bytes) }));
    }
    return fields;
  }

  function show(fields) {
    for (const name of FIELDS) {
      const control = form.elements[name];
      const holder = section.querySelector(`#cf-${name}-error`);
      const found = fields[name] || [];
      holder.textContent = [...new Set(found)].join(" ");
      if (found.length) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  }

  // A YAML file that reads back exactly: every value a JSON string (valid YAML), the proposed
  // wording a literal block when it has several lines.
  function commentFile({ front, text }) {
    const q = (value) => JSON.stringify(value);
    const lines = ["---", `targets: [${front.targets.map(q).join(", ")}]`, "author:"];
    for (const name of ["name", "organisation", "country"]) if (front.author[name]) lines.push(`  ${name}: ${q(front.author[name])}`);
    lines.push(`language: ${front.language}`, `date: ${front.date}`, `kind: ${front.kind}`);
    if (front.proposed_text) {
      const block = front.proposed_text.includes("\n");
      lines.push(block ? `proposed_text: |-\n${front.proposed_text.split("\n").map((l) => (l ? `  ${l}` : "")).join("\n")}` : `proposed_text: ${q(front.proposed_text)}`);
    }
    if (front.passage) {
      lines.push("passage:", `  exact: ${q(front.passage.exact)}`);
      for (const name of ["prefix", "suffix"]) if (name in front.passage) lines.push(`  ${name}: ${q(front.passage[name])}`);
      if ("start" in front.passage) lines.push(`  start: ${front.passage.start}`);
      lines.push(`  language: ${front.passage.language}`, `  version: ${q(front.passage.version)}`);
    }
    lines.push("status: open", "---", "", text, "");
    return lines.join("\n");
  }

  function fileName(front) {
    const first = front.targets[0];
    const anchor = first.includes(".") ? first.toLowerCase().replaceAll(".", "-") : first;
    const random = Array.from(crypto.getRandomValues(new Uint8Array(2)), (b) => b.toString(16).padStart(2, "0")).join("");
    return `${anchor}-${front.date}-${front.language}-${random}.md`;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const entered = values();
    const state = await passageState();
    showPassage(state);
    if (state.problem) entered.passageProblem = state.problem;
    if (state.passage) entered.front.passage = { ...state.passage, language: settings.language, version: settings.version };
    const fields = problemsByField(entered);
    show(fields);
    const summary = form.querySelector(".comment-form__summary");
    const invalid = Object.keys(fields);
    summary.hidden = invalid.length === 0;
    if (invalid.length) {
      result.hidden = true;
      form.elements[invalid.sort((a, b) => order(a) - order(b))[0]].focus();
      return;
    }
    const text = commentFile(entered);
    const name = fileName(entered.front);
    section.querySelector("#cf-output").value = text;
    const hint = section.querySelector(".comment-form__result-hint");
    hint.textContent = edition.fill(hint.dataset.template, { file: name });
    const download = section.querySelector(".comment-form__download");
    if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    download.download = name;
    const open = section.querySelector(".comment-form__open");
    if (settings.repository) {
      const query = `filename=${encodeURIComponent(`comments/${name}`)}&value=${encodeURIComponent(text)}`;
      open.href = `${settings.repository}/new/${encodeURIComponent(settings.branch)}?${query}`;
      open.hidden = false;
    }
    result.hidden = false;
    section.querySelector("#comment-form-result-title").focus();
  });

  const FIELDS = ["targets", "passage", "language", "kind", "name", "organisation", "country", "text", "proposed_text"];
  const order = (name) => FIELDS.indexOf(name);

  section.querySelector(".comment-form__copy").addEventListener("click", async () => {
    const output = section.querySelector("#cf-output");
    const status = section.querySelector(".comment-form__status");
    await edition.copy(output.value, output);
    status.textContent = status.dataset.copied;
  });
})();
