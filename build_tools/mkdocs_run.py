"""Running MkDocs from the pipeline: one build, its log, its failures as diagnostics."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .checks.files import config_line
from .config import load_config as load_course_config
from .diagnostics import BuildFailed, Diagnostic, error
from .site.only import builds

MKDOCS_CONFIG = "mkdocs.yml"
ABORTED = "Aborted with a configuration error!"


def run_mkdocs(root: Path, site_dir: Path, *, dirty: bool = False) -> None:
    """Run a MkDocs build of ``root/mkdocs.yml`` into ``site_dir``.

    With ``dirty``, only pages whose source is newer than their output are
    rendered again (what ``course serve`` does after a save).

    Raises:
        BuildFailed: MkDocs rejected the configuration or aborted the build.
    """
    from mkdocs.commands.build import build

    config_file = root / MKDOCS_CONFIG
    if not config_file.is_file():
        raise BuildFailed([error(MKDOCS_CONFIG, None, f"'{MKDOCS_CONFIG}' is missing; the "
                                 "site needs it", "config")])
    with mkdocs_log() as captured, dirty_flag(dirty):
        try:
            build(mkdocs_config(root, site_dir), dirty=dirty)
        except OSError:
            raise  # a full disk or a locked file: the command names the file, not mkdocs.yml
        except Exception as exc:  # YAML errors and plugin crashes surface here too
            raise BuildFailed(mkdocs_failure(root, exc, captured)) from exc


def mkdocs_config(root: Path, site_dir: Path) -> Any:
    """Load ``root/mkdocs.yml`` for a build into ``site_dir``, completed from course.yml.

    The languages are declared in course.yml only: the i18n plugin's
    ``languages`` (each named in itself, the default one marked, built unless
    this process builds another one) and ``theme.language`` are derived from
    it, unless ``mkdocs.yml`` sets them. The plugin's ``fallback_to_default``
    is off: a page a language lacks comes from course.yml's fallback order
    (:mod:`build_tools.site.fallback`).
    """
    from mkdocs.config import load_config

    config_file = root / MKDOCS_CONFIG
    return load_config(str(config_file), site_dir=str(site_dir),
                       **_course_settings(root, config_file))


def _course_settings(root: Path, config_file: Path) -> dict[str, Any]:
    """Return the ``plugins`` and ``theme`` settings of ``mkdocs.yml`` with the languages."""
    from mkdocs.utils.yaml import yaml_load

    from .lang.letters import endonym

    course, _ = load_course_config(root)
    try:
        with config_file.open(encoding="utf-8") as handle:
            raw = yaml_load(handle)
    except Exception:  # noqa: BLE001 - MkDocs reads the file next and reports the problem
        return {}
    if course is None or not isinstance(raw, dict):
        return {}
    languages = [{"locale": code, "default": code == course.default_language,
                  "name": endonym(code)} for code in course.languages]
    plugins = [
        {name: _i18n_options(languages, options) if name == "i18n" else options
         for name, options in entry.items()} if isinstance(entry, dict) else entry
        for entry in raw.get("plugins") or []]
    theme = raw.get("theme")
    theme = {"language": course.default_language, **theme} if isinstance(theme, dict) else theme
    return {"plugins": plugins, "theme": theme}


def _i18n_options(languages: list[dict[str, Any]], options: Any) -> Any:
    """Return the i18n plugin's options of ``mkdocs.yml`` completed from course.yml."""
    if not isinstance(options, dict):
        options = {}
    chosen = options.get("languages", languages)
    if isinstance(chosen, list):
        chosen = [{**lang, "build": builds(str(lang.get("locale")), bool(lang.get("default")))
                           and lang.get("build", True)} if isinstance(lang, dict) else lang
                  for lang in chosen]
    return {**options, "languages": chosen, "fallback_to_default": False}


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

    Without this its builds of the other languages re-render every page. The
    ``course`` plugin reads the same flag (:func:`build_tools.site.only.is_dirty`).
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
