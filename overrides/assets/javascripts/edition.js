// Cross-reference previews open with CSS on hover and focus; Escape hides the one open (WCAG 1.4.13),
// and it may open again once the pointer or focus leaves it.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  for (const xref of document.querySelectorAll(".xref:hover, .xref:focus-within")) {
    xref.classList.add("xref--dismissed");
  }
});
for (const type of ["focusout", "mouseleave"]) {
  document.addEventListener(type, (event) => {
    const xref = event.target instanceof Element ? event.target.closest(".xref") : null;
    if (xref) xref.classList.remove("xref--dismissed");
  }, true);
}

// The language switch keeps the reader's place: the link to the other edition gets the current
// fragment, or, if there is none, the paragraph or heading at the top of the screen. Without
// JavaScript the links still lead to the same page in the other language.
// An old address (a heading's slug in this language, a retired number) is an alias inside its
// heading or paragraph: the other edition knows that one by its own id, the same in every language.
function placeOf(hash) {
  let target = null;
  try {
    target = document.getElementById(decodeURIComponent(hash.slice(1)));
  } catch {
    return hash;  // a malformed escape is nobody's id
  }
  const owner = target && target.classList.contains("anchor-alias") ? target.parentElement.closest("[id]") : null;
  return owner ? `#${owner.id}` : hash;
}
function readerPlace() {
  if (location.hash) return placeOf(location.hash);
  const header = document.querySelector(".md-header");
  // The reader's place: the last paragraph, provision or heading whose top has reached the top of
  // the reading area (the header's bottom, plus the 4rem scroll margin such targets land with).
  const top = (header ? header.getBoundingClientRect().bottom : 0) + 32;
  let place = "";
  for (const node of document.querySelectorAll(".md-content .guideline[id], .md-content .provision[id], .md-content h2[id], .md-content h3[id]")) {
    if (node.getBoundingClientRect().top > top) break;
    place = `#${node.id}`;
  }
  return place;
}
function placeLanguageLink(link) {
  const url = new URL(link.getAttribute("href"), location.href);
  url.hash = readerPlace();
  link.href = url.href;
}
for (const type of ["pointerdown", "focusin", "mouseover"]) {
  document.addEventListener(type, (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
    if (link) placeLanguageLink(link);
  }, true);
}
// Material's own handler would look the page up in a sitemap and drop the fragment: go directly.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest("a.md-select__link[hreflang]") : null;
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  placeLanguageLink(link);
  event.stopImmediatePropagation();
}, true);

// "Comment on this paragraph": the template's date is the build's; put today's in its place.
for (const type of ["pointerdown", "focusin"]) {
  document.addEventListener(type, (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.comments__new[href*='/new/']") : null;
    if (!link) return;
    link.href = link.href.replace(/\d{4}-\d{2}-\d{2}/g, edition.today().iso);
  }, true);
}
