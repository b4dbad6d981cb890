/*
 * The SCO's launch page: one API session per launch, the SCO's pages in an
 * iframe with our own previous/next and page list, and window.CourseHost for
 * the knowledge checks inside the pages (quiz.js calls parent.CourseHost:
 * loadAnswers, answer, testResult, resetAnswers; the contract is written at the
 * top of build_tools/quiz/assets/quiz.js and tested end to end in
 * tests/scorm/test_end_to_end.py).
 * The configuration (pages, questions by index, mastery score, limits) is the
 * JSON in <script id="sco-config">, written by the build.
 */
(function (global) {
  "use strict";

  var doc = global.document;
  var config = JSON.parse(doc.getElementById("sco-config").textContent);
  var Runtime = global.ScormRuntime;
  var TYPED_MAX = { numeric: config.numericMax, text: config.textMax };

  function log(message) {
    try {
      global.console.warn("[scorm] " + message);
    } catch (e) { /* no console: nothing to do */ }
  }

  var api = global.ScormApiFinder.findAPI(global, config.version);
  var session = new Runtime.Session(api, config.version, log);
  var state = { page: 0, visited: config.pages.map(function () { return false; }), answers: {} };
  var startedAt = Date.now();
  var interactionIndex = {};
  var interactionNext = 0;
  var passed = false;
  var finished = false;

  var questionIndex = {};
  config.questions.forEach(function (q, i) { questionIndex[q.id] = i; });

  // ---- suspend_data: see scorm/suspend.py for the format and its worst case ----

  function visitedHex(visited) {
    var digits = [];
    for (var n = 0; n < visited.length; n += 4) {
      var nibble = 0;
      for (var b = 0; b < 4 && n + b < visited.length; b += 1) {
        nibble |= visited[n + b] ? (1 << b) : 0;
      }
      digits.unshift(nibble.toString(16));
    }
    var text = digits.join("").replace(/^0+/, "");
    return text || "0";
  }

  function readVisited(hex) {
    var visited = config.pages.map(function () { return false; });
    for (var d = 0; d < hex.length; d += 1) {
      var nibble = parseInt(hex.charAt(hex.length - 1 - d), 16) || 0;
      for (var b = 0; b < 4; b += 1) {
        if (nibble & (1 << b) && d * 4 + b < visited.length) {
          visited[d * 4 + b] = true;
        }
      }
    }
    return visited;
  }

  function encodeState() {
    var answers = {};
    Object.keys(state.answers).sort(function (a, b) { return a - b; }).forEach(function (i) {
      answers[Number(i).toString(36)] = state.answers[i];
    });
    return JSON.stringify({ p: state.page, v: visitedHex(state.visited), a: answers });
  }

  function decodeState(text) {
    try {
      var data = JSON.parse(text);
      if (!data || typeof data !== "object") {
        throw new Error("not an object");
      }
      // Restored state is cleaned like a new answer: it may come from another
      // version of the course or a damaged record, and an oversized answer kept
      // here would make every later suspend_data too long to save.
      if (typeof data.p === "number" && data.p % 1 === 0 && data.p >= 0 &&
          data.p < config.pages.length) {
        state.page = data.p;
      }
      if (typeof data.v === "string" && /^[0-9a-f]{1,2000}$/.test(data.v)) {
        state.visited = readVisited(data.v);
      }
      var saved = data.a && typeof data.a === "object" ? data.a : {};
      Object.keys(saved).forEach(function (key) {
        var index = /^[0-9a-z]{1,4}$/.test(key) ? parseInt(key, 36) : -1;
        var values = index >= 0 && index < config.questions.length ?
          restoredResponse(config.questions[index], saved[key]) : null;
        if (values) {
          state.answers[index] = values;
        }
      });
    } catch (e) {
      log("suspend_data not readable, starting afresh: " + e);
    }
  }

  // ---- tracking ----

  function allSeen() {
    return state.visited.every(Boolean);
  }

  function isFinished() {
    return allSeen() && (config.mastery === null || passed);
  }

  function save() {
    var data = encodeState();
    if (data.length > config.suspendLimit) {
      log("suspend_data of " + data.length + " characters exceeds " + config.suspendLimit);
    } else {
      session.set("suspendData", data);
    }
    session.set("location", config.pages[state.page].href);
    session.set("exit", isFinished() ? (config.version === "1.2" ? "" : "normal") : "suspend");
  }

  function updateCompletion() {
    if (!allSeen()) {
      return;
    }
    if (config.version === "1.2") {
      var status = session.get("lessonStatus");
      if (status !== "passed" && status !== "failed" && status !== "completed") {
        session.set("lessonStatus", "completed");
      }
    } else {
      session.set("completionStatus", "completed");
    }
  }

  function startAttempt() {
    if (!session.initialize()) {
      return;
    }
    // Stored data is only there to read when the LMS resumes the attempt; reading it
    // otherwise is an error in 2004 (403, RTE 4.2.14 and 4.2.24).
    if (session.get("entry") === "resume") {
      var data = session.get("suspendData");
      if (data) {
        decodeState(data);
      }
      var location = session.get("location");
      config.pages.forEach(function (page, i) {
        if (page.href === location) {
          state.page = i;
        }
      });
    }
    var status = session.get(config.version === "1.2" ? "lessonStatus" : "completionStatus");
    var success = config.version === "1.2" ? status : session.get("successStatus");
    passed = success === "passed";
    if (status === "" || status === "not attempted" || status === "unknown") {
      session.set(config.version === "1.2" ? "lessonStatus" : "completionStatus", "incomplete");
    }
    readInteractions();
    save();
    session.commit();
  }

  function readInteractions() {
    interactionNext = parseInt(session.get("interactionCount"), 10) || 0;
    if (config.version !== "2004") {
      return; // SCORM 1.2 interactions are write-only: append, one record per answer
    }
    for (var i = 0; i < interactionNext; i += 1) {
      interactionIndex[session.getRaw("cmi.interactions." + i + ".id")] = i;
    }
  }

  function finish() {
    if (finished) {
      return;
    }
    finished = true;
    session.sessionTime(Date.now() - startedAt);
    save();
    session.commit();
    session.terminate();
  }

  // ---- CourseHost: the contract with quiz.js in the pages ----

  function cleanTyped(text, max) {
    var value = String(text).replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, max);
    return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|([^\ud800-\udbff]|^)[\udc00-\udfff]/g,
      function (match, before) { return (before || "") + "?"; });
  }

  function cleanResponse(question, response) {
    var values = Array.isArray(response) ? response.map(String) : [];
    if (question.type === "single" || question.type === "multiple") {
      values = values.filter(function (v, i) {
        return /^\d{1,3}$/.test(v) && Number(v) < question.options && values.indexOf(v) === i;
      });
      return question.type === "single" ? values.slice(0, 1) : values;
    }
    if (question.type === "truefalse") {
      return [values[0] === "true" ? "true" : "false"];
    }
    return [cleanTyped(values[0] || "", TYPED_MAX[question.type])];
  }

  /** A saved response cleaned like a new one; null when nothing valid is left. */
  function restoredResponse(question, saved) {
    if (!Array.isArray(saved) || saved.length > 100 || !saved.every(function (v) {
      return typeof v === "string" || typeof v === "number";
    })) {
      return null;
    }
    if (question.type === "truefalse" && saved[0] !== "true" && saved[0] !== "false") {
      return null;
    }
    var values = cleanResponse(question, saved);
    return values.length && values[0] !== "" ? values : null;
  }

  function answer(detail) {
    var index = questionIndex[detail && detail.id];
    if (index === undefined) {
      log("answer to unknown question " + (detail && detail.id));
      return false;
    }
    var question = config.questions[index];
    state.answers[index] = cleanResponse(question, detail.response);
    var record = {
      id: question.id, type: question.type, response: state.answers[index],
      correct: (detail.correct || []).map(String), tolerance: Number(detail.tolerance) || 0,
      result: detail.result,
      latencyMs: detail.latencyMs, timestamp: detail.timestamp
    };
    var n = interactionIndex[question.id];
    if (n === undefined) {
      n = interactionNext;
      interactionNext += 1;
      if (config.version === "2004") {
        interactionIndex[question.id] = n;
      }
    }
    session.interaction(n, record);
    save();
    session.commit();
    return true;
  }

  function testResult(result) {
    var max = Number(result && result.max) || 0;
    var percent = max > 0 ? Math.round(Number(result.raw) / max * 10000) / 100 : 0;
    // Decided on the exact ratio, as quiz.js does, not on the rounded percent.
    passed = config.mastery !== null && max > 0 &&
      Number(result.raw) * 100 >= config.mastery * max;
    // Score first, then the status it decides (1.2 RTE 3.4.2.1.5 with masteryscore).
    session.set("scoreMin", 0);
    session.set("scoreMax", 100);
    session.set("scoreRaw", percent);
    if (session.has("scoreScaled")) {
      session.set("scoreScaled", Math.round(percent * 100) / 10000);
    }
    if (config.version === "1.2") {
      session.set("lessonStatus", passed ? "passed" : "failed");
    } else {
      session.set("successStatus", passed ? "passed" : "failed");
    }
    updateCompletion();
    save();
    session.commit();
    return passed;
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
    save();
    session.commit();
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
    resetAnswers: guard(resetAnswers, false)
  };

  // ---- the frame and our own navigation ----

  var frame = doc.getElementById("sco-frame");
  var list = doc.getElementById("sco-pages");
  var prev = doc.getElementById("sco-prev");
  var next = doc.getElementById("sco-next");
  var position = doc.getElementById("sco-position");

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
    updateCompletion();
    save();
    session.commit();
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

  global.ScoLauncher = {
    config: config, session: session, state: state, show: guard(show), finish: guard(finish),
    encodeState: encodeState
  };

  try {
    startAttempt();
  } catch (e) {
    log("starting the SCORM session failed: " + e);
  }
  buildList();
  show(state.page);
  global.addEventListener("pagehide", guard(finish));
  global.addEventListener("unload", guard(finish));
})(this);
