/*
 * What a learner's answer may be, whatever keeps it: a response as the host
 * stores it, cleaned the same way when it comes from a page (CourseHost.answer)
 * and when it comes back from the saved state (state.js). Pure functions.
 *
 * A response is a list of strings: option positions "0", "1"... (single,
 * multiple), "true" or "false" (truefalse), or one typed text (numeric, text)
 * cut to the input's maxlength (config.numericMax, config.textMax) with control
 * characters as spaces and lone surrogates as "?". Those limits are what the
 * worst case of scorm/suspend.py counts.
 */
(function (global) {
  "use strict";

  function cleanTyped(text, max) {
    var value = String(text).replace(/[\u0000-\u001f\u007f]/g, " ").slice(0, max);
    return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|([^\ud800-\udbff]|^)[\udc00-\udfff]/g,
      function (match, before) { return (before || "") + "?"; });
  }

  /** `response` to `question` ({type, options}) as kept; `config` gives the typed limits. */
  function clean(question, response, config) {
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
    var max = question.type === "numeric" ? config.numericMax : config.textMax;
    return [cleanTyped(values[0] || "", max)];
  }

  /** A saved response cleaned like a new one; null when nothing valid is left. */
  function restored(question, saved, config) {
    if (!Array.isArray(saved) || saved.length > 100 || !saved.every(function (v) {
      return typeof v === "string" || typeof v === "number";
    })) {
      return null;
    }
    if (question.type === "truefalse" && saved[0] !== "true" && saved[0] !== "false") {
      return null;
    }
    var values = clean(question, saved, config);
    return values.length && values[0] !== "" ? values : null;
  }

  global.CourseAnswers = { clean: clean, restored: restored };
})(this);
