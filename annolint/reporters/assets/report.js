// Filters for the annolint report: show the findings whose rule, severity and note
// are chosen, and say how many are shown. Without this script every finding shows.
(function () {
  "use strict";
  var nav = document.querySelector("nav.filters");
  var form = document.getElementById("filters");
  if (!nav || !form) {
    return;
  }
  var articles = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var shown = document.getElementById("shown");
  var none = document.getElementById("none-shown");

  function chosen(name) {
    var values = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name="' + name + '"]'), function (box) {
      values[box.value] = box.checked;
    });
    return values;
  }

  function update() {
    var rules = chosen("rule");
    var severities = chosen("severity");
    var note = form.elements.note.value;
    var count = 0;
    articles.forEach(function (article) {
      var visible = rules[article.dataset.rule] === true && severities[article.dataset.severity] === true &&
        (note === "" || article.dataset.notes.split(" ").indexOf(note) >= 0);
      article.hidden = !visible;
      if (visible) {
        count += 1;
      }
    });
    shown.textContent = shown.dataset.template.replace("{shown}", String(count));
    none.hidden = count > 0;
  }

  form.addEventListener("change", update);
  // "reset" fires before the form's controls are reset: update once they are.
  form.addEventListener("reset", function () {
    window.setTimeout(update, 0);
  });
  nav.hidden = false;
  update();
})();
