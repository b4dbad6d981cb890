"""What the ``course`` MkDocs plugin does for knowledge checks.

* adds the page scripts and style sheet (``assets/``) to every language build;
* before each page is rendered, tells the ``quiz`` Markdown extension the
  page's facts: the site language of the page's folder (UI strings follow it,
  also on a page that falls back to another language), the lesson id, the
  module, whether it is a module test and its pass mark, and the questions of
  the source file from the course model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from ..languages.i18n import ui_language
from ..course.model import Course

EXTENSION = "build_tools.markdown.quiz"
"""The extension's name in ``mkdocs.yml`` ``markdown_extensions``."""
ASSETS = Path(__file__).parents[1] / "questions" / "assets"
SCRIPT_URI = "assets/quiz/quiz.js"
SCRIPT_URIS = ("assets/quiz/quiz-types.js", "assets/quiz/quiz-store.js", SCRIPT_URI)
"""The page scripts in load order: the question types and the stores come before quiz.js."""
STYLE_URI = "assets/quiz/quiz.css"


def add_assets(config: MkDocsConfig) -> None:
    """List the scripts and style sheet in ``extra_javascript`` and ``extra_css`` once."""
    if EXTENSION not in config.markdown_extensions:
        return
    if STYLE_URI not in config.extra_css:
        config.extra_css.append(STYLE_URI)
    for uri in SCRIPT_URIS:
        if all(str(script) != uri for script in config.extra_javascript):
            config.extra_javascript.append(ExtraScriptValue(uri))


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the asset files to the build (each language build copies its own)."""
    if EXTENSION in config.markdown_extensions:
        for uri in (*SCRIPT_URIS, STYLE_URI):
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
    return files


def configure_page(config: MkDocsConfig, course: Course, page: MkDocsPage) -> None:
    """Set the extension's options for ``page``, read by MkDocs when it renders the page.

    MkDocs creates a new Markdown converter for every page from ``mdx_configs``,
    so options set here apply to this page only.
    """
    if EXTENSION not in config.markdown_extensions:
        return
    source = course.page_at(Path(page.file.abs_src_path or ""))
    lang = ui_language(_site_language(config, course, page), "quiz", course.fallback)
    options: dict[str, Any] = {"lang": lang,
                               "course_id": course.id, "page_id": "", "module_id": "",
                               "test": False, "pass_mark": course.config.pass_mark,
                               "questions": source.questions if source else (),
                               "from_model": True}
    src_uri = page.file.src_uri.split("/", 1)[-1]
    for module in course.modules:
        for lesson in (module.index, *module.lessons):
            if lesson.src_uri == src_uri:
                options.update(page_id=lesson.id, module_id=module.id,
                               test=lesson.kind == "test", pass_mark=module.pass_mark)
    if src_uri == course.home.src_uri:
        options["page_id"] = course.home.id or "home"
    config.mdx_configs[EXTENSION] = {**config.mdx_configs.get(EXTENSION, {}), **options}


def _site_language(config: MkDocsConfig, course: Course, page: MkDocsPage) -> str:
    """The language of the site folder being built (the i18n plugin sets the theme's)."""
    lang = config.theme.get("language") if config.theme else None
    if isinstance(lang, str) and lang in course.languages:
        return lang
    first = page.file.src_uri.split("/", 1)[0]
    return first if first in course.languages else course.default_language
