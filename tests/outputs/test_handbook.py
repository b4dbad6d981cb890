"""The printed handbooks of the sample course, opened as a reader's PDF tools open them."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.course.loader import load_course
from build_tools.course.model import Course, Question
from build_tools.outputs.handbook import handbook_name
from build_tools.questions.parse import find_blocks
from tests.conftest import SAMPLE_EPOCH, course_config

LANGS = course_config("sample").languages
"""The sample course's languages."""
PAGE_LABEL = {"kk": r"(\d+)-модуль · (\d+)-бет", "ru": r"Модуль (\d+) · с\. (\d+)",
              "en": r"Module (\d+) · page (\d+)"}


@pytest.fixture(scope="session")
def sample(sample_course: Path) -> tuple[Course, Path]:
    """The sample course's model and its ``dist/`` after the session's one build."""
    course, _ = load_course(sample_course)
    assert course is not None
    return course, sample_course / "dist"


def pdf(dist: Path, scope: str, lang: str, edition: str = "trainee") -> Path:
    return dist / handbook_name("mandela-rules", scope, lang, edition)


def text_of(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text ``pdftotext`` extracts (poppler, as a reader's tools see it)."""
    pages = [arg for arg, value in (("-f", first), ("-l", last)) if value
             for arg in (arg, str(value))]
    return subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def flat(text: str) -> str:
    """Text without spaces, line breaks, hyphens and Markdown marks: wrapping-proof."""
    return re.sub(r"[\s\-\u00ad*_`]+", "", text)


def loose(text: str) -> str:
    """A pattern matching ``text`` however the PDF wrapped or hyphenated it."""
    return r"[\s\-\u00ad]*".join(re.escape(char) for char in flat(text))


def listed_page(contents: str, title: str) -> str | None:
    """The page number printed after ``title`` (and its dot leader) in a contents page."""
    found = re.search(loose(title) + r"[\s.]*?(\d+)(?!\d)", contents)
    return found.group(1) if found else None


def quizzes(course: Course, lang: str) -> Iterator[tuple[Question, str]]:
    """Every question of the course in ``lang``, with the prose of its page (no questions)."""
    for lesson in course.lessons():
        page = course.fallback_for(lesson, lang)
        assert page is not None
        inside = {number for block in find_blocks(page.body, page.body_line)
                  for number in range(block.line, block.body[-1][0] + 2 if block.body
                                      else block.line + len(block.header) + 2)}
        prose = "\n".join(line for number, line in enumerate(
            page.body.split("\n"), page.body_line) if number not in inside)
        for question in page.questions:
            yield question, prose


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, 0-based page) of every outline entry, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title),  # type: ignore[attr-defined]
                              reader.get_destination_page_number(item)))  # type: ignore[arg-type]

    walk(reader.outline, 0)
    return found


def test_every_module_and_the_course_in_every_language_and_edition(
        sample: tuple[Course, Path]) -> None:
    course, dist = sample
    expected = {handbook_name(course.id, scope, lang, edition)
                for scope in [*(m.id for m in course.modules), "course"]
                for lang in LANGS for edition in ("trainee", "trainer")}
    assert {p.name for p in dist.glob("*.pdf")} == expected
    for scope in ("mr", "course"):
        reader = PdfReader(pdf(dist, scope, "kk"))
        page = reader.pages[0]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == \
            (595, 842)  # A4 in points
    sizes = [len(PdfReader(pdf(dist, m.id, lang)).pages) for m in course.modules
             for lang in LANGS]
    assert min(sizes) >= 8 and max(sizes) <= 25
    assert 40 <= len(PdfReader(pdf(dist, "course", "ru")).pages) <= 80


@pytest.mark.parametrize("lang", LANGS)
def test_outline_and_contents_give_each_lesson_its_page(sample: tuple[Course, Path],
                                                        lang: str) -> None:
    course, dist = sample
    path = pdf(dist, "course", lang)
    reader = PdfReader(path)
    entries = {title: page for _, title, page in outline(reader)}
    contents = text_of(path, 2, 3)
    for number, module in enumerate(course.modules, start=1):
        for lesson in module.lessons:
            title = course.title_of(lesson, lang)
            assert title in entries, title
            header = re.search(PAGE_LABEL[lang], reader.pages[entries[title]].extract_text())
            assert header is not None, title
            assert int(header.group(1)) == number
            assert listed_page(contents, title) == header.group(2), title


