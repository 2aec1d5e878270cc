// What the edition's scripts share, on window.edition: today's date, template filling, a file
// download, the clipboard and data a script beside the page hands over. Loaded before them on every
// page (mkdocs.yml extra_javascript, which the offline edition inherits). A classic script, not a
// module: browsers load no module from file://, where the offline edition is read.
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

  // Data a script beside the page hands over: the file at src calls window[receiver].receive(data)
  // (handing_script, edition/shared/json_text.py). A script, not fetch(), because browsers refuse fetch()
  // from file://, where the offline edition is read. A Promise of the data, which rejects when the
  // file could not be loaded or handed nothing over; one load per address (a file hands its data to
  // one receiver), a failed one forgotten so that asking again retries it.
  const handedFiles = new Map(); // absolute address: Promise of the data its file handed over
  const running = new Map(); // a file's <script>, until it has handed its data over: {receiver, resolve}
  const receivers = new Map(); // receiver's name: the object on window the files hand their data to
  function handed(src, receiver) {
    const url = new URL(src, location.href).href;
    if (!handedFiles.has(url)) {
      if (!receivers.has(receiver)) receivers.set(receiver, Object.freeze({ receive: (data) => take(receiver, data) }));
      window[receiver] = receivers.get(receiver);
      const data = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        running.set(script, { receiver, resolve });
        const end = (problem) => {
          script.remove();
          if (running.delete(script)) reject(new Error(problem));
        };
        script.addEventListener("load", () => end(`${url} handed nothing over to ${receiver}`)); // load comes after it ran
        script.addEventListener("error", () => end(`${url} could not be loaded`));
        script.src = url;
        document.head.append(script);
      });
      data.catch(() => handedFiles.delete(url));
      handedFiles.set(url, data);
    }
    return handedFiles.get(url);
  }
  // Files loading at once are told apart by the script running receive(), so their data need no key.
  function take(receiver, data) {
    const script = document.currentScript;
    const waiting = script && running.get(script);
    if (!waiting || waiting.receiver !== receiver || data === undefined || data === null) return;
    running.delete(script);
    waiting.resolve(data);
  }

  window.edition = Object.freeze({ today, fill, download, copy, handed });
})();
