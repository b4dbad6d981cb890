/*
 * Glossary terms in pages: the first use of a term links to the glossary and
 * carries its definition in a tooltip (role="tooltip", aria-describedby).
 *
 * CSS shows the tooltip on hover and keyboard focus. This script adds what CSS
 * cannot: Escape hides the tooltip until the pointer or focus leaves the term
 * (WCAG 2.1, 1.4.13: dismissible), and on a touch screen the first tap shows
 * the definition and a second tap follows the link. In SCORM packages the
 * link to the glossary page is plain text, and the tooltip works the same.
 */
(function () {
  "use strict";

  var lastPointer = "mouse";

  function terms() {
    return Array.prototype.slice.call(document.querySelectorAll(".course-term"));
  }

  function closeAll(except) {
    terms().forEach(function (term) {
      if (term !== except) term.removeAttribute("data-open");
    });
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "mouse";
    if (!event.target.closest || !event.target.closest(".course-term")) closeAll(null);
  }, true);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".course-term__link");
    if (!link || lastPointer !== "touch") return;
    var term = link.parentNode;
    if (!term.hasAttribute("data-open")) {
      event.preventDefault();
      closeAll(term);
      term.removeAttribute("data-dismissed");
      term.setAttribute("data-open", "");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    terms().forEach(function (term) {
      if (term.matches(":hover, :focus-within, [data-open]")) {
        term.setAttribute("data-dismissed", "");
        term.removeAttribute("data-open");
      }
    });
  });

  function undismiss(event) {
    var term = event.target.closest && event.target.closest(".course-term");
    if (term && !term.contains(event.relatedTarget)) term.removeAttribute("data-dismissed");
  }

  document.addEventListener("focusout", undismiss);
  document.addEventListener("mouseout", undismiss);
})();
