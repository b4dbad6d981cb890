/*
 * The SCO's launch page: the SCO's pages in an iframe with our own previous/next
 * and page list, a status line, and window.CourseHost for the knowledge checks
 * inside the pages (quiz.js calls parent.CourseHost: loadAnswers, answer,
 * testResult, canRetake, resetAnswers; the contract is written at the top of
 * build_tools/questions/assets/quiz-store.js and tested end to end in
 * tests/scorm/test_end_to_end.py).
 * The host knows what was shown, visited and answered (the state of state.js);
 * it knows no tracking standard: keeping the state and recording progress,
 * score and interactions is the tracker's (tracker.js), one per standard.
 * The configuration (page ids, each language's titles, pages and texts,
 * questions by index, mastery score, retake and completion rules, limits) is the
 * JSON in <script id="sco-config">, written by the build (scorm/launcher.py).
 *
 * Languages. A multilingual package has a language menu in the bar; a
 * one-language package is the same with one language and no menu. The launch
 * opens in the language the learner last chose (kept in the state), else in the
 * LMS's learner preference when it names a language of the package, else in
 * the first (the default). A switch keeps the page and everything done: page
 * and question ids are the same in every language. config.pages is always the
 * pages in the language shown ({id, href, title}).
 */
(function (global) {
  "use strict";

  var doc = global.document;
  var config = JSON.parse(doc.getElementById("sco-config").textContent);
  var Answers = global.CourseAnswers;
  var Record = global.CourseRecord;
  var HAS_TEST = config.mastery !== null;

  function log(message) {
    try {
      global.console.warn("[scorm] " + message);
    } catch (e) { /* no console: nothing to do */ }
  }

  var pageIds = config.pages.map(function (page) { return page.id; });
  var language = null; // the entry of config.languages shown
  var texts = null; // its texts (labels and status messages)

  /** The language `code` of the package, or null. */
  function languageOf(code) {
    return config.languages.filter(function (one) { return one.lang === code; })[0] || null;
  }

  /** The language of the package a preference such as "ru" or "ru-RU" names, or null. */
  function matching(preference) {
    var code = String(preference || "").toLowerCase();
    return languageOf(code) || languageOf(code.split(/[-_]/)[0]);
  }

  function setPages(one) {
    config.pages = one.pages.map(function (page, i) {
      return { id: pageIds[i], href: page.href, title: page.title };
    });
  }

  setPages(config.languages[0]);
  var state = global.CourseState.create(config);
  var tracker = global.CourseTrackers.create(config, state, log);
  var lastTry = null; // this session's latest test result when it was not recorded
  var questionIndex = {};
  config.questions.forEach(function (q, i) { questionIndex[q.id] = i; });

  // ---- CourseHost: the contract with quiz.js in the pages ----

  function answer(detail) {
    var index = questionIndex[detail && detail.id];
    if (index === undefined) {
      log("answer to unknown question " + (detail && detail.id));
      return false;
    }
    var question = config.questions[index];
    state.answers[index] = Answers.clean(question, detail.response, config);
    tracker.answered(question, {
      response: state.answers[index], result: detail.result, latencyMs: detail.latencyMs,
      timestamp: detail.timestamp
    });
    return true;
  }

  function testResult(result) {
    var max = Number(result && result.max) || 0;
    var taken = {
      score: Record.percent(result.raw, max),
      // Decided on the exact ratio, as quiz.js does, not on the rounded percent.
      passed: HAS_TEST && max > 0 && Number(result.raw) * 100 >= config.mastery * max
    };
    var recorded = state.record;
    if (tracker.testTaken(taken)) {
      lastTry = null;
    } else { // the same result again says nothing new
      lastTry = taken.score === recorded.score && taken.passed === recorded.passed ?
        null : taken;
    }
    showRecord();
    return taken.passed;
  }

  /** Whether the test of `pageId` may be taken again (not under "none" once recorded). */
  function canRetake() {
    return Record.canRetake(config.retake, state.record);
  }

  function loadAnswers(pageId) {
    var found = null;
    config.questions.forEach(function (q, i) {
      if (q.page === pageId && state.answers[i]) {
        found = found || {};
        found[q.id] = state.answers[i].slice();
      }
    });
    return found;
  }

  /** The learner cleared the page's answers (reset, or retry of a test): forget them too. */
  function resetAnswers(pageId) {
    config.questions.forEach(function (q, i) {
      if (q.page === pageId) {
        delete state.answers[i];
      }
    });
    tracker.changed();
    return true;
  }

  function guard(fn, fallback) {
    return function () {
      try {
        return fn.apply(null, arguments);
      } catch (e) {
        log("CourseHost call failed: " + e);
        return fallback;
      }
    };
  }

  global.CourseHost = {
    version: config.version,
    loadAnswers: guard(loadAnswers, null),
    answer: guard(answer, false),
    testResult: guard(testResult, false),
    canRetake: guard(canRetake, true),
    resetAnswers: guard(resetAnswers, false)
  };

  // ---- the frame and our own navigation ----

  var frame = doc.getElementById("sco-frame");
  var list = doc.getElementById("sco-pages");
  var prev = doc.getElementById("sco-prev");
  var next = doc.getElementById("sco-next");
  var position = doc.getElementById("sco-position");

  // Status lines under the bar, never inside it: the bar stays one row on a phone.
  var statusBox = doc.querySelector(".sco-status");

  function statusLine(id) {
    var line = doc.createElement("p");
    line.id = id;
    line.setAttribute("role", "status");
    line.hidden = true;
    statusBox.appendChild(line);
    return line;
  }

  var titleBox = doc.querySelector(".sco-title");
  var pagesLabel = doc.querySelector(".sco-list .sco-hidden");
  var menu = doc.getElementById("sco-lang"); // only in a multilingual package
  var menuLabel = doc.querySelector(".sco-langs .sco-hidden");
  var resultLine = statusLine("sco-result");
  var offlineLine = statusLine("sco-offline");

  /** No LMS (opened from a disk, or the LMS hid its API): the pages work, nothing is kept. */
  function showOffline() {
    offlineLine.textContent = texts.noLms;
    offlineLine.hidden = tracker.connected;
  }

  function formatScore(score) {
    return String(score).replace(".", texts.decimal);
  }

  /** Tell the learner what the LMS keeps, and when their latest try was not sent. */
  function showRecord() {
    var lines = [];
    if (state.record) {
      lines.push(texts[state.record.passed ? "recordedPassed" : "recordedFailed"]
        .split("{score}").join(formatScore(state.record.score)));
    }
    if (lastTry) {
      lines.push(texts[config.retake === "none" ? "keptFirst" : "keptBest"]
        .split("{score}").join(formatScore(lastTry.score)));
    }
    resultLine.textContent = lines.join(" ");
    resultLine.hidden = !lines.length;
  }

  function baseUrl() {
    return global.location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  }

  var shownHref = null; // the page in the frame, as far as the launcher can tell

  /** Show page `index`; the page already in the frame is not loaded again. */
  function show(index) {
    if (index < 0 || index >= config.pages.length) {
      return;
    }
    var href = config.pages[index].href;
    if (href !== shownHref) {
      frame.src = href;
      shownHref = href;
    }
    arrived(index);
  }

  function arrived(index) {
    state.page = index;
    state.visited[index] = true;
    list.value = String(index);
    prev.disabled = index === 0;
    next.disabled = index === config.pages.length - 1;
    position.textContent = (index + 1) + " / " + config.pages.length;
    // The frame is named after the page it shows (WCAG 4.1.2), in the
    // language shown like the page titles in the configuration.
    frame.title = config.pages[index].title;
    tracker.pageShown();
  }

  function onFrameLoad() {
    var href = null;
    try {
      href = frame.contentWindow.location.href.replace(/[?#].*$/, "");
    } catch (e) {
      return; // file:// in some browsers: we already know the page we opened
    }
    var base = baseUrl();
    shownHref = null; // a page of no one's list until it is found
    config.pages.forEach(function (page, i) {
      if (href === base + page.href) {
        shownHref = page.href;
        if (i !== state.page) {
          arrived(i);
        }
      }
    });
  }

  function buildList() {
    config.pages.forEach(function (page, i) {
      var option = doc.createElement("option");
      option.value = String(i);
      list.appendChild(option);
    });
    list.addEventListener("change", function () { show(Number(list.value)); });
    if (menu) {
      menu.addEventListener("change", guard(function () { choose(menu.value); }));
    }
    prev.addEventListener("click", function () { show(state.page - 1); });
    next.addEventListener("click", function () { show(state.page + 1); });
    frame.addEventListener("load", guard(onFrameLoad));
  }

  // ---- languages ----

  /** Show the launch page's own texts and the page list in language `one`. */
  function useLanguage(one) {
    language = one;
    texts = one.texts;
    setPages(one);
    doc.documentElement.lang = one.lang;
    doc.title = one.title;
    titleBox.textContent = one.title;
    prev.querySelector(".sco-word").textContent = texts.previous;
    prev.setAttribute("aria-label", texts.previous);
    next.querySelector(".sco-word").textContent = texts.next;
    next.setAttribute("aria-label", texts.next);
    pagesLabel.textContent = texts.pages;
    Array.prototype.forEach.call(list.options, function (option, i) {
      option.textContent = (i + 1) + ". " + config.pages[i].title;
    });
    if (menu) {
      menuLabel.textContent = texts.language;
      menu.value = one.lang;
    }
    showOffline();
    showRecord();
  }

  /** The learner chose language `code` in the menu: the same page in it, kept as their choice. */
  function choose(code) {
    var one = languageOf(code);
    if (!one || one === language) {
      return;
    }
    state.lang = one.lang;
    useLanguage(one);
    tracker.languageChosen(one.lang);
    show(state.page);
  }

  /** The language a launch opens in: last chosen, else the LMS's preference, else the default. */
  function firstLanguage() {
    var chosen = state.lang && languageOf(state.lang);
    if (!chosen && config.languages.length > 1) {
      chosen = matching(tracker.preferredLanguage());
    }
    return chosen || config.languages[0];
  }

  function finish() {
    tracker.finish();
  }

  // What tests and a curious developer may look at: the configuration, the
  // state, the tracker and its SCORM session.
  global.ScoLauncher = {
    config: config, state: state, tracker: tracker, session: tracker.session,
    show: guard(show), finish: guard(finish), choose: guard(choose)
  };

  try {
    tracker.start();
  } catch (e) {
    log("starting the tracking session failed: " + e);
  }
  buildList();
  useLanguage(guard(firstLanguage, config.languages[0])());
  show(state.page);
  global.addEventListener("pagehide", guard(finish));
  global.addEventListener("unload", guard(finish));
})(this);
