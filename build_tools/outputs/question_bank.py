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

import contextlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..build.swap import scratch_dir
from ..course.model import Course, Module, Page
from ..diagnostics import Diagnostic, error, rel
from .base import OutputJob, OutputResult, Scope, WrittenFile
from .moodle_xml import BankQuestion, QuestionWriter, Texts, Unexpressible, category, multilang

KIND = "Moodle XML question bank"
QUIZ_OPEN, QUIZ_CLOSE = b"<quiz>", b"\n</quiz>"
BANK_START = b"<?xml version='1.0' encoding='UTF-8'?>\n" + QUIZ_OPEN
"""What every bank file starts with (lxml's XML declaration), before its parts."""
BANK_END = QUIZ_CLOSE + b"\n"
"""What every bank file ends with, after its parts."""
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

    The banks are written a module at a time: its questions in every language, then
    its part of each bank, which the course's banks take too. Nothing is written
    when a question cannot be expressed: the files are made in a scratch folder
    beside ``dist_dir`` and moved in once every question could be.
    """
    modules = [found for found in collect(course) if found.ids]
    if not modules:
        return [], []
    langs = (*course.languages, MULTILANG)
    writer = QuestionWriter(Texts(course.docs_dir))
    diagnostics: list[Diagnostic] = []
    names = [bank_name(course.id, scope, lang) for lang in langs
             for scope in (*(found.module.id for found in modules), "course")]
    with scratch_dir(".question-banks-", dist_dir.parent) as scratch:
        with contextlib.ExitStack() as files:
            whole = {lang: files.enter_context((scratch / bank_name(course.id, "course", lang))
                                               .open("wb")) for lang in langs}
            for handle in whole.values():
                handle.write(BANK_START)
            for found in modules:
                for lang, part in module_parts(course, found, writer, diagnostics).items():
                    (scratch / bank_name(course.id, found.module.id, lang)).write_bytes(
                        BANK_START + part + BANK_END)
                    whole[lang].write(part)
            for handle in whole.values():
                handle.write(BANK_END)
        if diagnostics:
            return [], diagnostics
        dist_dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            (scratch / name).replace(dist_dir / name)
    return [dist_dir / name for name in names], []


def module_parts(course: Course, found: ModuleQuestions, writer: QuestionWriter,
                 diagnostics: list[Diagnostic]) -> dict[str, bytes]:
    """Return the part of each language's banks (and the multilingual ones) ``found`` makes.

    A question that cannot be expressed is left out and reported in ``diagnostics``.
    """
    langs = (*course.languages, MULTILANG)
    elements: dict[tuple[str, str], etree._Element] = {}
    for qid in found.ids:
        for lang in langs:
            try:
                elements[qid, lang] = writer.write(versions_of(course, found, qid, lang))
            except Unexpressible as exc:
                problem = error(rel(exc.path, course.root), exc.line, str(exc), "question-bank")
                if problem not in diagnostics:
                    diagnostics.append(problem)
    writer.texts.forget()  # the next module's texts are others
    return {lang: bank_part(course, found, lang, [elements[qid, lang] for qid in found.ids
                                                  if (qid, lang) in elements])
            for lang in langs}


def versions_of(course: Course, found: ModuleQuestions, qid: str,
                lang: str) -> dict[str, BankQuestion]:
    """The question ``qid`` in ``lang``, or in every language for the multilingual bank."""
    versions = found.versions[qid]
    if lang != MULTILANG:
        return {lang: versions[lang]}
    return {code: versions[code] for code in course.languages if code in versions}


def bank_part(course: Course, found: ModuleQuestions, lang: str,
              questions: list[etree._Element]) -> bytes:
    """A module's part of a bank: its category (inside the course's), then its questions.

    The part is the bytes between :data:`BANK_START` and :data:`BANK_END`, indented
    as the children of ``<quiz>``: a bank is any number of parts between the two.
    """
    quiz = etree.Element("quiz")
    names = [_title(course.titles, course.id, course.languages, lang),
             _title({code: course.title_of(found.module.index, code)
                     for code in course.languages},
                    found.module.id, course.languages, lang)]
    quiz.append(category(names, f"{course.id}-{found.module.id}-{lang}"))
    quiz.extend(questions)
    etree.indent(quiz, space="  ")
    data: bytes = etree.tostring(quiz, encoding="UTF-8")  # no declaration for UTF-8
    return data[len(QUIZ_OPEN):-len(QUIZ_CLOSE)]


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
