"""The ``course`` MkDocs plugin: routes MkDocs events to the course model.

Per-build state is created in ``on_config`` so that ``mkdocs serve`` rebuilds
keep nothing stale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from ..diagnostics import has_errors
from ..loader import load_course_cached
from ..model import Course
from ..progress import current
from .config import CoursePluginConfig


class CoursePlugin(BasePlugin[CoursePluginConfig]):
    """Loads the course once per build and gives the pages what they need."""

    def __init__(self) -> None:
        self.is_serve = False
        self.course: Course | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``."""
        self.is_serve = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load the course model afresh for this build."""
        if not self.config.enabled:
            return config
        root = Path(config.config_file_path).parent
        course, diagnostics = load_course_cached(root)
        if course is None or has_errors(diagnostics):
            raise PluginError("\n".join(d.format() for d in diagnostics))
        self.course = course
        return config

    def on_page_markdown(self, markdown: str, **kwargs: Any) -> str:
        """Count the page for the progress display."""
        if self.config.enabled:
            current().advance()
        return markdown
