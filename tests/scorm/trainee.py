"""A trainee's hands in the test LMS, and what the LMS saw: helpers of the end-to-end tests.

The trainee only uses what a learner has: the launcher's buttons and page list,
links in the pages, and the questions' inputs and Check buttons.
"""

from __future__ import annotations

import re
from typing import Any

from tests.scorm.harness import Lms

SUFFIX = {"1.2": "scorm12", "2004": "scorm2004"}
"""The end of a package's name per SCORM version."""
NAMES = {
    "1.2": {"location": "cmi.core.lesson_location", "status": "cmi.core.lesson_status",
            "exit": "cmi.core.exit", "entry": "cmi.core.entry", "raw": "cmi.core.score.raw",
            "min": "cmi.core.score.min", "max": "cmi.core.score.max",
            "response": "student_response", "when": "time", "wrong": "wrong",
            "set": "LMSSetValue", "get": "LMSGetValue"},
    "2004": {"location": "cmi.location", "status": "cmi.completion_status",
             "exit": "cmi.exit", "entry": "cmi.entry", "raw": "cmi.score.raw",
             "min": "cmi.score.min", "max": "cmi.score.max",
             "response": "learner_response", "when": "timestamp", "wrong": "incorrect",
             "set": "SetValue", "get": "GetValue"},
}
"""The data model elements and API calls of each version, by what they mean."""


# ---- the trainee's hands ----


def click_and_wait(lms: Lms, frame: Any, selector: str, index: int) -> None:
    """Click ``selector`` in ``frame`` and wait until page ``index`` is shown and tracked."""
    frame.click(selector)
    lms.wait_for_page(index)


def choose(frame: Any, qid: str, *values: str) -> None:
    """Tick the options ``values`` of a choice question by clicking their labels, then Check."""
    for value in values:
        frame.click(f'label[for="quiz-{qid}-{value}"]')
    frame.click(f"#quiz-{qid} .quiz-check")


def type_answer(frame: Any, qid: str, text: str) -> None:
    """Type into a numeric or text question, then Check."""
    frame.fill(f"#quiz-{qid} input[type=text]", text)
    frame.click(f"#quiz-{qid} .quiz-check")


def take_test(frame: Any, right: bool) -> None:
    """Answer the quiz course's module test: all right, or only the numeric question right.

    The numeric answer is 122 with a tolerance of 0.5; the trainee types "122,4".
    """
    choose(frame, "sf-test-q1", "1" if right else "0")
    choose(frame, "sf-test-q2", "false" if right else "true")
    type_answer(frame, "sf-test-q3", "122,4")


def start_again(frame: Any) -> None:
    """Press "start again" on a quiz page and confirm: the page's answers are cleared."""
    frame.click(".quiz-restart")
    frame.click(".quiz-confirm-yes")


def shown(frame: Any, qid: str) -> dict[str, Any]:
    """What the page shows for question ``qid``: ticked options, typed text, feedback."""
    return dict(frame.evaluate("""id => {
        const q = document.getElementById('quiz-' + id);
        const typed = q.querySelector('input[type=text]');
        return {
            checked: [...q.querySelectorAll('input:checked')].map(i => i.value),
            typed: typed ? typed.value : null,
            kind: q.querySelector('.quiz-feedback').getAttribute('data-kind'),
            feedback: q.querySelector('.quiz-feedback').textContent,
            state: q.classList.contains('quiz--correct') ? 'correct' :
                q.classList.contains('quiz--incorrect') ? 'incorrect' : null,
        };
    }""", qid))


# ---- what the LMS saw ----


def set_values(lms: Lms) -> list[tuple[str, str]]:
    """Every SetValue call of the session, in order."""
    return [(c[1], c[2]) for c in lms.calls(NAMES[lms.version]["set"])]


def last_values(lms: Lms) -> dict[str, str]:
    return dict(set_values(lms))


def interactions(lms: Lms) -> dict[int, dict[str, str]]:
    """The interaction records the SCO wrote, by index."""
    found: dict[int, dict[str, str]] = {}
    for element, value in set_values(lms):
        match = re.fullmatch(r"cmi\.interactions\.(\d+)\.(.+)", element)
        if match:
            found.setdefault(int(match.group(1)), {})[match.group(2)] = value
    return found


def bookmark(lms: Lms) -> str:
    return last_values(lms)[NAMES[lms.version]["location"]]


def resume_data(cmi: dict[str, Any]) -> dict[str, Any]:
    """The previous session's cmi data, as an LMS hands it to the next launch."""
    data = dict(cmi.get("cmi", cmi))
    if "core" in data:
        data["core"] = {**data["core"], "entry": "resume"}
    else:
        data["entry"] = "resume"
    return data


def no_stored_answers(frame: Any) -> None:
    """Inside the LMS the answers live in the LMS: the browser's storage stays empty."""
    assert frame.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]




# ---- what the LMS keeps between launches ----


def stored(lms: Lms, before: dict[str, str] | None = None) -> dict[str, str]:
    """The LMS's stored values after the session: ``before`` with every accepted SetValue.

    This is how Moodle keeps a SCO's data: one stored value per element, replaced
    by a later write of the same element and kept when the SCO does not write it.
    """
    calls = lms.calls(NAMES[lms.version]["set"])
    return {**(before or {}), **{c[1]: c[2] for c in calls if c[3] == "true"}}


def moodle_relaunch(values: dict[str, str], version: str) -> dict[str, Any]:
    """The data Moodle hands a SCO relaunched in the same attempt without a resume.

    ``entry`` is empty (1.2) or "ab-initio" (2004), the status reads as not yet
    attempted and ``interactions._count`` is 0, while the stored values the SCO
    may read (suspend data, location, score) are still there: what an LMS does
    when it keeps the attempt but not the SCO's exit state.
    """
    def score(prefix: str) -> dict[str, str]:
        return {k: values[f"{prefix}.{k}"] for k in ("raw", "min", "max")
                if f"{prefix}.{k}" in values}

    if version == "1.2":
        core = {"entry": "", "lesson_status": "not attempted",
                "lesson_location": values.get("cmi.core.lesson_location", ""),
                "score": score("cmi.core.score")}
        return {"core": core, "suspend_data": values.get("cmi.suspend_data", "")}
    return {"entry": "ab-initio", "completion_status": "unknown", "success_status": "unknown",
            "location": values.get("cmi.location", ""),
            "suspend_data": values.get("cmi.suspend_data", ""), "score": score("cmi.score")}


def interaction_values(values: dict[str, str]) -> dict[str, str]:
    """The stored interaction elements, by element name."""
    return {k: v for k, v in values.items() if k.startswith("cmi.interactions.")}
