/*
 * What the page frame adds for keyboards, screen readers and phones.
 *
 * - Wide tables: a table wider than its column becomes a keyboard-focusable,
 *   labelled region (arrow keys scroll it), with a hint above it and an edge
 *   shadow on the side where more columns are (WCAG 2.1.1, 1.4.10).
 * - Diagrams: an image shown smaller than its own size gets a link that
 *   opens it full size, where its labels are readable (WCAG 1.4.4).
 * - The header's menu and search buttons, which Material draws as <label>s
 *   for hidden checkboxes, work with Enter and Space and say whether they are
 *   open; Escape closes the menu and gives focus back to its button.
 *
 * Strings come in the page's language from script[data-course-page-strings]
 * (build_tools/theme/main.html). Everything is redone when the window is
 * resized, since a table may fit on a desktop and not on a phone.
 */
(function () {
  "use strict";

  var strings = {};
  try {
    strings = JSON.parse(document.querySelector("[data-course-page-strings]").textContent);
  } catch (e) {
    strings = {};
  }

  // ---- Wide tables -------------------------------------------------------

  function scrollBoxes() {
    // Material wraps every content table in .md-typeset__scrollwrap.
    return Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
  }

  function edges(box) {
    var more = [];
    if (box.scrollLeft > 1) more.push("left");
    if (box.scrollLeft + box.clientWidth < box.scrollWidth - 1) more.push("right");
    box.setAttribute("data-course-scroll", more.join(" ") || "none");
  }

  function hintOf(box) {
    var before = box.previousElementSibling;
    return before && before.classList.contains("course-scroll-hint") ? before : null;
  }

  // The region's name is a hidden element rather than an aria-label, so that
  // it can carry the reader's lang where the table is in another language
  // (course-lang.js marks it).
  function labelOf(box, index) {
    var id = "course-table-" + index;
    var label = document.getElementById(id);
    if (!label) {
      label = document.createElement("span");
      label.id = id;
      label.className = "course-table-label";
      label.hidden = true;
      label.textContent = strings.table || "Table";
      box.parentNode.insertBefore(label, box);
    }
    return label;
  }

  function markTable(box, index) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    var hint = hintOf(box);
    if (!wide) {
      ["tabindex", "role", "aria-labelledby", "data-course-scroll"].forEach(function (name) {
        box.removeAttribute(name);
      });
      [hint, document.getElementById("course-table-" + index)].forEach(function (added) {
        if (added) added.parentNode.removeChild(added);
      });
      return;
    }
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", labelOf(box, index).id);
    if (!hint) {
      hint = document.createElement("p");
      hint.className = "course-scroll-hint";
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = strings.scroll || "";
      box.parentNode.insertBefore(hint, box);
    }
    if (!box.hasAttribute("data-course-scroll-bound")) {
      box.setAttribute("data-course-scroll-bound", "");
      box.addEventListener("scroll", function () { edges(box); }, { passive: true });
    }
    edges(box);
  }

  // ---- Diagrams ----------------------------------------------------------

  function zoomOf(img) {
    var next = img.nextElementSibling;
    return next && next.classList.contains("course-zoom") ? next : null;
  }

  function markImage(img) {
    if (img.closest("a") || !img.naturalWidth) return;
    // Shown at less than 80 % of its size: its labels shrink below what the
    // author drew (12 to 14 px labels end up under 11 px).
    var shrunk = img.clientWidth > 0 && img.clientWidth < img.naturalWidth * 0.8;
    var link = zoomOf(img);
    if (shrunk && !link) {
      link = document.createElement("a");
      link.className = "course-zoom";
      link.href = img.getAttribute("src");
      link.textContent = strings.zoom || "";
      img.parentNode.insertBefore(link, img.nextSibling);
    } else if (!shrunk && link) {
      link.parentNode.removeChild(link);
    }
  }

  // ---- The header's menu and search buttons -------------------------------

  function headerButtons() {
    return Array.prototype.slice.call(
      document.querySelectorAll("label.md-header__button[for][role='button']"));
  }

  function syncExpanded() {
    headerButtons().forEach(function (label) {
      var toggle = document.getElementById(label.getAttribute("for"));
      if (toggle) label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    });
  }

  function bindHeaderButtons() {
    headerButtons().forEach(function (label) {
      label.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          // Material clicks a focused <label> on Enter itself: one click only.
          event.preventDefault();
          event.stopPropagation();
          label.click();
        }
      });
    });
    var drawer = document.getElementById("__drawer");
    var menu = document.querySelector("label.md-header__button[for='__drawer']");
    if (drawer && menu) {
      drawer.addEventListener("change", function () {
        syncExpanded();
        if (drawer.checked && document.activeElement === menu) {
          var first = document.querySelector(".md-sidebar--primary a[href]");
          // The drawer becomes visible (CSS) once the checkbox is checked.
          if (first) setTimeout(function () { first.focus(); }, 0);
        }
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && drawer.checked) {
          drawer.checked = false;
          drawer.dispatchEvent(new Event("change"));
          menu.focus();
        }
      });
    }
    var search = document.getElementById("__search");
    if (search) search.addEventListener("change", syncExpanded);
    syncExpanded();
  }

  // ---- Running it ----------------------------------------------------------

  function update() {
    scrollBoxes().forEach(markTable);
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset img"), markImage);
  }

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(update, 100);
  });
  window.addEventListener("load", update);
  bindHeaderButtons();
})();
