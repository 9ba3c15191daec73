// The breathing pacer. It runs only when motion is welcome: under prefers-reduced-motion the still, text-only
// rounds on the page are all there is. The phases come from the exercise file (in and out only, no holds).
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
    if (!phases.length || reducedMotion()) { return; }

    var shape = live.querySelector(".pacer-shape");
    var label = live.querySelector("[data-pacer-label]");
    var round = live.querySelector("[data-pacer-round]");
    var start = live.querySelector("[data-pacer-start]");
    var stop = live.querySelector("[data-pacer-stop]");
    var timer = null;
    var index = 0;
    var rounds = 0;

    function show(phase) {
      // CSSOM, not a style attribute: allowed under the page's Content Security Policy.
      shape.style.setProperty("--phase-seconds", phase.seconds + "s");
      shape.classList.toggle("is-in", phase.breath === "in");
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
      motion.addEventListener("change", function () {
        if (motion.matches) { halt("Press start when you're ready."); live.hidden = true; } else { live.hidden = false; }
      });
    }
    live.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-pacer]").forEach(setup);
  });
})();
