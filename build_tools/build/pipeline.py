"""The build pipeline: check the sources, build the site, write the outputs.

Each step collects diagnostics; the pipeline fails once, with all of them.
Outputs are built in temporary folders and swapped in only on success.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..checks import run_checks
from ..course.loader import load_course
from ..course.model import Course
from ..diagnostics import BuildFailed, Diagnostic, apply_severities, error, has_errors
from ..outputs import SITE, WrittenFile
from .languages import build_languages
from .output_dirs import unwritable
from .parallel import prime
from .progress import Progress
from .swap import scratch_dir, staged_dir, staged_dirs
from .timings import Timings

NOTHING_BUILT = "the sources have errors; nothing was built"


@dataclass
class BuildResult:
    """What a build produced and the warnings it printed."""

    course: Course
    site_dir: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[WrittenFile] = field(default_factory=list)
    """The files the outputs wrote to ``dist/``."""


def output_problems(root: Path, *folders: str) -> list[Diagnostic]:
    """Output folders that cannot be replaced (read-only, immutable, a dangling link).

    These are never lowered by a severity setting: the build checks them before
    it writes anything.
    """
    found = []
    for value in folders:
        problem = unwritable(root, value)
        if problem:
            found.append(error(value, None, problem, "output"))
    return found


def check_course(root: Path, *, strict: bool = False) -> tuple[Course | None, list[Diagnostic]]:
    """Load the course and run every content check; return it with all problems found."""
    course, diagnostics = load_course(root)
    if course is not None:
        diagnostics += run_checks(course) + output_problems(
            root, course.config.site_dir, course.config.dist_dir)
        diagnostics = apply_severities(diagnostics, course.config.severities, strict=strict)
    else:
        diagnostics = apply_severities(diagnostics, {}, strict=strict)
    return course, diagnostics


def build_site(
    root: Path, *, strict: bool = False, progress: Progress | None = None,
    timings: Timings | None = None,
) -> BuildResult:
    """Check the sources, then build the site and the outputs ``course.yml`` selects.

    The content checks run while the language processes start building; the
    build fails with the checks' diagnostics if they find an error. Site and
    outputs are built in temporary folders; ``dist/`` and then ``site/`` (when
    the ``site`` output is selected) are swapped in only when everything
    succeeded. With ``timings``, each stage's time is recorded there.
    """
    timings = timings or Timings()
    prime()  # the language processes' imports run while the course is read
    with timings.stage("read"):
        course, loaded = load_course(root)
    if course is None:
        raise BuildFailed(apply_severities(loaded, {}, strict=strict), NOTHING_BUILT)
    severities = course.config.severities
    diagnostics = apply_severities(loaded, severities, strict=strict)

    def check() -> None:
        with timings.stage("check"):
            found = apply_severities(loaded + run_checks(course), severities, strict=strict)
        diagnostics[:] = found
        if has_errors(found):
            raise BuildFailed(found, NOTHING_BUILT)

    if has_errors(diagnostics):  # nothing worth starting: report every problem now
        check()

    blocked = output_problems(root, course.config.site_dir, course.config.dist_dir)
    if blocked:
        raise BuildFailed(apply_severities(loaded + blocked, {}, strict=strict),
                          "the output folders cannot be replaced; nothing was written")
    progress = progress or Progress(enabled=False)
    site_dir = root / course.config.site_dir
    dist_dir = root / course.config.dist_dir
    with contextlib.ExitStack() as stack:
        if SITE.name in course.config.outputs:  # site/ and dist/ are swapped in together
            staged_site, staged_dist = stack.enter_context(staged_dirs(site_dir, dist_dir))
        else:
            staged_site = stack.enter_context(  # a site not published
                scratch_dir(f".{site_dir.name}-build-", site_dir.parent))
            staged_dist = stack.enter_context(staged_dir(dist_dir))
        result = build_languages(course, staged_site, staged_dist, progress, check, timings)
        problems = apply_severities(result.diagnostics, severities, strict=strict)
        if has_errors(problems):
            raise BuildFailed(problems, "the outputs have errors; site/ and dist/ were not "
                              "changed")
        publishing = time.time()  # the staged folders are swapped in as the block ends
    timings.add("publish", None, publishing, time.time())
    files = [replace(f, path=dist_dir / f.path.relative_to(staged_dist)) for f in result.files]
    return BuildResult(course, site_dir, diagnostics + problems, files)


