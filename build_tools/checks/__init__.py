"""Content checks: each check has one code (:mod:`build_tools.codes`), one message, one test.

Checks read the course model only: the pages with their bodies, front matter and
questions, the files under the docs folder, and what Python-Markdown makes of
each page (:meth:`Course.source`); they never read a source file again and
never build the site. The checks of ``mkdocs.yml`` read that file, which is the
site's configuration, not a source. Each module here holds one family of
checks; ``CHECKS`` lists them all and ``run_checks`` runs them, collecting every
problem.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..course.model import Course
from ..diagnostics import Diagnostic
from .files import (
    check_empty_pages,
    check_language_folders,
    check_mkdocs_languages,
    check_mkdocs_yml,
    check_title_heading,
)
from .glossary import check_glossary
from .languages import check_fonts, check_search_rules, check_ui_catalogs
from .links import check_images, check_links, check_outside_docs, check_scripts
from .packaging import check_reserved_ids, check_suspend_data, check_titles
from .published import check_stray_pages
from .quiz import check_quiz_explanations, check_quiz_ids, check_quiz_parity
from .translations import (
    check_kind_parity,
    check_pass_mark_parity,
    check_section_count,
    check_source_hash,
    check_translation_layout,
)

Check = Callable[[Course], Iterator[Diagnostic]]

CHECKS: tuple[Check, ...] = (
    check_links,
    check_images,
    check_outside_docs,
    check_scripts,
    check_language_folders,
    check_empty_pages,
    check_title_heading,
    check_mkdocs_yml,
    check_mkdocs_languages,
    check_translation_layout,
    check_section_count,
    check_source_hash,
    check_kind_parity,
    check_pass_mark_parity,
    check_quiz_ids,
    check_quiz_parity,
    check_quiz_explanations,
    check_glossary,
    check_ui_catalogs,
    check_fonts,
    check_search_rules,
    check_titles,
    check_reserved_ids,
    check_suspend_data,
    check_stray_pages,
)
"""Every check, in the order they run."""


def run_checks(course: Course) -> list[Diagnostic]:
    """Run every check on ``course`` and return all problems found.

    What the checks learnt of each page is kept for the next run (:mod:`build_tools.build.kept`).
    """
    found = [diag for check in CHECKS for diag in check(course)]
    course.save_kept()
    return found
