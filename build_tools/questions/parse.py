"""The one parser of ``/// quiz`` blocks, used by the loader and by the Markdown extension.

The syntax is described in ``guide/en/content-format.md`` ("Questions"). The
loader reads raw page text (:func:`parse_page`, with real line numbers); the
Markdown extension gets the header options and body that pymdownx's Blocks API
split for it and calls :func:`build_quiz` on them. Both end in
:func:`build_quiz`, so a block is valid for the site exactly when it is valid
for the checks.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..build.kept import KeptFile, digest
from ..course.config import ID_RE
from ..course.markdown_text import FENCE
from ..course.model import Question
from ..course.yamlfile import YamlError, load_mapping
from . import REGISTRY, QuestionKind

ID_MAX = 255
"""Longest interaction id SCORM 1.2 allows (CMIIdentifier); 2004 allows more."""

START = re.compile(r"^ {0,3}(/{3,}) *quiz *(?:\| *(.*?))? *$", re.IGNORECASE)
"""The header line, as pymdownx's Blocks API reads it: ``/// quiz | question``."""
NESTED = re.compile(r"^(?:[ \t]*(?:>|[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$))*[ \t]*/{3,} *quiz\b",
                    re.IGNORECASE)
"""A ``/// quiz`` header behind a quote marker, a list marker or indentation (with
:data:`START` not matching: a header at the margin is no nested one)."""
NESTED_MESSAGE = ("a '/// quiz' block inside an admonition, list item or quote would show on "
                  "the site but never reach the LMS; start the '///' line at the left margin")
END = re.compile(r"^ {0,3}(/{3,}) *$")
HEADER_LINE = re.compile(r"^ {4,}\S")
"""Block options: lines indented by four or more spaces right after the header."""
OPTION = re.compile(r"^ {0,3}[-*+][ \t]+\[([ xX])\](?:[ \t]+(.*?))?[ \t]*$")
BULLET = re.compile(r"^ {0,3}[-*+][ \t]+\S")
FEEDBACK = re.compile(r"^(?: {2,}|\t)> ?(.*)$")

Lines = Sequence[tuple[int, str]]
"""``(1-based line number, text)`` pairs."""


@dataclass(frozen=True)
class Problem:
    """A syntax fault in a quiz block; ``line`` counts from the start of the text given."""

    line: int
    message: str
    code: str


class QuizSyntaxError(ValueError):
    """Raised by the Markdown extension on a block the checks would reject."""

    def __init__(self, problem: Problem, where: str) -> None:
        super().__init__(f"{where}: {problem.message} [{problem.code}]")
        self.problem = problem


@dataclass(frozen=True)
class RawBlock:
    """A ``/// quiz`` block as found in the raw text."""

    line: int
    prompt: str
    header: Lines
    body: Lines
    closed: bool


@dataclass
class _Option:
    line: int
    correct: bool
    text: str
    feedback: list[str]


def parse_page(body: str, first_line: int = 1) -> tuple[list[Question], list[Problem]]:
    """Parse every quiz block of a page body; return the valid ones and every problem."""
    questions, problems = [], []
    for line in nested_headers(body, first_line):
        problems.append(Problem(line, NESTED_MESSAGE, "quiz-nested"))
    for block in find_blocks(body, first_line):
        question, found = parse_block(block)
        problems += found
        if question is not None:
            questions.append(question)
    return questions, problems


def read_page(body: str, first_line: int, kept: KeptFile
              ) -> tuple[list[Question], list[Problem]]:
    """Return :func:`parse_page` of a page body, kept from the last run if it is unchanged.

    Kept under a digest of the body, its first line and the code (:mod:`build_tools.build.kept`).
    """
    key = digest("quiz blocks", str(first_line), body)
    found = kept.get(key, _decoded)
    if found is None:
        found = parse_page(body, first_line)
        kept.put(key, [[[getattr(question, f.name) for f in fields(Question)]
                        for question in found[0]],
                       [[problem.line, problem.message, problem.code] for problem in found[1]]])
    return found


def _decoded(raw: Any) -> tuple[list[Question], list[Problem]]:
    """Return the questions and problems kept as ``raw``; raise if they are not."""
    questions, problems = raw
    names = [f.name for f in fields(Question)]
    read = []
    for values in questions:
        given: dict[str, Any] = {name: tuple(value) if isinstance(value, list) else value
                                 for name, value in zip(names, values, strict=True)}
        read.append(Question(**given))
    return read, [Problem(int(line), str(message), str(code)) for line, message, code in problems]


