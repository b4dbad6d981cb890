"""The one way MkDocs runs: ``course build``, its language processes and ``course serve``.

Everything a run needs reaches MkDocs and the ``course`` plugin from here, as
arguments: the course model the pipeline read and checked, the folders, the
one language a process builds, the dirty flag and the progress display
(:class:`SiteRun`). ``mkdocs.yml`` holds the site's look and Markdown options;
``docs_dir`` and ``site_dir`` come from ``course.yml`` and the caller.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..checks.files import config_line
from ..course.config import CourseConfig
from ..diagnostics import BuildFailed, Diagnostic, error
from ..course.model import Course
from ..build.progress import Progress
from ..build.timings import Timings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

MKDOCS_CONFIG = "mkdocs.yml"
ABORTED = "Aborted with a configuration error!"
PLUGIN = "course"


@dataclass(frozen=True)
class SiteRun:
    """The inputs of one MkDocs run."""

    course: Course
    """The course model, read and checked once by the caller."""
    site_dir: Path
    """Where the site is written."""
    lang: str | None = None
    """The one language to build (a language process), or ``None`` for all."""
    dirty: bool = False
    """Render only the pages whose source is newer than their output (``course serve``)."""
    serve_url: str | None = None
    """The preview's address, when ``course serve`` runs the build."""
    progress: Progress = field(default_factory=lambda: Progress(enabled=False), compare=False)
    """Where the pages built are counted."""
    timings: Timings = field(default_factory=Timings, compare=False)
    """Where the time of the site's stages (its search index) is recorded."""


def mkdocs_config(run: SiteRun) -> MkDocsConfig:
    """Load ``mkdocs.yml`` for ``run``: its folders, its language and the plugin's inputs.

    Raises:
        BuildFailed: ``mkdocs.yml`` is missing or MkDocs rejected it.
    """
    root = run.course.root
    config_file = root / MKDOCS_CONFIG
    config = load_mkdocs_yml(run.course.config, run.site_dir, run.lang)
    if run.serve_url:
        config.site_url = run.serve_url
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise BuildFailed([error(MKDOCS_CONFIG, config_line(config_file, "Config value "
                                 "'plugins'"), f"the '{PLUGIN}' plugin is not in 'plugins'; "
                                 f"add '- {PLUGIN}' as the first plugin", "config")])
    plugin.run = run
    return config


def load_mkdocs_yml(settings: CourseConfig, site_dir: Path, lang: str | None = None
                    ) -> MkDocsConfig:
    """Load ``mkdocs.yml`` with ``course.yml``'s folders and languages, not its own.

    With ``lang``, mkdocs-static-i18n builds that language only (and the default
    language, which it requires).

    Raises:
        BuildFailed: ``mkdocs.yml`` is missing or MkDocs rejected it.
    """
    from mkdocs.config import load_config

    root = settings.root
    config_file = root / MKDOCS_CONFIG
    if not config_file.is_file():
        raise BuildFailed([error(MKDOCS_CONFIG, None, f"'{MKDOCS_CONFIG}' is missing; the "
                                 "site needs it", "config")])
    with mkdocs_log() as captured:
        try:
            return load_config(str(config_file), site_dir=str(site_dir),
                               docs_dir=str(settings.root / settings.docs_dir),
                               **_course_settings(settings, config_file, lang))
        except Exception as exc:  # YAML errors surface here too
            raise BuildFailed(mkdocs_failure(root, exc, captured)) from exc


def run_mkdocs(run: SiteRun) -> list[str]:
    """Build the site of ``run``; return the warnings MkDocs logged.

    Raises:
        BuildFailed: MkDocs rejected the configuration or aborted the build.
    """
    from mkdocs.commands.build import build

    config = mkdocs_config(run)
    with mkdocs_log() as captured, dirty_flag(run.dirty):
        try:
            build(config, serve_url=run.serve_url, dirty=run.dirty)
        except OSError:
            raise  # a full disk or a locked file: the command names the file, not mkdocs.yml
        except Exception as exc:  # plugin crashes surface here too
            raise BuildFailed(mkdocs_failure(run.course.root, exc, captured)) from exc
    return captured


