"""Build the site and the outputs of every language, one process per language.

First each process builds one language of the site: the default language's
straight into the staged site (the site root and the shared assets), each
other one beside it, and its language folder is moved in. Then the outputs
(:mod:`build_tools.outputs`) run: each language's in a process of its own
again, and meanwhile, here, those that combine languages, which so no longer
wait for the last language's files. With one core,
or ``COURSE_JOBS=1``, everything runs here in turn; the output is the same
byte for byte. The language processes are sent the course model without the
pages' Markdown text, which only the checks (here) read.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..course.model import Course
from ..outputs import OutputResult, planned_files, selected, write_outputs
from ..site.runner import SiteRun, run_mkdocs
from .parallel import available_jobs, run_jobs, start_method
from .progress import Progress, SentProgress, counting
from .swap import scratch_dir
from .timings import Timings


def build_languages(course: Course, site_dir: Path, dist_dir: Path, progress: Progress,
                    meanwhile: Callable[[], None] | None = None,
                    timings: Timings | None = None) -> OutputResult:
    """Build the site into ``site_dir`` and the selected outputs into ``dist_dir``.

    ``meanwhile`` (the content checks) runs while the language processes work,
    or first when there are none; if it raises, its exception is raised. Each
    stage's time is recorded in ``timings``.
    """
    timings = timings or Timings()
    if len(course.languages) == 1 or available_jobs() == 1:
        if meanwhile:
            meanwhile()
        with timings.stage("pages"):
            run_mkdocs(SiteRun(course, site_dir, progress=progress, timings=timings))
        return write_outputs(course, site_dir, dist_dir, timings=timings)
    others = [lang for lang in course.languages if lang != course.default_language]
    sent = course.without_bodies()  # each process unpickles its own copy
    with _progress(progress, course) as channel:
        with contextlib.ExitStack() as stack:
            scratch = {lang: stack.enter_context(scratch_dir(f".site-{lang}-", site_dir.parent))
                       for lang in others}
            jobs = [(sent, lang, scratch.get(lang, site_dir), channel, timings.child(),
                     time.time()) for lang in course.languages]
            for timed in run_jobs(_build_language, jobs, meanwhile):
                timings.merge(timed)
            for lang, folder in scratch.items():
                (folder / lang).rename(site_dir / lang)
        combined: list[OutputResult] = []

        def course_outputs() -> None:  # here, while the language processes write theirs
            combined.append(write_outputs(course, site_dir, dist_dir, timings=timings,
                                          outputs=selected(course, "course")))

        done = run_jobs(_write_outputs, [(sent, lang, site_dir, dist_dir, channel,
                                          timings.child()) for lang in course.languages],
                        course_outputs)
    for _, timed in done:
        timings.merge(timed)
    return OutputResult.merged([*(result for result, _ in done), *combined])


def _build_language(course: Course, lang: str, site_dir: Path, channel: Any,
                    timings: Timings, submitted: float) -> Timings:
    """Build one language's site (in a process of its own); return the stages' times.

    Each page rendered is sent on ``channel`` (when the build shows its
    progress). The times count from ``submitted``, when the job was handed to
    a process.
    """
    timings.add("process start", lang, submitted, time.time())
    progress = SentProgress(channel) if channel is not None else Progress(enabled=False)
    with timings.stage("pages", lang):
        run_mkdocs(SiteRun(course, site_dir, lang=lang, progress=progress, timings=timings))
    return timings


def _write_outputs(course: Course, lang: str, site_dir: Path, dist_dir: Path,
                   channel: Any, timings: Timings) -> tuple[OutputResult, Timings]:
    """Write the outputs of ``lang`` (in a process of its own).

    Each file written is sent on ``channel``; returns the result and the stages' times.
    """
    progress = SentProgress(channel) if channel is not None else Progress(enabled=False)
    result = write_outputs(course, site_dir, dist_dir, lang=lang, progress=progress,
                           timings=timings)
    return result, timings


@contextlib.contextmanager
def _progress(progress: Progress, course: Course) -> Iterator[Any]:
    """Show the pages and files the language processes report; yield their channel."""
    if not progress.enabled:
        yield None
        return
    per_language = 1 + sum(1 + len(m.lessons) for m in course.modules)
    progress.start(f"pages and outputs {' '.join(course.languages)}",
                   per_language * len(course.languages) + planned_files(course))
    with multiprocessing.get_context(start_method()).Manager() as manager:
        channel = manager.Queue()
        try:
            with counting(progress, channel):
                yield channel
        finally:
            progress.finish()
