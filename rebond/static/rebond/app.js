// rebond's small helpers. Everything works without this file; it only makes a few things faster.
(function () {
  "use strict";
  var EXIT_KEY_WINDOW_MS = 1200;
  var lastEscape = 0;

  function quickExit(url) {
    // replace() swaps this page out of the history, so Back does not bring it back.
    try { document.body.replaceChildren(); document.title = "New tab"; } catch (e) { /* keep going */ }
    window.location.replace(url);
  }

  function exitUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return link ? link.getAttribute("href") : "/exit/";
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-quick-exit]") : null;
    if (target) {
      event.preventDefault();
      quickExit(target.getAttribute("href"));
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var now = Date.now();
    if (now - lastEscape < EXIT_KEY_WINDOW_MS) {
      quickExit(exitUrl());
    }
    lastEscape = now;
  });

  // Confirm destructive forms: <form data-confirm="Delete this entry? It can't be brought back.">
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  // Drafts: <form data-draft-key="..."> keeps what was typed in this browser until the form is sent.
  function draftStore(form) { return "rebond-draft:" + form.dataset.draftKey; }
  function restoreDrafts() {
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      var raw = window.localStorage.getItem(draftStore(form));
      if (!raw) { return; }
      try {
        var saved = JSON.parse(raw);
        Object.keys(saved).forEach(function (name) {
          var field = form.elements.namedItem(name);
          if (field && "value" in field && !field.value) { field.value = saved[name]; }
        });
      } catch (e) { window.localStorage.removeItem(draftStore(form)); }
    });
  }
  document.addEventListener("input", function (event) {
    var form = event.target instanceof Element ? event.target.closest("form[data-draft-key]") : null;
    if (!form) { return; }
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.type !== "password" && el.type !== "hidden" && "value" in el && el.tagName !== "BUTTON") {
        data[el.name] = el.value;
      }
    });
    window.localStorage.setItem(draftStore(form), JSON.stringify(data));
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.draftKey && !event.defaultPrevented) {
      window.localStorage.removeItem(draftStore(form));
    }
  });
  document.addEventListener("DOMContentLoaded", restoreDrafts);
})();
