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
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page as MkDocsPage

from ..diagnostics import has_errors
from ..loader import load_course_cached
from ..model import Course
from ..progress import current
from ..quiz import site as quiz_site
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
        quiz_site.add_assets(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the knowledge checks' script and style sheet."""
        if self.config.enabled:
            files = quiz_site.add_files(files, config)
        return files

    def on_page_markdown(self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig,
                         **kwargs: Any) -> str:
        """Count the page for the progress display; give the quiz extension the page's facts."""
        if self.config.enabled:
            current().advance()
            if self.course is not None:
                quiz_site.configure_page(config, self.course, page)
        return markdown
