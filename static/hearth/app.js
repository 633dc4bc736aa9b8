// Hearth's only script. Everything works without it; it adds the quick exit by
// keyboard, a time-zone guess on forms, and copy buttons.
(function () {
  "use strict";

  function leaveQuickly(event) {
    var exit = document.getElementById("quick-exit");
    if (!exit) return;
    if (event) event.preventDefault();
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    document.title = "";
    document.body.style.visibility = "hidden";
    // replace(): this page is swapped out of the current history entry.
    window.location.replace(exit.href);
  }

  var escapes = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    escapes = escapes.filter(function (t) { return now - t < 1500; });
    escapes.push(now);
    if (escapes.length >= 3) leaveQuickly();
  });

  // A countdown for "together" turns: shows the time left, then says so gently.
  function startTimers(root) {
    root.querySelectorAll("[data-timer-minutes]").forEach(function (timer) {
      if (timer.dataset.started) return;
      timer.dataset.started = "1";
      var end = Date.now() + parseInt(timer.dataset.timerMinutes, 10) * 60000;
      var tick = function () {
        var left = Math.max(0, Math.round((end - Date.now()) / 1000));
        timer.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
        if (left === 0) {
          timer.classList.add("done");
          timer.textContent = "Time. Finish your sentence.";
          return;
        }
        window.setTimeout(tick, 1000);
      };
      tick();
    });
  }

  document.addEventListener("htmx:load", function (event) { startTimers(event.target); });

  function init() {
    startTimers(document);
    var exit = document.getElementById("quick-exit");
    if (exit) exit.addEventListener("click", leaveQuickly);

    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    document.querySelectorAll("select[data-guess-timezone]").forEach(function (select) {
      if (!zone || select.dataset.touched) return;
      var isDefault = select.value === "UTC" && !select.querySelector("option[selected]:not([value='UTC'])");
      if (isDefault && select.querySelector("option[value='" + zone.replace(/'/g, "") + "']")) {
        select.value = zone;
      }
    });

    document.querySelectorAll("[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var target = document.getElementById(button.dataset.copy);
        if (!target || !navigator.clipboard) return;
        navigator.clipboard.writeText(target.textContent.trim()).then(function () {
          button.textContent = "Copied";
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
