/*
 * Knowledge checks: what each question type accepts, for quiz.js, and the
 * question's key as the page carries it (data-quiz-key: base64 of the JSON key
 * XOR the question id). Pure functions of the learner's values and the
 * question's key; no page, no storage.
 */
(function (global) {
  "use strict";

  function sameSet(values, correct) {
    var a = values.slice().sort();
    var b = correct.slice().sort();
    return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
  }

  /*
   * One entry per question type (build_tools/questions/ has the Python side):
   *   typed    the learner types the answer (one text input) instead of choosing;
   *   many     more than one option may be chosen;
   *   invalid  the hint msgid when a typed answer cannot be checked, else "";
   *   correct  whether the response matches the key {correct, tolerance}.
   * A type missing here is checked as a single choice.
   */
  var TYPES = {
    single: { typed: false, many: false, correct: sameSet },
    multiple: { typed: false, many: true, correct: sameSet },
    truefalse: { typed: false, many: false, correct: sameSet },
    numeric: {
      typed: true,
      many: false,
      invalid: function (values) {
        return isFinite(parseNumber(values[0])) ? "" : "Enter a number.";
      },
      correct: function (values, correct, tolerance) {
        var x = parseNumber(values[0]);
        return isFinite(x) && Math.abs(x - Number(correct[0])) <= tolerance + 1e-9;
      }
    },
    text: {
      typed: true,
      many: false,
      correct: function (values, correct) {
        var given = normalize(values[0] || "");
        return correct.some(function (c) { return normalize(c) === given; });
      }
    }
  };

  function parseNumber(text) {
    var clean = String(text).replace(/\s+/g, "").replace(",", ".");
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(clean) ? Number(clean) : NaN;
  }

  function normalize(text) {
    var s = String(text);
    if (s.normalize) {
      s = s.normalize("NFC");
    }
    return s.trim().replace(/\s+/g, " ").toLowerCase();
  }

  global.CourseQuizTypes = {
    /** The entry of `type`; a type missing here is checked as a single choice. */
    of: function (type) {
      return TYPES[type] || TYPES.single;
    },
    /** The key {correct, tolerance} of question `id` from its data-quiz-key. */
    key: function (id, encoded) {
      try {
        var raw = atob(encoded);
        var mask = new TextEncoder().encode(id);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++) {
          bytes[i] = raw.charCodeAt(i) ^ mask[i % mask.length];
        }
        return JSON.parse(new TextDecoder("utf-8").decode(bytes));
      } catch (e) {
        return { correct: [], tolerance: 0 };
      }
    }
  };
})(window);
