/*
 * Controls and hints that scripts add inside page content (the theme's copy
 * button of code blocks; course-page.js's wide-table hint and name and its
 * full-size image link) speak the reader's language, even where the content
 * is in another one (a page taken from another language carries that
 * language's lang): each gets the page's lang, so screen readers read it right.
 */
(function () {
  "use strict";

  var CONTROLS = ".md-code__button, .md-clipboard, .md-annotation__index, " +
    ".course-scroll-hint, .course-table-label, .course-zoom";
  var page = document.documentElement.lang;

  function markOne(control) {
    var holder = control.closest("[lang]");
    if (holder !== document.documentElement && holder.lang !== page) {
      control.setAttribute("lang", page);
    }
  }

  function mark(node) {
    if (!node.querySelectorAll) return;
    if (node.matches(CONTROLS)) markOne(node);
    node.querySelectorAll(CONTROLS).forEach(markOne);
  }

  var content = document.querySelector(".md-content");
  if (!content || !page) return;
  mark(content);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) { change.addedNodes.forEach(mark); });
  }).observe(content, { childList: true, subtree: true });
})();
