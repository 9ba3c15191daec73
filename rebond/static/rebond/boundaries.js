// Boundaries: when the person picked is someone who may have hurt the user, hide the script examples and show
// where to find help, straight away. Without JavaScript the page does the same after it is sent or reopened.
(function () {
  "use strict";

  function safetyFirst(select) {
    var ids = (select.getAttribute("data-safety-first") || "").split(" ").filter(Boolean);
    return ids.indexOf(select.value) !== -1;
  }

  function update(select) {
    var hide = safetyFirst(select);
    document.querySelectorAll(".script-example").forEach(function (el) { el.hidden = hide; });
    var help = document.getElementById("boundary-safety");
    if (help) { help.hidden = !hide; }
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.hasAttribute("data-safety-first")) { update(target); }
  });
})();

// The script builder: put the parts together as they are typed (the same way the server does), and
// "Use this as how I'll say it" copies the script into that field without sending the form.
(function () {
  "use strict";

  function clean(value) { return (value || "").split(/\s+/).filter(Boolean).join(" "); }

  function compose(box) {
    var form = box.closest("form");
    function text(name) {
      var field = form ? form.elements.namedItem(name) : null;
      return field && "value" in field ? clean(field.value) : "";
    }
    var spoken = (box.getAttribute("data-spoken") || "").split(" ").filter(Boolean).map(text).filter(Boolean).join(" ");
    var lines = spoken ? [spoken] : [];
    (box.getAttribute("data-notes") || "").split(" ").filter(Boolean).forEach(function (part) {
      var value = text(part);
      if (value) { lines.push(box.getAttribute("data-note-" + part) + " " + value); }
    });
    return lines;
  }

  function render(box) {
    var out = box.querySelector("[data-script-text]");
    if (!out) { return; }
    var lines = compose(box);
    out.replaceChildren();
    if (!lines.length) {
      var empty = document.createElement("p");
      empty.className = "small";
      empty.textContent = box.getAttribute("data-empty") || "";
      out.appendChild(empty);
    }
    lines.forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      out.appendChild(p);
    });
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    var form = target instanceof Element ? target.closest("form") : null;
    var box = form ? form.querySelector("[data-script-preview]") : null;
    if (box && target.getAttribute("name") !== "how") { render(box); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-use-script]") : null;
    var box = button ? button.closest("[data-script-preview]") : null;
    if (!box) { return; }
    event.preventDefault();
    var lines = compose(box);
    var status = box.querySelector("[data-script-status]");
    var how = box.closest("form").elements.namedItem("how");
    if (!lines.length || !how) {
      if (status) { status.textContent = box.getAttribute("data-empty") || ""; }
      return;
    }
    how.value = lines.join("\n");
    how.dispatchEvent(new Event("input", { bubbles: true }));
    if (status) { status.textContent = box.getAttribute("data-used") || ""; }
    how.focus();
  });
})();