def test_module_contents_point_at_the_lessons(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    module = course.modules[1]
    path = pdf(dist, module.id, "en")
    reader = PdfReader(path)
    entries = {title: page for _, title, page in outline(reader)}
    opener = text_of(path, 2, 2)
    for lesson in module.lessons:
        title = course.title_of(lesson, "en")
        page_number = entries[title]
        printed = re.search(PAGE_LABEL["en"], reader.pages[page_number].extract_text())
        assert printed is not None
        assert listed_page(opener, title) == printed.group(2), title


def test_fonts_are_the_shipped_noto_sans_embedded(sample: tuple[Course, Path]) -> None:
    _, dist = sample
    for lang in LANGS:
        listing = subprocess.run(["pdffonts", str(pdf(dist, "course", lang, "trainer"))],
                                 check=True, capture_output=True, text=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:]]
        assert rows
        assert all(re.fullmatch(r"[A-Z]{6}\+NotoSans-(Regular|Bold|Italic)", row[0])
                   for row in rows)
        assert all(row[-5:-2] == ["yes", "yes", "yes"] for row in rows)  # emb sub uni


def structure(reader: PdfReader) -> list[tuple[str, str | None, str | None]]:
    """The structure elements of a tagged PDF in reading order: (role, alternative text, lang)."""
    found: list[tuple[str, str | None, str | None]] = []

    def walk(node: object) -> None:
        element = getattr(node, "get_object", lambda: node)()
        if isinstance(element, dict) and "/S" in element:
            alt, lang = element.get("/Alt"), element.get("/Lang")
            found.append((str(element["/S"]), None if alt is None else str(alt),
                          None if lang is None else str(lang)))
            kids = element.get("/K")
            for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                walk(kid)

    top = reader.trailer["/Root"]["/StructTreeRoot"].get_object()["/K"]
    for kid in top if isinstance(top, list) else [top]:
        walk(kid)
    return found


