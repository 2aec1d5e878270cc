// Search on demand: the language's search index (26-31 KB gzipped) is downloaded only once the reader
// opens search, not with every page; most readers never search, many on slow connections.
// Material's bundle requests search/search_index.json with XMLHttpRequest as soon as a page loads and
// hands it to the search worker, which then fetches Material's worker script and lunr's language
// files (workers/edition-search.js waits for the index before importing them). Loaded before the
// bundle (overrides/main.html), this script holds back that one request until the reader focuses the
// search box or opens the search toggle: the magnifier, the keys "/", "s" and "f" all do one of these.
// From the file system (the offline edition) Material loads the index by a script element and only
// once search is opened: nothing is downloaded there, so nothing is held back.
(function () {
  "use strict";
  if (location.protocol !== "http:" && location.protocol !== "https:") return;

  // The address Material requests: search/search_index.json under its configured base (which
  // overrides/main.html sets to the page's own edition).
  const config = JSON.parse(document.getElementById("__config").textContent);
  const index = new URL("search/search_index.json", new URL(config.base, location.href)).href;

  // A link that opens search (?q=) or highlights a result's terms (?h=) needs the index at once.
  const query = new URLSearchParams(location.search);
  let opened = query.has("q") || query.has("h");
  let held = null;

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const addresses = new WeakMap();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    addresses.set(this, new URL(url, location.href).href);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (addresses.get(this) !== index) return send.apply(this, body);
    // Material's one request for the index has come: every later request goes out unchanged.
    XMLHttpRequest.prototype.open = open;
    XMLHttpRequest.prototype.send = send;
    if (opened) return send.apply(this, body);
    held = () => send.apply(this, body);
  };

  function searchOpened() {
    if (opened) return;
    opened = true;
    if (held) held();
  }
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.closest("form[name=search]")) searchOpened();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) searchOpened();
  });
})();
