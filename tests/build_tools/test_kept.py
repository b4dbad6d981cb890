"""Results kept in ``.cache/`` between runs: the same diagnostics with the cache and without it."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from build_tools.build.kept import KeptFile
from tests.build_tools.test_glossary import GLOSSARY
from tests.conftest import run_cli

EN = "docs/en/01-basics/01-first.md"
RU = "docs/ru/01-basics/01-first.md"
KK = "docs/kk/01-basics/01-first.md"
KEPT = ["glossary-hits.json", "page-sources.json", "quiz-blocks.json"]


def _write(course: Path, rel: str, title: str, body: str) -> None:
    (course / rel).write_text(f"---\nid: ba-01\ntitle: {title}\n---\n# {title}\n\n{body}\n\n"
                              "## Rules\n\nText.\n", encoding="utf-8")


@pytest.fixture
def messy(minimal: Path) -> Path:
    """The minimal course with a glossary and problems of every kind the kept results feed."""
    (minimal / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    _write(minimal, EN, "Human dignity", "Under probation supervision, see [rules](02-second.md"
           "#nowhere) and [more](missing.md).\n\n![](plan.png)\n\n<b onclick=\"x()\">b</b>")
    _write(minimal, RU, "Достоинство", "Под пробационным надзором.")
    _write(minimal, KK, "Қадір-қасиет", "Мәтін.\n\n/// quiz | Сұрақ?\n    id: q1\n\n- [x] Иә\n")
    return minimal


def _check(course: Path) -> list[str]:
    """The diagnostics ``course check`` prints, and its summary without the time taken."""
    lines = run_cli(course, "check").output.splitlines()
    return [line.split(" in ", 1)[0] if line.startswith("Checked ") else line for line in lines]


def test_check_reports_the_same_cold_warm_and_after_an_edit(messy: Path) -> None:
    cold = _check(messy)
    codes = {line.rsplit("[", 1)[-1] for line in cold if line.endswith("]")}
    assert {"link]", "link-anchor]", "image-missing]", "image-alt]", "script]",
            "glossary-forbidden]", "glossary-missing]", "quiz-unclosed]"} <= codes, cold
    assert sorted(p.name for p in (messy / ".cache").iterdir()) == KEPT
    assert _check(messy) == cold
    _write(messy, EN, "Human dignity", "Under probation supervision, see [rules](02-second.md"
           "#rules) and [less](absent.md#x).")
    _write(messy, RU, "Достоинство", "Под пробационным контролем и надзором.\n\n"
           "/// quiz | Вопрос?\n    id: q1\n    type: nonsense\n///\n")
    edited = _check(messy)
    assert edited != cold
    shutil.rmtree(messy / ".cache")
    assert _check(messy) == edited


def test_damaged_or_foreign_kept_results_are_refused(messy: Path) -> None:
    cold = _check(messy)
    for name in KEPT:  # a byte changed on disk: the file's digest no longer matches
        path = messy / ".cache" / name
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x20
        path.write_bytes(bytes(data))
    assert _check(messy) == cold
    for name in KEPT:  # whole files of values that are no results
        path = messy / ".cache" / name
        entries = json.loads(path.read_bytes().partition(b"\n")[2])["entries"]
        body = json.dumps({"format": 1, "entries": {key: ["junk", 7] for key in entries}})
        path.write_bytes(hashlib.sha256(body.encode()).hexdigest().encode() + b"\n" +
                         body.encode())
    assert _check(messy) == cold
    assert all(KeptFile(messy / ".cache" / name).get(key, list) != ["junk", 7]
               for name in KEPT for key in json.loads(
                   (messy / ".cache" / name).read_bytes().partition(b"\n")[2])["entries"])
    shutil.rmtree(messy / ".cache")
    (messy / ".cache").write_text("not a folder", encoding="utf-8")
    assert _check(messy) == cold


def test_build_reports_what_check_reports_cold_and_warm(minimal: Path) -> None:
    (minimal / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    _write(minimal, RU, "Достоинство", "Под пробационным надзором.")
    _write(minimal, EN, "Human dignity", "Under probation supervision.")
    warnings = [line for line in _check(minimal) if ": warning: " in line]
    assert len(warnings) == 3, warnings
    shutil.rmtree(minimal / ".cache")
    for _ in range(2):
        result = run_cli(minimal, "build")
        assert result.exit_code == 0, result.output
        assert [line for line in result.output.splitlines() if ": warning: " in line] == warnings
