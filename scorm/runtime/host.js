/*
 * The SCO's launch page: the SCO's pages in an iframe with our own previous/next
 * and page list, a status line, and window.CourseHost for the knowledge checks
 * inside the pages (quiz.js calls parent.CourseHost: loadAnswers, answer,
 * testResult, canRetake, resetAnswers; the contract is written at the top of
 * build_tools/quiz/assets/quiz-store.js and tested end to end in
 * tests/scorm/test_end_to_end.py).
 * The host knows what was shown, visited and answered (the state of state.js);
 * it knows no tracking standard: keeping the state and recording progress,
 * score and interactions is the tracker's (tracker.js), one per standard.
 * The configuration (pages, questions by index, mastery score, retake and
 * completion rules, limits, messages) is the JSON in <script id="sco-config">,
 * written by the build (scorm/launcher.py).
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

  var resultLine = statusLine("sco-result");
  var offlineLine = statusLine("sco-offline");

  /** No LMS (opened from a disk, or the LMS hid its API): the pages work, nothing is kept. */
  function showOffline() {
    offlineLine.textContent = config.messages.noLms;
    offlineLine.hidden = tracker.connected;
  }

  function formatScore(score) {
    return String(score).replace(".", config.messages.decimal);
  }

  /** Tell the learner what the LMS keeps, and when their latest try was not sent. */
  function showRecord() {
    var texts = [];
    if (state.record) {
      texts.push(config.messages[state.record.passed ? "recordedPassed" : "recordedFailed"]
        .split("{score}").join(formatScore(state.record.score)));
    }
    if (lastTry) {
      texts.push(config.messages[config.retake === "none" ? "keptFirst" : "keptBest"]
        .split("{score}").join(formatScore(lastTry.score)));
    }
    resultLine.textContent = texts.join(" ");
    resultLine.hidden = !texts.length;
  }

  function baseUrl() {
    return global.location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  }

  function show(index) {
    if (index < 0 || index >= config.pages.length) {
      return;
    }
    frame.src = config.pages[index].href;
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
    // package's language like the page titles in the configuration.
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
    config.pages.forEach(function (page, i) {
      if (href === base + page.href && i !== state.page) {
        arrived(i);
      }
    });
  }

  function buildList() {
    config.pages.forEach(function (page, i) {
      var option = doc.createElement("option");
      option.value = String(i);
      option.textContent = (i + 1) + ". " + page.title;
      list.appendChild(option);
    });
    list.addEventListener("change", function () { show(Number(list.value)); });
    prev.addEventListener("click", function () { show(state.page - 1); });
    next.addEventListener("click", function () { show(state.page + 1); });
    frame.addEventListener("load", guard(onFrameLoad));
  }

  function finish() {
    tracker.finish();
  }

  // What tests and a curious developer may look at: the configuration, the
  // state, the tracker and its SCORM session.
  global.ScoLauncher = {
    config: config, state: state, tracker: tracker, session: tracker.session,
    show: guard(show), finish: guard(finish)
  };

  try {
    tracker.start();
  } catch (e) {
    log("starting the tracking session failed: " + e);
  }
  buildList();
  showOffline();
  showRecord();
  show(state.page);
  global.addEventListener("pagehide", guard(finish));
  global.addEventListener("unload", guard(finish));
})(this);
