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

  // Print buttons: hidden in the page (a button that does nothing without JavaScript), shown here.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Unsent answers survive a reload. What is typed or ticked on a step is kept in this tab's sessionStorage until the
  // step is submitted. A draft is put back only onto the very form it was made on (the same server-rendered values),
  // so anything the server knows that is newer — answers saved since, a plan loaded back, a start-over — wins; and a
  // page showing errors shows what the server echoed.
  var DRAFT_PREFIX = "lr-step-draft:";

  function drafts() {
    try { return window.sessionStorage; } catch (e) { return null; } // storage can be disabled
  }

  function clearDrafts() {
    var store = drafts();
    if (!store) { return; }
    for (var i = store.length - 1; i >= 0; i--) {
      var key = store.key(i);
      if (key && key.indexOf(DRAFT_PREFIX) === 0) { store.removeItem(key); }
    }
  }

  // Values of the visible fields: as the server rendered them (initial) or as they are now.
  function formValues(form, initial) {
    var values = {};
    form.querySelectorAll("input[name]").forEach(function (input) {
      if (input.type === "hidden" || input.type === "submit" || input.type === "button") { return; }
      var list = values[input.name] || (values[input.name] = []);
      if (input.type === "checkbox" || input.type === "radio") {
        if (initial ? input.defaultChecked : input.checked) { list.push(input.value); }
      } else {
        list.push(initial ? input.defaultValue : input.value);
      }
    });
    return values;
  }

  function applyValues(form, values) {
    form.querySelectorAll("input[name]").forEach(function (input) {
      var list = values[input.name];
      if (!Array.isArray(list) || input.type === "hidden" || input.type === "submit" || input.type === "button") { return; }
      if (input.type === "checkbox" || input.type === "radio") {
        input.checked = list.indexOf(input.value) >= 0;
      } else if (typeof list[0] === "string") {
        input.value = list[0];
      }
    });
  }

  document.querySelectorAll("form[data-clear-drafts]").forEach(function (form) {
    form.addEventListener("submit", clearDrafts);
  });

  var stepForm = document.querySelector("form[data-step-draft]");
  var store = drafts();
  if (stepForm && store) {
    var key = DRAFT_PREFIX + stepForm.getAttribute("data-step-draft");
    var base = JSON.stringify(formValues(stepForm, true));
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && saved.base === base && saved.values && !summary) {
      applyValues(stepForm, saved.values);
    } else {
      store.removeItem(key);
    }

    var keep = function () {
      try {
        store.setItem(key, JSON.stringify({ base: base, values: formValues(stepForm, false) }));
      } catch (e) { /* full or refused: the form still works, only a reload loses the unsent input */ }
    };
    stepForm.addEventListener("input", keep);
    stepForm.addEventListener("change", keep);
    stepForm.addEventListener("submit", function () { store.removeItem(key); });
  }

  // Follow-up questions in place (GOV.UK's conditional reveal). The server renders each follow-up that depends on this
  // step's answers with its condition (data-show-if) and, when it is not shown yet, hidden with its inputs disabled, so
  // nothing of it posts. Here it appears under the answer that triggers it, without a reload; the server still judges
  // the posted answers as before. The grammar is the rules' own (eq, in, not, any, all, gte, lte; anyOf, allOf, noneOf).
  var revealing = document.querySelectorAll("[data-show-if]");
  var revealForm = document.querySelector("form[data-step-draft]");

  function answerOf(name) {
    var inputs = revealForm.querySelectorAll("input[name='" + name + "']:not([disabled])");
    if (inputs.length === 0) { return null; }
    var type = inputs[0].type;
    if (type === "radio") {
      var picked = revealForm.querySelector("input[name='" + name + "']:checked:not([disabled])");
      return picked ? { one: picked.value } : null;
    }

    if (type === "checkbox") {
      var ticked = [];
      inputs.forEach(function (i) { if (i.checked) { ticked.push(i.value); } });
      return ticked.length ? { many: ticked } : null;
    }

    var text = inputs[0].value.trim();
    return text === "" || isNaN(Number(text)) ? null : { number: Number(text) };
  }

  function holds(c) {
    if (c.anyOf) { return c.anyOf.some(holds); }
    if (c.allOf) { return c.allOf.every(holds); }
    if (c.noneOf) { return !c.noneOf.some(holds); }
    var a = answerOf(c.q);
    if (!a) { return false; }
    var has = function (v) { return c.v.indexOf(v) >= 0; };
    switch (c.op) {
      case "eq":
      case "in": return a.one !== undefined && has(a.one);
      case "not":
        if (a.one !== undefined) { return !has(a.one); }
        return a.many !== undefined && !a.many.some(has);
      case "any": return a.many !== undefined && a.many.some(has);
      case "all": return a.many !== undefined && c.v.every(function (v) { return a.many.indexOf(v) >= 0; });
      case "gte": return a.number !== undefined && a.number >= Number(c.n);
      case "lte": return a.number !== undefined && a.number <= Number(c.n);
      default: return false;
    }
  }

  function reveal() {
    // In page order, so a follow-up of a follow-up sees its trigger already shown or hidden.
    revealing.forEach(function (box) {
      var show = false;
      try { show = holds(JSON.parse(box.getAttribute("data-show-if"))); } catch (e) { show = !box.hidden; }
      box.hidden = !show;
      box.querySelectorAll("input").forEach(function (input) { input.disabled = !show; });
    });
  }

  if (revealForm && revealing.length) {
    reveal();
    revealForm.addEventListener("change", reveal);
    revealForm.addEventListener("input", reveal);
  }

  // "快速离开": the link alone (no JavaScript) goes to /check/leave, which clears the draft cookie and redirects to a
  // neutral site. Here it also clears this tab's sessionStorage, hides the page at once and replaces the history entry,
  // so Back does not come back to it. Esc pressed three times (within two seconds) does the same.
  var exitLink = document.querySelector("a[data-quick-exit]");
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    var store = drafts();
    if (store) { try { store.clear(); } catch (e) { /* nothing to clear */ } }
    document.documentElement.style.visibility = "hidden";
    window.location.replace(exitLink.href);
  }

  if (exitLink) {
    exitLink.addEventListener("click", quickExit);
    var escapes = [];
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      escapes = escapes.filter(function (t) { return now - t < 2000; });
      escapes.push(now);
      if (escapes.length >= 3) { escapes = []; quickExit(event); }
    });
  }

  // "复制链接" on the plan: hidden without JavaScript (it could not work), shown here.
  var copyButton = document.querySelector("[data-copy-link]");
  var copyStatus = document.querySelector("[data-copy-status]");
  function copied(ok) {
    if (copyStatus) {
      copyStatus.textContent = ok
        ? "链接已复制。请粘贴到只有您能看到的地方保存（例如发给自己的备忘录）。"
        : "没能自动复制。请长按或选中浏览器地址栏里的链接，手动复制。";
    }
  }

  if (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", function () {
      var url = copyButton.getAttribute("data-copy-link") || window.location.href.split("#")[0];
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { copied(true); }, function () { copied(false); });
      } else {
        copied(false);
      }
    });
  }

  // Printing shows the folded-away details ("具体怎么做", the answers), as the page would read on paper.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.more").forEach(function (d) { d.open = true; });
  });
})();
