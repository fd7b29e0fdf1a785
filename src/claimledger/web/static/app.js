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
    // A changed select filters at once.
    form.querySelectorAll("select").forEach((sel) => {
      sel.addEventListener("change", () => form.requestSubmit());
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  markTarget();
  tidyFilterForms();
});
window.addEventListener("hashchange", markTarget);
