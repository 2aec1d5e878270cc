// On a touch screen there is no hover, and a tap on a citation would leave the
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

// "2005 text only": a pressed switch hides the edition's apparatus (reader.css, .edition-text-only-on
// on the root element), on screen and in print. The reader's choice stays in this browser under one
// localStorage key and applies on every page of the 2005 text; storage refused keeps it for the page.
(function () {
  const KEY = "edition.reader.textOnly";
  const holder = document.querySelector(".edition-text-only");
  const button = holder ? holder.querySelector("button") : null;
  if (!button) return;

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch {
      return false;
    }
  }

  function apply(on) {
    document.documentElement.classList.toggle("edition-text-only-on", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  button.addEventListener("click", () => {
    const on = button.getAttribute("aria-pressed") !== "true";
    apply(on);
    try {
      if (on) window.localStorage.setItem(KEY, "1");
      else window.localStorage.removeItem(KEY);
    } catch {
      // storage refused (private mode, file://): the choice holds for this page only
    }
  });
  apply(stored());
  holder.hidden = false;
})();
