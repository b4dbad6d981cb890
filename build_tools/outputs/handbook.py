"""Printed handbooks (A4 PDF) in ``dist/``: per language, one per module and one for the course.

Selected in ``course.yml`` with ``handbook`` in ``outputs``; ``handbook:
{editions: [trainee, trainer]}`` chooses the editions (both by default): the
trainer's edition adds the answer key. File names follow the packages':
``<course>_<module or 'course'>_<lang>_handbook.pdf`` and
``..._handbook_trainer.pdf``. A problem (an image the site lacks, a letter the
font cannot draw) is reported at the source line and no PDF of that language
is written. The same sources give byte-identical PDFs: the PDF dates come from
``SOURCE_DATE_EPOCH`` and are left out without it. A PDF whose inputs are
those of the last build is copied from the cache (``.cache/handbook`` in the
project, see :mod:`build_tools.handbook.cache`) instead of being laid out again;
when nothing a language's handbooks are made of changed
(:mod:`build_tools.handbook.inputs`), all of its PDFs are copied before any
page is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..course.model import Course
from ..diagnostics import Diagnostic, Severity, error, has_errors, rel, warning
from .base import OutputJob, OutputResult, Scope, WrittenFile

if TYPE_CHECKING:
    from ..handbook.book import BookWriter, Section
    from ..handbook.cache import BookCache
    from ..handbook.pages import Chapter
    from ..handbook.typeset import Problem

SUFFIX = {"trainee": "handbook", "trainer": "handbook_trainer"}
KIND = "handbook"


class HandbookOutput:
    """The printed handbooks of one language, laid out from its built site."""

    name = "handbook"
    scope: Scope = "language"

    def planned(self, course: Course) -> int:
        """Return one PDF per module and one for the course, per edition."""
        if not course.modules:
            return 0
        return (len(course.modules) + 1) * len(course.config.handbook_editions)

    def write(self, job: OutputJob) -> OutputResult:
        """Write the handbooks of ``job.lang`` into ``job.dist_dir``."""
        files, problems = write_handbooks(job.course, job.site_dir, job.dist_dir, job.lang)
        return OutputResult(files, problems)


OUTPUT = HandbookOutput()
CACHE_DIR = ".cache/handbook"
"""Where, in the project, the PDFs of the last build are kept to be reused."""


def handbook_name(course_id: str, scope: str, lang: str, edition: str) -> str:
    """Return the PDF's name: ``<course>_<module or 'course'>_<lang>_handbook[_trainer].pdf``."""
    return f"{course_id}_{scope}_{lang}_{SUFFIX[edition]}.pdf"


def write_handbooks(course: Course, site_dir: Path, dist_dir: Path, only: str | None = None,
                    *, cache_dir: Path | None = None
                    ) -> tuple[list[WrittenFile], list[Diagnostic]]:
    """Write the handbooks of ``course`` (of language ``only``, or all) from ``site_dir``.

    PDFs are kept in and reused from ``cache_dir`` (default: the project's
    ``.cache/handbook``).
    """
    if not course.config.handbook_editions or not course.modules:
        return [], []
    from ..handbook.cache import BookCache
    from ..handbook.typeset import Typesetter

    cache_dir = cache_dir or course.root / CACHE_DIR
    # Language processes start merging the fonts at different styles (see .handbook.fonts).
    first_font = course.languages.index(only) if only in course.languages else 0
    typesetter = Typesetter(site_dir, cache_dir / "fonts", first_font)
    reports: list[WrittenFile] = []
    diagnostics: list[Diagnostic] = []
    dist_dir.mkdir(parents=True, exist_ok=True)
    for lang in [only] if only else course.languages:
        cache = BookCache(typesetter, cache_dir / lang)
        written, problems = _Language(course, lang, cache, dist_dir).write(site_dir)
        reports += written
        diagnostics += problems
    return reports, diagnostics


