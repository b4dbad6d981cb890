"""``/// quiz`` blocks: knowledge checks rendered as accessible forms.

Registered as a pymdownx Blocks API block. The block's body is taken raw and
read by :mod:`build_tools.quiz.parse`, the same parser the loader uses, so the
site and the checks agree on every block. Unlike other Blocks, a faulty quiz
never falls back to plain text: a preprocessor runs the parser over the page
first and raises :class:`~build_tools.quiz.parse.QuizSyntaxError`.

The correct answers are not in the page text: they are XOR-ed with the
question id, base64-encoded and put in ``data-quiz-key``; feedback and
explanations sit in a ``<template>``, which browsers do not display. The
page script ``build_tools/quiz/assets/quiz.js`` does the rest.

Configuration (set per page by the ``course`` MkDocs plugin): ``lang`` picks
the UI strings (Babel catalog domain ``quiz``); ``course_id``, ``page_id``,
``module_id``, ``test`` and ``pass_mark`` are carried on the page for the
script and for SCORM.
"""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ..i18n import MSGID_LANGUAGE, gettext
from ..quiz.limits import NUMBER_MAX_LENGTH, TEXT_MAX_LENGTH
from ..quiz.parse import CHOICE_TYPES, Problem, Quiz, QuizSyntaxError, build_quiz, parse_page

STRINGS = (
    "Check", "Correct", "Incorrect", "Try again", "True", "False", "Your answer",
    "Choose an answer first.", "Enter an answer first.", "Enter a number.",
    "Your score: {score}% ({n} of {m})", "Passed", "Not passed", "Pass mark: {percent}%",
    "Answered {n} of {m}", "Your answers on this page were cleared.", "Start again",
    "Clear all your answers on this page and start again?", "Yes, clear my answers", "Cancel",
)
"""Every UI string of knowledge checks, as msgids of the ``quiz`` catalog domain."""


