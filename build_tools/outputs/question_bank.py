"""Moodle XML question banks in ``dist/``: each module's questions and the whole course's.

For every module with questions, and for the whole course, one file per language
(``<course>_<module id or "course">_<lang>_questions.xml``) and one multilingual
file (``..._multilang_questions.xml``) whose texts carry one multilang span per
language, so a single bank serves every language. Categories: one for the course,
one per module inside it (``$course$/top/<course title>/<module title>``); each
question keeps its id as ``idnumber`` and is tagged ``lesson-check`` or
``module-test``. A page missing in a language is taken from the fallback
language, as on the site. A question Moodle XML cannot hold is a build error at
the line of its ``/// quiz``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..course.model import Course, Module, Page
from ..diagnostics import Diagnostic, error, rel
from .base import OutputJob, OutputResult, Scope, WrittenFile
from .moodle_xml import BankQuestion, QuestionWriter, Texts, Unexpressible, category, multilang

KIND = "Moodle XML question bank"
QUESTION_PARSER = etree.XMLParser(strip_cdata=False, resolve_entities=False, huge_tree=True)
"""Reads a ``<question>`` back as it was written: its CDATA sections stay CDATA."""
Kept = tuple[bytes, tuple[int, ...]]
"""A ``<question>`` as text, and the places of its elements with empty text."""
MULTILANG = "multilang"
"""The language part of the multilingual files' names."""


@dataclass
class ModuleQuestions:
    """A module's questions: their ids in course order, and each one by language."""

    module: Module
    ids: list[str] = field(default_factory=list)
    versions: dict[str, dict[str, BankQuestion]] = field(default_factory=dict)


class QuestionBankOutput:
    """The Moodle XML question banks: the questions of the course model, no site needed."""

    name = "question_bank"
    scope: Scope = "course"

    def planned(self, course: Course) -> int:
        """Return 0: the banks are written after the language processes, uncounted."""
        return 0

    def write(self, job: OutputJob) -> OutputResult:
        """Write every bank into ``job.dist_dir``."""
        files, problems = write_question_banks(job.course, job.dist_dir)
        return OutputResult([WrittenFile(path, path.stat().st_size, KIND) for path in files],
                            problems)


OUTPUT = QuestionBankOutput()


def bank_name(course_id: str, scope: str, lang: str) -> str:
    """Return the file name of one bank (``lang`` is a language or ``multilang``)."""
    return f"{course_id}_{scope}_{lang}_questions.xml"


def write_question_banks(course: Course, dist_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Write every bank of ``course`` into ``dist_dir``; return the files and the problems.

    Nothing is written when a question cannot be expressed.
    """
    modules = [found for found in collect(course) if found.ids]
    writer = QuestionWriter(Texts(course.docs_dir))
    elements: dict[tuple[str, str], Kept] = {}
    diagnostics: list[Diagnostic] = []
    for found in modules:
        for qid in found.ids:
            for lang in (*course.languages, MULTILANG):
                try:
                    elements[qid, lang] = kept(writer.write(versions_of(course, found, qid,
                                                                    lang)))
                except Unexpressible as exc:
                    problem = error(rel(exc.path, course.root), exc.line, str(exc),
                                    "question-bank")
                    if problem not in diagnostics:
                        diagnostics.append(problem)
    if diagnostics or not modules:
        return [], diagnostics
    dist_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in (*course.languages, MULTILANG):
        for scope, parts in [(m.module.id, [m]) for m in modules] + [("course", modules)]:
            path = dist_dir / bank_name(course.id, scope, lang)
            path.write_bytes(bank_bytes(course, parts, lang, elements))
            written.append(path)
    return written, []


def versions_of(course: Course, found: ModuleQuestions, qid: str,
                lang: str) -> dict[str, BankQuestion]:
    """The question ``qid`` in ``lang``, or in every language for the multilingual bank."""
    versions = found.versions[qid]
    if lang != MULTILANG:
        return {lang: versions[lang]}
    return {code: versions[code] for code in course.languages if code in versions}


def kept(element: etree._Element) -> Kept:
    """Return a ``<question>`` as :func:`restored` reads it back.

    Every question of every language (with its images) is written before the
    first bank, so that none is written when one fails; as text they take a
    fifth of the memory of their trees. An element with empty text is written
    ``<text></text>``, which a parser reads as no text: their places are kept.
    """
    empty = tuple(index for index, node in enumerate(element.iter())
                  if node.text == "" and not len(node))
    return etree.tostring(element, encoding="UTF-8"), empty


def restored(question: Kept) -> etree._Element:
    """Return the ``<question>`` element :func:`kept` kept, as it was."""
    data, empty = question
    element = etree.fromstring(data, QUESTION_PARSER)
    nodes = list(element.iter()) if empty else []
    for index in empty:
        nodes[index].text = ""
    return element


def bank_bytes(course: Course, parts: list[ModuleQuestions], lang: str,
               elements: dict[tuple[str, str], Kept]) -> bytes:
    """One bank file: a category per module (inside the course's), then its questions."""
    quiz = etree.Element("quiz")
    for found in parts:
        names = [_title(course.titles, course.id, course.languages, lang),
                 _title({code: course.title_of(found.module.index, code)
                         for code in course.languages},
                        found.module.id, course.languages, lang)]
        quiz.append(category(names, f"{course.id}-{found.module.id}-{lang}"))
        for qid in found.ids:
            quiz.append(restored(elements[qid, lang]))
    etree.indent(quiz, space="  ")
    data: bytes = etree.tostring(quiz, xml_declaration=True, encoding="UTF-8")
    return data + b"\n"


def collect(course: Course) -> Iterator[ModuleQuestions]:
    """Yield every module's questions, from the course model."""
    for module in course.modules:
        found = ModuleQuestions(module)
        for lesson in (module.index, *module.lessons):
            for lang in course.languages:
                page = course.fallback_for(lesson, lang)
                if page is None:
                    continue
                for question in _bank_questions(page, lesson.kind == "test"):
                    if question.id not in found.versions:
                        found.ids.append(question.id)
                        found.versions[question.id] = {}
                    found.versions[question.id][lang] = question
        yield found


def _bank_questions(page: Page, is_test: bool) -> Iterator[BankQuestion]:
    for q in page.questions:
        yield BankQuestion(q.id, q.type, q.prompt, q.intro, q.options, q.correct, q.answer,
                           q.tolerance, q.feedback, q.explanation, page.path, q.line, is_test)


def _title(titles: Mapping[str, str], fallback: str, languages: tuple[str, ...],
           lang: str) -> str:
    """A category name in ``lang``, or as multilang spans for the multilingual bank."""
    if lang != MULTILANG:
        return titles.get(lang) or fallback
    return multilang({code: titles.get(code) or fallback for code in languages})
