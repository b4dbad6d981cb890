/*
 * One SCORM session on the content side, for SCORM 1.2 and SCORM 2004.
 * Everything version-specific lives here: element names, data formats and the
 * API calls. Nothing throws into the page: API failures are logged with
 * GetLastError/GetErrorString and the call returns false or "".
 * Without an API object (the offline site) every call is a quiet no-op.
 */
(function (global) {
  "use strict";

  var Errors = global.ScormErrors;

  // Logical element -> [SCORM 1.2 element, SCORM 2004 element].
  var ELEMENTS = {
    // 1.2 RTE 3.4.2.1.3 CMIString255; 2004 RTE 4.2.14 characterstring (SPM 1000)
    location: ["cmi.core.lesson_location", "cmi.location"],
    // 1.2 RTE 3.4.2.1.6 ab-initio|resume|""; 2004 RTE 4.2.11 ab-initio|resume|""
    entry: ["cmi.core.entry", "cmi.entry"],
    // 1.2 RTE 3.4.2.1.10 time-out|suspend|logout|""; 2004 RTE 4.2.12 adds normal
    exit: ["cmi.core.exit", "cmi.exit"],
    // 1.2 RTE 3.4.2.2.2 CMIString4096; 2004 RTE 4.2.24 characterstring (SPM 64000)
    suspendData: ["cmi.suspend_data", "cmi.suspend_data"],
    // 1.2 RTE 3.4.2.1.11 CMITimespan; 2004 RTE 4.2.23 timeinterval (second,10,2)
    sessionTime: ["cmi.core.session_time", "cmi.session_time"],
    // 1.2 RTE 3.4.2.1.7 CMIDecimal 0-100; 2004 RTE 4.2.20 real (10,7)
    scoreRaw: ["cmi.core.score.raw", "cmi.score.raw"],
    scoreMin: ["cmi.core.score.min", "cmi.score.min"],
    scoreMax: ["cmi.core.score.max", "cmi.score.max"],
    // 2004 RTE 4.2.20.1 real (10,7) range -1..1
    scoreScaled: [null, "cmi.score.scaled"],
    // 1.2 RTE 3.4.2.1.5 passed|completed|failed|incomplete|browsed|not attempted
    lessonStatus: ["cmi.core.lesson_status", null],
    // 2004 RTE 4.2.4 completed|incomplete|not attempted|unknown
    completionStatus: [null, "cmi.completion_status"],
    // 2004 RTE 4.2.22 passed|failed|unknown
    successStatus: [null, "cmi.success_status"],
    interactionCount: ["cmi.interactions._count", "cmi.interactions._count"]
  };

  // Interaction types of our questions: 1.2 RTE 3.4.2.6.3, 2004 RTE 4.2.9.
  function pad(number, width) {
    var text = String(Math.floor(number));
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  /** 1.2 CMITimespan HHHH:MM:SS.SS (RTE 3.4.2.1.11). */
  function timespan12(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(Math.floor(cs / 360000), 9999);
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = Math.floor(cs / 100) % 60;
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(cs % 100, 2);
  }

  /** 2004 timeinterval (second,10,2), an ISO 8601 duration such as PT1H2M3.45S (RTE 4.1.10). */
  function duration2004(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(cs / 360000);
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = (cs % 6000) / 100;
    return "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "") +
      (Math.round(seconds * 100) / 100) + "S";
  }

  /** 1.2 CMITime HH:MM:SS, the time of day (RTE 3.4.2.6.2). */
  function time12(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" +
      pad(date.getSeconds(), 2);
  }

  /** 2004 time (second,10,0) in UTC; the zone may only follow fractional seconds (RTE 4.1.11). */
  function timestamp2004(date) {
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1, 2) + "-" +
      pad(date.getUTCDate(), 2) + "T" + pad(date.getUTCHours(), 2) + ":" +
      pad(date.getUTCMinutes(), 2) + ":" + pad(date.getUTCSeconds(), 2) + "." +
      pad(date.getUTCMilliseconds() / 10, 2) + "Z";
  }

  /** Option position "0", "1"... as a choice identifier: a, b... (1.2 allows a-z, 0-9). */
  function choiceId(position) {
    var index = parseInt(position, 10);
    return index >= 0 && index < 26 ? String.fromCharCode(97 + index) : String(position);
  }

  /**
   * The learner's answer as SCORM 1.2 records it for each interaction type
   * (RTE 3.4.2.6.4): choice identifiers, t/f, a decimal, or the text.
   */
  function response12(interaction, values) {
    if (interaction === "choice") {
      return values.map(choiceId).join(",");
    }
    if (interaction === "true-false") {
      return values[0] === "true" ? "t" : "f";
    }
    if (interaction === "numeric" && real(values[0]) !== null) {
      return real(values[0]); // CMIDecimal: "2,5" as 2.5
    }
    return String(values[0] || "").slice(0, 255);
  }

  /**
   * A typed number as a 2004 real (10,7): at most 10 digits before the point and 7
   * after it, more decimals are cut; null when it is not one (RTE 4.2.9.2, 4.1.4).
   * Spaces, a leading "+" and a decimal comma are accepted, as quiz.js accepts them.
   */
  function real(text) {
    var value = String(text === undefined || text === null ? "" : text)
      .replace(/\s+/g, "").replace(",", ".").replace(/^\+/, "");
    var match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
    if (!match || !(match[2] || match[3])) {
      return null;
    }
    var whole = match[2].replace(/^0+(?=\d)/, "") || "0";
    var fraction = (match[3] || "").slice(0, 7).replace(/0+$/, "");
    if (whole.length > 10) {
      return null;
    }
    return (match[1] && (whole !== "0" || fraction) ? "-" : "") + whole +
      (fraction ? "." + fraction : "");
  }

  /** The learner's answer as SCORM 2004 records it (RTE 4.2.9.2), per interaction type. */
  function response2004(interaction, values) {
    if (interaction === "choice") {
      return values.map(choiceId).join("[,]");
    }
    if (interaction === "true-false") {
      return values[0] === "true" ? "true" : "false";
    }
    if (interaction === "numeric") {
      return real(values[0]);
    }
    return String(values[0] || "");
  }

  function Session(api, version, log) {
    this.api = api;
    this.version = version;
    this.log = log || function () {};
    this.state = "new";
    this.errors = [];
  }

  Session.prototype.column = function () {
    return this.version === "1.2" ? 0 : 1;
  };

  Session.prototype.call = function (name12, name2004, args) {
    if (!this.api) {
      return "";
    }
    var name = this.version === "1.2" ? name12 : name2004;
    try {
      return String(this.api[name].apply(this.api, args));
    } catch (e) {
      this.log("SCORM " + name + " threw: " + e);
      return "false";
    }
  };

  /**
   * Log the LMS's last error, if any; return true when there was none. Errors
   * named in `expected` (symbolic names, see error_codes.js) are not logged.
   */
  Session.prototype.check = function (what, expected) {
    if (!this.api) {
      return true;
    }
    var code = this.call("LMSGetLastError", "GetLastError", []);
    if (code === "" || code === "0") {
      return true;
    }
    if (expected && expected.indexOf(Errors.nameOf(this.version, code)) >= 0) {
      return false;
    }
    var text = this.call("LMSGetErrorString", "GetErrorString", [code]);
    var entry = { what: what, code: code, name: Errors.nameOf(this.version, code), text: text };
    this.errors.push(entry);
    this.log("SCORM error " + code + " " + entry.name + " (" + text + ") on " + what);
    return false;
  };

  Session.prototype.initialize = function () {
    if (this.state !== "new") {
      return false;
    }
    var ok = this.call("LMSInitialize", "Initialize", [""]) === "true";
    ok = this.check("Initialize") && ok;
    // A refused Initialize leaves no session to talk to (RTE 3.2.2.1): stay quiet after it.
    this.state = ok ? "open" : "failed";
    return ok;
  };

  Session.prototype.isOpen = function () {
    return this.state === "open" && !!this.api;
  };

  Session.prototype.getRaw = function (element) {
    if (!this.isOpen() || !element) {
      return "";
    }
    var value = this.call("LMSGetValue", "GetValue", [element]);
    this.check("GetValue(" + element + ")");
    return value;
  };

  /**
   * Read logical element `key` when it may never have been set: a 2004 LMS answers
   * 403 then (RTE 4.2.24), which means "nothing stored", not a failure.
   */
  Session.prototype.peek = function (key) {
    var element = ELEMENTS[key][this.column()];
    if (!this.isOpen() || !element) {
      return "";
    }
    var value = this.call("LMSGetValue", "GetValue", [element]);
    return this.check("GetValue(" + element + ")", ["VALUE_NOT_INITIALIZED"]) ? value : "";
  };

  Session.prototype.setRaw = function (element, value) {
    if (!this.isOpen() || !element) {
      return false;
    }
    var ok = this.call("LMSSetValue", "SetValue", [element, String(value)]) === "true";
    return this.check("SetValue(" + element + ", " + value + ")") && ok;
  };

  /** Read logical element `key` (see ELEMENTS); "" when the version lacks it. */
  Session.prototype.get = function (key) {
    return this.getRaw(ELEMENTS[key][this.column()]);
  };

  Session.prototype.set = function (key, value) {
    return this.setRaw(ELEMENTS[key][this.column()], value);
  };

  Session.prototype.has = function (key) {
    return !!ELEMENTS[key][this.column()];
  };

  Session.prototype.commit = function () {
    if (!this.isOpen()) {
      return false;
    }
    var ok = this.call("LMSCommit", "Commit", [""]) === "true";
    return this.check("Commit") && ok;
  };

  Session.prototype.terminate = function () {
    if (!this.isOpen()) {
      return false;
    }
    this.state = "closed";
    var ok = this.call("LMSFinish", "Terminate", [""]) === "true";
    return ok;
  };

  Session.prototype.sessionTime = function (ms) {
    return this.set("sessionTime", this.version === "1.2" ? timespan12(ms) : duration2004(ms));
  };

  /**
   * Record one answer as interaction `index`: id, type, response, correct patterns,
   * result, latency and (2004) timestamp; false when any of them was refused, at
   * once when the id (and so the index) was. Element order follows the spec's
   * dependencies: the id and type come first (2004 RTE 4.2.9). The interaction type
   * and the correct-response patterns come from the SCO's configuration, written
   * from the course model at build time; the page only says what was answered.
   */
  Session.prototype.interaction = function (index, detail) {
    var base = "cmi.interactions." + index + ".";
    var v12 = this.version === "1.2";
    var when = new Date(detail.timestamp);
    if (isNaN(when.getTime())) {
      when = new Date();
    }
    if (!this.setRaw(base + "id", detail.id)) {
      return false; // the index is refused (out of order, or over the LMS's limit)
    }
    var ok = this.setRaw(base + "type", detail.interaction || "other");
    var self = this;
    (detail.patterns || []).forEach(function (p, i) {
      ok = self.setRaw(base + "correct_responses." + i + ".pattern", p) && ok;
    });
    var response = v12 ? response12(detail.interaction, detail.response) :
      response2004(detail.interaction, detail.response);
    if (response !== null) { // a typed "abc" to a numeric question has no 2004 form
      ok = this.setRaw(base + (v12 ? "student_response" : "learner_response"), response) && ok;
    }
    ok = this.setRaw(base + "result", detail.result === "correct" ? "correct" :
      (v12 ? "wrong" : "incorrect")) && ok;
    var latency = Number(detail.latencyMs) || 0;
    ok = this.setRaw(base + "latency", v12 ? timespan12(latency) : duration2004(latency)) && ok;
    ok = this.setRaw(base + (v12 ? "time" : "timestamp"), v12 ? time12(when) :
      timestamp2004(when)) && ok;
    return ok;
  };

  global.ScormRuntime = {
    Session: Session,
    ELEMENTS: ELEMENTS,
    timespan12: timespan12,
    duration2004: duration2004,
    time12: time12,
    timestamp2004: timestamp2004,
    response12: response12,
    response2004: response2004,
    real: real
  };
})(this);
