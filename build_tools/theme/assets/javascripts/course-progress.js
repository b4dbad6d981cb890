/*
 * Progress on the offline site: which pages the trainee has read, each
 * module's state and where to continue. Kept in this browser only.
 *
 * The page carries its facts, written from the course model at build time
 * (build_tools/site/progress.py, partials/progress.html):
 *   script[data-course-progress]  JSON {course, page, modules: [{id, url,
 *       pages: [{id, url, title}], test, passMark}], strings}; URLs are
 *       relative to the page, ids are the same in every language.
 *   [data-course-progress-panel]  the home page's and module overview's panel:
 *       [data-course-module] entries whose state this script writes, the
 *       continue link and the "clear" button with its confirmation.
 * Stored in localStorage, next to what the knowledge checks keep
 * (build_tools/questions/assets/quiz-store.js):
 *   "course-progress:<courseId>"              {read: {pageId: 1}, last: pageId}
 *   "course-quiz:<courseId>:<pageId>"         answers (quiz.js), read here
 *   "course-quiz-result:<courseId>:<pageId>"  {raw, max, passMark, passed} (quiz.js)
 * A page counts as read once the end of its content has been on screen.
 * Under a launcher's CourseHost (see quiz-store.js) it does nothing: the LMS keeps
 * the learner's progress there. No network, works from file://. Never throws
 * into the page.
 */