class _Language:
    """The handbooks of one language."""

    def __init__(self, course: Course, lang: str, cache: BookCache, dist_dir: Path) -> None:
        self.course = course
        self.lang = lang
        self.cache = cache
        self.dist_dir = dist_dir
        self.diagnostics: list[Diagnostic] = []

    def write(self, site_dir: Path) -> tuple[list[WrittenFile], list[Diagnostic]]:
        from ..handbook.inputs import inputs_digest

        inputs = inputs_digest(self.course, self.lang, site_dir)
        kept = self.cache.kept_build(inputs)
        if kept is not None:  # the same inputs as the last build: its PDFs
            pdfs, problems = kept
            try:
                told = [_diagnostic(fields) for fields in problems]
            except (ValueError, TypeError):  # a record not written by this code: make them
                return self.remade(site_dir, inputs)
            for name, data in pdfs:
                (self.dist_dir / name).write_bytes(data)
            self.cache.prune()
            return [WrittenFile(self.dist_dir / name, len(data), KIND) for name, data in pdfs], told
        return self.remade(site_dir, inputs)

    def remade(self, site_dir: Path, inputs: str) -> tuple[list[WrittenFile], list[Diagnostic]]:
        """Make the handbooks; record the build under ``inputs`` when it succeeds."""
        reports, diagnostics = self.make(site_dir)
        if not has_errors(diagnostics):
            self.cache.keep_build(inputs, [_fields(d) for d in diagnostics])
            self.cache.prune()
        return reports, diagnostics

    def make(self, site_dir: Path) -> tuple[list[WrittenFile], list[Diagnostic]]:
        """Write the Typst document of every handbook; write each PDF (or copy it)."""
        from ..handbook.book import BookWriter
        from ..handbook.pages import ChapterReader

        reader = ChapterReader(self.course, site_dir, self.lang)
        writer = BookWriter(self.course, self.lang, reader)
        sections = [writer.section(module, number)
                    for number, module in enumerate(self.course.modules, start=1)]
        home = reader.read(self.course.home, {}, writer.questions.worksheet)
        chapters = [c for s in sections for c in s.chapters] + ([home] if home else [])
        self.diagnostics += reader.diagnostics
        self.check_letters(chapters)
        if has_errors(self.diagnostics):
            return [], self.diagnostics
        editions = self.course.config.handbook_editions
        keys = [writer.key(section) if "trainer" in editions else None for section in sections]
        reports = []
        for edition in editions:
            reports += self.edition(writer, sections, keys, home, edition)
        return reports, list(dict.fromkeys(self.diagnostics))

    def edition(self, writer: BookWriter, sections: list[Section], keys: list[str | None],
                home: Chapter | None, edition: str) -> list[WrittenFile]:
        trainer = edition == "trainer"
        reports = [self.pdf(section.module.id, edition, self.source(section),
                            writer.module_pdf(section, trainer, key), section.chapters)
                   for section, key in zip(sections, keys, strict=True)]
        index = f"{rel(self.course.docs_dir, self.course.root)}/{self.lang}/" \
                f"{self.course.home.src_uri}"
        chapters = [c for s in sections for c in s.chapters] + ([home] if home else [])
        reports.append(self.pdf("course", edition, index,
                                writer.course_pdf(sections, keys, home, trainer), chapters))
        return [report for report in reports if report is not None]

    def pdf(self, scope: str, edition: str, source: str, document: str,
            chapters: list[Chapter]) -> WrittenFile | None:
        """Write one PDF; ``None`` when Typst could not make it (an error says why)."""
        name = handbook_name(self.course.id, scope, self.lang, edition)
        images = [image for chapter in chapters for image, _ in chapter.images]
        size, problems = self.cache.write(document, self.dist_dir / name, images)
        self.rendered(source, problems)
        return WrittenFile(self.dist_dir / name, size, KIND) if size else None

    def source(self, section: Section) -> str:
        """Return the module index's source path, where a module's layout problems are told."""
        return f"{rel(self.course.docs_dir, self.course.root)}/{self.lang}/" \
               f"{section.module.index.src_uri}"

    def rendered(self, path: str, problems: list[Problem]) -> None:
        """Turn what Typst reported while typesetting into diagnostics at ``path``."""
        for is_error, message in dict.fromkeys(problems):
            make = error if is_error else warning
            self.diagnostics.append(make(path, None, f"the handbook's layout: {message}",
                                         "handbook-render"))

    def check_letters(self, chapters: list[Chapter]) -> None:
        """Report every letter the handbook's font cannot draw, at its source line."""
        from ..handbook.fonts import FAMILY, missing_letters
        from ..handbook.pages import source_line

        def report(path: Path, text: str) -> None:
            for char in missing_letters(text):
                self.diagnostics.append(error(
                    rel(path, self.course.root), source_line(path, char), f"the handbook's "
                    f"font ({FAMILY}) has no letter '{char}' (U+{ord(char):04X}); write the "
                    "text with letters of the course's languages, or add a font that has it "
                    "to build_tools/theme/assets/fonts", "handbook-font"))

        seen: set[Path] = set()
        for chapter in chapters:
            quiz_text = " ".join(" ".join((q.prompt, *q.options, *q.answer, *q.feedback,
                                           q.intro, q.explanation)) for q in chapter.quizzes)
            report(chapter.page.path, chapter.element.text_content() + quiz_text)
            for _, source in chapter.images:
                if source.suffix == ".svg" and source not in seen and source.is_file():
                    seen.add(source)
                    report(source, _svg_text(source))


def _fields(diagnostic: Diagnostic) -> list[object]:
    """Return a diagnostic as JSON values, in the order :class:`Diagnostic` takes them."""
    return [diagnostic.path, diagnostic.line, diagnostic.severity.value, diagnostic.message,
            diagnostic.code, diagnostic.col]


def _diagnostic(fields: list[Any]) -> Diagnostic:
    """Return the diagnostic :func:`_fields` wrote."""
    path, line, severity, message, code, col = fields
    return Diagnostic(str(path), line, Severity(severity), str(message), str(code), col)


def _svg_text(path: Path) -> str:
    """Return the text an SVG image draws."""
    try:
        return " ".join(etree.parse(str(path), etree.XMLParser(resolve_entities=False,
                                                               no_network=True)).getroot()
                        .itertext())
    except etree.XMLSyntaxError:
        return ""
