// reader (issue 10): on a touch screen there is no hover, and a tap on a citation would leave the
// paragraph. The first tap opens the citation's preview instead (a sheet at the bottom of a phone's
// screen, reader.css), which says so; a second tap on the same citation follows it. A tap elsewhere or Escape
// closes it. Mouse and keyboard keep the previews that open on hover and focus (edition.js).
(function () {
  let touch = false;
  document.addEventListener("pointerdown", (event) => {
    touch = event.pointerType === "touch" || event.pointerType === "pen";
  }, true);

  function closeOpen(except) {
    for (const open of document.querySelectorAll(".xref.xref--open")) {
      if (open !== except) open.classList.remove("xref--open");
    }
  }

  document.addEventListener("click", (event) => {
    if (!touch) return;
    const target = event.target instanceof Element ? event.target : null;
    const link = target ? target.closest(".xref > a.xref__link") : null;
    if (!link) {
      if (!target || !target.closest(".xref__tip")) closeOpen(null);
      return;
    }
    const xref = link.parentElement;
    if (xref.classList.contains("xref--open")) return; // the second tap follows the link
    event.preventDefault();
    closeOpen(xref);
    xref.classList.remove("xref--dismissed");
    xref.classList.add("xref--open");
    const tip = xref.querySelector(".xref__tip");
    if (tip && tip.dataset.tapHint && !tip.querySelector(".xref__hint")) {
      const hint = document.createElement("span");
      hint.className = "xref__hint";
      hint.textContent = tip.dataset.tapHint; // the page's language (data/labels.yml xref_tap_again)
      tip.append(hint);
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closeOpen(null);
  });
})();
