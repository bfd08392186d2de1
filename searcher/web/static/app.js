// Keyboard: "/" focuses the search box (unless typing already); Escape leaves it.
// The sort menu applies itself when changed. Nothing else needs a script.
"use strict";
document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  var box = document.getElementById("q");
  if (event.key === "/" && !typing && box && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    box.focus();
    box.select();
  } else if (event.key === "Escape" && target === box) {
    box.blur();
  }
});
document.addEventListener("DOMContentLoaded", function () {
  var menus = document.querySelectorAll("select.autosubmit");
  for (var i = 0; i < menus.length; i++) {
    menus[i].addEventListener("change", function (event) {
      event.target.form.submit();
    });
    var button = menus[i].form.querySelector("button");
    if (button) button.hidden = true;
  }
});
