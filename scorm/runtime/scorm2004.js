/*
 * The SCORM 2004 tracker: the dialect of SCORM 2004 4th Edition (API names,
 * data model elements, formats, status semantics) on the shared SCORM flow of
 * scorm_tracker.js. Section numbers are those of the SCORM 2004 RTE.
 */
(function (global) {
  "use strict";

  var Runtime = global.ScormRuntime;
  var pad = Runtime.pad;

  /** timeinterval (second,10,2), an ISO 8601 duration such as PT1H2M3.45S (RTE 4.1.10). */
  function duration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(cs / 360000);
    var minutes = Math.floor(cs / 6000) % 60;
    var seconds = (cs % 6000) / 100;
    return "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "") +
      (Math.round(seconds * 100) / 100) + "S";
  }

  /** time (second,10,0) in UTC; the zone may only follow fractional seconds (RTE 4.1.11). */
  function timestamp(date) {
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1, 2) + "-" +
      pad(date.getUTCDate(), 2) + "T" + pad(date.getUTCHours(), 2) + ":" +
      pad(date.getUTCMinutes(), 2) + ":" + pad(date.getUTCSeconds(), 2) + "." +
      pad(date.getUTCMilliseconds() / 10, 2) + "Z";
  }

  /** The learner's answer as SCORM 2004 records it (RTE 4.2.9.2), per interaction type. */
  function response(interaction, values) {
    if (interaction === "choice") {
      return values.map(Runtime.choiceId).join("[,]");
    }
    if (interaction === "true-false") {
      return values[0] === "true" ? "true" : "false";
    }
    if (interaction === "numeric") {
      return Runtime.real(values[0]);
    }
    return String(values[0] || "");
  }

  var SCORM2004 = {
    version: "2004",
    calls: {
      initialize: "Initialize", terminate: "Terminate", getValue: "GetValue",
      setValue: "SetValue", commit: "Commit", getLastError: "GetLastError",
      getErrorString: "GetErrorString"
    },
    elements: {
      location: "cmi.location", // 4.2.14 characterstring (SPM 1000)
      entry: "cmi.entry", // 4.2.11 ab-initio|resume|""
      exit: "cmi.exit", // 4.2.12 time-out|suspend|logout|normal|""
      suspendData: "cmi.suspend_data", // 4.2.24 characterstring (SPM 64000)
      sessionTime: "cmi.session_time", // 4.2.23 timeinterval (second,10,2)
      scoreRaw: "cmi.score.raw", // 4.2.20 real (10,7)
      scoreMin: "cmi.score.min",
      scoreMax: "cmi.score.max",
      scoreScaled: "cmi.score.scaled", // 4.2.20.1 real (10,7) range -1..1
      completion: "cmi.completion_status", // 4.2.4 completed|incomplete|not attempted|unknown
      success: "cmi.success_status", // 4.2.22 passed|failed|unknown
      interactionCount: "cmi.interactions._count",
      language: "cmi.learner_preference.language" // language_type, such as "ru" or "kk-KZ"
    },
    oneStatus: false,
    // Without a resume (entry "ab-initio") the LMS hands no stored values: the
    // bookmark is in the saved state, and cmi.location unset would answer 403.
    storedWithoutResume: false,
    duration: duration,
    time: timestamp,
    response: response,
    interaction: { response: "learner_response", wrong: "incorrect", when: "timestamp" }
  };

  global.ScormTracker.register(SCORM2004);
})(this);
