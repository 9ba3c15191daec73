// rebond's small helpers. Everything works without this file; it only makes a few things faster.
(function () {
  "use strict";
  var EXIT_KEY_WINDOW_MS = 1200;
  var lastEscape = 0;

  // Drafts live in localStorage as "rebond-draft:<scope>:<form key>". The scope is an opaque value the server puts on
  // <body data-draft-scope> for the signed-in person (never their name); signed out, the scope is "public".
  var DRAFT_PREFIX = "rebond-draft:";

  function draftKeys() {
    var keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; i += 1) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(DRAFT_PREFIX) === 0) { keys.push(key); }
      }
    } catch (e) { /* storage switched off: there are no drafts to find */ }
    return keys;
  }

  function forgetDrafts(keep) {
    draftKeys().forEach(function (key) {
      if (!keep || key.indexOf(keep) !== 0) {
        try { window.localStorage.removeItem(key); } catch (e) { /* keep going */ }
      }
    });
  }

  function draftScope() {
    var scope = document.body ? document.body.getAttribute("data-draft-scope") : "";
    return scope || "public";
  }

  function quickExit(url) {
    forgetDrafts(null);  // someone else may be about to use this browser
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

  // Signing out leaves nothing typed behind (the server also sends Clear-Site-Data).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute("data-sign-out") && !event.defaultPrevented) {
      forgetDrafts(null);
    }
  });

  // Drafts: <form data-draft-key="..."> keeps what was typed in this browser until the form is sent.
  function draftStore(form) { return DRAFT_PREFIX + draftScope() + ":" + form.dataset.draftKey; }
  function restoreDrafts() {
    var scope = draftScope();
    if (scope !== "public") {
      // Signed in: drafts that aren't this person's (left by someone whose session ran out) are dropped unread.
      forgetDrafts(DRAFT_PREFIX + scope + ":");
    }
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