def _course_settings(course: CourseConfig, config_file: Path, lang: str | None
                     ) -> dict[str, Any]:
    """Return the ``plugins`` and ``theme`` settings of ``mkdocs.yml`` with the languages.

    The languages are declared in course.yml only: the i18n plugin's
    ``languages`` (each named in itself, the default one marked, built unless
    this process builds another one) and ``theme.language`` are derived from
    it, unless ``mkdocs.yml`` sets them. The plugin's ``fallback_to_default``
    is off: a page a language lacks comes from course.yml's fallback order
    (:mod:`build_tools.site.fallback`).
    """
    from mkdocs.utils.yaml import yaml_load

    from ..languages.letters import endonym

    try:
        with config_file.open(encoding="utf-8") as handle:
            raw = yaml_load(handle)
    except Exception:  # noqa: BLE001 - MkDocs reads the file next and reports the problem
        return {}
    if not isinstance(raw, dict):
        return {}
    languages = [{"locale": code, "default": code == course.default_language,
                  "name": endonym(code)} for code in course.languages]
    plugins = [
        {name: _i18n(course, {"languages": languages, **(options or {})}, lang)
         if name == "i18n" else options for name, options in entry.items()}
        if isinstance(entry, dict) else entry
        for entry in raw.get("plugins") or []]
    theme = raw.get("theme")
    theme = {"language": course.default_language, **theme} if isinstance(theme, dict) else theme
    return {"plugins": plugins, "theme": theme}


def _i18n(course: CourseConfig, options: dict[str, Any], lang: str | None) -> dict[str, Any]:
    """The i18n plugin's options with each language's ``build`` set for ``lang``.

    A language process builds its language and the default one, which the
    plugin requires; a build of the whole site builds every language.
    """
    listed = options.get("languages")
    if isinstance(listed, list):
        options["languages"] = [
            {**entry, "build": lang in (None, entry.get("locale"))
             or entry.get("locale") == course.default_language}
            if isinstance(entry, dict) else entry for entry in listed]
    return {**options, "fallback_to_default": False}


def mkdocs_failure(root: Path, exc: Exception, captured: list[str]) -> list[Diagnostic]:
    """Turn a failed MkDocs run (and the errors it logged) into diagnostics."""
    from mkdocs.exceptions import MkDocsException

    if isinstance(exc, MkDocsException):
        messages = [_one_line(m) for m in captured + [str(exc)] if m and m != ABORTED]
        return [error(MKDOCS_CONFIG, config_line(root / MKDOCS_CONFIG, m), m, "mkdocs")
                for m in messages]
    line = getattr(getattr(exc, "problem_mark", None), "line", None)
    return [error(MKDOCS_CONFIG, line + 1 if line is not None else None,
                  _one_line(f"{type(exc).__name__}: {exc}"), "mkdocs")]


def _one_line(message: str) -> str:
    """Join a multi-line message so that each diagnostic stays one line."""
    return "; ".join(part.strip() for part in message.splitlines() if part.strip())


@contextlib.contextmanager
def dirty_flag(dirty: bool) -> Iterator[None]:
    """Let mkdocs-static-i18n see a dirty build: it reads ``--dirty`` from ``sys.argv``.

    Without this its builds of the other languages re-render every page. This
    is the one place that touches ``sys.argv``, for that third-party plugin
    only; the ``course`` plugin gets the flag from :class:`SiteRun`.
    """
    if not dirty or "--dirty" in sys.argv:
        yield
        return
    sys.argv.append("--dirty")
    try:
        yield
    finally:
        sys.argv.remove("--dirty")


class _Capture(logging.Handler):
    """Keeps MkDocs' warnings and errors so they end up in the one report."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class mkdocs_log:  # noqa: N801 - used as a context manager
    """Collects MkDocs' warnings and errors instead of printing them."""

    def __enter__(self) -> list[str]:
        self.logger = logging.getLogger("mkdocs")
        self.handler = _Capture()
        self.saved = (self.logger.level, self.logger.propagate)
        self.logger.addHandler(self.handler)
        self.logger.setLevel(logging.WARNING)
        self.logger.propagate = False
        return self.handler.messages

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]
