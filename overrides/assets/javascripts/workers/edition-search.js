// The search worker of this edition: Material's own worker, with queries stemmed in the edition's
// language first. Material adds a trailing wildcard to every query term, and lunr does not run its
// pipeline (so no stemming) on wildcard terms: "enfants*" would never find "enfant". Stemming the
// term before Material sees it ("enfant*") lets every form of the word match.
// It sits beside Material's worker, whose relative paths (../lunr/) it shares. Loaded as
// .../workers/edition-search.js?material=<Material's worker URL> (see overrides/main.html).
"use strict";

let language = "en";
const SETUP = 0;
const QUERY = 2;
// Terms with digits, dots or query syntax (paragraph numbers, +must, -not, field:, "phrases") stay as typed.
const LITERAL = /[\d.+\-~^:*"]/;

function stem(word) {
  const stemmer = language === "en" ? self.lunr && self.lunr.stemmer : self.lunr && self.lunr[language] && self.lunr[language].stemmer;
  if (!stemmer || LITERAL.test(word)) return word;
  const stemmed = stemmer(new self.lunr.Token(word.toLowerCase())).toString();
  return stemmed || word;
}

// A paragraph number typed with spaces or hyphens ("IV b 17", "iv-b-17") as the edition writes it ("IV.b.17").
const PARAGRAPH_NUMBER = /\b(I{1,3}|IV)[\s.\-–]+([a-z])[\s.\-–]+(\d{1,2})\b/gi;

function paragraphNumbers(query) {
  return query.replace(PARAGRAPH_NUMBER, (_, part, section, number) => `${part.toUpperCase()}.${section.toLowerCase()}.${number}`);
}

function stemQuery(query) {
  query = paragraphNumbers(query);
  if (query.includes('"')) return query;
  return query.split(/(\s+)/).map((part) => (/^\s+$/.test(part) || part === "" ? part : stem(part))).join("");
}

let replayed = null; // the SETUP handed again to Material's worker (see the end of this file)
self.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || typeof message !== "object" || event === replayed) return;
  if (message.type === SETUP && message.data && message.data.config) {
    language = (message.data.config.lang || ["en"])[0];
  } else if (message.type === QUERY && typeof message.data === "string") {
    message.data = stemQuery(message.data);
  }
});

// Search results: Material gives every group of results its page's own entry, adding it with no
// terms when only the page's sections matched ("ensure that every item set has an article"); its
// link then carries "?h=" with nothing to highlight. That entry gets the terms its group matched.
const RESULT = 3;
function withPageTerms(message) {
  if (!message || message.type !== RESULT || !message.data || !Array.isArray(message.data.items)) return message;
  for (const group of message.data.items) {
    const terms = {};
    for (const item of group) {
      for (const [term, found] of Object.entries(item.terms || {})) terms[term] = Boolean(terms[term] || found);
    }
    for (const item of group) {
      if (!item.terms || !Object.values(item.terms).some(Boolean)) item.terms = terms;
    }
  }
  return message;
}
const post = self.postMessage.bind(self);
self.postMessage = (message, ...rest) => post(withPageTerms(message), ...rest);

// From the file system (the offline edition) the "worker" is an iframe run by iframe-worker's shim:
// its address is then that of its script element, not of the iframe's document. There importScripts
// inserts a script element; the shim delivers messages only once the iframe has loaded, which waits
// for that script, so Material's worker is listening before the first message.
const address = self.document && self.document.currentScript ? self.document.currentScript.src : self.location.href;
const material = new URL(address).searchParams.get("material");
if (self.document) {
  importScripts(material);
} else {
  // Over http(s) Material's worker (12 KB gzipped) is fetched only when the index arrives, which
  // search-on-demand.js holds back until the reader opens search. Material's listener, added by
  // importScripts while this SETUP is being delivered, does not receive it: it is handed over again.
  self.addEventListener("message", function importOnSetup(event) {
    if (!event.data || event.data.type !== SETUP) return;
    self.removeEventListener("message", importOnSetup);
    importScripts(material);
    replayed = new MessageEvent("message", { data: event.data });
    self.dispatchEvent(replayed);
  });
}
