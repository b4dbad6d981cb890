/*
 * The SCO's launch page: one API session per launch, the SCO's pages in an
 * iframe with our own previous/next and page list, and window.CourseHost for
 * the knowledge checks inside the pages (quiz.js calls parent.CourseHost:
 * loadAnswers, answer, testResult, resetAnswers; the contract is written at the
 * top of build_tools/quiz/assets/quiz.js and tested end to end in
 * tests/scorm/test_end_to_end.py).
 * The configuration (pages, questions by index, mastery score, retake and
 * completion rules, limits, messages) is the JSON in <script id="sco-config">,
 * written by the build.
 *
 * Re-entry. Every session ends with exit "suspend", also after a pass, so that
 * the LMS resumes the same record on the next launch (entry "resume", with the
 * stored values) and never starts the SCO over inside the same attempt. What is
 * recorded is also kept in suspend_data: the recorded result and the number of
 * interactions written. On any launch the launcher reads back what the LMS lets
 * it read (SCORM 1.2: suspend_data, location, status and score on every launch;
 * 2004: the stored values after a resume, and whatever the LMS still hands over
 * otherwise) and never sends anything worse than what it learnt:
 *   - a test result only under the retake rule (Record.replaces);
 *   - interactions appended after every index written before, never over one;
 *     when the LMS shows fewer interactions than were written and refuses the
 *     next index, interactions of that session are left out, not written over;
 *   - completion never taken back.
 * When the LMS hands nothing back (SCORM 2004 "ab-initio" without the stored
 * values: a new attempt, or an LMS relaunching after an exit other than
 * "suspend") the SCO cannot tell the launch from a first one and starts afresh.
 */