def encode_key(question_id: str, payload: dict[str, Any]) -> str:
    """Return ``payload`` as JSON, XOR-ed with ``question_id`` and base64-encoded."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    key = question_id.encode("utf-8") or b"quiz"
    mixed = bytes(byte ^ key[i % len(key)] for i, byte in enumerate(data))
    return base64.b64encode(mixed).decode("ascii")


def decode_key(question_id: str, encoded: str) -> dict[str, Any]:
    """Reverse :func:`encode_key` (for tests and for the SCORM stage)."""
    mixed = base64.b64decode(encoded)
    key = question_id.encode("utf-8") or b"quiz"
    data = bytes(byte ^ key[i % len(key)] for i, byte in enumerate(mixed))
    result: dict[str, Any] = json.loads(data.decode("utf-8"))
    return result


class QuizBlock(Block):
    """``/// quiz | question``: one question, its options, feedback and explanation."""

    NAME = "quiz"
    ARGUMENT = None

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # Accept every header: the shared parser reports unknown or bad options
        # with a message, where pymdownx would silently render plain text.
        self.argument = arg or ""
        self.header = options
        self.options = {"attrs": {}}
        return True

    def on_markdown(self) -> str:
        """Keep the body raw: the quiz parser reads it."""
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Create the quiz container."""
        return etree.SubElement(parent, "div", {"class": "quiz"})

    def on_end(self, block: etree.Element) -> None:
        """Parse the body and replace it with the form."""
        body = list(enumerate((block.text or "").split("\n"), start=1))
        block.text = None
        quiz, problems = build_quiz(0, str(self.argument), self.header, {}, body)
        if quiz is None:
            raise QuizSyntaxError(problems[0], f"quiz block {self.header.get('id')!r}")
        _Renderer(self.md, self.config["lang"]).render(block, quiz)
        self.tracker["count"] = self.tracker.get("count", 0) + 1


class _Renderer:
    """Builds the elements of one question."""

    def __init__(self, md: Markdown, lang: str) -> None:
        self.md = md
        self.lang = lang

    def t(self, msgid: str) -> AtomicString:
        return AtomicString(gettext(self.lang, "quiz", msgid))

    def render(self, div: etree.Element, quiz: Quiz) -> None:
        question = quiz.question
        base = f"quiz-{question.id}"
        correct = ([str(i) for i in question.correct] if question.type in CHOICE_TYPES
                   else list(question.answer))
        div.attrib.update({
            "id": base, "data-quiz-id": question.id, "data-quiz-type": question.type,
            "data-quiz-key": encode_key(question.id, {"correct": correct,
                                                      "tolerance": question.tolerance}),
        })
        fieldset = etree.SubElement(div, "fieldset", {"class": "quiz-fieldset"})
        legend = etree.SubElement(fieldset, "legend", {"class": "quiz-question"})
        legend.text = question.prompt
        if quiz.intro:
            self.md.parser.parseChunk(etree.SubElement(fieldset, "div", {"class": "quiz-intro"}),
                                      quiz.intro)
        self.inputs(fieldset, quiz, base)
        controls = etree.SubElement(fieldset, "div", {"class": "quiz-controls"})
        # UI strings carry the site's language: on a page shown in another
        # language (fallback), the content around them has that one.
        button = etree.SubElement(controls, "button", {"type": "button", "class": "quiz-check",
                                                       "lang": self.lang})
        button.text = self.t("Check")
        # The verdict, the chosen options' notes and the explanation go here
        # together (quiz.js), so a screen reader reads them once, in one go.
        etree.SubElement(fieldset, "div", {"class": "quiz-feedback", "role": "status",
                                           "aria-live": "polite", "aria-atomic": "true"}
                         ).text = AtomicString("")
        self.reveal(fieldset, quiz)

    def inputs(self, fieldset: etree.Element, quiz: Quiz, base: str) -> None:
        question = quiz.question
        if question.type in ("numeric", "text"):
            self.free_answer(fieldset, question.type, base)
            return
        labels: list[str] = list(question.options)
        values = [str(i) for i in range(len(labels))]
        if question.type == "truefalse":
            labels, values = [self.t("True"), self.t("False")], ["true", "false"]
        kind = "checkbox" if question.type == "multiple" else "radio"
        box = etree.SubElement(fieldset, "div", {"class": "quiz-options"})
        for label_text, value in zip(labels, values, strict=True):
            option = etree.SubElement(box, "div", {"class": "quiz-option",
                                                   "data-option": value})
            etree.SubElement(option, "input", {"type": kind, "id": f"{base}-{value}",
                                               "name": base, "value": value})
            label = etree.SubElement(option, "label", {"for": f"{base}-{value}"})
            if question.type == "truefalse":
                label.set("lang", self.lang)
            label.text = label_text

    def free_answer(self, fieldset: etree.Element, qtype: str, base: str) -> None:
        box = etree.SubElement(fieldset, "div", {"class": "quiz-answer"})
        label = etree.SubElement(box, "label", {"for": f"{base}-answer", "lang": self.lang})
        label.text = self.t("Your answer")
        attrs = {"type": "text", "id": f"{base}-answer", "name": base, "autocomplete": "off",
                 "spellcheck": "false", "autocapitalize": "off"}
        if qtype == "numeric":
            # A text input with a decimal keypad: type=number ignores maxlength and
            # rejects the decimal comma Kazakh and Russian readers type.
            attrs.update({"inputmode": "decimal", "maxlength": str(NUMBER_MAX_LENGTH)})
        else:
            attrs["maxlength"] = str(TEXT_MAX_LENGTH)
        etree.SubElement(box, "input", attrs)

    def reveal(self, fieldset: etree.Element, quiz: Quiz) -> None:
        """Feedback and explanation, kept out of the page text until the learner answers."""
        if not quiz.explanation and not any(quiz.feedback):
            return
        template = etree.SubElement(fieldset, "template", {"class": "quiz-reveal"})
        for number, text in enumerate(quiz.feedback):
            if text:
                item = etree.SubElement(template, "div", {"class": "quiz-option-feedback",
                                                          "data-option": str(number)})
                item.text = text
        if quiz.explanation:
            explanation = etree.SubElement(template, "div", {"class": "quiz-explanation"})
            self.md.parser.parseChunk(explanation, quiz.explanation)


class QuizCheck(Preprocessor):
    """Raise on the first faulty quiz block, before pymdownx could skip it as plain text."""

    def run(self, lines: list[str]) -> list[str]:
        """Parse every quiz block of the page; return the lines unchanged."""
        quizzes, problems = parse_page("\n".join(lines))
        seen: set[str] = set()
        for quiz in quizzes:
            if quiz.question.id in seen:
                problems.append(Problem(quiz.question.line, f"question id '{quiz.question.id}' "
                                        "is used twice on this page; every question needs its "
                                        "own id", "quiz-duplicate-id"))
            seen.add(quiz.question.id)
        if problems:
            raise QuizSyntaxError(problems[0], f"line {problems[0].line} of the page text")
        return lines


class QuizPage(Treeprocessor):
    """Append the page-level part: strings, page facts, score and reset controls."""

    def __init__(self, md: Markdown, extension: QuizExtension,
                 block_mgr: BlocksProcessor) -> None:
        super().__init__(md)
        self.extension = extension
        self.block_mgr = block_mgr

    def run(self, root: etree.Element) -> None:
        """Add the page part when the page has questions."""
        if not self.block_mgr.trackers["quiz"].get("count"):
            return
        config = self.extension.getConfigs()
        lang = str(config["lang"])
        page = etree.SubElement(root, "div", {
            "class": "quiz-page", "data-search-exclude": "",
            "data-course-id": str(config["course_id"]), "data-page-id": str(config["page_id"]),
            "data-module-id": str(config["module_id"]), "data-pass-mark": str(config["pass_mark"]),
            "data-test": "true" if config["test"] else "false", "lang": lang,
        })
        etree.SubElement(page, "div", {"class": "quiz-summary", "role": "status",
                                       "aria-live": "polite"}).text = AtomicString("")
        self.start_again(page, lang)
        strings = {msgid: gettext(lang, "quiz", msgid) for msgid in STRINGS}
        script = etree.SubElement(page, "script", {"type": "application/json",
                                                   "class": "quiz-strings"})
        script.text = AtomicString(json.dumps(strings, ensure_ascii=False, sort_keys=True)
                                   .replace("<", "\\u003c"))


    def start_again(self, page: etree.Element, lang: str) -> None:
        """One "start again" button, shown once something is answered, that asks first."""
        def t(msgid: str) -> AtomicString:
            return AtomicString(gettext(lang, "quiz", msgid))

        controls = etree.SubElement(page, "div", {"class": "quiz-page-controls"})
        button = etree.SubElement(controls, "button", {
            "type": "button", "class": "quiz-restart", "hidden": "hidden",
            "aria-expanded": "false", "aria-controls": "quiz-confirm"})
        button.text = t("Start again")
        confirm = etree.SubElement(controls, "div", {
            "class": "quiz-confirm", "id": "quiz-confirm", "role": "group",
            "aria-labelledby": "quiz-confirm-question", "hidden": "hidden"})
        question = etree.SubElement(confirm, "p", {"id": "quiz-confirm-question"})
        question.text = t("Clear all your answers on this page and start again?")
        for css, msgid in (("quiz-confirm-yes", "Yes, clear my answers"),
                           ("quiz-confirm-no", "Cancel")):
            etree.SubElement(confirm, "button", {"type": "button", "class": css}).text = t(msgid)


class QuizExtension(BlocksExtension):
    """Adds the ``quiz`` block, its syntax check and the page part."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "lang": [MSGID_LANGUAGE, "Language of the UI strings - Default: the msgids' language"],
            "course_id": ["", "Course id, for saved answers - Default: ''"],
            "page_id": ["", "Id of the page (lesson id) - Default: ''"],
            "module_id": ["", "Id of the page's module - Default: ''"],
            "test": [False, "Whether the page is a module test - Default: False"],
            "pass_mark": [70, "Percent needed to pass a module test - Default: 70"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802
        """Register the block, the check (after fenced code is stashed) and the page part."""
        block_mgr.register(QuizBlock, {"lang": self.getConfig("lang")})
        md.preprocessors.register(QuizCheck(md), "quiz_check", 21)
        md.treeprocessors.register(QuizPage(md, self, block_mgr),
                                   "quiz_page", 5)


def makeExtension(**kwargs: Any) -> QuizExtension:  # noqa: N802
    """Return the extension (Python-Markdown's entry point)."""
    return QuizExtension(**kwargs)
