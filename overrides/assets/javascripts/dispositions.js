// The Disposition of comments page's filters. The whole table is in the page and works without this
// script; it shows the form and hides the rows that do not match (status, paragraph, language), and an
// address with filters (?on=IV.b.17&status=accepted) shows them at once. Loaded by that page only.
(function () {
  "use strict";
  const root = document.querySelector(".dispositions");
  const form = root && root.querySelector(".dispositions__filters");
  if (!form) return;
  const status = root.querySelector(".dispositions__status");
  const names = ["status", "on", "language"];
  const rows = Array.from(root.querySelectorAll(".dispositions__table tbody tr"));

  function apply() {
    const wanted = Object.fromEntries(names.map((name) => [name, form.elements[name].value]));
    let shown = 0;
    for (const row of rows) {
      const group = row.parentElement.dataset.on;
      const match =
        (!wanted.status || row.dataset.status === wanted.status) &&
        (!wanted.on || group === wanted.on) &&
        (!wanted.language || row.dataset.language === wanted.language);
      row.hidden = !match;
      if (match) shown += 1;
    }
    for (const body of root.querySelectorAll(".dispositions__table tbody")) {
      body.hidden = !body.querySelector("tr:not([hidden])");
    }
    status.textContent = shown
      ? window.edition.fill(status.dataset.shown, { shown, total: rows.length })
      : status.dataset.none;
  }

  form.hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
    const params = new URLSearchParams();
    for (const name of names) if (form.elements[name].value) params.set(name, form.elements[name].value);
    const query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  });
  const params = new URLSearchParams(location.search);
  if (names.some((name) => params.has(name))) {
    for (const name of names) {
      const select = form.elements[name];
      if (params.has(name) && Array.from(select.options).some((o) => o.value === params.get(name))) {
        select.value = params.get(name);
      }
    }
    apply();
  }
})();
