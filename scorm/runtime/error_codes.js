/*
 * SCORM error codes: one symbolic name, one number per version.
 * SCORM 1.2: RTE 3.3.3 (LMSGetLastError codes).
 * SCORM 2004 4th Edition: RTE 3.1.7 (API implementation error codes).
 * A null number means the version has no such error.
 */
(function (global) {
  "use strict";

  // name: [SCORM 1.2, SCORM 2004]
  var CODES = {
    NO_ERROR: [0, 0],
    GENERAL: [101, 101],
    INITIALIZATION_FAILED: [101, 102],
    ALREADY_INITIALIZED: [101, 103],
    CONTENT_INSTANCE_TERMINATED: [101, 104],
    TERMINATION_FAILURE: [101, 111],
    TERMINATION_BEFORE_INIT: [301, 112],
    MULTIPLE_TERMINATION: [101, 113],
    RETRIEVE_BEFORE_INIT: [301, 122],
    RETRIEVE_AFTER_TERM: [101, 123],
    STORE_BEFORE_INIT: [301, 132],
    STORE_AFTER_TERM: [101, 133],
    COMMIT_BEFORE_INIT: [301, 142],
    COMMIT_AFTER_TERM: [101, 143],
    ARGUMENT_ERROR: [201, 201],
    CHILDREN_ERROR: [202, 301],
    COUNT_ERROR: [203, 301],
    GENERAL_GET_FAILURE: [101, 301],
    GENERAL_SET_FAILURE: [101, 351],
    GENERAL_COMMIT_FAILURE: [101, 391],
    UNDEFINED_DATA_MODEL: [401, 401],
    UNIMPLEMENTED_ELEMENT: [401, 402],
    VALUE_NOT_INITIALIZED: [null, 403],
    INVALID_SET_VALUE: [402, 351],
    READ_ONLY_ELEMENT: [403, 404],
    WRITE_ONLY_ELEMENT: [404, 405],
    TYPE_MISMATCH: [405, 406],
    VALUE_OUT_OF_RANGE: [405, 407],
    DEPENDENCY_NOT_ESTABLISHED: [null, 408]
  };

  function column(version) {
    return version === "1.2" ? 0 : 1;
  }

  /** The number of error `name` in `version` ("1.2" or "2004"), or null. */
  function codeOf(version, name) {
    var entry = CODES[name];
    return entry ? entry[column(version)] : null;
  }

  /** The first symbolic name of error number `code` in `version`. */
  function nameOf(version, code) {
    var number = parseInt(code, 10);
    for (var name in CODES) {
      if (CODES[name][column(version)] === number) {
        return name;
      }
    }
    return "UNKNOWN_ERROR";
  }

  global.ScormErrors = { CODES: CODES, codeOf: codeOf, nameOf: nameOf };
})(this);
