/*
 * The tracker interface of tracker.js for SCORM: the flow SCORM 1.2 and 2004
 * share, on one API session (runtime.js) spoken in a version's dialect
 * (scorm12.js, scorm2004.js).
 *
 * Re-entry. Every session ends with exit "suspend", also after a pass, so that
 * the LMS resumes the same record on the next launch (entry "resume", with the
 * stored values) and never starts the SCO over inside the same attempt. What is
 * recorded is also kept in suspend_data (state.js): the recorded result and the
 * number of interactions written. On any launch the tracker reads back what the
 * LMS lets it read (SCORM 1.2: suspend_data, location, status and score on every
 * launch; 2004: the stored values after a resume, and whatever the LMS still
 * hands over otherwise) and never sends anything worse than what it learnt:
 *   - a test result only under the retake rule (CourseRecord.replaces);
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

  var Record = global.CourseRecord;
  var State = global.CourseState;

  function ScormTracker(dialect, config, state, log) {
    var api = global.ScormApiFinder.findAPI(global, dialect.version);
    this.dialect = dialect;
    this.config = config;
    this.state = state;
    this.log = log;
    this.session = new global.ScormRuntime.Session(api, dialect, log);
    this.connected = !!api;
    this.hasTest = config.mastery !== null;
    this.startedAt = Date.now();
    this.lmsInteractions = 0; // interactions._count as the LMS showed it at the start
    this.interactionsRefused = false;
    this.completedSent = false;
    this.finished = false;
  }

  var proto = ScormTracker.prototype;

  /** Save the state, the bookmark and the exit, and commit. */
  proto.save = function () {
    var session = this.session;
    var data = State.encode(this.state);
    if (data.length > this.config.suspendLimit) {
      this.log("suspend_data of " + data.length + " characters exceeds " +
               this.config.suspendLimit);
    } else {
      session.set("suspendData", data);
    }
    session.set("location", this.config.pages[this.state.page].href);
    // Always "suspend": the LMS then resumes this record on the next launch instead of
    // handing the SCO a blank one in the same attempt (1.2 RTE 3.4.2.1.6, 2004 RTE 4.2.11).
    session.set("exit", "suspend");
    session.commit();
  };

  /** Send a test result: the score first, then the status it decides (1.2 RTE 3.4.2.1.5). */
  proto.sendResult = function (result) {
    var session = this.session;
    session.set("scoreMin", 0);
    session.set("scoreMax", 100);
    session.set("scoreRaw", result.score);
    if (session.has("scoreScaled")) {
      session.set("scoreScaled", Math.round(result.score * 100) / 10000);
    }
    session.set("success", result.passed ? "passed" : "failed");
  };

  /** Report completion once the rule is met; it is never taken back. */
  proto.updateCompletion = function () {
    var state = this.state;
    if (this.completedSent || !Record.completed(this.config.completion, this.hasTest,
                                                state.visited.every(Boolean), !!state.record)) {
      return;
    }
    this.completedSent = true;
    if (!(this.dialect.oneStatus && state.record)) { // passed or failed says it all
      this.session.set("completion", "completed");
    }
  };

  /** The result the LMS shows as recorded, or null (2004 score only when it has one). */
  proto.lmsResult = function () {
    var success = this.session.get("success");
    if (success !== "passed" && success !== "failed") {
      return null;
    }
    var raw = this.session.get("scoreRaw");
    var score = Number(raw);
    return raw === "" || !isFinite(score) ? null : { score: score, passed: success === "passed" };
  };

  /**
   * Read back what the LMS still holds of this attempt. On a resume that is
   * everything; otherwise a SCORM 1.2 LMS may still hand the stored values (entry
   * "") and a 2004 one normally hands none (entry "ab-initio", RTE 4.2.11): the
   * suspend data is asked for anyway, where 2004 answers 403 when it has none.
   */
  proto.readStored = function () {
    var session = this.session;
    var config = this.config;
    var state = this.state;
    var resumed = session.get("entry") === "resume";
    var data = resumed ? session.get("suspendData") : session.peek("suspendData");
    if (data) {
      try {
        State.decode(data, state, config);
      } catch (e) {
        this.log("suspend_data not readable, starting afresh: " + e);
      }
    }
    if (!resumed && !this.dialect.storedWithoutResume) {
      return; // the page is in the suspend data
    }
    var location = session.get("location");
    config.languages.forEach(function (one) { // the bookmark, in whichever language
      one.pages.forEach(function (page, i) {
        if (page.href === location) {
          state.page = i;
        }
      });
    });
  };

  proto.start = function () {
    var session = this.session;
    var state = this.state;
    if (!session.initialize()) {
      return;
    }
    var status = session.get("completion");
    var shown = this.hasTest ? this.lmsResult() : null;
    this.lmsInteractions = parseInt(session.get("interactionCount"), 10) || 0;
    this.readStored(); // last of the reads: a 2004 LMS may answer its first one with 403
    state.record = Record.kept(this.config.retake, state.record, shown);
    state.interactions = Math.max(state.interactions, this.lmsInteractions);
    if (state.record && !shown) {
      // The LMS hands back our data but not the result: say it again, unchanged.
      this.sendResult(state.record);
    }
    this.completedSent = status === "completed";
    if (status === "" || status === "not attempted" || status === "unknown") {
      this.updateCompletion();
      if (!this.completedSent && !(this.dialect.oneStatus && state.record)) {
        session.set("completion", "incomplete");
      }
    }
    this.save();
  };

  proto.pageShown = function () {
    this.updateCompletion();
    this.save();
  };

  proto.answered = function (question, detail) {
    this.record({
      id: question.id, interaction: question.interaction, patterns: question.patterns || [],
      response: detail.response, result: detail.result,
      latencyMs: detail.latencyMs, timestamp: detail.timestamp
    });
    this.save();
  };

  /**
   * Append an answer to the interactions, after every index written before. When
   * the LMS shows fewer interactions than were written and refuses the next index,
   * the session records no more rather than writing over the earlier ones.
   */
  proto.record = function (detail) {
    var state = this.state;
    if (this.interactionsRefused || state.interactions >= State.MAX_INTERACTIONS) {
      return;
    }
    if (this.session.interaction(state.interactions, detail)) {
      state.interactions += 1;
    } else if (state.interactions > this.lmsInteractions && this.session.isOpen()) {
      this.interactionsRefused = true;
      this.log("the LMS shows " + this.lmsInteractions + " interactions but " +
               state.interactions + " were written in this attempt; not writing over them," +
               " answers of this session are not recorded as interactions");
    }
  };

  proto.testTaken = function (taken) {
    var replaced = Record.replaces(this.config.retake, this.state.record, taken);
    if (replaced) {
      this.state.record = taken;
      this.sendResult(taken);
    }
    this.updateCompletion();
    this.save();
    return replaced;
  };

  proto.changed = function () {
    this.save();
  };

  /** The learner's language as the LMS keeps it ("" when none, or not kept). */
  proto.preferredLanguage = function () {
    return this.session.peek("language", ["UNDEFINED_DATA_MODEL", "UNIMPLEMENTED_ELEMENT"]);
  };

  /** Write the learner's choice back as their preference; a refusal is logged, no more. */
  proto.languageChosen = function (lang) {
    this.session.set("language", lang);
  };

  proto.finish = function () {
    if (this.finished) {
      return;
    }
    this.finished = true;
    this.session.sessionTime(Date.now() - this.startedAt);
    this.save();
    this.session.terminate();
  };

  /** Make the SCORM flow in `dialect` the tracker of its version (tracker.js). */
  ScormTracker.register = function (dialect) {
    global.CourseTrackers.register(dialect.version, function (config, state, log) {
      return new ScormTracker(dialect, config, state, log);
    });
  };

  global.ScormTracker = ScormTracker;
})(this);