def nested_headers(body: str, first_line: int = 1) -> Iterator[int]:
    """Yield the line of every indented ``/// quiz`` header outside fenced code."""
    in_fence = False
    for number, text in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(text):
            in_fence = not in_fence
        elif not in_fence and NESTED.match(text) and not START.match(text):
            yield number


def find_blocks(body: str, first_line: int = 1) -> Iterator[RawBlock]:
    """Yield every ``/// quiz`` block outside fenced code, in order."""
    # Python-Markdown reads a tab as four columns: an option line indented by a tab is one.
    lines = list(enumerate(body.expandtabs(4).split("\n"), start=first_line))
    index, in_fence = 0, False
    while index < len(lines):
        number, text = lines[index]
        index += 1
        if FENCE.match(text):
            in_fence = not in_fence
        match = None if in_fence else START.match(text)
        if match is None:
            continue
        header = []
        while index < len(lines) and HEADER_LINE.match(lines[index][1]):
            header.append(lines[index])
            index += 1
        block_body, closed = [], False
        while index < len(lines) and not closed:
            end = END.match(lines[index][1])
            closed = end is not None and len(end.group(1)) == len(match.group(1))
            if not closed:
                block_body.append(lines[index])
            index += 1
        yield RawBlock(number, (match.group(2) or "").strip(), header, block_body, closed)


def parse_block(block: RawBlock) -> tuple[Question | None, list[Problem]]:
    """Read the header options of ``block``, then build its question."""
    problems = []
    if not block.closed:
        problems.append(Problem(block.line, "quiz block is never closed; add a line '///' "
                                "after its last line", "quiz-unclosed"))
    try:
        doc = load_mapping(textwrap.dedent("\n".join(text for _, text in block.header)))
    except YamlError as exc:
        line = block.header[0][0] + (exc.line or 1) - 1 if block.header else block.line
        problems.append(Problem(line, f"quiz options: {exc}; write them as 'key: value' lines "
                                "indented by four spaces", "quiz-header"))
        return None, problems
    offset = block.header[0][0] - 1 if block.header else 0
    key_lines = {key: line + offset for key, line in doc.key_lines.items()}
    question, found = build_quiz(block.line, block.prompt, doc.data, key_lines, block.body)
    return (question if not problems else None), problems + found


def build_quiz(
    line: int,
    prompt: str,
    options: Mapping[str, object],
    key_lines: Mapping[str, int],
    body: Lines,
) -> tuple[Question | None, list[Problem]]:
    """Build the question of one block from its parts; ``None`` when it has problems.

    Args:
        line: line of the ``/// quiz`` header.
        prompt: the question text after ``|``.
        options: the header options, as YAML values.
        key_lines: line of each option key (missing keys are reported at ``line``).
        body: the lines between the options and the closing ``///``.
    """
    builder = _Builder(line, options, key_lines)
    return builder.build(prompt.strip(), body), builder.problems


