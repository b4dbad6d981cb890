"""Only the theme and the MkDocs glue know Material's class names; outputs use our markers."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THEME_GLUE = ("build_tools/theme", "build_tools/site")
"""Where Material's names may appear: our templates and the code that drives MkDocs."""
MATERIAL_CLASS = re.compile(r"(?<![\w-])md-[a-z][\w-]*")
"""A Material class name (``md-nav__item``); CSS variables (``--md-primary``) are not."""


def material_names(path: Path) -> list[str]:
    """Return the Material class names that ``path`` (Python or JavaScript) mentions."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        strings = [node.value.decode("latin-1") if isinstance(node.value, bytes) else node.value
                   for node in ast.walk(ast.parse(text))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str | bytes)]
        text = "\n".join(strings)
    return MATERIAL_CLASS.findall(text)


def test_finds_a_class_name(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('XPATH = \'//li[contains(@class, "md-nav__item")]\'\n', encoding="utf-8")
    assert material_names(planted) == ["md-nav__item"]
    planted.write_text("SIDEBAR = rb'<div class=\"md-sidebar\"'\n", encoding="utf-8")
    assert material_names(planted) == ["md-sidebar"]
    css_variable = tmp_path / "quiz.js"
    css_variable.write_text('el.style.color = "var(--md-primary-fg-color)";\n', encoding="utf-8")
    assert material_names(css_variable) == []


def test_no_material_class_name_outside_the_theme_glue() -> None:
    found = {}
    for folder in ("build_tools", "scorm"):
        for path in sorted((ROOT / folder).rglob("*")):
            relative = path.relative_to(ROOT).as_posix()
            if path.suffix in (".py", ".js") and not relative.startswith(THEME_GLUE):
                names = material_names(path)
                if names:
                    found[relative] = names
    assert found == {}