def test_handbooks_are_tagged_for_screen_readers(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    for lang in LANGS:
        reader = PdfReader(pdf(dist, "mr", lang))
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert root["/Lang"] == lang
        roles = structure(reader)
        names = [role for role, _, _ in roles]
        assert {"/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link"} <= set(names)
        figures = [alt for role, alt, _ in roles if role == "/Figure"]
        assert figures and all(figures), "every image keeps its alternative text"
    (first, *_) = [alt for role, alt, _ in structure(PdfReader(pdf(dist, "mr", "kk")))
                   if role == "/Figure"]
    assert first.startswith("Хронология")


def test_kazakh_letters_come_out_intact(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    text = text_of(pdf(dist, "mr", "kk"))
    for lesson in course.modules[0].lessons:
        assert flat(course.title_of(lesson, "kk")) in flat(text)
    sources = "".join(p.path.read_text(encoding="utf-8") for p in course.all_pages()
                      if p.lang == "kk")
    letters = {c for c in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" if c in sources}
    assert len(letters) >= 12
    assert letters <= set(text_of(pdf(dist, "course", "kk")))


def test_trainee_editions_hold_no_answer(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    for lang in LANGS:
        text = flat(text_of(pdf(dist, "course", lang)))
        found = list(quizzes(course, lang))
        prose = flat(" ".join(text for _, text in found))
        for quiz, _ in found:
            for secret in (quiz.explanation, *quiz.feedback):
                if secret and flat(secret) not in prose:  # not also said in a lesson
                    assert flat(secret) not in text, secret
        assert "Answer key" not in text and "Correctanswer" not in text
    assert "Жауаптаркілті" not in flat(text_of(pdf(dist, "course", "kk")))


def test_the_trainers_edition_has_every_answer(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    text = flat(text_of(pdf(dist, "course", "ru", "trainer")))
    numbers = {"15": "15", "122": "122"}
    for quiz, _ in quizzes(course, "ru"):
        question = quiz
        for index in question.correct:
            assert flat("ABCDEFGH"[index] + question.options[index]) in text, question.id
        if question.type == "truefalse":
            assert flat("Правильный ответ" + ("A Верно" if question.answer == ("true",)
                                              else "B Неверно")) in text, question.id
        if question.type == "text":
            accepted = ", ".join(f"«{answer}»" for answer in question.answer)
            assert flat("Засчитываемые ответы " + accepted) in text, question.id
        if question.type == "numeric":
            value = numbers.get(question.answer[0], question.answer[0])
            assert flat("Правильный ответ " + value) in text, question.id
        if quiz.explanation:
            assert flat("Пояснение" + quiz.explanation) in text, question.id
        for feedback in filter(None, quiz.feedback):
            assert flat(feedback) in text, question.id


def test_pdf_dates_come_from_source_date_epoch(sample: tuple[Course, Path]) -> None:
    _, dist = sample
    info = PdfReader(pdf(dist, "rn", "en", "trainer")).metadata
    assert info is not None
    assert info["/CreationDate"].startswith("D:20251120000000")
    assert info["/Title"] == ("The Nelson Mandela Rules in daily prison and probation work — "
                              "Risk and needs assessment and managing high-risk prisoners "
                              "(Trainer's edition)")
    assert info["/Author"].startswith("Kostanay Academy of the Ministry of Internal Affairs")
    assert "Version 2026.1 · November 20, 2025" in text_of(pdf(dist, "rn", "en"), 1, 1)
    assert "2026.1 нұсқасы · 2025 ж. 20 қараша" in text_of(pdf(dist, "rn", "kk"), 1, 1)


def test_the_same_sources_give_byte_identical_pdfs(sample: tuple[Course, Path],
                                                   tmp_path: Path) -> None:
    course, dist = sample
    script = ("import sys; from pathlib import Path; "
              "from build_tools.course.loader import load_course; "
              "from build_tools.outputs.handbook import write_handbooks; "
              "course, _ = load_course(Path(sys.argv[1])); "
              "write_handbooks(course, Path(sys.argv[1]) / 'site', Path(sys.argv[2]), 'kk', "
              "cache_dir=Path(sys.argv[2]) / 'empty-cache')")
    subprocess.run([sys.executable, "-c", script, str(course.root), str(tmp_path)], check=True,
                   env={"SOURCE_DATE_EPOCH": SAMPLE_EPOCH, "PATH": "/usr/bin:/bin"})
    again = sorted(tmp_path.glob("*.pdf"))
    assert len(again) == 10
    for path in again:
        assert path.read_bytes() == (dist / path.name).read_bytes(), path.name


def test_hyphenation_only_where_a_dictionary_exists(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    breaks = {}
    for lang in LANGS:
        reader = PdfReader(pdf(dist, "course", lang))
        text = "\n".join(page.extract_text() for page in reader.pages)
        sources = " ".join(p.path.read_text(encoding="utf-8") for p in course.all_pages()
                           if p.lang == lang)
        breaks[lang] = [f"{a}-{b}" for a, b in re.findall(r"(\w+)-\n(\w+)", text)
                        if f"{a}-{b}" not in sources]
    assert breaks["kk"] == []  # no Kazakh dictionary: only the author's own hyphens
    assert len(breaks["ru"]) > 50 and len(breaks["en"]) > 20  # pyphen's dictionaries at work


def test_both_editions_share_the_modules_pages(sample: tuple[Course, Path]) -> None:
    course, dist = sample
    for lang in LANGS:
        for module in course.modules:
            trainee = PdfReader(pdf(dist, module.id, lang)).pages
            trainer = PdfReader(pdf(dist, module.id, lang, "trainer")).pages
            assert len(trainer) > len(trainee)  # the answer key follows
            for number in range(1, len(trainee)):  # after the cover, page for page the same
                assert trainee[number].extract_text() == trainer[number].extract_text(), \
                    (module.id, lang, number)
