"""The authors' guide explains every diagnostic code, in Kazakh, Russian and English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUIDES = sorted(p.parent.name for p in (ROOT / "guide").glob("*/authoring.md"))
"""The languages the authors' guide is written in."""
CODE_ARG = {"error": 3, "warning": 3, "report": 3, "Diagnostic": 4}
"""Calls that make a diagnostic, and the position of their ``code`` argument."""


def codes_in_source() -> set[str]:
    """Every constant code passed to a diagnostic in build_tools/."""
    codes = set()
    for path in (ROOT / "build_tools").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            index = CODE_ARG.get(str(name))
            args = list(node.args) + [k.value for k in node.keywords if k.arg == "code"]
            if index is not None and len(args) > index:
                arg = args[index] if len(node.args) > index else args[-1]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    codes.add(arg.value)
    return codes


def test_codes_found() -> None:
    assert {"link", "front-matter", "section-count", "io", "new"} <= codes_in_source()


def test_the_guide_is_in_the_course_languages() -> None:
    assert {"kk", "ru", "en"} <= set(GUIDES)


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_explains_every_code(lang: str) -> None:
    text = (ROOT / "guide" / lang / "authoring.md").read_text(encoding="utf-8")
    in_table = set(re.findall(r"^\| `([a-z-]+)` \| \((?:error|warning|note|off)\) \S", text, re.M))
    missing = sorted(codes_in_source() - in_table)
    assert missing == [], f"guide/{lang}/authoring.md does not explain {missing}"


def test_guides_have_the_same_sections() -> None:
    counts = {lang: len(re.findall(r"^#{2,3} ", (ROOT / "guide" / lang / "authoring.md")
                                   .read_text(encoding="utf-8"), re.M))
              for lang in GUIDES}
    assert len(set(counts.values())) == 1, counts
