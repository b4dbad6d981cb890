"""Every check code: a bad input and the exact line ``course check`` prints for it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import run_cli

FIRST_KK = "docs/kk/01-basics/01-first.md"
SECOND_EN = "docs/en/01-basics/02-second.md"
MINIMAL_CONFIG = (Path(__file__).parent.parent / "fixtures/courses/minimal/course.yml") \
    .read_text(encoding="utf-8")
PAGE = "---\nid: ba-02\ntitle: Daily work\n---\n# Daily work\n\n## Contact\n\n"


def _page(body: str, meta: str = "id: ba-02\ntitle: Daily work\n") -> str:
    return f"---\n{meta}---\n# Daily work\n\n## Contact\n\n{body}\n"


# (files to write, files or folders to remove, exact diagnostic line)
CASES: list[tuple[dict[str, str | bytes], list[str], str]] = [
    (
        {FIRST_KK: "---\nid: ba-01\ntitle: [broken\n---\n# x\n"}, [],
        f"{FIRST_KK}:3: error: front matter: invalid YAML: did not find expected ',' or ']' "
        "[front-matter]",
    ),
    (
        {SECOND_EN: _page("x", "id: ba-02\ntitle: Daily work\nauthor: me\n")}, [],
        f"{SECOND_EN}:4: error: unknown front matter key 'author'; expected one of 'id', "
        "'title', 'kind', 'pass_mark', 'description', 'source_hash' [front-matter]",
    ),
    (
        {SECOND_EN: _page("x", "id: ba-02\n")}, [],
        f"{SECOND_EN}:1: error: front matter has no 'title'; add 'title: ...' between the "
        "'---' lines [front-matter]",
    ),
    (
        {SECOND_EN: _page("x", "title: Daily work\n")}, [],
        f"{SECOND_EN}:1: error: front matter has no 'id'; add one such as 'id: mr-01', the "
        "same in every language [front-matter]",
    ),
    (
        {SECOND_EN: _page("x", "id: ba-02\ntitle: 2015\n")}, [],
        f"{SECOND_EN}:3: error: 'title' must be text, got 2015; put it in quotes: "
        "title: \"2015\" [front-matter]",
    ),
    (
        {SECOND_EN: "---\nid: ba-02\ntitle: Daily work\n# Daily work\n"}, [],
        f"{SECOND_EN}:1: error: front matter starts with '---' but is never closed; add a "
        "'---' line after it [front-matter]",
    ),
    (
        {SECOND_EN: _page("x", "id: BA 02\ntitle: Daily work\n")}, [],
        f"{SECOND_EN}:2: error: 'id' must be lowercase letters, digits and '-', such as "
        "'mr-01', got 'BA 02' [front-matter]",
    ),
    (
        {SECOND_EN: _page("x", "id: ba-02\ntitle: Daily work\nkind: quiz\n")}, [],
        f"{SECOND_EN}:4: error: 'kind' must be 'lesson' or 'test', got 'quiz' [front-matter]",
    ),
    (
        {SECOND_EN: PAGE.encode() + b"caf\xe9\n"}, [],
        f"{SECOND_EN}:9: error: not valid UTF-8 (byte 0xe9); save the file as UTF-8 [encoding]",
    ),
    (
        {"docs/ru/01-basics/02-second.md": _page("x", "id: ba-22\ntitle: Daily work\n")}, [],
        "docs/ru/01-basics/02-second.md:2: error: id 'ba-22' differs from 'ba-02' in "
        "docs/en/01-basics/02-second.md; a page keeps the same id in every language "
        "[id-mismatch]",
    ),
    (
        {"docs/en/01-basics/02-second.md": _page("x", "id: ba-01\ntitle: Daily work\n"),
         "docs/ru/01-basics/02-second.md": _page("x", "id: ba-01\ntitle: Daily work\n")}, [],
        "docs/ru/01-basics/02-second.md:2: error: id 'ba-01' is already used by "
        "docs/kk/01-basics/01-first.md; every module and lesson needs its own id "
        "[duplicate-id]",
    ),
    (
        {SECOND_EN: _page("See [x](03-nothing.md).")}, [],
        f"{SECOND_EN}:9:5: error: link to '03-nothing.md', but no page "
        "'01-basics/03-nothing.md' exists; check the file name [link]",
    ),
    (
        {SECOND_EN: _page("See [rules](01-first.md#nothing).")}, [],
        f"{SECOND_EN}:9:5: error: link to '01-first.md#nothing', but "
        "'docs/en/01-basics/01-first.md' has no heading with anchor '#nothing' [link-anchor]",
    ),
    (
        {SECOND_EN: _page("![A chart](images/chart.svg)")}, [],
        f"{SECOND_EN}:9:1: error: image 'images/chart.svg' not found; put the file at "
        "'docs/en/01-basics/images/chart.svg' [image-missing]",
    ),
    (
        {SECOND_EN: _page("![](images/chart.svg)"),
         "docs/en/01-basics/images/chart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"}, [],
        f"{SECOND_EN}:9:1: warning: image 'images/chart.svg' has no alt text; describe it in "
        "the page's language: ![description](...) [image-alt]",
    ),
    (
        {"docs/kz/index.md": "---\ntitle: x\n---\n"}, [],
        "docs/kz: error: 'kz' is not a language code; expected one of 'kk', 'ru', 'en' "
        "(ISO 639-1, such as 'kk' for Kazakh); rename the folder [language]",
    ),
    (
        {"docs/de/index.md": "---\ntitle: x\n---\n"}, [],
        "docs/de: error: folder for language 'de', which is not in 'languages' of course.yml "
        "('kk', 'ru', 'en'); add it there or move the folder out of the docs folder [language]",
    ),
    (
        {SECOND_EN: "\n  \n"}, [],
        f"{SECOND_EN}:1: error: the file is empty; write front matter with a 'title' and the "
        "page text, or delete the file [empty-file]",
    ),
    (
        {SECOND_EN: "---\nid: ba-02\ntitle: Daily work\n---\n\n"}, [],
        f"{SECOND_EN}:5: warning: the page has front matter but no text; write the page or "
        "delete the file [empty-page]",
    ),
    (
        {SECOND_EN: "---\nid: ba-02\ntitle: Daily work\n---\n# Daily job\n\n## Contact\n"}, [],
        f"{SECOND_EN}:5: warning: heading '# Daily job' differs from the title 'Daily work' "
        "in the front matter; make them the same [title-heading]",
    ),
    (
        {SECOND_EN: "---\nid: ba-02\ntitle: Daily work\n---\nText.\n\n## Contact\n"}, [],
        f"{SECOND_EN}:5: warning: the page should start with the heading '# Daily work' (its "
        "title) [title-heading]",
    ),
    (
        {"docs/en/01-basics/index.md": "---\nid: ba\ntitle: The basics\npass_mark: [1]\n---\n"
         "# The basics\n"}, [],
        "docs/en/01-basics/index.md:4: error: 'pass_mark' must be a whole percent from 0 to "
        "100, got [1] [front-matter]",
    ),
    (
        {"docs/ru/01-basics/index.md": "---\nid: ba\ntitle: Основы\npass_mark: 80\n---\n"
         "# Основы\n"}, [],
        "docs/ru/01-basics/index.md:4: error: 'pass_mark' is 80 here but 70 (course.yml's "
        "default) in docs/en/01-basics/index.md; use the same pass mark in every language "
        "[pass-mark-mismatch]",
    ),
    (
        {"docs/en/01-basics/index.md": "---\nid: ba\ntitle: The basics\npass_mark: 60\n---\n"
         "# The basics\n", "docs/ru/01-basics/index.md": "---\nid: ba\ntitle: Основы\n---\n"
         "# Основы\n"}, [],
        "docs/ru/01-basics/index.md:1: error: 'pass_mark' is 70 (course.yml's default) here but "
        "60 in docs/en/01-basics/index.md:4; use the same pass mark in every language "
        "[pass-mark-mismatch]",
    ),
    (
        {SECOND_EN: _page("", "id: ba-02\ntitle: Daily work\nkind: test\n")}, [],
        "docs/ru/01-basics/02-second.md:1: error: 'kind' is 'lesson' (no 'kind') here but "
        "'test' in docs/en/01-basics/02-second.md:4; a page has the same kind in every "
        "language: write 'kind: test' [kind-mismatch]",
    ),
    (
        {"docs/ru/01-basics/02-second.md": "---\nid: ba-02\ntitle: Повседневная работа\n"
         "kind: test\n---\n# Повседневная работа\n\n## Контакт\n"}, [],
        "docs/ru/01-basics/02-second.md:4: error: 'kind' is 'test' here but 'lesson' in "
        "docs/en/01-basics/02-second.md; a page has the same kind in every language: write "
        "'kind: lesson' [kind-mismatch]",
    ),
    (
        {"course.yml": "id: minimal\ntitle: {kk: a, ru: b, en: c}\nlanguages: [kz, ru, en]\n"},
        [],
        "course.yml:3: error: unknown language code 'kz' in 'languages'; use a two-letter "
        "ISO 639-1 code such as 'kk', 'ru' or 'en' [config]",
    ),
    (
        {"course.yml": MINIMAL_CONFIG.replace("languages: [kk, ru, en]", "languages: [ru, kk, en]")
         .replace("title:\n  kk: Шағын курс\n  ru: Небольшой курс\n  en: A small course\n",
                  "title: Небольшой курс\n")}, [],
        "course.yml:2: error: 'title' must map each language to the course title, like "
        "'ru: ...', got 'Небольшой курс' [config]",
    ),
    (
        {"course.yml": MINIMAL_CONFIG + "retake: highest\n"}, [],
        "course.yml:11: error: 'retake' must be one of 'best', 'last', 'none', got 'highest' "
        "[config]",
    ),
    (
        {"course.yml": MINIMAL_CONFIG + "completion: [pages]\n"}, [],
        "course.yml:11: error: 'completion' must be one of 'pages-and-test', 'pages', got "
        "['pages'] [config]",
    ),
    (
        {"mkdocs.yml": "site_name: x\ntheme:\n  name: material\n   font: false\n"}, [],
        "mkdocs.yml:4: error: invalid YAML: mapping values are not allowed here [config]",
    ),
    (
        {}, ["mkdocs.yml"],
        "mkdocs.yml: error: 'mkdocs.yml' is missing; the site is built from it: restore it "
        "from version control [config]",
    ),
    (
        {"docs/ru/01-basics/03-second.md": _page("x")}, ["docs/ru/01-basics/02-second.md"],
        "docs/ru/01-basics/03-second.md: error: this lesson is '01-basics/02-second.md' in "
        "the source language 'en'; a lesson has the same folder and file name in every "
        "language: rename it to '01-basics/02-second.md' [lesson-order]",
    ),
    (
        {"docs/ru/01-basics/03-extra.md": _page("x", "id: ba-03\ntitle: Extra\n"),
         "course.yml": MINIMAL_CONFIG + "validation:\n  orphan: warning\n"}, [],
        "docs/ru/01-basics/03-extra.md: warning: no source page: "
        "'docs/en/01-basics/03-extra.md' does not exist; write the page in 'en' first, or "
        "delete this translation [orphan]",
    ),
    (
        {"docs/ru/01-basics/02-second.md": _page("x\n\n## More\n\ny")}, [],
        "docs/ru/01-basics/02-second.md:1: warning: 2 '##' section(s), but the source "
        "'docs/en/01-basics/02-second.md' has 1; translate every section of the source "
        "[section-count]",
    ),
    (
        {"docs/ru/01-basics/02-second.md": _page("x", "id: ba-02\ntitle: T\nsource_hash: 12\n")},
        [],
        "docs/ru/01-basics/02-second.md:4: error: 'source_hash' must be 12 hexadecimal "
        "characters, got 12; do not type it: run 'course status --mark "
        "docs/ru/01-basics/02-second.md' [source-hash]",
    ),
    (
        {SECOND_EN: _page("x", "id: ba-02\ntitle: T\nsource_hash: 0123456789ab\n")}, [],
        f"{SECOND_EN}:4: warning: 'source_hash' on a page in the source language 'en' means "
        "nothing; remove the line [source-hash-in-source]",
    ),
    (
        {"docs/en/01-basics/notes.md": "---\ntitle: x\n---\n"}, [],
        "docs/en/01-basics/notes.md: error: file 'notes.md' is not a lesson: lesson files are "
        "named like '01-topic.md' [layout]",
    ),
    (
        {"docs/en/02-more/01-a.md": _page("x", "id: mo-01\ntitle: A\n")}, [],
        "docs/en/02-more: error: module folder '02-more' has no 'index.md' in any language; "
        "add the module overview page with its 'id' and 'title' [layout]",
    ),
    (
        {}, ["docs/en/index.md", "docs/ru/index.md", "docs/kk/index.md"],
        "docs/en/index.md: error: the course has no home page 'index.md' in any language; add "
        "it with a 'title' [layout]",
    ),
    (
        {}, ["docs/ru"],
        "docs: error: no folder for language 'ru'; create 'docs/ru/' or remove 'ru' from "
        "'languages' in course.yml [layout]",
    ),
]


@pytest.mark.parametrize(("write", "remove", "expected"), CASES,
                         ids=[case[2].rsplit("[", 1)[1].rstrip("]") for case in CASES])
def test_check_reports(
    minimal: Path, write: dict[str, str | bytes], remove: list[str], expected: str
) -> None:
    for relpath in remove:
        target = minimal / relpath
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for relpath, content in write.items():
        target = minimal / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    result = run_cli(minimal, "check")
    assert expected in result.output.splitlines(), result.output
    assert "Traceback" not in result.output
    assert result.exit_code == (1 if ": error: " in expected else 0)


def test_symlink_out_of_docs(minimal: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    (minimal / "docs/en/01-basics/notes.txt").symlink_to(secret)
    result = run_cli(minimal, "check")
    assert result.exit_code == 1
    assert (f"docs/en/01-basics/notes.txt:1: error: symbolic link points outside the docs "
            f"folder, to '{secret}'; copy the file into the docs folder instead [symlink]"
            ) in result.output.splitlines()


def test_module_folder_renamed_in_translation(minimal: Path) -> None:
    (minimal / "docs/ru/01-basics").rename(minimal / "docs/ru/01-osnovy")
    result = run_cli(minimal, "check")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "docs/ru/01-osnovy: error: module folder '01-osnovy' is named '01-basics' in the "
        "source language 'en'; a module folder has the same name in every language: rename "
        "it to '01-basics' [module-folder]"
    )


def test_clean_course_passes(minimal: Path) -> None:
    result = run_cli(minimal, "check")
    assert result.exit_code == 0
    assert result.output.startswith("Checked 11 page(s) in ")
    assert result.output.endswith(" s (0 error(s), 0 warning(s))\n")


def test_strict_turns_warnings_into_errors(minimal: Path) -> None:
    (minimal / SECOND_EN).write_text(_page("x\n\n## Extra\n"), encoding="utf-8")
    assert run_cli(minimal, "check").exit_code == 0
    result = run_cli(minimal, "check", "--strict")
    assert result.exit_code == 1
    assert ("docs/kk/01-basics/01-first.md" not in result.output)
    assert ": error: 1 '##' section(s), but the source 'docs/en/01-basics/02-second.md' " \
        "has 2; translate every section of the source [section-count]" in result.output


def test_every_problem_collected_and_json(minimal: Path) -> None:
    (minimal / SECOND_EN).write_text(_page("[a](x.md) ![](y.png)"), encoding="utf-8")
    (minimal / "docs/kk/01-basics/01-first.md").write_text("", encoding="utf-8")
    result = run_cli(minimal, "check", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert [(d["path"], d["line"], d["col"], d["code"]) for d in payload] == [
        ("docs/en/01-basics/02-second.md", 9, 1, "link"),
        ("docs/en/01-basics/02-second.md", 9, 11, "image-alt"),
        ("docs/en/01-basics/02-second.md", 9, 11, "image-missing"),
        ("docs/kk/01-basics/01-first.md", 1, None, "empty-file"),
    ]


def test_config_severity_override(minimal: Path) -> None:
    (minimal / SECOND_EN).write_text(_page("![](y.png)"), encoding="utf-8")
    (minimal / SECOND_EN).parent.joinpath("y.png").write_bytes(b"\x89PNG")
    config = minimal / "course.yml"
    config.write_text(config.read_text(encoding="utf-8") + "validation:\n  image-alt: error\n",
                      encoding="utf-8")
    result = run_cli(minimal, "check")
    assert result.exit_code == 1
    assert f"{SECOND_EN}:9:1: error: image 'y.png' has no alt text; describe it in the " \
        "page's language: ![description](...) [image-alt]" in result.output.splitlines()


def test_a_large_generated_course_checks_clean(tmp_path: Path) -> None:
    from bench.generate import generate
    from build_tools.build.pipeline import check_course

    # How fast is measured by `make bench` (bench/run.py) on the same generator.
    assert generate(tmp_path / "big", modules=10, lessons=18) == 603
    course, diagnostics = check_course(tmp_path / "big")
    assert course is not None and [d.format() for d in diagnostics] == []
    assert sum(1 for _ in course.all_pages()) == 603


def test_orphans_are_off_by_default(minimal: Path) -> None:
    extra = minimal / "docs/ru/01-basics/03-extra.md"
    extra.write_text(_page("x", "id: ba-03\ntitle: Extra\n"), encoding="utf-8")
    result = run_cli(minimal, "check")
    assert result.exit_code == 0
    assert "[orphan]" not in result.output


def _edit_mkdocs(root: Path, old: str, new: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(root: Path, text: str) -> int:
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip() == text)


def test_mkdocs_languages_match_course(minimal: Path) -> None:
    _edit_mkdocs(minimal, "- locale: ru", "- locale: rus")
    result = run_cli(minimal, "check")
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        f"mkdocs.yml:{_line_of(minimal, 'languages:')}: error: language 'ru' of course.yml is "
        "missing from the i18n plugin's 'languages'; add '- locale: ru' [language]",
        f"mkdocs.yml:{_line_of(minimal, '- locale: rus')}: error: i18n language 'rus' is not "
        "in 'languages' of course.yml ('kk', 'ru', 'en'); list the same languages in both "
        "[language]",
    ]


def test_mkdocs_default_language_matches_course(minimal: Path) -> None:
    config = minimal / "course.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("default_language: kk",
                                                                 "default_language: ru"),
                      encoding="utf-8")
    result = run_cli(minimal, "check")
    assert result.exit_code == 1
    assert (f"mkdocs.yml:{_line_of(minimal, 'default: true')}: error: the i18n default "
            "language is 'kk' but 'default_language' in course.yml is 'ru'; make them the "
            "same [language]") in result.output.splitlines()
