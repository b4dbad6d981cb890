/*
 * Knowledge checks: where a page's answers and test result are kept, for quiz.js.
 *
 * HOST CONTRACT (SCORM launcher). When the page is shown in a frame and
 * window.parent.CourseHost exists, it replaces localStorage:
 *   CourseHost.loadAnswers(pageId) -> {questionId: response[]} | null
 *       saved answers of the page; this script restores them and shows their
 *       feedback (restoring does not call answer() or testResult() again).
 *   CourseHost.answer(detail) on every checked answer, detail =
 *       {pageId, id, type, response: string[], result: "correct" | "incorrect",
 *        latencyMs: number, timestamp: ISO 8601 string, isTest: boolean}
 *       response: option positions "0", "1"... (single, multiple), "true"/"false"
 *       (truefalse), or the typed text/number (numeric, text). Typed answers are at
 *       most TEXT_MAX_LENGTH (60) / NUMBER_MAX_LENGTH (16) characters
 *       (build_tools/questions/limits.py). The page reports only what was answered: the
 *       correct responses the LMS records are in the launcher's configuration,
 *       written from the course model (build_tools/questions/).
 *   CourseHost.testResult(detail) when every question of a test page has been
 *       answered, detail = {pageId, moduleId, raw, min: 0, max, passMark, passed}
 *       (raw and max count questions; passMark is a percent).
 *   CourseHost.resetAnswers(pageId)  optional; called when the learner resets
 *       the page's answers or retries the test: the host forgets them, so
 *       loadAnswers(pageId) no longer returns them.
 *   CourseHost.canRetake(pageId) -> boolean  optional; false when the host keeps
 *       only the first result of the test: "start again" stays hidden there.
 * Every host call is wrapped in try/catch.
 * Otherwise answers are kept in localStorage under
 * "course-quiz:<courseId>:<pageId>" as {questionId: response[]}, and a test
 * page's result, while every question is answered, under
 * "course-quiz-result:<courseId>:<pageId>" as {raw, max, passMark, passed}
 * (the site's progress, build_tools/theme/assets/javascripts/course-progress.js).
 */
(function (global) {
  "use strict";

  function findHost() {
    try {
      if (global.parent !== global && global.parent.CourseHost) {
        return global.parent.CourseHost;
      }
    } catch (e) {
      // A parent from another origin: no host.
    }
    return null;
  }

  function localStore(key) {
    return {
      load: function () {
        try {
          return JSON.parse(global.localStorage.getItem(key) || "null");
        } catch (e) {
          return null;
        }
      },
      save: function (data) {
        try {
          global.localStorage.setItem(key, JSON.stringify(data));
        } catch (e) {
          // Storage full or disabled: answers live until the page is left.
        }
      },
      clear: function () {
        try {
          global.localStorage.removeItem(key);
        } catch (e) {
          // Nothing stored.
        }
      }
    };
  }

  /**
   * The stores of the page `info` ({courseId, pageId}): `answers` ({load, save,
   * clear}), `result` (the test result, null inside a host, which records it
   * itself), `hosted` and `call(name, arg)`, which calls the host's `name` and
   * returns null when there is no host, no such function or it failed.
   */
  function create(info) {
    var host = findHost();

    function call(name, arg) {
      try {
        if (host && typeof host[name] === "function") {
          return host[name](arg);
        }
      } catch (e) {
        if (global.console) {
          global.console.warn("quiz: CourseHost." + name + " failed", e);
        }
      }
      return null;
    }

    function has(name) {
      return Boolean(host) && typeof host[name] === "function";
    }

    var suffix = info.courseId + ":" + info.pageId;
    return {
      hosted: Boolean(host),
      has: has,
      call: call,
      answers: host ? {
        load: function () { return call("loadAnswers", info.pageId); },
        save: function () {},
        clear: function () { call("resetAnswers", info.pageId); }
      } : localStore("course-quiz:" + suffix),
      result: host ? null : localStore("course-quiz-result:" + suffix)
    };
  }

  global.CourseQuizStore = { create: create };
})(window);
