// The breathing pacer: a timer that says each phase and round in words, with a shape that grows and shrinks only
// when motion is welcome (under prefers-reduced-motion the words run alone, PRODUCT C8). The phases come from the
// exercise file (in and out only, no holds). A screen reader hears each phase only if the person asks for it.
(function () {
  "use strict";

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function setup(root) {
    var live = root.querySelector(".pacer-live");
    if (!live) { return; }
    var phases;
    try { phases = JSON.parse(live.dataset.phases || "[]"); } catch (e) { phases = []; }
    if (!phases.length) { return; }

    var shape = live.querySelector(".pacer-shape");
    var label = live.querySelector("[data-pacer-label]");
    var round = live.querySelector("[data-pacer-round]");
    var start = live.querySelector("[data-pacer-start]");
    var stop = live.querySelector("[data-pacer-stop]");
    var aloud = live.querySelector("[data-pacer-aloud]");
    var timer = null;
    var index = 0;
    var rounds = 0;

    function show(phase) {
      // CSSOM, not a style attribute: allowed under the page's Content Security Policy.
      shape.style.setProperty("--phase-seconds", phase.seconds + "s");
      shape.classList.toggle("is-in", phase.breath === "in" && !reducedMotion());
      label.textContent = phase.label + " · " + phase.seconds;
      live.dataset.breath = phase.breath;
    }

    function next() {
      var phase = phases[index];
      show(phase);
      if (index === 0) { rounds += 1; round.textContent = "Round " + rounds; }
      index = (index + 1) % phases.length;
      timer = window.setTimeout(next, phase.seconds * 1000);
    }

    function halt(message) {
      if (timer) { window.clearTimeout(timer); timer = null; }
      shape.classList.remove("is-in");
      label.textContent = message;
      live.dataset.breath = "";
      start.disabled = false;
      stop.disabled = true;
    }

    start.addEventListener("click", function () {
      index = 0; rounds = 0;
      start.disabled = true;
      stop.disabled = false;
      next();
    });
    stop.addEventListener("click", function () {
      halt("Stopped. Let your breath find its own pace.");
      start.textContent = "Start again";
    });
    var motion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
    if (motion && motion.addEventListener) {
      // Motion turned off mid-round: the shape stops where it is, the words go on.
      motion.addEventListener("change", function () { if (motion.matches) { shape.classList.remove("is-in"); } });
    }
    // Off by default: a label that changes every few seconds would otherwise talk over everything else.
    if (aloud) {
      aloud.addEventListener("change", function () {
        label.setAttribute("aria-live", aloud.checked ? "polite" : "off");
      });
    }
    live.hidden = false;
  }

  // One step at a time: a hard moment is a bad time to read a list. Without JavaScript the list is all there is.
  function guide(list) {
    var steps = Array.prototype.slice.call(list.querySelectorAll("li"));
    if (steps.length < 2) { return; }
    var current = 0;
    var bar = document.createElement("div");
    bar.className = "actions step-guide";
    function button(text, extra) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      if (extra) { b.className = extra; }
      return b;
    }
    var start = button("Guide me one step at a time", "secondary");
    var back = button("Back", "quiet");
    var next = button("Next step");
    var all = button("Show all steps", "quiet");
    var status = document.createElement("p");
    status.className = "small";
    status.setAttribute("aria-live", "polite");
    function show() {
      steps.forEach(function (step, i) { step.hidden = i !== current; });
      status.textContent = "Step " + (current + 1) + " of " + steps.length + ". Skip any step you like.";
      back.disabled = current === 0;
      next.textContent = current === steps.length - 1 ? "Finish" : "Next step";
    }
    function guided(on) {
      list.classList.toggle("is-guided", on);
      [back, next, all].forEach(function (b) { b.hidden = !on; });
      start.hidden = on;
      status.hidden = !on;
      if (on) { show(); steps[current].focus(); } else { steps.forEach(function (step) { step.hidden = false; }); }
    }
    steps.forEach(function (step, i) { step.tabIndex = -1; step.value = i + 1; });
    start.addEventListener("click", function () { current = 0; guided(true); });
    back.addEventListener("click", function () { if (current > 0) { current -= 1; show(); steps[current].focus(); } });
    next.addEventListener("click", function () {
      if (current < steps.length - 1) { current += 1; show(); steps[current].focus(); return; }
      guided(false);
      var after = document.getElementById("after");
      if (after) { after.scrollIntoView(); after.focus(); }
    });
    all.addEventListener("click", function () { guided(false); });
    [start, back, next, all].forEach(function (b) { bar.appendChild(b); });
    list.parentNode.insertBefore(status, list.nextSibling);
    list.parentNode.insertBefore(bar, list);
    guided(false);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-pacer]").forEach(setup);
    document.querySelectorAll("[data-steps]").forEach(guide);
  });
})();
