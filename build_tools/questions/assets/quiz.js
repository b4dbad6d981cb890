/*
 * Knowledge checks: checks answers, shows feedback, scores module tests.
 *
 * The page carries everything (build_tools/markdown/quiz.py renders it):
 *   .quiz[data-quiz-id][data-quiz-type][data-quiz-key]  one question; the key is
 *       base64(JSON {correct: string[], tolerance: number} XOR the question id)
 *   .quiz-page[data-course-id][data-page-id][data-module-id][data-pass-mark][data-test]
 *       page facts, the score area, the "start again" button with the
 *       confirmation it opens (.quiz-confirm) and
 *       script.quiz-strings: the UI strings in the page's language, by English msgid.
 * Keyboard and screen readers: checking an answer never moves focus; the
 * verdict, the notes of the chosen options and the explanation are written
 * together into the question's live region (.quiz-feedback), read once. A
 * test question once answered is locked: its inputs are disabled and its
 * button stays focusable with aria-disabled.
 * No network, works from file://. Never throws into the page.
 *
 * Where answers are kept (the SCORM launcher's CourseHost, else localStorage)
 * is quiz-store.js; what each question type accepts is quiz-types.js. Both
 * load before this script.
 */
(function () {
  "use strict";

  var page = document.querySelector(".quiz-page");
  if (!page) {
    return;
  }
  var strings = readStrings();
  var info = {
    courseId: page.getAttribute("data-course-id") || "",
    pageId: page.getAttribute("data-page-id") || "",
    moduleId: page.getAttribute("data-module-id") || "",
    passMark: Number(page.getAttribute("data-pass-mark") || "0"),
    isTest: page.getAttribute("data-test") === "true"
  };
  var loadedAt = now();
  var stores = window.CourseQuizStore.create(info);
  var store = stores.answers;
  var resultStore = stores.result;
  var callHost = stores.call;
  var summary = page.querySelector(".quiz-summary");
  var restart = page.querySelector(".quiz-restart");
  var confirmBox = page.querySelector(".quiz-confirm");
  var answers = {};
  var quizzes = [];

  function readStrings() {
    try {
      return JSON.parse(page.querySelector(".quiz-strings").textContent) || {};
    } catch (e) {
      return {};
    }
  }

  function t(msgid, values) {
    var text = strings[msgid] || msgid;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function now() {
    return window.performance && performance.now ? performance.now() : Date.now();
  }

  function setup(el) {
    var q = {
      el: el,
      id: el.getAttribute("data-quiz-id"),
      type: el.getAttribute("data-quiz-type"),
      key: window.CourseQuizTypes.key(el.getAttribute("data-quiz-id"),
                                      el.getAttribute("data-quiz-key")),
      state: null,
      started: null,
      status: el.querySelector(".quiz-feedback"),
      button: el.querySelector(".quiz-check"),
      reveal: el.querySelector("template.quiz-reveal"),
      inputs: Array.prototype.slice.call(el.querySelectorAll("input"))
    };
    el.addEventListener("input", function () { start(q); });
    el.addEventListener("change", function () { start(q); });
    q.button.addEventListener("click", function () { check(q); });
    q.inputs.forEach(function (input) {
      if (input.type === "text") {
        input.addEventListener("keydown", function (event) {
          if (event.key === "Enter") {
            event.preventDefault();
            check(q);
          }
        });
      }
    });
    return q;
  }

  function start(q) {
    if (q.started === null) {
      q.started = now();
    }
  }

  function kind(q) {
    return window.CourseQuizTypes.of(q.type);
  }

  function isTyped(q) {
    return kind(q).typed;
  }

  /**
   * The values a response of q may hold: for typed answers one text cut to the
   * input's maxlength, control characters as spaces; for choices only values of
   * the question's own inputs. Saved answers restored from storage or the LMS go
   * through here too: they may have been written by another version or tampered with.
   */
  function clean(q, values) {
    if (Object.prototype.toString.call(values) !== "[object Array]") {
      return [];
    }
    if (isTyped(q)) {
      var input = q.inputs[0];
      var max = Number(input.getAttribute("maxlength")) || 60;
      var text = typeof values[0] === "string" || typeof values[0] === "number" ?
        String(values[0]) : "";
      text = text.replace(/[\u0000-\u001f\u007f]/g, " ").trim().slice(0, max);
      return text ? [text] : [];
    }
    var allowed = q.inputs.map(function (i) { return i.value; });
    var kept = values.filter(function (value, i) {
      return allowed.indexOf(value) >= 0 && values.indexOf(value) === i;
    });
    return kind(q).many ? kept : kept.slice(0, 1);
  }

  function response(q) {
    if (isTyped(q)) {
      return clean(q, [q.inputs[0].value]);
    }
    return q.inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function fill(q, values) {
    if (isTyped(q)) {
      q.inputs[0].value = values.length ? String(values[0]) : "";
      return;
    }
    q.inputs.forEach(function (input) {
      input.checked = values.indexOf(input.value) >= 0;
    });
  }

  function isCorrect(q, values) {
    return kind(q).correct(values, q.key.correct || [], q.key.tolerance || 0);
  }

  function check(q) {
    if (q.button.getAttribute("aria-disabled") === "true") {
      return;
    }
    var values = response(q);
    var choice = !isTyped(q);
    if (!values.length) {
      say(q, t(choice ? "Choose an answer first." : "Enter an answer first."), "hint");
      return;
    }
    var invalid = kind(q).invalid ? kind(q).invalid(values) : "";
    if (invalid) {
      say(q, t(invalid), "hint");
      return;
    }
    var result = isCorrect(q, values) ? "correct" : "incorrect";
    show(q, values, result);
    answers[q.id] = values;
    store.save(answers);
    callHost("answer", {
      pageId: info.pageId, id: q.id, type: q.type, response: values.slice(), result: result,
      latencyMs: Math.max(0, Math.round(now() - (q.started === null ? loadedAt : q.started))),
      timestamp: new Date().toISOString(), isTest: info.isTest
    });
    q.started = null;
    updateSummary(true);
    updateRestart();
  }

  // Replace what the live region says in one change: the verdict, then the
  // notes and explanation (nodes), so that it is announced once.
  function say(q, text, kind, nodes) {
    var box = document.createDocumentFragment();
    if (text) {
      var verdict = document.createElement("p");
      verdict.className = "quiz-verdict";
      // In the UI's language, also where the content around is in another one.
      verdict.lang = page.lang || document.documentElement.lang;
      verdict.textContent = text;
      box.appendChild(verdict);
    }
    (nodes || []).forEach(function (node) { box.appendChild(node); });
    q.status.textContent = "";
    q.status.appendChild(box);
    q.status.setAttribute("data-kind", kind || "");
  }

  function optionLabel(option) {
    var label = option ? option.querySelector("label") : null;
    return label ? label.textContent.trim() : "";
  }

  // The notes of the chosen options, each after its option's text, and the explanation.
  function revealed(q, values) {
    var content = q.reveal ? q.reveal.content : null;
    var nodes = [];
    if (!content) {
      return nodes;
    }
    // Matched by comparing attributes, never by a selector built from a value.
    var notes = isTyped(q) ? {} : byOption(content.querySelectorAll(".quiz-option-feedback"));
    var options = byOption(q.el.querySelectorAll(".quiz-option"));
    values.forEach(function (value) {
      var note = notes[value];
      if (note) {
        var item = document.createElement("div");
        item.className = "quiz-note";
        var name = document.createElement("span");
        name.className = "quiz-note-option";
        name.textContent = optionLabel(options[value]);
        item.appendChild(name);
        item.appendChild(note.cloneNode(true));
        nodes.push(item);
      }
    });
    var explanation = content.querySelector(".quiz-explanation");
    if (explanation) {
      nodes.push(explanation.cloneNode(true));
    }
    return nodes;
  }

  function show(q, values, result) {
    q.state = result;
    q.el.classList.toggle("quiz--correct", result === "correct");
    q.el.classList.toggle("quiz--incorrect", result === "incorrect");
    var wrong = info.isTest ? t("Incorrect") : t("Try again");
    say(q, result === "correct" ? t("Correct") : wrong, result, revealed(q, values));
    if (info.isTest) {
      // The button keeps focus (a disabled one would drop it to the page).
      q.inputs.forEach(function (control) { control.disabled = true; });
      q.button.setAttribute("aria-disabled", "true");
    }
  }

  function byOption(nodes) {
    var found = {};
    Array.prototype.forEach.call(nodes, function (node) {
      found[node.getAttribute("data-option")] = node;
    });
    return found;
  }

  function clearQuestion(q) {
    fill(q, []);
    q.state = null;
    q.started = null;
    q.el.classList.remove("quiz--correct", "quiz--incorrect");
    say(q, "", "");
    q.inputs.forEach(function (control) { control.disabled = false; });
    q.button.removeAttribute("aria-disabled");
  }

  function updateSummary(fresh) {
    if (!info.isTest || !summary) {
      return;
    }
    var total = quizzes.length;
    var answered = quizzes.filter(function (q) { return q.state !== null; }).length;
    if (answered < total) {
      summary.textContent = answered ? t("Answered {n} of {m}", { n: answered, m: total }) : "";
      summary.removeAttribute("data-kind");
      if (resultStore) {
        resultStore.clear();
      }
      return;
    }
    var raw = quizzes.filter(function (q) { return q.state === "correct"; }).length;
    var passed = total > 0 && (raw * 100) / total >= info.passMark;
    // Rounded down: a score shown as the pass mark has always reached it.
    var score = total > 0 ? Math.floor((raw * 100) / total + 1e-9) : 0;
    summary.textContent = [
      t("Your score: {score}% ({n} of {m})", { score: score, n: raw, m: total }),
      t("Pass mark: {percent}%", { percent: info.passMark }),
      passed ? t("Passed") : t("Not passed")
    ].join(" · ");
    summary.setAttribute("data-kind", passed ? "passed" : "failed");
    if (resultStore) {
      resultStore.save({ raw: raw, max: total, passMark: info.passMark, passed: passed });
    }
    if (fresh) {
      callHost("testResult", {
        pageId: info.pageId, moduleId: info.moduleId, raw: raw, min: 0, max: total,
        passMark: info.passMark, passed: passed
      });
    }
  }

  function retakeAllowed() {
    return !stores.has("canRetake") || callHost("canRetake", info.pageId) !== false;
  }

  // "Start again" is there once something is answered (or being confirmed),
  // on a test page only while the host allows another attempt.
  function updateRestart() {
    if (restart) {
      var any = quizzes.some(function (q) { return q.state !== null; });
      var allowed = !info.isTest || retakeAllowed();
      restart.hidden = !(any && allowed) && confirmBox.hidden;
    }
  }

  function askToClear() {
    confirmBox.hidden = false;
    restart.setAttribute("aria-expanded", "true");
    confirmBox.querySelector(".quiz-confirm-no").focus();
  }

  function closeConfirm(focusRestart) {
    confirmBox.hidden = true;
    restart.setAttribute("aria-expanded", "false");
    updateRestart();
    if (focusRestart && !restart.hidden) {
      restart.focus();
    }
  }

  function clearAll() {
    quizzes.forEach(clearQuestion);
    answers = {};
    store.clear();
    updateSummary(false);
    closeConfirm(false);
    if (summary) {
      summary.textContent = t("Your answers on this page were cleared.");
    }
    var first = quizzes.length ? quizzes[0].inputs[0] : null;
    if (first) {
      first.focus();
    }
  }

  function bindRestart() {
    if (!restart || !confirmBox) {
      return;
    }
    restart.addEventListener("click", askToClear);
    confirmBox.querySelector(".quiz-confirm-yes").addEventListener("click", clearAll);
    confirmBox.querySelector(".quiz-confirm-no").addEventListener("click", function () {
      closeConfirm(true);
    });
    confirmBox.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        closeConfirm(true);
      }
    });
  }

  function restore() {
    var saved = store.load();
    if (!saved || typeof saved !== "object") {
      return;
    }
    quizzes.forEach(function (q) {
      var values = Object.prototype.hasOwnProperty.call(saved, q.id) ? clean(q, saved[q.id]) : [];
      if (values.length) {
        fill(q, values);
        answers[q.id] = values;
        show(q, values, isCorrect(q, values) ? "correct" : "incorrect");
      }
    });
  }

  try {
    quizzes = Array.prototype.map.call(document.querySelectorAll(".quiz[data-quiz-id]"), setup);
    bindRestart();
    restore();
    updateSummary(false);
    updateRestart();
    document.documentElement.classList.add("quiz-ready");
  } catch (e) {
    if (window.console) {
      console.error("quiz: could not start", e);
    }
  }
})();
