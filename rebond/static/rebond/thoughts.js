// Thought records: "Add another" for thought and feeling rows. Without JavaScript, pressing Next and coming
// back to the step gives a fresh empty row, so nothing here is needed to finish a record.
(function () {
  "use strict";

  function renumber(row, index) {
    row.querySelectorAll("[id], [name], [for], [aria-describedby]").forEach(function (el) {
      ["id", "name", "for", "aria-describedby"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value) { el.setAttribute(attr, value.replace(/-(\d+)(?=-|$)/, "-" + index)); }
      });
      if (el.type === "radio") { el.value = String(index); el.checked = false; }
      else if ("value" in el && el.tagName !== "BUTTON") { el.value = ""; }
    });
    row.querySelectorAll(".error").forEach(function (el) { el.remove(); });
    row.classList.remove("has-error");
    var legend = row.querySelector("legend");
    if (legend) { legend.firstChild.textContent = legend.firstChild.textContent.replace(/\d+/, String(index + 1)); }
  }

  function addRow(button) {
    var selector = button.getAttribute("data-add-row");
    var rows = document.querySelectorAll(selector);
    if (!rows.length) { return; }
    var last = rows[rows.length - 1];
    var copy = last.cloneNode(true);
    renumber(copy, rows.length);
    last.after(copy);
    var first = copy.querySelector("textarea, input[type=text]");
    if (first) { first.focus(); }
    if (rows.length + 1 >= Number(button.getAttribute("data-max") || 10)) { button.hidden = true; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-add-row]") : null;
    if (button) { event.preventDefault(); addRow(button); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-add-row]").forEach(function (button) { button.hidden = false; });
  });
})();
