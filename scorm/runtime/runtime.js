/*
 * One SCORM API session on the content side, and the data formats SCORM 1.2
 * and 2004 share. What differs between the versions (API function and element
 * names, formats, status semantics) is a dialect object, one per version:
 * scorm12.js and scorm2004.js. Nothing throws into the page: API failures are
 * logged with GetLastError/GetErrorString and the call returns false or "".
 * Without an API object (the offline site) every call is a quiet no-op.
 *
 * A dialect: {version, calls: {initialize, terminate, getValue, setValue,
 * commit, getLastError, getErrorString} (API function names), elements:
 * {logical name: data model element, or null when the version lacks it},
 * duration(ms), time(date), response(interaction type, values) -> string or
 * null, interaction: {response, result wrong, when} (element and value names)}.
 */
(function (global) {
  "use strict";

  var Errors = global.ScormErrors;

  function pad(number, width) {
    var text = String(Math.floor(number));
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  /** Option position "0", "1"... as a choice identifier: a, b... (1.2 allows a-z, 0-9). */
  function choiceId(position) {
    var index = parseInt(position, 10);
    return index >= 0 && index < 26 ? String.fromCharCode(97 + index) : String(position);
  }

  /**
   * A typed number as a 2004 real (10,7): at most 10 digits before the point and 7
   * after it, more decimals are cut; null when it is not one (RTE 4.2.9.2, 4.1.4).
   * Also a valid 1.2 CMIDecimal. Spaces, a leading "+" and a decimal comma are
   * accepted, as quiz.js accepts them.
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

  function Session(api, dialect, log) {
    this.api = api;
    this.dialect = dialect;
    this.version = dialect.version;
    this.log = log || function () {};
    this.state = "new";
    this.errors = [];
  }

  Session.prototype.call = function (call, args) {
    if (!this.api) {
      return "";
    }
    var name = this.dialect.calls[call];
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
    var code = this.call("getLastError", []);
    if (code === "" || code === "0") {
      return true;
    }
    if (expected && expected.indexOf(Errors.nameOf(this.version, code)) >= 0) {
      return false;
    }
    var text = this.call("getErrorString", [code]);
    var entry = { what: what, code: code, name: Errors.nameOf(this.version, code), text: text };
    this.errors.push(entry);
    this.log("SCORM error " + code + " " + entry.name + " (" + text + ") on " + what);
    return false;
  };

  Session.prototype.initialize = function () {
    if (this.state !== "new") {
      return false;
    }
    var ok = this.call("initialize", [""]) === "true";
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
    var value = this.call("getValue", [element]);
    this.check("GetValue(" + element + ")");
    return value;
  };

  /**
   * Read logical element `key` when it may never have been set: a 2004 LMS answers
   * 403 then (RTE 4.2.24), which means "nothing stored", not a failure; so do the
   * errors named in `absent` (an optional element the LMS lacks).
   */
  Session.prototype.peek = function (key, absent) {
    var element = this.dialect.elements[key];
    if (!this.isOpen() || !element) {
      return "";
    }
    var value = this.call("getValue", [element]);
    var expected = ["VALUE_NOT_INITIALIZED"].concat(absent || []);
    return this.check("GetValue(" + element + ")", expected) ? value : "";
  };

  Session.prototype.setRaw = function (element, value) {
    if (!this.isOpen() || !element) {
      return false;
    }
    var ok = this.call("setValue", [element, String(value)]) === "true";
    return this.check("SetValue(" + element + ", " + value + ")") && ok;
  };

  /** Read logical element `key` (see the dialect's elements); "" when the version lacks it. */
  Session.prototype.get = function (key) {
    return this.getRaw(this.dialect.elements[key]);
  };

  Session.prototype.set = function (key, value) {
    return this.setRaw(this.dialect.elements[key], value);
  };

  Session.prototype.has = function (key) {
    return !!this.dialect.elements[key];
  };

  Session.prototype.commit = function () {
    if (!this.isOpen()) {
      return false;
    }
    var ok = this.call("commit", [""]) === "true";
    return this.check("Commit") && ok;
  };

  Session.prototype.terminate = function () {
    if (!this.isOpen()) {
      return false;
    }
    this.state = "closed";
    var ok = this.call("terminate", [""]) === "true";
    return ok;
  };

  Session.prototype.sessionTime = function (ms) {
    return this.set("sessionTime", this.dialect.duration(ms));
  };

  /**
   * Record one answer as interaction `index`: id, type, response, correct patterns,
   * result, latency and time; false when any of them was refused, at once when the
   * id (and so the index) was. Element order follows the spec's dependencies: the
   * id and type come first (2004 RTE 4.2.9). The interaction type and the
   * correct-response patterns come from the SCO's configuration, written from the
   * course model at build time; the page only says what was answered.
   */
  Session.prototype.interaction = function (index, detail) {
    var base = "cmi.interactions." + index + ".";
    var dialect = this.dialect;
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
    var response = dialect.response(detail.interaction, detail.response);
    if (response !== null) { // a typed "abc" to a numeric question has no 2004 form
      ok = this.setRaw(base + dialect.interaction.response, response) && ok;
    }
    ok = this.setRaw(base + "result", detail.result === "correct" ? "correct" :
      dialect.interaction.wrong) && ok;
    ok = this.setRaw(base + "latency", dialect.duration(Number(detail.latencyMs) || 0)) && ok;
    ok = this.setRaw(base + dialect.interaction.when, dialect.time(when)) && ok;
    return ok;
  };

  global.ScormRuntime = { Session: Session, pad: pad, choiceId: choiceId, real: real };
})(this);