(function (global) {
  "use strict";

  var doc = global.document;
  var config = JSON.parse(doc.getElementById("sco-config").textContent);
  var Runtime = global.ScormRuntime;
  var Record = global.ScormRecord;
  var V12 = config.version === "1.2";
  var HAS_TEST = config.mastery !== null;
  var TYPED_MAX = { numeric: config.numericMax, text: config.textMax };

  function log(message) {
    try {
      global.console.warn("[scorm] " + message);
    } catch (e) { /* no console: nothing to do */ }
  }

  var api = global.ScormApiFinder.findAPI(global, config.version);
  var session = new Runtime.Session(api, config.version, log);
  var state = {
    page: 0, visited: config.pages.map(function () { return false; }), answers: {},
    interactions: 0, // the next interaction index (every earlier one is written)
    record: null // the recorded test result {score, passed}, see record.js
  };
  var startedAt = Date.now();
  var lmsInteractions = 0; // interactions._count as the LMS showed it at the start
  var interactionsRefused = false;
  var completedSent = false;
  var lastTry = null; // this session's latest test result when it was not sent
  var finished = false;

  // Interaction indexes the suspend data can count (see scorm/suspend.py).
  var MAX_INTERACTIONS = 99999;
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
    return JSON.stringify({
      p: state.page, v: visitedHex(state.visited), a: answers, n: state.interactions,
      r: Record.pack(state.record)
    });
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
      if (typeof data.n === "number" && data.n >= 0 && data.n <= MAX_INTERACTIONS) {
        state.interactions = Math.floor(data.n);
      }
      state.record = Record.unpack(data.r);
    } catch (e) {
      log("suspend_data not readable, starting afresh: " + e);
    }
  }

  // ---- tracking ----

  function allSeen() {
    return state.visited.every(Boolean);
  }

  function save() {
    var data = encodeState();
    if (data.length > config.suspendLimit) {
      log("suspend_data of " + data.length + " characters exceeds " + config.suspendLimit);
    } else {
      session.set("suspendData", data);
    }
    session.set("location", config.pages[state.page].href);
    // Always "suspend": the LMS then resumes this record on the next launch instead of
    // handing the SCO a blank one in the same attempt (1.2 RTE 3.4.2.1.6, 2004 RTE 4.2.11).
    session.set("exit", "suspend");
  }

  /** Send a test result: the score first, then the status it decides (1.2 RTE 3.4.2.1.5). */
  function sendResult(result) {
    session.set("scoreMin", 0);
    session.set("scoreMax", 100);
    session.set("scoreRaw", result.score);
    if (session.has("scoreScaled")) {
      session.set("scoreScaled", Math.round(result.score * 100) / 10000);
    }
    session.set(V12 ? "lessonStatus" : "successStatus", result.passed ? "passed" : "failed");
  }

  /** Report completion once the rule is met; it is never taken back. */
  function updateCompletion() {
    if (completedSent ||
        !Record.completed(config.completion, HAS_TEST, allSeen(), !!state.record)) {
      return;
    }
    completedSent = true;
    if (!V12) {
      session.set("completionStatus", "completed");
    } else if (!state.record) { // 1.2 has one status: passed or failed says it all
      session.set("lessonStatus", "completed");
    }
  }

  /** The result the LMS shows as recorded, or null (2004 score only when it has one). */
  function lmsResult() {
    var success = session.get(V12 ? "lessonStatus" : "successStatus");
    if (success !== "passed" && success !== "failed") {
      return null;
    }
    var score = Number(session.get("scoreRaw"));
    return session.get("scoreRaw") === "" || !isFinite(score) ? null :
      { score: score, passed: success === "passed" };
  }

  /**
   * Read back what the LMS still holds of this attempt. On a resume that is
   * everything; otherwise a SCORM 1.2 LMS may still hand the stored values (entry
   * "") and a 2004 one normally hands none (entry "ab-initio", RTE 4.2.11): the
   * suspend data is asked for anyway, where 2004 answers 403 when it has none.
   */
  function readStored() {
    var resumed = session.get("entry") === "resume";
    var data = resumed ? session.get("suspendData") : session.peek("suspendData");
    if (data) {
      decodeState(data);
    }
    if (!resumed && !V12) {
      return; // the page is in the suspend data; cmi.location unset is 403 too
    }
    var location = session.get("location");
    config.pages.forEach(function (page, i) {
      if (page.href === location) {
        state.page = i;
      }
    });
  }

  function startAttempt() {
    if (!session.initialize()) {
      return;
    }
    var status = session.get(V12 ? "lessonStatus" : "completionStatus");
    var shown = HAS_TEST ? lmsResult() : null;
    lmsInteractions = parseInt(session.get("interactionCount"), 10) || 0;
    readStored(); // last of the reads: a 2004 LMS may answer its first one with 403
    state.record = Record.kept(config.retake, state.record, shown);
    state.interactions = Math.max(state.interactions, lmsInteractions);
    if (state.record && !shown) {
      // The LMS hands back our data but not the result: say it again, unchanged.
      sendResult(state.record);
    }
    completedSent = status === "completed";
    if (status === "" || status === "not attempted" || status === "unknown") {
      updateCompletion();
      if (!completedSent && !(V12 && state.record)) {
        session.set(V12 ? "lessonStatus" : "completionStatus", "incomplete");
      }
    }
    save();
    session.commit();
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
      id: question.id, interaction: question.interaction, patterns: question.patterns || [],
      response: state.answers[index], result: detail.result,
      latencyMs: detail.latencyMs, timestamp: detail.timestamp
    };
    record_(record);
    save();
    session.commit();
    return true;
  }

  /**
   * Append an answer to the interactions, after every index written before. When
   * the LMS shows fewer interactions than were written and refuses the next index,
   * the session records no more rather than writing over the earlier ones.
   */
  function record_(detail) {
    if (interactionsRefused || state.interactions >= MAX_INTERACTIONS) {
      return;
    }
    if (session.interaction(state.interactions, detail)) {
      state.interactions += 1;
    } else if (state.interactions > lmsInteractions && session.isOpen()) {
      interactionsRefused = true;
      log("the LMS shows " + lmsInteractions + " interactions but " + state.interactions +
          " were written in this attempt; not writing over them, answers of this session" +
          " are not recorded as interactions");
    }
  }

  function testResult(result) {
    var max = Number(result && result.max) || 0;
    var taken = {
      score: Record.percent(result.raw, max),
      // Decided on the exact ratio, as quiz.js does, not on the rounded percent.
      passed: HAS_TEST && max > 0 && Number(result.raw) * 100 >= config.mastery * max
    };
    if (Record.replaces(config.retake, state.record, taken)) {
      state.record = taken;
      lastTry = null;
      sendResult(taken);
    } else { // the same result again says nothing new
      lastTry = taken.score === state.record.score && taken.passed === state.record.passed ?
        null : taken;
    }
    updateCompletion();
    save();
    session.commit();
    showRecord();
    return taken.passed;
  }

  /** Whether the test of `pageId` may be taken again (not under "none" once recorded). */
  function canRetake() {
    return !(config.retake === "none" && state.record);
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

  /** No LMS API (opened from a disk, or the LMS hid it): the pages work, nothing is kept. */
  function showOffline() {
    offlineLine.textContent = config.messages.noLms;
    offlineLine.hidden = !!api;
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
  showOffline();
  showRecord();
  show(state.page);
  global.addEventListener("pagehide", guard(finish));
  global.addEventListener("unload", guard(finish));
})(this);
