"""``/// quiz`` blocks: knowledge checks rendered as accessible forms.

Registered as a pymdownx Blocks API block. A block is rendered from its
:class:`~build_tools.course.model.Question`, looked up by the id in its header: in a
course build the ``course`` plugin passes the page's questions from the course
model (``questions``, with ``from_model``), which the loader read once. Run on
its own (``from_model`` false), a preprocessor reads the page's questions with
:mod:`build_tools.questions.parse`, the loader's parser. Unlike other Blocks, a
faulty quiz never falls back to plain text: the preprocessor raises
:class:`~build_tools.questions.parse.QuizSyntaxError` first.

The correct answers are not in the page text: they are XOR-ed with the
question id, base64-encoded and put in ``data-quiz-key``; feedback and
explanations sit in a ``<template>``, which browsers do not display. The
page script ``build_tools/questions/assets/quiz.js`` does the rest.

Configuration (set per page by the ``course`` MkDocs plugin): ``lang`` picks
the UI strings (Babel catalog domain ``quiz``); ``course_id``, ``page_id``,
``module_id``, ``test`` and ``pass_mark`` are carried on the page for the
script and for SCORM; ``questions`` and ``from_model`` give the page's
questions.
"""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as etree
from collections.abc import Mapping, Sequence
from typing import Any

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension, BlocksProcessor
from pymdownx.blocks.block import Block

from ..course.model import Question
from ..languages.i18n import MSGID_LANGUAGE, gettext
from ..questions import kind_of
from ..questions.parse import NESTED_MESSAGE, Problem, QuizSyntaxError, parse_page

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



class PageQuestions:
    """The questions of the page being converted, by id (filled by :class:`QuizCheck`)."""

    def __init__(self) -> None:
        self.by_id: dict[str, Question] = {}


class QuizBlock(Block):
    """``/// quiz | question``: one question, its options, feedback and explanation."""

    NAME = "quiz"
    ARGUMENT = None

    def _validate(self, parent: etree.Element, arg: Any, **options: Any) -> bool:
        # Accept every header: the shared parser reports unknown or bad options
        # with a message, where pymdownx would silently render plain text.
        self.argument = arg or ""
        self.header = options
        self.options: dict[str, Any] = {"attrs": {}}
        return True

    def on_markdown(self) -> str:
        """Keep the body raw: the question comes from the model."""
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        """Create the quiz container."""
        return etree.SubElement(parent, "div", {"class": "quiz"})

    def on_end(self, block: etree.Element) -> None:
        """Replace the body with the form of the block's question."""
        block.text = None
        qid = str(self.header.get("id"))
        questions: PageQuestions = self.config["questions"]
        question = questions.by_id.get(qid)
        if question is None:
            problem = Problem(0, NESTED_MESSAGE, "quiz-nested")
            raise QuizSyntaxError(problem, f"quiz block {qid!r}")
        _Renderer(self.md, self.config["lang"]).render(block, question)
        self.tracker["count"] = self.tracker.get("count", 0) + 1


