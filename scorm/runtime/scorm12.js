/*
 * The SCORM 1.2 tracker: the dialect of SCORM 1.2 (API names, data model
 * elements, formats, status semantics) on the shared SCORM flow of
 * scorm_tracker.js. Section numbers are those of the SCORM 1.2 RTE.
 */
(function (global) {
  "use strict";

  var Runtime = global.ScormRuntime;
  var pad = Runtime.pad;

  /** CMITimespan HHHH:MM:SS.SS (RTE 3.4.2.1.11). */
  function timespan(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.min(Math.floor(cs / 360000), 9999);
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = Math.floor(cs / 100) % 60;
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(cs % 100, 2);
  }

  /** CMITime HH:MM:SS, the time of day (RTE 3.4.2.6.2). */
  function time(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" +
      pad(date.getSeconds(), 2);
  }

  /**
   * The learner's answer as SCORM 1.2 records it for each interaction type
   * (RTE 3.4.2.6.4): choice identifiers, t/f, a decimal, or the text.
   */
  function response(interaction, values) {
    if (interaction === "choice") {
      return values.map(Runtime.choiceId).join(",");
    }
    if (interaction === "true-false") {
      return values[0] === "true" ? "t" : "f";
    }
    if (interaction === "numeric" && Runtime.real(values[0]) !== null) {
      return Runtime.real(values[0]); // CMIDecimal: "2,5" as 2.5
    }
    return String(values[0] || "").slice(0, 255);
  }

  var SCORM12 = {
    version: "1.2",
    calls: {
      initialize: "LMSInitialize", terminate: "LMSFinish", getValue: "LMSGetValue",
      setValue: "LMSSetValue", commit: "LMSCommit", getLastError: "LMSGetLastError",
      getErrorString: "LMSGetErrorString"
    },
    elements: {
      location: "cmi.core.lesson_location", // 3.4.2.1.3 CMIString255
      entry: "cmi.core.entry", // 3.4.2.1.6 ab-initio|resume|""
      exit: "cmi.core.exit", // 3.4.2.1.10 time-out|suspend|logout|""
      suspendData: "cmi.suspend_data", // 3.4.2.2.2 CMIString4096
      sessionTime: "cmi.core.session_time", // 3.4.2.1.11 CMITimespan
      scoreRaw: "cmi.core.score.raw", // 3.4.2.1.7 CMIDecimal 0-100
      scoreMin: "cmi.core.score.min",
      scoreMax: "cmi.core.score.max",
      scoreScaled: null,
      // 3.4.2.1.5 passed|completed|failed|incomplete|browsed|not attempted: one
      // status says both whether the SCO is completed and whether it was passed.
      completion: "cmi.core.lesson_status",
      success: "cmi.core.lesson_status",
      interactionCount: "cmi.interactions._count",
      // The learner's language (CMIString255); optional: an LMS may lack it (401).
      language: "cmi.student_preference.language"
    },
    // Passed or failed also says completed: completion is not sent over a result.
    oneStatus: true,
    // An LMS relaunching without a resume (entry "") may still hand the stored
    // values (Moodle does): the bookmark is read on every launch.
    storedWithoutResume: true,
    duration: timespan,
    time: time,
    response: response,
    interaction: { response: "student_response", wrong: "wrong", when: "time" }
  };

  global.ScormTracker.register(SCORM12);
})(this);
