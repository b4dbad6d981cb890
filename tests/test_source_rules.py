"""Everything the build or a package writer refuses, ``course check`` reports first, at its line.

Each case breaks a fresh copy of the minimal course in one way; ``course check``
and ``course build`` must both print the same ``path:line`` diagnostic, exit 1
and write nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.course.loader import load_course
from tests.conftest import course_config, run_cli

LESSON = "docs/en/01-basics/01-first.md"
MODULE = "docs/en/01-basics/index.md"
LESSON_LINES = 11
"""Lines of the lesson before anything is appended."""


def _append(text: str, path: str = LESSON) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / path).open("a", encoding="utf-8") as file:
            file.write(text)
    return change


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text
        (root / path).write_text(text.replace(old, new), encoding="utf-8")
    return change


def _everywhere(old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for lang in course_config("minimal").languages:
            _replace(f"docs/{lang}/01-basics/index.md", old, new)(root)
    return change


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    return lambda root: (root / "docs/en/01-basics" / name).symlink_to(target)



def _quiz(header: str, body: str = "") -> str:
    return f"\n/// quiz | Question?\n{header}\n{body}///\n"


TEXT_QUIZZES = "".join(_quiz(f"    id: tq-{i}\n    type: text\n    answer: [a]")
                       for i in range(40))
OUT_OF_DOCS = "nothing outside it is published: copy the file into the docs folder and " \
              "link to the copy"
SCRIPT = "would run script in the page; pages carry no scripts of their own: remove it"
STRAY = ("the file is not a page of the course, but MkDocs would publish it outside the "
         "navigation and the packages; make it a numbered lesson of a module, or move it out "
         "of the docs folder")
NESTED = ("a '/// quiz' block inside an admonition, list item or quote would show on the site "
          "but never reach the LMS; start the '///' line at the left margin")
L = LESSON_LINES

# (what the author did, the exact diagnostic both commands print)
CASES = [
    # manifest limits and characters
    (_replace(LESSON, "title: Human dignity", 'title: "Human\\u0007dignity"'),
     f"{LESSON}:3: error: the title holds control or unassigned characters (U+0007), which "
     "web pages and SCORM manifests cannot carry; retype the title [title-characters]"),
    (_replace("course.yml", "  en: A small course", "  en: " + "x" * 201),
     "course.yml:5: error: the course title in 'en' has 201 characters; a SCORM 1.2 manifest "
     "holds at most 200: shorten it [scorm-title]"),
    (_replace(MODULE, "title: The basics", "title: " + "y" * 190),
     f"{MODULE}:3: error: the module package's title (the course title, ' — ', this title) "
     "has 207 characters; a SCORM 1.2 manifest holds at most 200: shorten this title or the "
     "course title [scorm-title]"),
    # ids the packages already use
    (_everywhere("id: ba\n", "id: course\n"),
     f"{MODULE}:2: error: module id 'course' is reserved: the whole course's packages are "
     "named '<course id>_course_<language>_...'; choose another id [reserved-id]"),
    (_everywhere("id: ba\n", "id: runtime\n"),
     f"{MODULE}:2: error: module id 'runtime' is reserved: the packages' tracking scripts are "
     "the resource 'RES-runtime'; choose another id [reserved-id]"),
    # what the learner's answers may need
    (_append(TEXT_QUIZZES),
     f"{MODULE}:2: error: module 'ba' can need 5195 characters of suspend_data (40 questions, "
     "3 pages), over the SCORM 1.2 limit of 4096; split the module, use fewer text questions, "
     "or build only SCORM 2004 with 'outputs: [site, scorm2004]' in course.yml "
     "[scorm-suspend]"),
    # files outside the docs folder, in every form of link
    (_append("\n![Host](/etc/hostname)\n"),
     f"{LESSON}:{L + 2}:1: error: image '/etc/hostname' is an absolute path; the site and the "
     "packages open from any folder, so write the path relative to this page [outside-docs]"),
    (_append("\n![Secret](../../../secret.png)\n"),
     f"{LESSON}:{L + 2}:1: error: image '../../../secret.png' points outside the docs folder, "
     f"to 'secret.png'; {OUT_OF_DOCS} [outside-docs]"),
    (_append("\nSee [the settings][s].\n\n[s]: ../../../course.yml\n"),
     f"{LESSON}:{L + 4}:6: error: link '../../../course.yml' points outside the docs folder, "
     f"to 'course.yml'; {OUT_OF_DOCS} [outside-docs]"),
    (_append('\n<img src="../../../mkdocs.yml" alt="Settings">\n'),
     f"{LESSON}:{L + 2}:1: error: image '../../../mkdocs.yml' points outside the docs folder, "
     f"to 'mkdocs.yml'; {OUT_OF_DOCS} [outside-docs]"),
    # reference-style and raw HTML links are checked like inline ones
    (_append("\nSee [the rules][r].\n\n[r]: 03-rules.md\n"),
     f"{LESSON}:{L + 4}:6: error: link to '03-rules.md', but no page '01-basics/03-rules.md' "
     "exists; check the file name [link]"),
    (_append('\nSee <a href="02-second.md#nowhere">the second lesson</a>.\n'),
     f"{LESSON}:{L + 2}:5: error: link to '02-second.md#nowhere', but "
     "'docs/en/01-basics/02-second.md' has no heading with anchor '#nowhere' [link-anchor]"),
    (_append("\n![Chart][c]\n\n[c]: images/chart.png\n"),
     f"{LESSON}:{L + 4}:6: error: image 'images/chart.png' not found; put the file at "
     "'docs/en/01-basics/images/chart.png' [image-missing]"),
    # author content never runs as script
    (_append("\n<script>alert(1)</script>\n"),
     f"{LESSON}:{L + 2}:1: error: raw HTML '<script>' {SCRIPT} [script]"),
    (_append('\n<p onmouseover="alert(1)">Hover</p>\n'),
     f"{LESSON}:{L + 2}:1: error: raw HTML 'onmouseover=' {SCRIPT} [script]"),
    (_append("\n[Click](javascript:void)\n"),
     f"{LESSON}:{L + 2}:1: error: link 'javascript:void' would run script; link to a page or "
     "a web address instead [script]"),
    # everything MkDocs publishes is part of the course
    (lambda root: (root / "docs/en/notes.md").write_text("# Notes\n", encoding="utf-8"),
     f"docs/en/notes.md:1: error: {STRAY} [stray-page]"),
    (lambda root: (root / "docs/README.md").write_text("# Read me\n", encoding="utf-8"),
     f"docs/README.md:1: error: {STRAY} [stray-page]"),
    (lambda root: (root / "docs/en/01-basics/more").mkdir() or (
        root / "docs/en/01-basics/more/extra.md").write_text("# Extra\n", encoding="utf-8"),
     f"docs/en/01-basics/more/extra.md:1: error: {STRAY} [stray-page]"),
    (_append("\n!!! note\n\n    /// quiz | Nested?\n        id: nested-q1\n\n    - [x] A\n"
             "    - [ ] B\n    ///\n"),
     f"{LESSON}:{L + 4}: error: {NESTED} [quiz-nested]"),
    (_append("\n1. First\n\n    /// quiz | In a list?\n"),
     f"{LESSON}:{L + 4}: error: {NESTED} [quiz-nested]"),
    # links that loop
    (_symlink("loop.png", "loop.png"),
     "docs/en/01-basics/loop.png:1: error: symbolic link leads back to itself (a loop); "
     "remove it or copy the file in instead [symlink]"),
    (_symlink("again", "."),
     "docs/en/01-basics/again:1: error: symbolic link points to 'docs/en/01-basics', a folder "
     "that holds the link itself (a loop); remove it [symlink]"),
    # the guarantees cannot be switched off
    (_append("validation: {outside-docs: ignore}\n", "course.yml"),
     "course.yml:11: error: 'validation.outside-docs' cannot be set: problems with code "
     "'outside-docs' always stop the build; remove the line [config]"),
    # edge values
    (_replace(LESSON, "id: ba-01", 'id: "ba-01\\n"'),
     f"{LESSON}:2: error: 'id' must be lowercase letters, digits and '-', such as 'mr-01', got "
     "'ba-01\\n' [front-matter]"),
    (_replace(LESSON, "title: Human dignity", "title: &t Human dignity\nalias: *t"),
     f"{LESSON}:4: error: front matter: anchors and aliases ('&name', '*name') are not "
     "allowed; write the value out in full [front-matter]"),
    (lambda root: (root / "docs/en/01-basics").rename(root / "docs/en/\u0661\u0662-basics"),
     "docs/en/\u0661\u0662-basics: error: folder '\u0661\u0662-basics' is not a module: module "
     "folders are named like '01-topic' [layout]"),
    (_append(_quiz(f"    id: {'q' * 256}", "- [x] A\n- [ ] B\n")),
     f"{LESSON}:{L + 3}: error: question id has 256 characters; an LMS keeps at most 255 "
     "(SCORM 1.2 CMIIdentifier, RTE 3.4.2.6.1): shorten it [quiz-bad-id]"),
    (_append(_quiz("    id: inf-q\n    type: numeric\n    answer: 5\n    tolerance: .inf")),
     f"{LESSON}:{L + 6}: error: 'tolerance' of question 'inf-q' must be a number of 0 or more, "
     "got inf [quiz-numeric-answer]"),
    (_replace(LESSON, "title: Human dignity", "title: Human dignity\npass_mark: 90"),
     f"{LESSON}:4: error: 'pass_mark' only counts in a module's 'index.md', where it sets the "
     "pass mark of the module test; move it there [front-matter]"),
    (_append(_quiz("    id: empty-q\n    type: text\n    answer: []")),
     f"{LESSON}:{L + 5}: error: question 'empty-q' is a text question but has answer []; list "
     "the accepted answers, such as 'answer: [\"Mandela\", \"Nelson Mandela\"]' "
     "[quiz-text-answer]"),
]


BUILD_TOO = {0, 1, 3, 5, 7, 9, 10, 13, 16, 17, 19, 21, 23}
"""Cases the build used to report elsewhere (a temporary folder, a zip, mkdocs.yml) or not
at all; the build runs every check, so the others are checked with ``course check`` only."""


@pytest.mark.parametrize(("change", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_check_and_build_report_the_source(request: pytest.FixtureRequest, minimal: Path,
                                           change: Callable[[Path], None],
                                           expected: str) -> None:
    change(minimal)
    build = int(request.node.callspec.id) in BUILD_TOO
    for command in ("check", "build") if build else ("check",):
        result = run_cli(minimal, command)
        assert result.exit_code == 1, result.output
        assert expected in result.output.splitlines(), result.output
        assert "Traceback" not in result.output
        assert not (minimal / "site").exists() and not (minimal / "dist").exists()
        assert [p.name for p in minimal.iterdir() if p.name.startswith(".")
                and p.name != ".cache"] == []  # kept results, never a staged folder


def _in_every_language(text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        for lang in course_config("minimal").languages:
            _append(text, f"docs/{lang}/01-basics/01-first.md")(root)
    return change


NFD = unicodedata.normalize("NFD", "Пётр Йоханнес")


# (what the author did, a question id, its accepted answers) — values that work
WORKING = [
    (_in_every_language(_quiz("\tid: tab-q1\n\ttype: numeric\n\tanswer: 0.00001")), "tab-q1",
     ["0.00001"]),
    (_in_every_language(_quiz(f"    id: nfd-q1\n    type: text\n    answer: [\"{NFD}\"]")),
     "nfd-q1", ["Пётр Йоханнес"]),
]


@pytest.mark.parametrize(("change", "qid", "correct"), WORKING, ids=["tab-decimals", "nfd"])
def test_values_that_work(minimal: Path, change: Callable[[Path], None], qid: str,
                          correct: list[str]) -> None:
    change(minimal)
    result = run_cli(minimal, "check")
    assert result.exit_code == 0, result.output
    course, _ = load_course(minimal)
    assert course is not None
    answers = {list(q.answer)[0] for p in course.all_pages() for q in p.questions if q.id == qid}
    assert answers == set(correct)


def test_decomposed_title_matches_its_heading(minimal: Path) -> None:
    title = "Достоинство и права заключённой"  # й and ё have decomposed forms
    path = minimal / "docs/ru/01-basics/01-first.md"
    text = path.read_text(encoding="utf-8").split("\n")
    text[2] = "title: " + unicodedata.normalize("NFD", title)
    text[4] = "# " + title
    assert unicodedata.normalize("NFD", title) != title
    path.write_text("\n".join(text), encoding="utf-8")
    result = run_cli(minimal, "check")
    assert result.exit_code == 0, result.output
    assert "title-heading" not in result.output