class _Builder:
    """Checks one block's options and body, collecting problems."""

    def __init__(self, line: int, options: Mapping[str, object],
                 key_lines: Mapping[str, int]) -> None:
        self.line = line
        self.options = options
        self.key_lines = key_lines
        self.problems: list[Problem] = []
        self.name = "question"

    def fail(self, line: int | None, message: str, code: str) -> None:
        self.problems.append(Problem(line or self.line, message, code))

    def at(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def build(self, prompt: str, body: Lines) -> Question | None:
        keys = header_keys()
        for key in self.options:
            if key not in keys:
                self.fail(self.at(key), f"unknown option '{key}' in the quiz header; expected "
                          f"one of {_quoted(keys)}", "quiz-unknown-option")
        qid = self.question_id()
        qtype = self.options.get("type", next(iter(REGISTRY)))
        kind = REGISTRY.get(qtype) if isinstance(qtype, str) else None
        if kind is None:
            self.fail(self.at("type"), f"{self.name} has unknown type {qtype!r}; expected one "
                      f"of {_quoted(tuple(REGISTRY))}", "quiz-bad-type")
            return None
        if not prompt:
            self.fail(self.line, f"{self.name} has no question text; write it after '|' on "
                      "the header line: '/// quiz | Your question?'", "quiz-empty")
        intro, options, explanation = self.split_body(body)
        if kind.choice:
            answer = kind.read_answer(self.options, self.at, self.name, self.fail)
            correct = self.choice(kind, options)
        else:
            self.no_options(kind.name, options)
            self.not_taken(kind)
            explanation = "\n".join(filter(None, (intro, explanation)))
            intro, correct = "", ()
            answer = kind.read_answer(self.options, self.at, self.name, self.fail)
        if self.problems:
            return None
        tolerance = self.options.get("tolerance", 0)
        return Question(
            id=qid, type=kind.name, prompt=prompt, line=self.line,
            options=tuple(o.text for o in options), correct=correct, answer=answer,
            tolerance=float(tolerance) if isinstance(tolerance, int | float) else 0.0,
            feedback=tuple("\n".join(o.feedback) for o in options), intro=intro,
            explanation=explanation,
        )

    def question_id(self) -> str:
        qid = self.options.get("id")
        if qid is None:
            self.fail(self.line, "question has no 'id'; add a line such as '    id: mr-01-q1' "
                      "right under the '/// quiz' line", "quiz-missing-id")
            return ""
        if not isinstance(qid, str) or not ID_RE.fullmatch(qid):
            self.fail(self.at("id"), "question id must be lowercase letters, digits and '-', "
                      f"such as 'mr-01-q1', got {qid!r}", "quiz-bad-id")
            return str(qid)
        if len(qid) > ID_MAX:
            self.fail(self.at("id"), f"question id has {len(qid)} characters; an LMS keeps at "
                      f"most {ID_MAX} (SCORM 1.2 CMIIdentifier, RTE 3.4.2.6.1): shorten it",
                      "quiz-bad-id")
        self.name = f"question '{qid}'"
        return qid

    def not_taken(self, kind: QuestionKind) -> None:
        """Report header options that other types take, but not this one."""
        for key in header_keys()[2:]:
            if key in self.options and key not in kind.header_keys:
                takers = [k.name for k in REGISTRY.values() if key in k.header_keys]
                self.fail(self.at(key), f"{self.name} has type '{kind.name}'; '{key}' is only "
                          f"for {' and '.join(takers)} questions", "quiz-option-not-allowed")

    def choice(self, kind: QuestionKind, options: list[_Option]) -> tuple[int, ...]:
        if len(options) < 2:
            found = "only one option" if options else "no options"
            self.fail(self.line, f"{self.name} has {found}; add at least two lines "
                      "'- [ ] option', with '- [x]' for the correct one", "quiz-empty")
            return ()
        correct = tuple(i for i, option in enumerate(options) if option.correct)
        if not correct:
            self.fail(self.line, f"{self.name} has no correct option; mark the correct one "
                      "with '- [x]'", "quiz-no-answer")
        else:
            kind.check_correct(correct, [o.line for o in options], self.name, self.fail)
        return correct

    def no_options(self, qtype: str, options: list[_Option]) -> None:
        if options:
            self.fail(options[0].line, f"{self.name} has type '{qtype}' and takes no options; "
                      "remove the '- [ ]' lines, or use 'type: single' or 'type: multiple'",
                      "quiz-unexpected-options")

    def split_body(self, body: Lines) -> tuple[str, list[_Option], str]:
        """Split the body into intro text, options and explanation text."""
        intro: list[str] = []
        explanation: list[str] = []
        options: list[_Option] = []
        for number, text in body:
            match = OPTION.match(text)
            feedback = FEEDBACK.match(text)
            if match:
                self.option(number, match, options, explanation)
            elif options and not explanation and feedback:
                options[-1].feedback.append(feedback.group(1).strip())
            elif options and not explanation and (not text.strip() or text[:1] in " \t"):
                self.continuation(options[-1], text)
            elif options and not explanation and BULLET.match(text):
                self.fail(number, f"{self.name}: option without '[ ]' or '[x]'; start every "
                          "option with '- [ ] ' or '- [x] '", "quiz-option-list")
            else:
                (explanation if options else intro).append(text)
        return _text(intro), options, _text(explanation)

    def option(self, number: int, match: re.Match[str], options: list[_Option],
               explanation: list[str]) -> None:
        if explanation:
            self.fail(number, f"{self.name}: option after the explanation text; keep all "
                      "options in one list (text after the list is the explanation)",
                      "quiz-option-list")
        text = (match.group(2) or "").strip()
        if not text:
            self.fail(number, f"{self.name}: option has no text; write it after the "
                      "'[ ]' or '[x]'", "quiz-empty")
        options.append(_Option(number, match.group(1) != " ", text, []))

    @staticmethod
    def continuation(option: _Option, text: str) -> None:
        if text.strip():
            if option.feedback:
                option.feedback[-1] += " " + text.strip()
            else:
                option.text += " " + text.strip()


def header_keys() -> tuple[str, ...]:
    """Return ``id``, ``type`` and every header option some question type takes."""
    return tuple(dict.fromkeys(("id", "type", *(key for kind in REGISTRY.values()
                                                 for key in kind.header_keys))))


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _text(lines: list[str]) -> str:
    return "\n".join(lines).strip("\n")
