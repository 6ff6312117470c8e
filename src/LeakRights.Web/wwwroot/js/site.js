// Progressive enhancement only: every page works without JavaScript.
(function () {
  "use strict";

  // Move focus to the error summary so screen readers announce the problems.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // "None" options ("暂时没有", "暂无实际损害") are exclusive: ticking one clears the others, and the other way round.
  document.querySelectorAll("fieldset[data-multi]").forEach(function (set) {
    var boxes = set.querySelectorAll("input[type=checkbox]");
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) { return; }
        var exclusive = box.hasAttribute("data-exclusive");
        boxes.forEach(function (other) {
          if (other !== box && (exclusive || other.hasAttribute("data-exclusive"))) {
            other.checked = false;
          }
        });
      });
    });
  });

  // Print buttons.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
