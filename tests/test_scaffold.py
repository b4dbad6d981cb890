"""``course new``: pages in every language, at their place, marked as untranslated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _check_clean(root: Path) -> None:
    result = run_cli(root, "check")
    assert result.exit_code == 0, result.output
    assert "(0 error(s), 0 warning(s))" in result.output


def test_new_module_in_every_language(minimal: Path) -> None:
    result = run_cli(minimal, "new", "module", "human-rights")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "created docs/kk/02-human-rights/index.md"
    en = (minimal / "docs/en/02-human-rights/index.md").read_text(encoding="utf-8")
    assert en == ("---\nid: hr\ntitle: Human rights\n---\n# Human rights\n\nWrite the overview "
                  "of this module here: what the learner will know and be able to do after "
                  "it.\n")
    kk = (minimal / "docs/kk/02-human-rights/index.md").read_text(encoding="utf-8")
    assert ("<!-- Not translated yet: translate this page from "
            "docs/en/02-human-rights/index.md, then run 'course status --mark "
            "docs/kk/02-human-rights/index.md'. -->") in kk
    _check_clean(minimal)
    status = json.loads(run_cli(minimal, "status", "--format", "json").stdout)
    new = {p["lang"]: p["status"] for p in status["pages"]
           if p["src_uri"] == "02-human-rights/index.md"}
    assert new == {"kk": "unconfirmed", "ru": "unconfirmed"}


def test_new_lesson_after_renumbers_and_relinks(minimal: Path) -> None:
    other = minimal / "docs/en/02-more"
    other.mkdir()
    (other / "index.md").write_text(
        "---\nid: mo\ntitle: More\n---\n# More\n\nBack to [daily work]"
        "(../01-basics/02-second.md#contact) and [home](../index.md).\n\n"
        "```\n[not a link](../01-basics/02-second.md)\n```\n", encoding="utf-8")
    result = run_cli(minimal, "new", "lesson", "basics", "dignity", "--after", "ba-01",
                     "--title", "Dignity: the basis")
    assert result.exit_code == 0, result.output
    for lang in ("en", "ru"):
        assert _names(minimal / "docs" / lang / "01-basics") == [
            "01-first.md", "02-dignity.md", "03-second.md", "index.md"]
    assert _names(minimal / "docs/kk/01-basics") == ["01-first.md", "02-dignity.md",
                                                     "index.md"]
    assert (minimal / "docs/en/01-basics/02-dignity.md").read_text(encoding="utf-8") \
        .startswith('---\nid: ba-03\ntitle: "Dignity: the basis"\n---\n# Dignity: the basis\n')
    assert "[екінші сабақ](03-second.md)" in (minimal / "docs/kk/01-basics/index.md") \
        .read_text(encoding="utf-8")
    more = (other / "index.md").read_text(encoding="utf-8")
    assert "[daily work](../01-basics/03-second.md#contact)" in more
    assert "[not a link](../01-basics/02-second.md)" in more
    assert "renamed docs/en/01-basics/02-second.md -> docs/en/01-basics/03-second.md" \
        in result.stdout.splitlines()
    _check_clean(minimal)


def test_new_module_after_moves_folders_and_links(minimal: Path) -> None:
    run_cli(minimal, "new", "module", "later")
    page = minimal / "docs/en/02-later/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [x](../01-basics/01-first.md).\n",
                    encoding="utf-8")
    home = minimal / "docs/en/index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[Later](02-later/index.md)\n",
                    encoding="utf-8")
    result = run_cli(minimal, "new", "module", "middle", "--after", "01-basics", "--id", "mid")
    assert result.exit_code == 0, result.output
    assert _names(minimal / "docs/en") == ["01-basics", "02-middle", "03-later", "index.md"]
    assert "[Later](03-later/index.md)" in home.read_text(encoding="utf-8")
    moved = (minimal / "docs/en/03-later/index.md").read_text(encoding="utf-8")
    assert "[x](../01-basics/01-first.md)" in moved
    assert "id: mid\n" in (minimal / "docs/ru/02-middle/index.md").read_text(encoding="utf-8")
    _check_clean(minimal)


def test_new_lesson_goes_before_the_test(minimal: Path) -> None:
    assert run_cli(minimal, "new", "lesson", "01-basics", "exam", "--test").exit_code == 0
    assert run_cli(minimal, "new", "lesson", "ba", "extra").exit_code == 0
    assert _names(minimal / "docs/en/01-basics") == [
        "01-first.md", "02-second.md", "03-extra.md", "04-exam.md", "index.md"]
    assert "id: ba-test\ntitle: Exam\nkind: test\n" in (
        minimal / "docs/ru/01-basics/04-exam.md").read_text(encoding="utf-8")
    _check_clean(minimal)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["module", "Human Rights"],
         "Human Rights: error: a name is lowercase English words joined by '-', without a "
         "number, such as 'human-rights'; got 'Human Rights' [new]"),
        (["module", "basics"], "docs: error: a module 'basics' already exists [new]"),
        (["module", "x", "--id", "ba"],
         "ba: error: id 'ba' is already used; choose another with --id [new]"),
        (["lesson", "nothing", "x"],
         "nothing: error: no module 'nothing'; expected one of '01-basics' (a folder name, "
         "its id or its name) [new]"),
        (["lesson", "ba", "x", "--after", "zz"],
         "01-basics: error: --after: no lesson 'zz' here; expected one of '01-first.md', "
         "'02-second.md' [new]"),
    ],
)
def test_new_refuses(minimal: Path, args: list[str], expected: str) -> None:
    before = sorted(p for p in (minimal / "docs").rglob("*"))
    result = run_cli(minimal, "new", *args)
    assert result.exit_code == 1
    assert expected in result.output.splitlines()
    assert sorted(p for p in (minimal / "docs").rglob("*")) == before


def test_new_refuses_on_unclear_structure(minimal: Path) -> None:
    (minimal / "docs/ru/01-basics/02-second.md").rename(minimal / "docs/ru/01-basics/03-x.md")
    page = minimal / "docs/ru/01-basics/03-x.md"
    page.write_text(page.read_text(encoding="utf-8").replace("ba-02", "ba-09"),
                    encoding="utf-8")
    (minimal / "docs/en/01-basics/index.md").write_text("---\nid: zz\ntitle: T\n---\n# T\n",
                                                        encoding="utf-8")
    result = run_cli(minimal, "new", "lesson", "ba", "extra")
    assert result.exit_code == 1
    assert "course: fix these first; nothing was created" in result.output
