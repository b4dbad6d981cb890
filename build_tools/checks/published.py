"""What MkDocs would publish without the course model knowing it.

MkDocs renders every Markdown file under the docs folder; the packages and the
checks only know the pages of the model. Anything in between is reported. (A
quiz block the model cannot know, nested in another block, is reported by the
quiz parser, :mod:`build_tools.questions.parse`.)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..course.model import Course
from ..diagnostics import Diagnostic, error, rel

STRAY_MESSAGE = ("the file is not a page of the course, but MkDocs would publish it outside "
                 "the navigation and the packages; make it a numbered lesson of a module, or "
                 "move it out of the docs folder")


def check_stray_pages(course: Course) -> Iterator[Diagnostic]:
    """Markdown files under a language folder that are no page of the course."""
    pages = {page.path for page in course.all_pages()}
    for path, target in course.files.items():
        parts = path.relative_to(course.docs_dir).parts
        if path.suffix != ".md" or path in pages or target is not None and len(parts) > 1:
            continue
        if len(parts) > 1 and parts[0] not in course.languages:
            continue  # not in a language folder: the language checks report the folder
        if len(parts) == 3 and parts[1] not in ("images", "assets"):
            continue  # beside the lessons: the loader names the expected file name
        # A file-wide problem: line 1 keeps the GCC form that editors and CI jump to.
        yield error(rel(path, course.root), 1, STRAY_MESSAGE, "stray-page")

