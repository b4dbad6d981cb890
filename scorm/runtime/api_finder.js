/*
 * Finding the LMS's API object, the standard way: the window's parents, at most
 * 7 levels up, then the opener and its parents (SCORM 1.2 RTE 3.3.6.1,
 * SCORM 2004 RTE 3.3.4 "API Discovery").
 * SCORM 1.2 names the object `API`, SCORM 2004 `API_1484_11`.
 */
(function (global) {
  "use strict";

  var MAX_PARENTS = 7;
  var NAMES = { "1.2": "API", "2004": "API_1484_11" };

  function lookup(win, name) {
    try {
      return win && win[name] ? win[name] : null;
    } catch (e) {
      return null; // a window of another origin: not ours to read
    }
  }

  function parentOf(win) {
    try {
      return win.parent && win.parent !== win ? win.parent : null;
    } catch (e) {
      return null;
    }
  }

  function searchUp(win, name) {
    for (var level = 0; win && level <= MAX_PARENTS; level += 1) {
      var api = lookup(win, name);
      if (api) {
        return api;
      }
      win = parentOf(win);
    }
    return null;
  }

  /** Return the API object of `version` ("1.2" or "2004") seen from `win`, or null. */
  function findAPI(win, version) {
    var name = NAMES[version];
    var api = searchUp(win, name);
    if (!api) {
      var opener = null;
      try {
        opener = win.top.opener || win.opener;
      } catch (e) {
        opener = null;
      }
      api = searchUp(opener, name);
    }
    return api;
  }

  global.ScormApiFinder = { findAPI: findAPI, NAMES: NAMES, MAX_PARENTS: MAX_PARENTS };
})(this);
