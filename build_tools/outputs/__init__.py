"""Outputs: what a build makes from the course model and the built site.

Every output is one module here with one object, ``OUTPUT``, listed in
:data:`REGISTRY`. ``course.yml`` selects outputs by name (``outputs: [site,
scorm12, scorm2004, scorm12_multilang, scorm2004_multilang, question_bank,
handbook]``; by default the site, the one-language packages and the question
banks);
the pipeline builds the site of each language with MkDocs, then calls the
selected outputs. To add an output:

1. write ``build_tools/outputs/<name>.py`` with a class that has the four
   members of :class:`Output` and ``OUTPUT = YourOutput()``;
2. add it to :data:`REGISTRY` below (the order is the order in which outputs run
   and in which ``course build`` reports them);
3. document its name in ``README.md`` (the paragraph on ``outputs``).

The interface:

* ``name`` -- the name in ``course.yml``;
* ``scope`` -- ``"language"``: :meth:`Output.write` is called once per language,
  in that language's build process, right after its site is built (``job.lang``
  is the language); ``"course"``: called once, after every language's site is
  built (``job.lang`` is ``None``), for outputs that combine languages;
* ``planned(course)`` -- how many files one call of ``write`` writes, for the
  progress display (0 when unknown);
* ``write(job)`` -- reads ``job.course`` (the model: titles, pages, questions
  with their answers) and the built site under ``job.site_dir`` (read only; use
  :meth:`OutputJob.page_href` for where a page is), writes its files into
  ``job.dist_dir`` (the staged ``dist/``) and returns an :class:`OutputResult`:
  the files written and the problems found, as diagnostics. It never raises on
  bad content; a diagnostic of severity error fails the build, and the
  pipeline then keeps the last good ``site/`` and ``dist/``.

Outputs get everything through ``job``: no globals, no reading of sources
(``job.course`` holds every fact of them but the pages' Markdown text, which
the language processes are not sent: the built site has the pages), nothing written outside
``job.dist_dir`` but a cache of the output's own under the project's ``.cache/``
(the handbook keeps its PDFs there, reused while their inputs are unchanged;
a cache never changes the bytes written, and deleting it is always safe).
File names should be stable (``<course>_<scope>_<lang>_<kind>`` as the packages
have) and the bytes reproducible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..build.progress import Progress
from ..build.timings import Timings
from ..course.model import Course
from .base import Output, OutputJob, OutputResult, WrittenFile
from .handbook import OUTPUT as HANDBOOK
from .question_bank import OUTPUT as QUESTION_BANK
from .scorm12 import OUTPUT as SCORM12
from .scorm12_multilang import OUTPUT as SCORM12_MULTILANG
from .scorm2004 import OUTPUT as SCORM2004
from .scorm2004_multilang import OUTPUT as SCORM2004_MULTILANG
from .site import OUTPUT as SITE

__all__ = ["HANDBOOK", "QUESTION_BANK", "REGISTRY", "SCORM12", "SCORM12_MULTILANG", "SCORM2004",
           "SCORM2004_MULTILANG", "SITE", "Output",
           "OutputJob", "OutputResult", "WrittenFile", "planned_files", "selected", "write_outputs"]

REGISTRY: dict[str, Output] = {
    output.name: output for output in (SITE, SCORM12, SCORM2004, SCORM12_MULTILANG,
                                       SCORM2004_MULTILANG, QUESTION_BANK, HANDBOOK)}
"""Every output by name, in the order they run."""


def selected(course: Course, scope: str | None = None) -> list[Output]:
    """Return the outputs ``course.yml`` selects (of ``scope``, or all), in registry order."""
    return [output for name, output in REGISTRY.items()
            if name in course.config.outputs and (scope is None or output.scope == scope)]


def planned_files(course: Course) -> int:
    """Return how many files the selected outputs write in a whole build."""
    return sum(output.planned(course) * (len(course.languages) if output.scope == "language"
                                         else 1) for output in selected(course))


def write_outputs(course: Course, site_dir: Path, dist_dir: Path, *, lang: str | None = None,
                  outputs: Iterable[Output] | None = None,
                  progress: Progress | None = None, timings: Timings | None = None
                  ) -> OutputResult:
    """Run ``outputs`` (default: the selected ones of the scope ``lang`` implies).

    With ``lang``, the language outputs write that language's files; without,
    the language outputs run for every language and then the course outputs.
    Each file written counts as a step of ``progress``; each output's time
    (per language) is recorded in ``timings``.
    """
    timings = timings or Timings()
    if outputs is None:
        outputs = selected(course, "language" if lang else None)
    dist_dir.mkdir(parents=True, exist_ok=True)
    results = []
    shared: dict[str, dict[str, object]] = {}
    for output in outputs:
        langs: Sequence[str | None] = ([lang] if lang else course.languages) \
            if output.scope == "language" else [None]
        for one in langs:
            job = OutputJob(course, one, site_dir, dist_dir, shared.setdefault(str(one), {}))
            with timings.stage(output.name, one):
                results.append(output.write(job))
            if progress is not None:
                progress.advance(len(results[-1].files))
    return OutputResult.merged(results)
