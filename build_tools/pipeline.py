"""The build pipeline: check the sources, build the site, write the packages.

Each step collects diagnostics; the pipeline fails once, with all of them.
Outputs are built in temporary folders and swapped in only on success.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .checks import run_checks
from .checks.files import config_line
from .diagnostics import BuildFailed, Diagnostic, apply_severities, error, has_errors
from .loader import load_course
from .model import Course
from .packages import PackageReport, write_packages
from .parallel import available_jobs, run_jobs
from .progress import Progress, use
from .site import only
from .swap import staged_dir

MKDOCS_CONFIG = "mkdocs.yml"
ABORTED = "Aborted with a configuration error!"
"""MkDocs' closing line after its own messages; it adds nothing to them."""


@dataclass
class BuildResult:
    """What a build produced and the warnings it printed."""

    course: Course
    site_dir: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    packages: list[PackageReport] = field(default_factory=list)
    """The SCORM zips written to ``dist/``."""


def check_course(root: Path, *, strict: bool = False) -> tuple[Course | None, list[Diagnostic]]:
    """Load the course and run every content check; return it with all problems found."""
    course, diagnostics = load_course(root)
    if course is not None:
        diagnostics += run_checks(course)
        diagnostics = apply_severities(diagnostics, course.config.severities, strict=strict)
    else:
        diagnostics = apply_severities(diagnostics, {}, strict=strict)
    return course, diagnostics


def require_course(root: Path, *, strict: bool = False) -> tuple[Course, list[Diagnostic]]:
    """Like :func:`check_course`, but raise :class:`BuildFailed` on any error."""
    course, diagnostics = check_course(root, strict=strict)
    if course is None or has_errors(diagnostics):
        raise BuildFailed(diagnostics, "the sources have errors; nothing was built")
    return course, diagnostics


def build_site(
    root: Path, *, strict: bool = False, progress: Progress | None = None
) -> BuildResult:
    """Check the sources, then build the site and the packages.

    Both are built in temporary folders; ``dist/`` and then ``site/`` are
    swapped in only when everything succeeded.
    """
    course, diagnostics = require_course(root, strict=strict)
    progress = progress or Progress(enabled=False)
    use(progress)
    site_dir = root / course.config.site_dir
    with staged_dir(site_dir) as staged:
        build_languages(course, staged, progress)
        packages, problems = build_packages(course, staged, strict=strict, progress=progress)
    return BuildResult(course, site_dir, diagnostics + problems, packages)


def build_languages(course: Course, site_dir: Path, progress: Progress) -> None:
    """Build every language of the site into ``site_dir``, one process per language.

    The default language's process builds straight into ``site_dir`` (the site
    root and the shared assets); each other language is built beside it and
    its folder moved in.
    """
    if len(course.languages) == 1 or available_jobs() == 1:
        run_mkdocs(course.root, site_dir)
        return
    others = [lang for lang in course.languages if lang != course.default_language]
    scratch = {lang: Path(tempfile.mkdtemp(prefix=f".site-{lang}-", dir=site_dir.parent))
               for lang in others}
    outputs = {course.default_language: site_dir,
               **{lang: folder / lang for lang, folder in scratch.items()}}
    try:
        jobs = [(course.root, lang, scratch.get(lang, site_dir)) for lang in course.languages]
        with _pages_written(progress, course, outputs):
            run_jobs(_build_one_language, jobs)
        for lang, folder in scratch.items():
            (folder / lang).rename(site_dir / lang)
    finally:
        for folder in scratch.values():
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def _pages_written(progress: Progress, course: Course, outputs: dict[str, Path]
                   ) -> Iterator[None]:
    """Show the pages written so far by the language processes, counted on disk."""
    if not progress.enabled:
        yield
        return
    per_language = 1 + sum(1 + len(m.lessons) for m in course.modules)
    total = per_language * len(outputs)
    progress.start(f"pages {' '.join(outputs)}", total)
    stop = threading.Event()

    def count() -> int:
        written = 0
        for lang, folder in outputs.items():
            pages = [p for p in folder.rglob("*.html") if p.name != "404.html"]
            if lang == course.default_language:  # the other languages' folders are beside
                pages = [p for p in pages if p.relative_to(folder).parts[0] not in outputs]
            written += min(len(pages), per_language)
        return written

    def watch() -> None:
        while not stop.wait(0.2):
            progress.update(count())

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
        progress.update(count())
    finally:
        stop.set()
        watcher.join()
        progress.finish()


