"""The build pipeline: check the sources, build the site, write the packages.

Each step collects diagnostics; the pipeline fails once, with all of them.
Outputs are built in temporary folders and swapped in only on success.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import run_checks
from .diagnostics import BuildFailed, Diagnostic, apply_severities, error, has_errors
from .languages import build_languages
from .loader import load_course
from .model import Course
from .output_dirs import unwritable
from .outputs.question_bank import write_question_banks
from .packages import PackageReport, write_packages
from .progress import Progress, use
from .swap import staged_dir, staged_dirs

"""MkDocs' closing line after its own messages; it adds nothing to them."""


NOTHING_BUILT = "the sources have errors; nothing was built"


@dataclass
class BuildResult:
    """What a build produced and the warnings it printed."""

    course: Course
    site_dir: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    packages: list[PackageReport] = field(default_factory=list)
    """The SCORM zips written to ``dist/``."""
    banks: list[Path] = field(default_factory=list)
    """The Moodle XML question banks written to ``dist/``."""
    handbooks: list[PackageReport] = field(default_factory=list)
    """The handbook PDFs written to ``dist/``."""


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


def require_course(root: Path, *, strict: bool = False) -> tuple[Course, list[Diagnostic]]:
    """Like :func:`check_course`, but raise :class:`BuildFailed` on any error."""
    course, diagnostics = check_course(root, strict=strict)
    if course is None or has_errors(diagnostics):
        raise BuildFailed(diagnostics, NOTHING_BUILT)
    return course, diagnostics


def build_site(
    root: Path, *, strict: bool = False, progress: Progress | None = None
) -> BuildResult:
    """Check the sources, then build the site and the packages.

    The content checks run while the language processes start building; the
    build fails with the checks' diagnostics if they find an error. Site and
    packages are built in temporary folders; ``dist/`` and then ``site/`` are
    swapped in only when everything succeeded.
    """
    course, loaded = load_course(root)
    if course is None:
        raise BuildFailed(apply_severities(loaded, {}, strict=strict), NOTHING_BUILT)
    severities = course.config.severities
    diagnostics = apply_severities(loaded, severities, strict=strict)

    def check() -> None:
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
    use(progress)
    site_dir = root / course.config.site_dir
    dist_dir = root / course.config.dist_dir
    with staged_dirs(site_dir, dist_dir) as (staged_site, staged_dist):
        reports, problems = build_languages(course, staged_site, staged_dist, progress, check)
        banks, bank_problems = write_question_banks(course, staged_dist)
        problems = apply_severities(problems + bank_problems, course.config.severities,
                                    strict=strict)
        if has_errors(problems):
            raise BuildFailed(problems, "the SCORM packages, handbooks or question banks have "
                              "errors; site/ and dist/ were not changed")
    written = [PackageReport(dist_dir / r.path.name, r.size, r.images) for r in reports]
    return BuildResult(course, site_dir, diagnostics + problems,
                       [r for r in written if r.path.suffix == ".zip"],
                       [dist_dir / path.name for path in banks],
                       [r for r in written if r.path.suffix == ".pdf"])


def build_packages(
    course: Course, site_dir: Path, *, strict: bool = False
) -> tuple[list[PackageReport], list[Diagnostic]]:
    """Write the packages of an already built site into ``dist/``, replacing it on success.

    Returns the packages written and the warnings about them.

    Raises:
        BuildFailed: a package could not be built (its diagnostics say why).
    """
    dist_dir = course.root / course.config.dist_dir
    blocked = output_problems(course.root, course.config.dist_dir)
    if blocked:
        raise BuildFailed(blocked, "dist/ cannot be replaced; nothing was written")
    with staged_dir(dist_dir) as staged:
        reports, problems = write_packages(course, site_dir, staged)
        problems += write_question_banks(course, staged)[1]
        problems = apply_severities(problems, course.config.severities, strict=strict)
        if has_errors(problems):
            raise BuildFailed(problems, "the SCORM packages or question banks have errors; "
                              "dist/ was not changed")
    return [PackageReport(dist_dir / r.path.name, r.size, r.images) for r in reports], problems
