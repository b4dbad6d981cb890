/*
 * What a SCO keeps in the LMS's record, independent of the tracking standard and
 * of the page: the retake and completion rules of course.yml (see scorm/model.py,
 * Sco.retake and Sco.completion). Pure functions; the host and every tracker
 * apply them.
 *
 * A result is {score: percent 0-100, passed: boolean}. The recorded result is
 * the one the LMS was last sent; the saved state keeps it too (state.js), so
 * that it survives a launch where the LMS hands back the SCO's data without its
 * status or score.
 */
(function (global) {
  "use strict";

  /**
   * Whether a test result `taken` is sent over the `recorded` one (null: none yet).
   * best: only a better score, or a pass over a fail; last: always; none: never
   * once a result is recorded.
   */
  function replaces(rule, recorded, taken) {
    if (!recorded) {
      return true;
    }
    if (rule === "last") {
      return true;
    }
    if (rule === "none") {
      return false;
    }
    return taken.score > recorded.score || (taken.passed && !recorded.passed);
  }

  /**
   * Whether the SCO is completed: every page seen and, under "pages-and-test", the
   * test taken (a result recorded). A SCO without a test completes on pages.
   */
  function completed(rule, hasTest, allSeen, taken) {
    return allSeen && (!hasTest || rule === "pages" || taken);
  }

  /** Of two results (either may be null), the one `rule` keeps when both were recorded. */
  function kept(rule, first, second) {
    if (!first || !second) {
      return first || second;
    }
    return rule === "best" && replaces(rule, second, first) ? first : second;
  }

  /** Whether a test may be taken again: not under "none" once a result is recorded. */
  function canRetake(rule, recorded) {
    return !(rule === "none" && recorded);
  }

  /** A result as the saved state keeps it: [score, 1 or 0]; and back (null when unreadable). */
  function pack(result) {
    return result ? [result.score, result.passed ? 1 : 0] : undefined;
  }

  function unpack(value) {
    if (!Array.isArray(value) || typeof value[0] !== "number" || !isFinite(value[0]) ||
        value[0] < 0 || value[0] > 100) {
      return null;
    }
    return { score: value[0], passed: value[1] === 1 };
  }

  /** The percent score of raw points out of max, with at most two decimals. */
  function percent(raw, max) {
    return max > 0 ? Math.round(Number(raw) / max * 10000) / 100 : 0;
  }

  global.CourseRecord = {
    replaces: replaces,
    canRetake: canRetake,
    completed: completed,
    kept: kept,
    pack: pack,
    unpack: unpack,
    percent: percent
  };
})(this);
