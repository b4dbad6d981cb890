"""The MkDocs configuration the runner derives from course.yml."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from build_tools.course.config import load_config
from build_tools.site.runner import load_mkdocs_yml
from tests.conftest import ROOT, copy_course, course_config

I18N_FILE_ATTRIBUTES = {"alternates", "locale", "locale_alternate_of", "localization",
                        "norm_src_uri"}
"""What mkdocs-static-i18n stores on the files it makes: its own business, not ours."""


def _i18n(root: Path, site: Path, lang: str | None = None) -> Any:
    settings, _ = load_config(root)
    assert settings is not None
    config = load_mkdocs_yml(settings, site, lang)
    return config, config.plugins["i18n"].config


def test_the_i18n_plugin_gets_course_yml_languages_and_no_fallback(tmp_path: Path) -> None:
    root = copy_course("regional", tmp_path / "course")
    course = course_config("regional")
    config, i18n = _i18n(root, tmp_path / "site")
    assert [(lang.locale, lang.default, lang.build) for lang in i18n.languages] == [
        (code, code == course.default_language, True) for code in course.languages]
    assert [lang.name for lang in i18n.languages] == [
        "Қазақша", "Русский", "English", "Кыргызча", "Oʻzbekcha", "Тоҷикӣ"]
    # Pages a language lacks come from course.yml's fallback order, not the plugin's default.
    assert i18n.fallback_to_default is False
    assert config.theme["language"] == course.default_language


def test_a_one_language_process_builds_that_language_and_the_required_default(
        tmp_path: Path) -> None:
    root = copy_course("regional", tmp_path / "course")
    course = course_config("regional")
    wanted = course.languages[-1]
    _, i18n = _i18n(root, tmp_path / "site", wanted)
    assert {lang.locale for lang in i18n.languages if lang.build} == {
        wanted, course.default_language}


def test_the_i18n_plugin_is_used_through_its_options_only() -> None:
    found = []
    for path in sorted((ROOT / "build_tools").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.append(node.attr)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id == "setattr" and len(node.args) > 1):
                names.append(ast.unparse(node.args[1]).strip("'\""))
            elif isinstance(node, ast.Subscript) and ast.unparse(node.slice) == "'i18n'":
                names.append("plugins['i18n']")
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {name}" for name in names
                      if name in I18N_FILE_ATTRIBUTES | {"plugins['i18n']"}]
    assert found == []
