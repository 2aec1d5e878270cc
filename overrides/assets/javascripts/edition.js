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
