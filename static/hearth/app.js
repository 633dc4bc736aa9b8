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

  function init() {
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
