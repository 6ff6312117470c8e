// Progressive enhancement only: every page works without JavaScript.
(function () {
  "use strict";

  // Move focus to the error summary so screen readers announce the problems.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // "None" options ("暂时没有", "暂无实际损害") are exclusive: ticking one clears the others, and the other way round.
  // The flag is read by value: an attribute that is merely present (data-exclusive="") does not make an option exclusive.
  function isExclusive(box) { return box.getAttribute("data-exclusive") === "true"; }

  document.querySelectorAll("fieldset[data-multi='true']").forEach(function (set) {
    var boxes = set.querySelectorAll("input[type=checkbox]");
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (!box.checked) { return; }
        var exclusive = isExclusive(box);
        boxes.forEach(function (other) {
          if (other !== box && (exclusive || isExclusive(other))) {
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
