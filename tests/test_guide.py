"""Every diagnostic code is declared once, used as declared, and explained in every guide."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from build_tools.codes import CODES, Severity
from build_tools.diagnostics import error

ROOT = Path(__file__).resolve().parent.parent
GUIDES = sorted(p.parent.name for p in (ROOT / "guide").glob("*/authoring.md"))
"""The languages the authors' guide is written in."""
CODE_ARG = {"error": 3, "warning": 3, "Diagnostic": 4, "Problem": 2, "fail": 2, "report": -1}
"""Calls that make a diagnostic or a problem that becomes one, and where their code is
(``report`` helpers take it last)."""
LABEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "note",
         Severity.IGNORE: "off"}


def codes_in_source() -> dict[str, set[str]]:
    """Every constant code passed to a diagnostic in build_tools/, with the helpers used."""
    codes: dict[str, set[str]] = {}
    for path in (ROOT / "build_tools").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = str(getattr(node.func, "id", None) or getattr(node.func, "attr", None))
            index = CODE_ARG.get(name)
            keyword = next((k.value for k in node.keywords if k.arg == "code"), None)
            arg = keyword
            if index is not None and node.args and len(node.args) > index:
                arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes.setdefault(arg.value, set()).add(name)
    return codes


def test_codes_found() -> None:
    assert {"link", "front-matter", "quiz-empty", "scorm-suspend", "new"} <= set(
        codes_in_source())


def test_every_code_used_is_declared_with_the_severity_it_is_used_with() -> None:
    used = codes_in_source()
    assert sorted(set(used) - set(CODES)) == []
    for code, helpers in used.items():
        for helper, severity in (("error", Severity.ERROR), ("warning", Severity.WARNING)):
            if helper in helpers:
                assert CODES[code].severity is severity, (code, helper)


def test_an_undeclared_code_cannot_be_reported() -> None:
    with pytest.raises(ValueError, match="diagnostic code 'no-such-code' is not declared"):
        error("x.md", 1, "message", "no-such-code")


def test_the_guide_is_in_the_course_languages() -> None:
    assert {"kk", "ru", "en"} <= set(GUIDES)


@pytest.mark.parametrize("lang", GUIDES)
def test_guide_explains_every_code(lang: str) -> None:
    text = (ROOT / "guide" / lang / "authoring.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z0-9-]+)` \| \((error|warning|note|off)\) \S", text, re.M))
    expected = {code.name: LABEL[code.severity] for code in CODES.values()}
    assert {name: rows.get(name) for name in expected} == expected


def test_guides_have_the_same_sections() -> None:
    counts = {lang: len(re.findall(r"^#{2,3} ", (ROOT / "guide" / lang / "authoring.md")
                                   .read_text(encoding="utf-8"), re.M))
              for lang in GUIDES}
    assert len(set(counts.values())) == 1, counts
