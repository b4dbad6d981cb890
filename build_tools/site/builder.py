"""What the ``course`` plugin does during one language's build, hook by hook.

mkdocs-static-i18n runs one MkDocs build per language, one after the other;
:class:`LanguageBuild` holds the state of one of them.
"""

from __future__ import annotations

import logging
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .runner import SiteRun
from .fallback import add_fallback_pages, content_language
from .frame import alternates, frame_context, wrap_fallback
from .nav import NavCache
from .glossary import TermLinker, add_glossary_page, add_script, glossary_markdown
from .progress import progress_context
from .search_index import SearchIndex
from .urls import module_titles, norm_src_uri, prefix

log = logging.getLogger("mkdocs.plugins.course")

NOT_FOUND = "404.html"
CONTENT_MARKER = "data-course-content"
"""Attribute of the element that holds a built page's content, without the theme's chrome."""
RELEASED = ""
"""A page's Markdown and HTML once used. MkDocs keeps both of every page until the whole
language is written: about 10 MB at 660 pages of a language. Empty,
not ``None``: MkDocs' ``Page.title`` reads ``None`` as a page not read yet."""


class LanguageBuild:
    """The site of one language: its fallback pages, page frame and search index."""

    def __init__(self, run: SiteRun, lang: str, config: Any) -> None:
        self.run = run
        self.course = course = run.course
        self.progress = run.progress
        self.lang = lang
        self.site_dir = Path(config.site_dir)
        self.frame = frame_context(course, lang)
        self.index = SearchIndex(lang)
        self.progress_folders: dict[str, Any] = {}
        """The progress script's module facts per folder (see :func:`progress_context`)."""
        self.nav_cache = NavCache()
        self.index_size = 0
        # Material's templates print titles as HTML: ours are text, escaped once here.
        config.site_name = Markup.escape(self.frame["title"])
        # The title of the heading permalinks (toc's default is English).
        if "toc" in config.markdown_extensions:
            toc = config.mdx_configs.setdefault("toc", {})
            toc["permalink_title"] = self.frame["t"]("Link to this section")
        glossary = course.glossary
        self.glossary_page = (glossary_markdown(glossary, course, lang, self.frame["t"])
                              if glossary else "")
        self.terms = TermLinker(glossary, course, lang) if glossary else None
        if glossary:
            add_script(config)

    @property
    def skipped(self) -> bool:
        """True when this language's pass only runs because mkdocs-static-i18n requires it.

        A language process builds one language; i18n always builds the default
        one too, which then renders no pages.
        """
        return self.run.lang is not None and self.lang != self.run.lang

    @property
    def is_default(self) -> bool:
        """True for the language built at the site root."""
        return self.lang == self.course.default_language

    def files(self, files: Files, config: Any) -> Files:
        """Add the pages this language lacks and start counting its pages."""
        files = add_fallback_pages(files, config, self.course, self.lang)
        if self.glossary_page:
            files = add_glossary_page(files, config, self.course, self.lang, self.glossary_page)
        self.progress.start(f"pages {self.lang}", len(files.documentation_pages()))
        return files

    def nav(self, nav: Navigation) -> Navigation:
        """Title each module's section with its overview page's title, not its folder name."""
        titles = module_titles(self.course, self.lang)
        for item in nav:
            if isinstance(item, Section):
                folder = _section_folder(item)
                item.title = Markup.escape(titles[folder]) if folder in titles else item.title
        if self.run.dirty:
            self.title_unread_pages(nav)
        return nav

    def title_unread_pages(self, nav: Navigation) -> None:
        """Give the pages a dirty build does not read again their title, from the model.

        MkDocs reads only the changed pages; the others would be listed in the
        navigation and the previous/next links as "None".
        """
        for page in nav.pages:
            if page.file.is_modified() or not page.file.abs_src_path:
                continue
            source = self.course.page_at(Path(page.file.abs_src_path))
            if source is not None:
                page.title = Markup.escape(source.title)

    def page_markdown(self, page: Page) -> None:
        """Escape the page's title and description: the templates print them as HTML."""
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                page.meta[key] = Markup.escape(value)

    def page_content(self, html: str, page: Page) -> str:
        """Index the page, mark fallback content with its language and frame the content.

        The page's Markdown is dropped (:data:`RELEASED`): nothing reads it again.
        """
        page.markdown = RELEASED
        content_lang = content_language(page.file, self.lang)
        title = page.title
        title = title.unescape() if isinstance(title, Markup) else str(title or "")
        url = page.file.dest_uri.removeprefix(self.frame["prefix"])
        with self.run.timings.stage("search index", self.lang):
            self.index.add_page(url, title, html, content_lang)
        if content_lang != self.lang:
            html = wrap_fallback(html, self.frame["ui_lang"], content_lang)
        elif self.terms:
            html = self.terms.link(html, page.file.dest_uri)
        # A theme-neutral frame around the page's own content, which outputs
        # (the printed handbook) take from the built page.
        return f"<div {CONTENT_MARKER}>{html}</div>"

    def page_written(self, page: Page) -> None:
        """Drop the page's HTML (:data:`RELEASED`) once its file is rendered."""
        page.content = RELEASED

    def page_context(self, context: dict[str, Any], page: Page, config: Any) -> None:
        """Give the templates our frame and the same page in the other languages."""
        context["course_site"] = self.frame
        src_uri = norm_src_uri(self.course, page.file.src_uri)
        context["course_progress"] = progress_context(self.course, self.lang, src_uri,
                                                      self.frame["t"], self.progress_folders)
        context["course_nav"] = self.nav_cache
        _set_alternate(config, alternates(self.course, self.lang, src_uri))

    def template_context(self, context: dict[str, Any], name: str, config: Any) -> None:
        """Give static templates (the 404 page) our frame, with links relative to its folder."""
        context["course_site"] = self.frame
        if name == NOT_FOUND:
            context["base_url"] = "." if self.is_default else ".."
            _set_alternate(config, alternates(self.course, self.lang, "index.md"))

    def post_template(self, output: str, name: str) -> str:
        """Keep the default language's 404 at the root; put the others' in their folders.

        Every language build renders ``404.html`` into the site root; MkDocs
        skips writing a template whose output is empty.
        """
        if name != NOT_FOUND or self.is_default:
            return output
        target = self.site_dir / prefix(self.course, self.lang) / NOT_FOUND
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""

    def finish(self) -> None:
        """Write the search index and end the progress line."""
        path = self.site_dir / self.frame["search_index"]
        # A dirty build renders only the changed pages: keep the others' entries.
        with self.run.timings.stage("search index", self.lang):
            self.index_size = self.index.write(path, keep_existing=self.run.dirty)
        self.progress.finish()
        log.info("search index %s: %d pages, %d bytes", self.frame["search_index"],
                 len(self.index.pages), self.index_size)


def _section_folder(section: Section) -> str | None:
    """Return the module folder a section of the navigation shows, from its first page."""
    for child in section.children:
        if isinstance(child, Page):
            parts = PurePosixPath(child.file.dest_uri).parts
            return parts[-2] if len(parts) >= 2 else None
    return None


def _set_alternate(config: Any, links: list[dict[str, str]]) -> None:
    """Set Material's language menu entries.

    mkdocs-static-i18n sets them as an attribute of ``config.extra``, which
    templates read before the mapping item, so both are set.
    """
    config.extra["alternate"] = links
    config.extra.alternate = links
