// What the edition's scripts share, on window.edition: today's date, template filling, a file
// download and the clipboard. Loaded before them on every page (mkdocs.yml extra_javascript, which
// the offline edition inherits). A classic script, not a module: browsers load no module from
// file://, where the offline edition is read.
(function () {
  "use strict";

  // Today in UTC, the one calendar every date the edition writes is in (a comment file's date, a
  // citation's date of access, an export's name): two dates taken a moment apart near midnight
  // never differ by the reader's time zone.
  function today(now = new Date()) {
    return { iso: now.toISOString().slice(0, 10), year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  }

  // A template's {name} fields filled from values; a field with no value is left as written.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (Object.hasOwn(values, key) ? String(values[key]) : whole));
  }

  // The browser saves content as a file called name; nothing leaves the browser.
  function download(name, content, type) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // Copies text; where the clipboard is refused (file://, older browsers) selects what shows it (a
  // text field or any element) and copies the selection. Whether it was copied.
  async function copy(text, shown) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      if (typeof shown.select === "function") {
        shown.select();
      } else {
        const range = document.createRange();
        range.selectNodeContents(shown);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      }
      return document.execCommand("copy");
    }
  }

  window.edition = Object.freeze({ today, fill, download, copy });
})();
