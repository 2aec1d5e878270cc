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

function stemQuery(query) {
  if (query.includes('"')) return query;
  return query.split(/(\s+)/).map((part) => (/^\s+$/.test(part) || part === "" ? part : stem(part))).join("");
}

self.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || typeof message !== "object") return;
  if (message.type === SETUP && message.data && message.data.config) {
    language = (message.data.config.lang || ["en"])[0];
  } else if (message.type === QUERY && typeof message.data === "string") {
    message.data = stemQuery(message.data);
  }
});

importScripts(new URL(self.location.href).searchParams.get("material"));
