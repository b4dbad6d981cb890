"""The docs folder itself: language folders, empty pages, ``mkdocs.yml``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from ..course.markdown_text import headings
from ..course.model import Course
from ..diagnostics import Diagnostic, error, rel, warning
from ..languages.i18n import is_known_language
from .source import page_body

MKDOCS_CONFIG = "mkdocs.yml"


def check_language_folders(course: Course) -> Iterator[Diagnostic]:
    """Folders in the docs folder that are not languages of the course."""
    listed = ", ".join(repr(code) for code in course.languages)
    for name in course.folders:
        if name.startswith(".") or name in course.languages:
            continue
        where = rel(course.docs_dir / name, course.root)
        if is_known_language(name):
            yield error(where, None, f"folder for language '{name}', which is not in "
                        f"'languages' of course.yml ({listed}); add it there or move the "
                        "folder out of the docs folder", "language")
        else:
            yield error(where, None, f"'{name}' is not a language code; expected one "
                        f"of {listed} (ISO 639-1, such as 'kk' for Kazakh); rename the "
                        "folder", "language")


def check_empty_pages(course: Course) -> Iterator[Diagnostic]:
    """Pages with front matter but no text."""
    for page in course.all_pages():
        body, line = page_body(page)
        if not body.strip():
            yield warning(rel(page.path, course.root), line, "the page has front matter "
                          "but no text; write the page or delete the file", "empty-page")


def check_title_heading(course: Course) -> Iterator[Diagnostic]:
    """Pages whose first heading is not ``# <title>``."""
    for page in course.all_pages():
        first = next(headings(*page_body(page)), None)
        where = rel(page.path, course.root)
        if first is None or first[1] != 1:
            yield warning(where, page_body(page)[1], f"the page should start with the heading '# "
                          f"{page.title}' (its title)", "title-heading")
        elif first[2].strip() != page.title.strip():
            yield warning(where, first[0], f"heading '# {first[2]}' differs from the title "
                          f"{page.title!r} in the front matter; make them the same",
                          "title-heading")


class _AnyTagLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` with its ``!!python/...`` and ``!ENV`` tags as plain values."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def check_mkdocs_yml(course: Course) -> Iterator[Diagnostic]:
    """A missing or unreadable ``mkdocs.yml``, found before a build needs it."""
    path = course.root / MKDOCS_CONFIG
    if not path.is_file():
        yield error(MKDOCS_CONFIG, None, f"'{MKDOCS_CONFIG}' is missing; the site is built "
                    "from it: restore it from version control", "config")
        return
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except UnicodeDecodeError as exc:
        yield error(MKDOCS_CONFIG, None, f"not valid UTF-8 ({exc.reason}); save the file as "
                    "UTF-8", "encoding")
        return
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        yield error(MKDOCS_CONFIG, mark.line + 1 if mark else None, f"invalid YAML: "
                    f"{problem}", "config")
        return
    if not isinstance(data, dict):
        yield error(MKDOCS_CONFIG, 1, "expected a mapping of 'key: value' lines, got "
                    f"{type(data).__name__}", "config")


def config_line(path: Path, message: str) -> int | None:
    """Return the line of the key a MkDocs message names (``Config value 'theme': ...``)."""
    match = re.match(r"Config value '([^'.]+)", message)
    if not match:
        return None
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return lines.get(match.group(1))


def check_mkdocs_languages(course: Course) -> Iterator[Diagnostic]:
    """The i18n plugin's languages in ``mkdocs.yml`` against ``languages`` of course.yml."""
    found = _i18n_locales(course.root / MKDOCS_CONFIG)
    if found is None:
        return
    locales, list_line, default = found
    listed = ", ".join(repr(code) for code in course.languages)
    for code, line in locales.items():
        if code not in course.languages:
            yield error(MKDOCS_CONFIG, line, f"i18n language '{code}' is not in 'languages' of "
                        f"course.yml ({listed}); list the same languages in both", "language")
    for code in course.languages:
        if code not in locales:
            yield error(MKDOCS_CONFIG, list_line, f"language '{code}' of course.yml is missing "
                        f"from the i18n plugin's 'languages'; add '- locale: {code}'",
                        "language")
    if default and default[0] != course.default_language:
        yield error(MKDOCS_CONFIG, default[1], f"the i18n default language is '{default[0]}' "
                    f"but 'default_language' in course.yml is '{course.default_language}'; "
                    "make them the same", "language")


def _i18n_locales(
    path: Path,
) -> tuple[dict[str, int], int, tuple[str, int] | None] | None:
    """Return ``({locale: line}, line of 'languages', (default locale, line))`` if configured."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None  # check_mkdocs_yml reports these
    plugins = _get(root, "plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else []
    i18n = next((_get(e, "i18n") for e in entries if _get(e, "i18n") is not None), None)
    languages = _get(i18n, "languages")
    if not isinstance(languages, yaml.SequenceNode):
        return None
    locales: dict[str, int] = {}
    default = None
    for item in languages.value:
        locale = _get(item, "locale")
        if isinstance(locale, yaml.ScalarNode):
            locales[locale.value] = locale.start_mark.line + 1
            flag = _get(item, "default")
            if isinstance(flag, yaml.ScalarNode) and flag.value.lower() == "true":
                default = (locale.value, flag.start_mark.line + 1)
    assert isinstance(i18n, yaml.MappingNode)
    key_line = next(k.start_mark.line for k, v in i18n.value if v is languages) + 1
    return locales, key_line, default


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if getattr(k, "value", None) == key), None)