def _build_one_language(root: Path, lang: str, site_dir: Path) -> None:
    """Build one language of the site (runs in a process of its own)."""
    only.restrict_to(lang)
    try:
        run_mkdocs(root, site_dir)
    finally:
        only.restrict_to(None)


def build_packages(
    course: Course, site_dir: Path, *, strict: bool = False, progress: Progress | None = None
) -> tuple[list[PackageReport], list[Diagnostic]]:
    """Write the SCORM packages into ``dist/``, replacing it only when all of them are good.

    Returns the packages written and the warnings about them.

    Raises:
        BuildFailed: a package could not be built (its diagnostics say why).
    """
    progress = progress or Progress(enabled=False)
    progress.start(f"packages {' '.join(course.languages)}", len(course.languages))
    with staged_dir(course.root / course.config.dist_dir) as staged:
        jobs = [(course, site_dir, staged, lang) for lang in course.languages]
        results = run_jobs(write_packages, jobs, on_done=progress.advance)
        progress.finish()
        reports = [report for found, _ in results for report in found]
        problems = list(dict.fromkeys(d for _, found in results for d in found))
        problems = apply_severities(problems, course.config.severities, strict=strict)
        if has_errors(problems):
            raise BuildFailed(problems, "the SCORM packages have errors; dist/ was not changed")
    dist = course.root / course.config.dist_dir
    return [PackageReport(dist / r.path.name, r.size, r.images) for r in reports], problems


def run_mkdocs(root: Path, site_dir: Path, *, dirty: bool = False) -> None:
    """Run a MkDocs build of ``root/mkdocs.yml`` into ``site_dir``.

    With ``dirty``, only pages whose source is newer than their output are
    rendered again (what ``course serve`` does after a save).

    Raises:
        BuildFailed: MkDocs rejected the configuration or aborted the build.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = root / MKDOCS_CONFIG
    if not config_file.is_file():
        raise BuildFailed([error(MKDOCS_CONFIG, None, f"'{MKDOCS_CONFIG}' is missing; the "
                                 "site needs it", "config")])
    with mkdocs_log() as captured, _dirty_flag(dirty):
        try:
            config = load_config(str(config_file), site_dir=str(site_dir))
            build(config, dirty=dirty)
        except Exception as exc:  # YAML errors and plugin crashes surface here too
            raise BuildFailed(mkdocs_failure(root, exc, captured)) from exc


def mkdocs_failure(root: Path, exc: Exception, captured: list[str]) -> list[Diagnostic]:
    """Turn a failed MkDocs run (and the errors it logged) into diagnostics."""
    from mkdocs.exceptions import MkDocsException

    if isinstance(exc, MkDocsException):
        messages = [_one_line(m) for m in captured + [str(exc)] if m and m != ABORTED]
        return [error(MKDOCS_CONFIG, config_line(root / MKDOCS_CONFIG, m), m, "mkdocs")
                for m in messages]
    line = getattr(getattr(exc, "problem_mark", None), "line", None)
    return [error(MKDOCS_CONFIG, line + 1 if line is not None else None,
                  _one_line(f"{type(exc).__name__}: {exc}"), "mkdocs")]


def _one_line(message: str) -> str:
    """Join a multi-line message so that each diagnostic stays one line."""
    return "; ".join(part.strip() for part in message.splitlines() if part.strip())


@contextlib.contextmanager
def _dirty_flag(dirty: bool) -> Iterator[None]:
    """Let mkdocs-static-i18n see a dirty build: it reads ``--dirty`` from ``sys.argv``.

    Without this its builds of the other languages re-render every page.
    """
    if not dirty or "--dirty" in sys.argv:
        yield
        return
    sys.argv.append("--dirty")
    try:
        yield
    finally:
        sys.argv.remove("--dirty")


class _Capture(logging.Handler):
    """Keeps MkDocs' warnings and errors so they end up in the one report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class mkdocs_log:  # noqa: N801 - used as a context manager
    """Collects MkDocs' warnings and errors instead of printing them."""

    def __enter__(self) -> list[str]:
        self.logger = logging.getLogger("mkdocs")
        self.handler = _Capture()
        self.saved = (self.logger.level, self.logger.propagate)
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.WARNING)
        self.logger.propagate = False
        return self.handler.messages

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]
