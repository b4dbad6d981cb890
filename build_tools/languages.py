"""Build the site, the packages and the handbooks of every language, one process per language.

Each process builds one language of the site, then that language's packages
and handbooks from it, so the cores stay busy from the first page to the last zip. The
default language's process builds straight into the staged site (the site root
and the shared assets); each other one builds beside it, and its language
folder is moved in. With one core, or ``COURSE_JOBS=1``, everything runs here
in turn; the output is the same byte for byte.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .diagnostics import Diagnostic
from .loader import remember_course
from .mkdocs_run import run_mkdocs
from .model import Course
from .outputs.handbook import write_handbooks
from .packages import PackageReport, expected_packages, write_packages
from .parallel import available_jobs, run_jobs
from .progress import Progress
from .site import only

Outputs = tuple[list[PackageReport], list[Diagnostic]]


def build_languages(course: Course, site_dir: Path, dist_dir: Path, progress: Progress,
                    meanwhile: Callable[[], None] | None = None) -> Outputs:
    """Build the site into ``site_dir`` and the packages and handbooks into ``dist_dir``.

    ``meanwhile`` (the content checks) runs while the language processes work,
    or first when there are none; if it raises, its exception is raised.
    """
    if len(course.languages) == 1 or available_jobs() == 1:
        if meanwhile:
            meanwhile()
        run_mkdocs(course.root, site_dir)
        results = [_outputs(course, site_dir, dist_dir, lang) for lang in course.languages]
        return _merged(results)
    others = [lang for lang in course.languages if lang != course.default_language]
    scratch = {lang: Path(tempfile.mkdtemp(prefix=f".site-{lang}-", dir=site_dir.parent))
               for lang in others}
    try:
        jobs = [(course, lang, scratch.get(lang, site_dir), dist_dir)
                for lang in course.languages]
        with _progress(progress, course, site_dir, scratch, dist_dir):
            results = run_jobs(_build_language, jobs, meanwhile)
        for lang, folder in scratch.items():
            (folder / lang).rename(site_dir / lang)
    finally:
        for folder in scratch.values():
            shutil.rmtree(folder, ignore_errors=True)
    return _merged(results)


def _build_language(course: Course, lang: str, site_dir: Path, dist_dir: Path) -> Outputs:
    """Build one language's site and packages (in a process of its own)."""
    remember_course(course)
    only.restrict_to(lang)
    try:
        run_mkdocs(course.root, site_dir)
    finally:
        only.restrict_to(None)
    return _outputs(course, site_dir, dist_dir, lang)


def _outputs(course: Course, site_dir: Path, dist_dir: Path, lang: str) -> Outputs:
    """Write one language's packages, then its handbooks, from its built site."""
    packages, problems = write_packages(course, site_dir, dist_dir, lang)
    handbooks, more = write_handbooks(course, site_dir, dist_dir, lang)
    return packages + handbooks, problems + more


def _merged(results: list[Outputs]) -> Outputs:
    reports = [report for found, _ in results for report in found]
    problems = list(dict.fromkeys(d for _, found in results for d in found))
    return reports, problems


@contextlib.contextmanager
def _progress(progress: Progress, course: Course, site_dir: Path, scratch: dict[str, Path],
              dist_dir: Path) -> Iterator[None]:
    """Show the pages and packages the language processes have written, counted on disk."""
    if not progress.enabled:
        yield
        return
    per_language = 1 + sum(1 + len(m.lessons) for m in course.modules)
    folders = {course.default_language: site_dir,
               **{lang: folder / lang for lang, folder in scratch.items()}}
    progress.start(f"pages and packages {' '.join(course.languages)}",
                   per_language * len(folders) + expected_packages(course))

    def count() -> int:
        written = 0
        for lang, folder in folders.items():
            pages = [p for p in folder.rglob("*.html") if p.name != "404.html"]
            if lang == course.default_language:  # the other languages' folders are beside
                pages = [p for p in pages if p.relative_to(folder).parts[0] not in folders]
            written += min(len(pages), per_language)
        return written + len(list(dist_dir.glob("*.zip")))

    stop = threading.Event()

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
