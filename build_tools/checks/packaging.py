"""What the SCORM package writers would refuse, found in the sources with their lines.

The manifest schemas, the names the packages give their parts and the
``suspend_data`` limit all depend on the sources alone, so ``course check``
reports them where the author can fix them, before any build.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from scorm.languages import MULTILANG, default_first, multilingual_sco
from scorm.model import SUSPEND_LIMITS, Sco, Version
from scorm.suspend import worst_case

from ..course.model import Course, Lesson, Module
from ..course.tracking import module_sco
from ..diagnostics import Diagnostic, error, rel

RESERVED_IDS = {
    "course": "the whole course's packages are named '<course id>_course_<language>_...'",
    "assets": "the packages' shared theme files are the resource 'RES-assets'",
    "runtime": "the packages' tracking scripts are the resource 'RES-runtime'",
}
"""Module ids the packages already use for something else, and what."""
TITLE_MAX_12 = 200
"""SCORM 1.2 manifest titles: ``titleType`` of imscp_rootv1p1p2.xsd, at most 200 characters."""
MODULE_TITLE_JOIN = " — "
"""How a module package's title joins the course title and the module title."""


def check_titles(course: Course) -> Iterator[Diagnostic]:
    """Titles with control characters, or too long for a SCORM 1.2 manifest."""
    config = course.config
    for lang, title in sorted(course.titles.items()):
        yield from _characters(title, config.path.name, config.line(f"title.{lang}"))
    for page in course.all_pages():
        yield from _characters(page.title, rel(page.path, course.root),
                               page.line_of("title"))
    if "scorm12" not in config.outputs:
        return
    for lang in course.languages:
        title = course.titles.get(lang, course.id)
        if len(title) > TITLE_MAX_12:
            yield error(config.path.name, config.line(f"title.{lang}"), f"the course title in "
                        f"'{lang}' has {len(title)} characters; a SCORM 1.2 manifest holds at "
                        f"most {TITLE_MAX_12}: shorten it", "scorm-title")
            continue
        for module in course.modules:
            yield from _module_title(course, module, lang, title)


def _module_title(course: Course, module: Module, lang: str, course_title: str
                  ) -> Iterator[Diagnostic]:
    page = course.fallback_for(module.index, lang)
    if page is None or page.lang != lang:
        return
    full = len(course_title) + len(MODULE_TITLE_JOIN) + len(page.title)
    if full > TITLE_MAX_12:
        yield error(rel(page.path, course.root), page.line_of("title"),
                    f"the module package's title (the course title, '{MODULE_TITLE_JOIN}', "
                    f"this title) has {full} characters; a SCORM 1.2 manifest holds at most "
                    f"{TITLE_MAX_12}: shorten this title or the course title", "scorm-title")


def _characters(title: str, where: str, line: int | None) -> Iterator[Diagnostic]:
    bad = sorted({c for c in title if unicodedata.category(c) in ("Cc", "Cs", "Co", "Cn")})
    if bad:
        shown = ", ".join(f"U+{ord(c):04X}" for c in bad)
        yield error(where, line, f"the title holds control or unassigned characters "
                    f"({shown}), which web pages and SCORM manifests cannot carry; retype "
                    "the title", "title-characters")


def check_reserved_ids(course: Course) -> Iterator[Diagnostic]:
    """Module ids that name something else in the packages."""
    for module in course.modules:
        if module.id in RESERVED_IDS:
            for page in module.index.pages.values():
                yield error(rel(page.path, course.root), page.line_of("id"),
                            f"module id '{module.id}' is reserved: {RESERVED_IDS[module.id]}; "
                            "choose another id", "reserved-id")


def check_suspend_data(course: Course) -> Iterator[Diagnostic]:
    """Modules whose answers could outgrow what the LMS keeps in ``suspend_data``."""
    order = default_first(course.languages, course.default_language)
    for module in course.modules:
        scos = {lang: module_sco(course, module, lang, _source_href) for lang in order}
        every = multilingual_sco(scos, order, course.fallback)
        units = [(lang, sco, scorm_versions(course)) for lang, sco in scos.items()]
        units.append((order[0], every, scorm_versions(course, multilingual=True)))
        for lang, sco, versions in units:
            if sco is None:
                continue
            for version in versions:
                if problem := suspend_problem(course, sco, lang, version):
                    yield problem


def suspend_problem(course: Course, sco: Sco, lang: str, version: str) -> Diagnostic | None:
    """Return the error for a SCO whose worst ``suspend_data`` is over the version's limit."""
    limit = SUSPEND_LIMITS[version]
    worst = worst_case(sco)
    if worst <= limit:
        return None
    module = next(m for m in course.modules if m.id == sco.id)
    page = course.fallback_for(module.index, lang) or next(iter(module.index.pages.values()))
    return error(rel(page.path, course.root), page.line_of("id"),
                 f"module '{sco.id}' can need {worst} characters of suspend_data "
                 f"({len(sco.questions)} questions, {len(sco.pages)} pages), over the "
                 f"SCORM {version} limit of {limit}; split the module, use fewer text "
                 "questions, or build only SCORM 2004 with 'outputs: [site, scorm2004]' in "
                 "course.yml", "scorm-suspend")


def _source_href(lesson: Lesson) -> str:
    """Where a page is for the size proof: any path will do, the pages are not read."""
    return lesson.src_uri


def scorm_versions(course: Course, *, multilingual: bool = False) -> tuple[Version, ...]:
    """The SCORM versions ``outputs`` in ``course.yml`` builds (multilingual) packages for."""
    suffix = f"_{MULTILANG}" if multilingual else ""
    outputs: tuple[tuple[Version, str], ...] = (("1.2", "scorm12"), ("2004", "scorm2004"))
    return tuple(version for version, name in outputs
                 if name + suffix in course.config.outputs)
