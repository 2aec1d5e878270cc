// "Write a comment" (partials/edition/comment-form.html): prepares a comment file in the browser and
// sends nothing. The front matter is checked against the JSON Schema the build uses
// (data/schemas/comment.schema.yml, given in the page as data), with a small validator for the part
// of JSON Schema that schema uses; the text gets the build's limits (edition/comment_text.py).
// The file is offered to copy, to download, and, when the edition names its repository, to open on
// the repository host's new-file page. Works from file:// (the offline edition).
(() => {
  const section = document.querySelector(".comment-form");
  if (!section) return;
  const settings = JSON.parse(section.querySelector(".comment-form__settings").textContent);
  const form = section.querySelector(".comment-form__form");
  const result = section.querySelector(".comment-form__result");
  const messages = settings.messages;
  const limits = settings.limits;
  const known = new Set(settings.targets);
  const REFUSED = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\u2800\u180e\u034f\u17b4\u17b5]/u;
  const MARKUP = "[]()<>*_~`!#&\\|";

  form.hidden = false;
  const wanted = new URLSearchParams(location.search).get("target");
  if (wanted) form.elements.targets.value = wanted;

  // The subset of JSON Schema (draft 2020-12) the comment schema uses: type, required, properties,
  // additionalProperties, enum, pattern, minLength, maxLength, items, minItems, maxItems,
  // uniqueItems and local $ref. Each error: {path, keyword, value, limit}.
  function validate(schema, value, path = [], errors = []) {
    if (schema.$ref) {
      const target = schema.$ref.replace(/^#\//, "").split("/").reduce((node, key) => node[key], settings.schema);
      validate(target, value, path, errors);
    }
    const error = (keyword, limit, at = path) => errors.push({ path: at, keyword, value, limit });
    const types = { object: (v) => v !== null && typeof v === "object" && !Array.isArray(v), array: Array.isArray, string: (v) => typeof v === "string" };
    if (schema.type && !types[schema.type](value)) return error("type", schema.type), errors;
    if (schema.enum && !schema.enum.includes(value)) error("enum", schema.enum);
    if (typeof value === "string") {
      const length = [...value].length;
      if (schema.minLength !== undefined && length < schema.minLength) error("minLength", schema.minLength);
      if (schema.maxLength !== undefined && length > schema.maxLength) error("maxLength", schema.maxLength);
      if (schema.pattern && !new RegExp(schema.pattern, "u").test(value)) error("pattern", schema.pattern);
    }
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) error("minItems", schema.minItems);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) error("maxItems", schema.maxItems);
      if (schema.uniqueItems) {
        const twice = value.find((item, i) => value.indexOf(item) !== i);
        if (twice !== undefined) errors.push({ path, keyword: "uniqueItems", value: twice });
      }
      if (schema.items) value.forEach((item, i) => validate(schema.items, item, [...path, i], errors));
    }
    if (types.object(value)) {
      for (const name of schema.required || []) if (!(name in value)) error("required", name, [...path, name]);
      for (const [name, item] of Object.entries(value)) {
        if (schema.properties && name in schema.properties) validate(schema.properties[name], item, [...path, name], errors);
        else if (schema.additionalProperties === false) error("additionalProperties", name, [...path, name]);
      }
    }
    return errors;
  }

  const say = (key, values = {}) => messages[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);

  function schemaMessage(error) {
    const field = error.path[0];
    switch (error.keyword) {
      case "required": case "minLength": case "minItems": return say("required");
      case "maxLength": return say("too_long", { max: error.limit });
      case "maxItems": return say("too_many", { max: error.limit });
      case "uniqueItems": return say("duplicate", { value: error.value });
      case "enum": return say("choice");
      case "pattern": return field === "targets" ? say("target_format", { value: error.value }) : say("not_allowed");
      default: return say("not_allowed");
    }
  }

  // The text's own checks, as edition/comment_text.py makes them at build time.
  function textProblems(text, multiline) {
    for (const char of text) {
      if (multiline && (char === "\n" || char === "\t")) continue;
      if (REFUSED.test(char)) return [say("invisible", { code: char.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") })];
    }
    if (!multiline) return [];
    const problems = [];
    const bare = text.replace(/\[\[[^\[\]|]*(?:\|[^\[\]]*)?\]\]/g, "");  // [[id]] references cost nothing
    if ((bare.match(/\[/g) || []).length > limits.brackets) problems.push(say("brackets", { max: limits.brackets }));
    if (text.split("\n").length > limits.lines) problems.push(say("lines", { max: limits.lines }));
    for (const [, target] of text.matchAll(/\[\[([^\[\]|]*)(?:\|[^\[\]]*)?\]\]/g)) {
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
    if (/^---\n/.test(text)) problems.push(say("front_matter"));
    if ([...text].length > limits.body) problems.push(say("too_long", { max: limits.body }));
    return [...new Set(problems)];
  }

  function values() {
    const read = (name) => form.elements[name].value.replace(/\r\n?/g, "\n").trim();
    const targets = read("targets").split(/[,;\s]+/).filter(Boolean);
    const author = { name: read("name") };
    for (const name of ["organisation", "country"]) if (read(name)) author[name] = read(name);
    const front = { targets, author, language: read("language"), date: new Date().toISOString().slice(0, 10), kind: read("kind"), status: "open" };
    if (read("proposed_text")) front.proposed_text = read("proposed_text");
    return { front, text: read("text") };
  }

  function problemsByField({ front, text }) {
    const fields = {};
    const add = (field, message) => (fields[field] = fields[field] || []).push(message);
    for (const error of validate(settings.schema, front)) {
      const field = error.path[0] === "author" ? error.path[1] : error.path[0];
      add(field === undefined ? "targets" : field, schemaMessage(error));
    }
    for (const target of front.targets) {
      if (!known.has(target) && !fields.targets) add("targets", say("target_unknown", { value: target }));
    }
    for (const name of ["name", "organisation", "country"]) for (const p of textProblems(front.author[name] || "", false)) add(name, p);
    for (const p of textProblems(front.proposed_text || "", true)) add("proposed_text", p);
    if (!text) add("text", say("required"));
    for (const p of textProblems(text, true)) add("text", p);
    return fields;
  }

  function show(fields) {
    for (const name of ["targets", "language", "kind", "name", "organisation", "country", "text", "proposed_text"]) {
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
    lines.push("status: open", "---", "", text, "");
    return lines.join("\n");
  }

  function fileName(front) {
    const first = front.targets[0];
    const anchor = first.includes(".") ? first.toLowerCase().replaceAll(".", "-") : first;
    const random = Array.from(crypto.getRandomValues(new Uint8Array(2)), (b) => b.toString(16).padStart(2, "0")).join("");
    return `${anchor}-${front.date}-${front.language}-${random}.md`;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const entered = values();
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
    hint.textContent = hint.dataset.template.replace("{file}", name);
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

  const order = (name) => ["targets", "language", "kind", "name", "organisation", "country", "text", "proposed_text"].indexOf(name);

  section.querySelector(".comment-form__copy").addEventListener("click", async () => {
    const output = section.querySelector("#cf-output");
    const status = section.querySelector(".comment-form__status");
    try {
      await navigator.clipboard.writeText(output.value);
    } catch {
      output.select();
      document.execCommand("copy");
    }
    status.textContent = status.dataset.copied;
  });
})();
