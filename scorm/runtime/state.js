/*
 * The learner's saved state of one SCO, and its compact text form (what SCORM
 * keeps in cmi.suspend_data; scorm/suspend.py writes the same text in Python
 * and proves its worst-case length). One object, shared by the host and the
 * tracker:
 *   page, visited[], answers{question index: response[]}  the host's (host.js);
 *   lang          the language the learner last chose in a multilingual
 *                 package, or null (never set in a one-language one), the host's;
 *   interactions  the next interaction index (every earlier one is written),
 *   record        the recorded test result {score, passed} or null (record.js),
 *                 the tracker's.
 * Text form: {"p":3,"v":"1f","a":{"0":["1"],"a":["2","3"]},"n":7,"r":[80,1],"l":"ru"}
 * (see scorm/suspend.py for each key).
 */
(function (global) {
  "use strict";

  var Answers = global.CourseAnswers;
  var Record = global.CourseRecord;

  /** Interaction indexes the text form can count (MAX_INTERACTIONS in scorm/suspend.py). */
  var MAX_INTERACTIONS = 99999;

  /** A fresh state for the SCO of `config`: first page, nothing seen, answered or recorded. */
  function create(config) {
    return {
      page: 0, visited: config.pages.map(function () { return false; }), answers: {},
      lang: null, interactions: 0, record: null
    };
  }

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

  function readVisited(hex, pages) {
    var visited = [];
    for (var i = 0; i < pages; i += 1) {
      visited.push(false);
    }
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

  /** `state` as text (encode_state in scorm/suspend.py writes the same). */
  function encode(state) {
    var answers = {};
    Object.keys(state.answers).sort(function (a, b) { return a - b; }).forEach(function (i) {
      answers[Number(i).toString(36)] = state.answers[i];
    });
    return JSON.stringify({
      p: state.page, v: visitedHex(state.visited), a: answers, n: state.interactions,
      r: Record.pack(state.record), l: state.lang || undefined
    });
  }

  /**
   * Read `text` into `state`, keeping what is valid for the SCO of `config`.
   * Restored state is cleaned like a new answer: it may come from another version
   * of the course or a damaged record, and an oversized answer kept here would make
   * every later text too long to save. Throws when `text` is not a JSON object.
   */
  function decode(text, state, config) {
    var data = JSON.parse(text);
    if (!data || typeof data !== "object") {
      throw new Error("not an object");
    }
    if (typeof data.p === "number" && data.p % 1 === 0 && data.p >= 0 &&
        data.p < config.pages.length) {
      state.page = data.p;
    }
    if (typeof data.v === "string" && /^[0-9a-f]{1,2000}$/.test(data.v)) {
      state.visited = readVisited(data.v, config.pages.length);
    }
    var saved = data.a && typeof data.a === "object" ? data.a : {};
    Object.keys(saved).forEach(function (key) {
      var index = /^[0-9a-z]{1,4}$/.test(key) ? parseInt(key, 36) : -1;
      var values = index >= 0 && index < config.questions.length ?
        Answers.restored(config.questions[index], saved[key], config) : null;
      if (values) {
        state.answers[index] = values;
      }
    });
    if (typeof data.n === "number" && data.n >= 0 && data.n <= MAX_INTERACTIONS) {
      state.interactions = Math.floor(data.n);
    }
    state.record = Record.unpack(data.r);
    if (config.languages.some(function (one) { return one.lang === data.l; })) {
      state.lang = data.l;
    }
  }

  global.CourseState = {
    create: create, encode: encode, decode: decode, MAX_INTERACTIONS: MAX_INTERACTIONS
  };
})(this);
