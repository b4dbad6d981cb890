"""Offline progress on the site: what the page script needs, from the course model.

Every course page carries these facts as JSON (``partials/progress.html``) for
``assets/javascripts/course-progress.js``, which keeps the pages a trainee has
read in the browser's localStorage and reads the answers and test results the
knowledge checks keep there (``build_tools/questions/assets/quiz-store.js``). Ids are the
course model's, the same in every language, so progress follows the trainee
from one language to another; URLs are relative to the page, so that they
work from ``file://``. The panel and the script are theme chrome
(``data-course-chrome="progress"``): packages drop them, handbooks never take them.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..course.model import Course, Lesson, Module

SCRIPT_URI = "assets/javascripts/course-progress.js"

STRINGS = {
    "read": "read",
    "notStarted": "Not started",
    "inProgress": "In progress",
    "allRead": "All pages read",
    "pagesRead": "Pages read: {n} of {m}",
    "passed": "Test passed: {score}%",
    "notPassed": "Test not passed: {score}% (pass mark {percent}%)",
    "continue": "Continue where you left off: {title}",
    "cleared": "Your progress on this device was cleared.",
}
"""The script's strings by name: msgids of the ``site`` catalog, ``{…}`` filled in by the script."""


def progress_context(course: Course, lang: str, src_uri: str,
                     t: Callable[..., str], folders: dict[str, Any] | None = None
                     ) -> dict[str, Any]:
    """Return the ``course_progress`` template variable for page ``src_uri`` in ``lang``.

    ``src_uri`` is docs-relative without the language folder (``01-a/index.md``);
    ``t`` translates into the language of the page's interface. ``folders``
    keeps the modules' facts of the last folder, for the other pages of the
    language in that folder (the facts are the same; only the URLs differ by
    folder).
    """
    here = posixpath.dirname(_html(src_uri))
    page_id, module = _place(course, src_uri)
    is_home = src_uri == course.home.src_uri
    is_overview = module is not None and module.index.src_uri == src_uri
    shown = course.modules if is_home else (module,) if module and is_overview else ()
    folders = {} if folders is None else folders
    if here not in folders:  # only the last folder: its pages come one after the other
        folders.clear()
        folders[here] = [_module(course, lang, m, here) for m in course.modules]
    return {
        "json": script_json({
            "course": course.id,
            "page": page_id,
            "modules": folders[here],
            "strings": {name: t(msgid) for name, msgid in STRINGS.items()},
        }),
        "home": is_home,
        "modules": [{"id": m.id, "title": course.title_of(m.index, lang),
                     "url": _relative(m.index.src_uri, here)} for m in shown],
    }


def script_json(data: object) -> Markup:
    """Return ``data`` as the text of a ``<script type="application/json">`` element.

    ``<`` is escaped, so that no title can end the element; letters stay UTF-8
    (``\\uXXXX`` would triple the size of a Kazakh or Russian title).
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c"))


def _place(course: Course, src_uri: str) -> tuple[str, Module | None]:
    """Return the id of the page at ``src_uri`` and its module (``""``, None: not a lesson)."""
    for module in course.modules:
        for lesson in _pages(module):
            if lesson.src_uri == src_uri:
                return lesson.id, module
    return "", None


def _pages(module: Module) -> tuple[Lesson, ...]:
    """The module's pages in reading order: the overview, then its lessons and test."""
    return (module.index, *module.lessons)


def _module(course: Course, lang: str, module: Module, here: str) -> dict[str, Any]:
    test = module.test
    return {
        "id": module.id,
        "url": _relative(module.index.src_uri, here),
        "pages": [{"id": lesson.id, "url": _relative(lesson.src_uri, here),
                   "title": course.title_of(lesson, lang)} for lesson in _pages(module)],
        "test": test.id if test else None,
        "passMark": module.pass_mark,
    }


def _html(src_uri: str) -> str:
    return posixpath.splitext(src_uri)[0] + ".html"


def _relative(src_uri: str, here: str) -> str:
    """Return the URL of page ``src_uri`` relative to the folder ``here`` (same language).

    What ``posixpath.relpath`` returns for these clean relative paths, without
    its look at the working folder.
    """
    target = _html(src_uri).split("/")
    base = here.split("/") if here else []
    common = 0
    while common < min(len(target) - 1, len(base)) and target[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])
