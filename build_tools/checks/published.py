"""What MkDocs would publish without the course model knowing it.

MkDocs renders every Markdown file under the docs folder and every quiz block
the Blocks extension finds, wherever it is; the packages and the checks only
know the pages and questions of the model. Anything in between is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic, error, rel
from ..loader import iter_docs_files
from ..markdown_text import prose_lines
from ..model import Course
from ..quiz.parse import START
from .source import page_body

STRAY_MESSAGE = ("the file is not a page of the course, but MkDocs would publish it outside "
                 "the navigation and the packages; make it a numbered lesson of a module, or "
                 "move it out of the docs folder")
NESTED_QUIZ = re.compile(r"^(?:[ \t]*(?:>|[-*+]|[0-9]{1,9}[.)])(?=[ \t]|$))*[ \t]*/{3,} *quiz\b",
                         re.IGNORECASE)
"""A ``/// quiz`` header behind a quote marker, a list marker or indentation."""


def check_stray_pages(course: Course) -> Iterator[Diagnostic]:
    """Markdown files under a language folder that are no page of the course."""
    pages = {page.path for page in course.all_pages()}
    loose = sorted(p for p in course.docs_dir.glob("*.md") if p.is_file() or p.is_symlink())
    for path in loose:  # beside the language folders
        yield error(rel(path, course.root), 1, STRAY_MESSAGE, "stray-page")
    for lang in course.languages:
        folder = course.docs_dir / lang
        if not folder.is_dir():
            continue
        for path in iter_docs_files(folder):
            parts = path.relative_to(folder).parts
            if path.suffix != ".md" or path in pages or path.is_symlink():
                continue
            if len(parts) == 2 and parts[0] not in ("images", "assets"):
                continue  # beside the lessons: the loader names the expected file name
            # A file-wide problem: line 1 keeps the GCC form that editors and CI jump to.
            yield error(rel(path, course.root), 1, STRAY_MESSAGE, "stray-page")


def check_nested_quizzes(course: Course) -> Iterator[Diagnostic]:
    """Quiz blocks inside an admonition, a list item or a quote."""
    for page in course.all_pages():
        for number, line in prose_lines(*page_body(page)):
            if NESTED_QUIZ.match(line) and not START.match(line):
                yield error(rel(page.path, course.root), number, "a '/// quiz' block inside "
                            "an admonition, list item or quote would show on the site but "
                            "never reach the LMS; start the '///' line at the left margin",
                            "quiz-nested")
