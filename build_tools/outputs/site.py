"""The site: the offline, static site in every language, published as ``site/``.

MkDocs builds each language's site into a staged folder before any output
runs, because every other output reads it. This output decides whether that
folder replaces ``site/`` when the build succeeds: without ``site`` in
``outputs``, the site is built for the other outputs and then thrown away, and
``site/`` stays as it was. It writes nothing into ``dist/``.
"""

from __future__ import annotations

from ..course.model import Course
from .base import OutputJob, OutputResult, Scope


class SiteOutput:
    """Publishes the built site as ``site/``."""

    name = "site"
    scope: Scope = "language"

    def planned(self, course: Course) -> int:
        """Return 0: the site's pages are counted by the site build."""
        return 0

    def write(self, job: OutputJob) -> OutputResult:
        """Write nothing: the pipeline swaps the staged site in when this output is selected."""
        return OutputResult()


OUTPUT = SiteOutput()