class _Renderer:
    """Builds the elements of one question; its type renders its inputs through this."""

    def __init__(self, md: Markdown, lang: str) -> None:
        self.md = md
        self.lang = lang
        self.fieldset = etree.Element("fieldset")
        self.base = ""

    def t(self, msgid: str) -> AtomicString:
        """Return a UI string of the ``quiz`` catalog in the site's language."""
        return AtomicString(gettext(self.lang, "quiz", msgid))

    def render(self, div: etree.Element, question: Question) -> None:
        kind = kind_of(question.type)
        self.base = base = f"quiz-{question.id}"
        div.attrib.update({
            "id": base, "data-quiz-id": question.id, "data-quiz-type": question.type,
            "data-quiz-key": encode_key(question.id, {"correct": kind.key(question),
                                                      "tolerance": question.tolerance}),
        })
        self.fieldset = fieldset = etree.SubElement(div, "fieldset", {"class": "quiz-fieldset"})
        legend = etree.SubElement(fieldset, "legend", {"class": "quiz-question"})
        legend.text = question.prompt
        if question.intro:
            self.md.parser.parseChunk(etree.SubElement(fieldset, "div", {"class": "quiz-intro"}),
                                      question.intro)
        kind.render(self, question)
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
        self.reveal(fieldset, question)

    def options(self, values: Sequence[str], labels: Sequence[str], input_type: str,
                ui_labels: bool = False) -> None:
        """Render one input of ``input_type`` (radio, checkbox) with its label per value."""
        box = etree.SubElement(self.fieldset, "div", {"class": "quiz-options"})
        for label_text, value in zip(labels, values, strict=True):
            option = etree.SubElement(box, "div", {"class": "quiz-option",
                                                   "data-option": value})
            etree.SubElement(option, "input", {"type": input_type, "id": f"{self.base}-{value}",
                                               "name": self.base, "value": value})
            label = etree.SubElement(option, "label", {"for": f"{self.base}-{value}"})
            if ui_labels:  # the site's strings, in the site's language
                label.set("lang", self.lang)
            label.text = label_text

    def typed(self, attrs: Mapping[str, str]) -> None:
        """Render the labelled text input of a typed answer, with the type's ``attrs``."""
        box = etree.SubElement(self.fieldset, "div", {"class": "quiz-answer"})
        label = etree.SubElement(box, "label", {"for": f"{self.base}-answer", "lang": self.lang})
        label.text = self.t("Your answer")
        etree.SubElement(box, "input", {
            "type": "text", "id": f"{self.base}-answer", "name": self.base,
            "autocomplete": "off", "spellcheck": "false", "autocapitalize": "off", **attrs})

    def reveal(self, fieldset: etree.Element, question: Question) -> None:
        """Feedback and explanation, kept out of the page text until the learner answers."""
        if not question.explanation and not any(question.feedback):
            return
        template = etree.SubElement(fieldset, "template", {"class": "quiz-reveal"})
        for number, text in enumerate(question.feedback):
            if text:
                item = etree.SubElement(template, "div", {"class": "quiz-option-feedback",
                                                          "data-option": str(number)})
                item.text = text
        if question.explanation:
            explanation = etree.SubElement(template, "div", {"class": "quiz-explanation"})
            self.md.parser.parseChunk(explanation, question.explanation)


class QuizCheck(Preprocessor):
    """Give the blocks the page's questions: the model's, or parsed from the page text.

    Parsing raises on the first faulty quiz block, before pymdownx could skip it
    as plain text.
    """

    def __init__(self, md: Markdown, extension: QuizExtension, questions: PageQuestions) -> None:
        super().__init__(md)
        self.extension = extension
        self.questions = questions

    def run(self, lines: list[str]) -> list[str]:
        """Collect the page's questions by id; return the lines unchanged."""
        if self.extension.getConfig("from_model"):
            given: tuple[Question, ...] = self.extension.getConfig("questions")
            self.questions.by_id = {question.id: question for question in given}
            return lines
        parsed, problems = parse_page("\n".join(lines))
        seen: set[str] = set()
        for question in parsed:
            if question.id in seen:
                problems.append(Problem(question.line, f"question id '{question.id}' is used "
                                        "twice on this page; every question needs its own id",
                                        "quiz-duplicate-id"))
            seen.add(question.id)
        if problems:
            raise QuizSyntaxError(problems[0], f"line {problems[0].line} of the page text")
        self.questions.by_id = {question.id: question for question in parsed}
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
            "questions": [(), "The page's questions from the course model - Default: ()"],
            "from_model": [False, "Whether 'questions' holds the page's questions; if not, "
                           "they are read from the page text - Default: False"],
        }
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: BlocksProcessor) -> None:  # noqa: N802
        """Register the block, the check (after fenced code is stashed) and the page part."""
        questions = PageQuestions()
        block_mgr.register(QuizBlock, {"lang": self.getConfig("lang"), "questions": questions})
        md.preprocessors.register(QuizCheck(md, self, questions), "quiz_check", 21)
        md.treeprocessors.register(QuizPage(md, self, block_mgr),
                                   "quiz_page", 5)


def makeExtension(**kwargs: Any) -> QuizExtension:  # noqa: N802
    """Return the extension (Python-Markdown's entry point)."""
    return QuizExtension(**kwargs)
