/*
 * Trackers: what the host (host.js) talks to for keeping the learner's state
 * and recording progress, score and interactions in an LMS. The host shows
 * pages and knows what was visited and answered; a tracker knows the standard.
 * One tracker per standard registers here under the configuration's `version`:
 * SCORM 1.2 (scorm12.js) and SCORM 2004 (scorm2004.js), both built on the
 * shared SCORM flow of scorm_tracker.js. A later standard (cmi5, xAPI)
 * implements the same interface and reuses state.js and record.js.
 *
 * CourseTrackers.create(config, state, log) -> tracker, where `state` is the
 * launch's state (state.js; the host writes page, visited and answers, the
 * tracker interactions and record) and `log(message)` reports a failure.
 * A tracker:
 *   connected          true when an LMS was found (otherwise the pages work and
 *                      nothing is kept);
 *   start()            opens the session, reads back into `state` what the LMS
 *                      keeps, reports the attempt under way and saves;
 *   pageShown()        state.page and state.visited changed: progress, save;
 *   answered(question, detail)  state.answers[index] changed because question
 *                      (an entry of config.questions) was answered; detail =
 *                      {response (as kept in state.answers), result, latencyMs,
 *                      timestamp} as quiz.js reports them:
 *                      records the interaction (its id is the question id), saves;
 *   testTaken(taken) -> true when `taken` ({score, passed}) is now the recorded
 *                      result (the retake rule of record.js decides), then saves;
 *   changed()          anything else in `state` changed (answers cleared): save;
 *   preferredLanguage() -> the learner's language as the LMS keeps it, or "";
 *   languageChosen(lang)  the learner chose `lang` in the language menu: write
 *                      it back as their preference where the LMS takes it;
 *   finish()           saves and ends the session (once).
 * No call throws into the host: failures of the LMS are logged and skipped.
 */
(function (global) {
  "use strict";

  var registry = {};

  /** Make `factory(config, state, log)` the tracker of configurations of `version`. */
  function register(version, factory) {
    registry[version] = factory;
  }

  /** The tracker for `config.version`. */
  function create(config, state, log) {
    var factory = registry[config.version];
    if (!factory) {
      throw new Error("no tracker for " + config.version);
    }
    return factory(config, state, log);
  }

  global.CourseTrackers = { register: register, create: create };
})(this);
