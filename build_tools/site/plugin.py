"""The ``course`` MkDocs plugin: routes MkDocs events to the course model.

Per-build state is created in ``on_config`` so that ``mkdocs serve`` rebuilds
keep nothing stale. mkdocs-static-i18n runs one build per language; the
language of a build is known from ``on_pre_build`` on, and
:class:`build_tools.site.builder.LanguageBuild` does that build's work.

Our runner (:mod:`build_tools.site.runner`) sets :attr:`CoursePlugin.run`
before a build: the course model, the one language to build, the dirty flag and
the progress display. Run by plain ``mkdocs build``, the plugin reads the
course itself. The plugin has no ``on_startup`` or ``on_shutdown`` hook on
purpose: MkDocs keeps one process-wide instance of plugins that have one, and
a build must never see another build's inputs.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..diagnostics import has_errors
from ..course.loader import load_course
from .runner import SiteRun
from . import quiz as quiz_site
from .builder import LanguageBuild
from .templates import template_cache
from .urls import current_language
from .plugin_config import CoursePluginConfig


# MkDocs' BasePlugin.__init_subclass__ has no annotations.
class CoursePlugin(BasePlugin[CoursePluginConfig]):  # type: ignore[no-untyped-call]
    """Loads the course once per build and gives the pages what they need."""

    def __init__(self) -> None:
        self.run: SiteRun | None = None
        """The inputs our runner gives the build; ``None`` under plain ``mkdocs``."""
        self.build: SiteRun | None = None
        """This build's inputs (``run``, or the course read for plain ``mkdocs``)."""
        self.site: LanguageBuild | None = None
        self.index_sizes: dict[str, int] = {}
        """Search index size in bytes per language, for reports and tests."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Take the course model of this build from the runner (or read it)."""
        if not self.config.enabled:
            return config
        self.build = self.run
        if self.build is None:
            root = Path(config.config_file_path).parent
            course, diagnostics = load_course(root)
            if course is None or has_errors(diagnostics):
                raise PluginError("\n".join(d.format() for d in diagnostics))
            self.build = SiteRun(course, Path(config.site_dir))
        quiz_site.add_assets(config)
        return config

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Keep the theme's compiled templates in the project's ``.cache/`` for the next build.

        Every language's build compiles the same hundred templates: a build
        loads them compiled by the one before (see :mod:`build_tools.site.templates`).
        """
        if self.build is not None:
            env.bytecode_cache = template_cache(self.build.course.root)
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Start the build of the language mkdocs-static-i18n has just configured."""
        if self.config.enabled and self.build is not None:
            self.site = LanguageBuild(self.build, current_language(config), config)

    # After mkdocs-static-i18n (-100), which picks each language's files first.
    @event_priority(-110)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Add the pages missing in this language, and the knowledge checks' assets."""
        if self.site and self.site.skipped:
            return Files([])
        if self.site:
            files = quiz_site.add_files(self.site.files(files, config), config)
        return files

    # After mkdocs-static-i18n (-100), which removes the language folders' sections.
    @event_priority(-110)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Title module sections in the page's language."""
        return self.site.nav(nav) if self.site else nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         **kwargs: Any) -> str:
        """Count the page for the progress display; give the quiz extension the page's facts.

        Returns the page's text in Unicode NFC, as the loader read it: the site and its
        search index hold the same text as the checks.
        """
        if self.site:
            self.site.page_markdown(page)
            self.site.progress.advance()
            quiz_site.configure_page(config, self.site.course, page)
        return unicodedata.normalize("NFC", markdown)

    def on_page_content(self, html: str, *, page: Page, **kwargs: Any) -> str:
        """Index the page for search; mark fallback content and add the notice."""
        return self.site.page_content(html, page) if self.site else html

    # After mkdocs-static-i18n (50), whose language menu links this replaces.
    @event_priority(-110)
    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig,
                        **kwargs: Any) -> Any:
        """Give the page templates the frame and the language menu."""
        if self.site:
            self.site.page_context(context, page, config)
        return context

    # After mkdocs-static-i18n (50), which sets the language menu for every template.
    @event_priority(-110)
    def on_template_context(self, context: Any, *, template_name: str,
                            config: MkDocsConfig) -> Any:
        """Give static templates (the 404 page) the frame."""
        if self.site:
            self.site.template_context(context, template_name, config)
        return context

    # After every other plugin (mkdocs-static-i18n's runs at -100), which may read the page.
    @event_priority(-110)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Let go of the page's HTML once it is rendered into ``output``."""
        if self.site:
            self.site.page_written(page)
        return output

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        """Route each language's 404 page to its own folder."""
        return self.site.post_template(output_content, template_name) if self.site else \
            output_content

    # Before mkdocs-static-i18n (-100), which starts the next language's build.
    @event_priority(0)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write this language's search index."""
        if self.site:
            self.site.finish()
            self.index_sizes[self.site.lang] = self.site.index_size
            self.site = None
