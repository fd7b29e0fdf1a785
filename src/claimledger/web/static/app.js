// claimledger dashboard: small progressive enhancements; every page works without this file.
"use strict";

// Light up the claim named in the URL fragment (#claim-<id>) on a document page.
function markTarget() {
  document.querySelectorAll(".target").forEach((el) => el.classList.remove("target"));
  const m = location.hash.match(/^#claim-(.+)$/);
  if (!m) return;
  const id = decodeURIComponent(m[1]);
  document.querySelectorAll("span.sent[data-claims]").forEach((el) => {
    if (el.dataset.claims.split(" ").includes(id)) el.classList.add("target");
  });
  document.querySelectorAll("ol.doc-claims li[data-claim-id]").forEach((el) => {
    if (el.dataset.claimId === id) el.classList.add("target");
  });
}

// Leave empty fields out of the filter query string so URLs stay short and shareable.
function tidyFilterForms() {
  document.querySelectorAll("form.filters").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("input, select").forEach((el) => {
        if (el.name && el.value === "") el.disabled = true;
      });
    });
    // A select changed with the pointer filters at once; with the keyboard, arrow keys only
    // move the choice (Enter or the Filter button submits), so a keyboard user is not sent
    // to a new page at every key press.
    form.querySelectorAll("select").forEach((sel) => {
      let byPointer = false;
      sel.addEventListener("pointerdown", () => { byPointer = true; });
      sel.addEventListener("keydown", (ev) => {
        byPointer = false;
        if (ev.key === "Enter") form.requestSubmit();
      });
      sel.addEventListener("change", () => { if (byPointer) form.requestSubmit(); });
    });
  });
}

// On a phone the section links fold behind a Menu button (shown only when this file runs).
function collapsingNav() {
  const button = document.querySelector(".nav-toggle");
  const nav = document.getElementById("site-nav");
  if (!button || !nav) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    button.setAttribute("aria-expanded", String(open));
  });
}

// Each chart's legend entries show or hide that claimant's line.
function seriesToggles() {
  document.querySelectorAll("figure.chart").forEach((fig) => {
    fig.querySelectorAll("button.toggle").forEach((btn) => {
      btn.addEventListener("click", () => {
        const shown = btn.getAttribute("aria-pressed") !== "false";
        btn.setAttribute("aria-pressed", String(!shown));
        fig.querySelectorAll("g.series").forEach((g) => {
          if (g.dataset.claimant === btn.dataset.series) g.classList.toggle("off", shown);
        });
      });
    });
  });
}

document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
  markTarget();
  tidyFilterForms();
  collapsingNav();
  seriesToggles();
});
window.addEventListener("hashchange", markTarget);