(function () {
  "use strict";

  var data = readData();
  if (!data || !data.course || underHost() || !storage()) {
    return;
  }
  var key = "course-progress:" + data.course;
  var strings = data.strings || {};
  var pages = {};
  var modules = data.modules || [];

  function readData() {
    try {
      return JSON.parse(document.querySelector("script[data-course-progress]").textContent);
    } catch (e) {
      return null;
    }
  }

  // Shown by a launcher that keeps the learner's progress (quiz.js's CourseHost):
  // this browser keeps none.
  function underHost() {
    try {
      return window.parent !== window && !!window.parent.CourseHost;
    } catch (e) {
      return false; // A parent from another origin: no host.
    }
  }

  function storage() {
    try {
      var probe = "course-progress:probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null; // Storage disabled: nothing is shown, nothing is promised.
    }
  }

  function t(name, values) {
    var text = strings[name] || "";
    Object.keys(values || {}).forEach(function (field) {
      text = text.split("{" + field + "}").join(String(values[field]));
    });
    return text;
  }

  function load(name) {
    try {
      var value = JSON.parse(window.localStorage.getItem(name) || "null");
      return value && typeof value === "object" ? value : null;
    } catch (e) {
      return null;
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (e) {
      // Storage full: the marks of this visit are not kept.
    }
  }

  function state() {
    var saved = load(key) || {};
    return {
      read: saved.read && typeof saved.read === "object" ? saved.read : {},
      last: typeof saved.last === "string" ? saved.last : ""
    };
  }

  function has(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  function absolute(url) {
    try {
      var parsed = new URL(url, window.location.href);
      parsed.hash = "";
      return parsed.href;
    } catch (e) {
      return "";
    }
  }

  function index() {
    modules.forEach(function (module) {
      module.pages.forEach(function (page) {
        page.href = absolute(page.url);
        pages[page.id] = page;
      });
    });
  }

  function testResult(pageId) {
    var result = load("course-quiz-result:" + data.course + ":" + pageId);
    if (!result || !(Number(result.max) > 0)) {
      return null;
    }
    var raw = Number(result.raw) || 0;
    var max = Number(result.max);
    return {
      score: Math.floor((raw * 100) / max + 1e-9),
      passed: result.passed === true
    };
  }

  function answered(pageId) {
    return load("course-quiz:" + data.course + ":" + pageId) !== null;
  }

  /** The state of a module: its kind, the text that says it and the pages read. */
  function moduleState(module, saved) {
    var read = module.pages.filter(function (page) { return has(saved.read, page.id); }).length;
    var total = module.pages.length;
    var result = module.test ? testResult(module.test) : null;
    var counts = t("pagesRead", { n: read, m: total });
    if (result) {
      var verdict = result.passed ? t("passed", { score: result.score }) :
        t("notPassed", { score: result.score, percent: module.passMark });
      return { kind: result.passed ? "passed" : "failed", text: verdict + " · " + counts };
    }
    var started = read > 0 || module.pages.some(function (page) {
      return page.id === saved.last || answered(page.id);
    });
    if (!started) {
      return { kind: "not-started", text: t("notStarted") };
    }
    if (!module.test && read === total) {
      return { kind: "done", text: t("allRead") };
    }
    return { kind: "in-progress", text: t("inProgress") + " · " + counts };
  }

  var ICONS = { "not-started": "○", "in-progress": "◐", passed: "✓", failed: "✗", done: "✓" };

  function showModules(saved) {
    var entries = document.querySelectorAll("[data-course-module]");
    Array.prototype.forEach.call(entries, function (entry) {
      var id = entry.getAttribute("data-course-module");
      var module = modules.filter(function (m) { return m.id === id; })[0];
      var target = entry.querySelector("[data-course-module-state]");
      if (!module || !target) {
        return;
      }
      var found = moduleState(module, saved);
      var icon = document.createElement("span");
      icon.setAttribute("aria-hidden", "true");
      icon.className = "course-progress__icon";
      icon.textContent = ICONS[found.kind];
      var text = document.createElement("span");
      text.textContent = found.text;
      target.textContent = "";
      target.appendChild(icon);
      target.appendChild(text);
      entry.setAttribute("data-state", found.kind);
    });
  }

  function showContinue(saved) {
    var link = document.querySelector("[data-course-progress-continue]");
    if (!link) {
      return;
    }
    var page = has(pages, saved.last) ? pages[saved.last] : null;
    link.parentNode.hidden = !page;
    if (page) {
      link.setAttribute("href", page.url);
      link.textContent = t("continue", { title: page.title });
    }
  }

  /** Mark the navigation's links to read pages: a sign, and words for screen readers. */
  function markNavigation(saved) {
    var links = document.querySelectorAll('[data-course-chrome="navigation"] a[href]');
    var byHref = {};
    Object.keys(pages).forEach(function (id) {
      byHref[pages[id].href] = id;
    });
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute("href");
      var id = href.charAt(0) === "#" ? undefined : byHref[absolute(href)];
      var mark = link.querySelector(".course-read-mark");
      var read = id !== undefined && has(saved.read, id);
      if (read && !mark) {
        mark = document.createElement("span");
        mark.className = "course-read-mark";
        var sign = document.createElement("span");
        sign.setAttribute("aria-hidden", "true");
        sign.textContent = "✓";
        var words = document.createElement("span");
        words.className = "course-visually-hidden";
        words.textContent = " (" + t("read") + ")";
        mark.appendChild(sign);
        mark.appendChild(words);
        link.appendChild(mark);
      } else if (!read && mark) {
        link.removeChild(mark);
      }
    });
  }

  function render() {
    var saved = state();
    markNavigation(saved);
    showModules(saved);
    showContinue(saved);
  }

  function markRead() {
    var saved = state();
    if (!has(saved.read, data.page)) {
      saved.read[data.page] = 1;
      save(saved);
      render();
    }
  }

  /** Visiting a course page makes it the place to continue; seeing its end marks it read. */
  function track() {
    if (!has(pages, data.page)) {
      return;
    }
    var saved = state();
    saved.last = data.page;
    save(saved);
    var content = document.querySelector("[data-course-content]");
    if (!content || typeof window.IntersectionObserver !== "function") {
      markRead();
      return;
    }
    var end = document.createElement("div");
    end.className = "course-progress-end";
    end.setAttribute("aria-hidden", "true");
    content.parentNode.insertBefore(end, content.nextSibling);
    var observer = new window.IntersectionObserver(function (seen) {
      if (seen.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        markRead();
      }
    });
    observer.observe(end);
  }

  function clearAll() {
    try {
      window.localStorage.removeItem(key);
      Object.keys(pages).forEach(function (id) {
        window.localStorage.removeItem("course-quiz:" + data.course + ":" + id);
        window.localStorage.removeItem("course-quiz-result:" + data.course + ":" + id);
      });
    } catch (e) {
      // Nothing stored.
    }
    render();
  }

  /** The "clear" button asks first; the answer is announced and focus stays on the button. */
  function bindClear(panel) {
    var button = panel.querySelector("[data-course-progress-clear]");
    var confirmBox = panel.querySelector("[data-course-progress-confirm]");
    var status = panel.querySelector("[data-course-progress-status]");
    if (!button || !confirmBox || !status) {
      return;
    }
    function close() {
      confirmBox.hidden = true;
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
    button.addEventListener("click", function () {
      confirmBox.hidden = false;
      button.setAttribute("aria-expanded", "true");
      status.textContent = "";
      confirmBox.querySelector("[data-answer='no']").focus();
    });
    confirmBox.querySelector("[data-answer='yes']").addEventListener("click", function () {
      clearAll();
      close();
      status.textContent = t("cleared");
    });
    confirmBox.querySelector("[data-answer='no']").addEventListener("click", close);
    confirmBox.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
  }

  try {
    index();
    track();
    render();
    var panel = document.querySelector("[data-course-progress-panel]");
    if (panel) {
      bindClear(panel);
      panel.hidden = false;
    }
    // Another tab of the course (another language, a test) changed the progress.
    window.addEventListener("storage", function (event) {
      if (event.key === null || String(event.key).indexOf("course-") === 0) {
        render();
      }
    });
    document.documentElement.classList.add("course-progress-ready");
  } catch (e) {
    if (window.console) {
      console.error("course progress: could not start", e);
    }
  }
})();
