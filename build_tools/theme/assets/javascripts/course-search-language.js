/*
 * How the offline search reads words in a language: the steps of
 * build_tools/languages/search.py (SearchRules), on the rules it wrote into
 * the index (data.languages), so that the browser and the build stem every
 * word alike. Used by course-search.js; under Node by the tests.
 */
(function () {
  "use strict";

  function Language(rules) {
    rules = rules || {};
    this.equivalences = rules.equivalences || {};
    this.wordChars = rules.word_chars || "";
    this.minLength = rules.min_length || 0;
    this.steps = rules.steps || [];
    var extra = this.wordChars.replace(/[\\\]\-^]/g, "\\$&");
    this.pattern = new RegExp("[\\p{L}\\p{N}" + extra + "]+", "gu");
  }

  Language.prototype.hasStemmer = function () { return this.steps.length > 0; };

  Language.prototype.normalize = function (word) {
    var equivalences = this.equivalences;
    return Array.from(word.toLowerCase(), function (c) {
      return Object.prototype.hasOwnProperty.call(equivalences, c) ? equivalences[c] : c;
    }).join("");
  };

  Language.prototype.stem = function (word) {
    word = this.normalize(word);
    if (word.length < this.minLength || /\p{Nd}/u.test(word)) return word;
    this.steps.forEach(function (step) {
      for (var i = 0; i < step.repeat; i++) {
        var shorter = stripOnce(word, step);
        if (shorter === null) break;
        word = shorter;
      }
    });
    return word;
  };

  // A word without the word signs (apostrophes) at its ends.
  Language.prototype.trim = function (word) {
    var start = 0;
    var end = word.length;
    while (start < end && this.wordChars.indexOf(word[start]) >= 0) start++;
    while (end > start && this.wordChars.indexOf(word[end - 1]) >= 0) end--;
    return word.slice(start, end);
  };

  Language.prototype.words = function (text) {
    var self = this;
    return (text.match(this.pattern) || []).map(function (w) { return self.trim(w); })
      .filter(Boolean);
  };

  function stripOnce(word, step) {
    for (var i = 0; i < step.endings.length; i++) {
      var ending = step.endings[i][0];
      var rest = word.length - ending.length;
      var after = (step.only_after || {})[ending];
      if (rest >= (ending.length === 1 ? step.min_stem_one : step.min_stem) &&
          word.endsWith(ending) && (after === undefined || after.indexOf(word[rest - 1]) >= 0)) {
        return word.slice(0, rest) + step.endings[i][1];
      }
    }
    return null;
  }

  if (typeof window !== "undefined") window.CourseSearchLanguage = Language;
  if (typeof module === "object" && module.exports) module.exports = { Language: Language };
})();
