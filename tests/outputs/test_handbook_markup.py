"""Built pages as Typst markup: what an author wrote is printed as written, never run."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import markdown
import pytest
import typst
from lxml import html as lxml_html
from pypdf import PdfReader

from build_tools.course.loader import load_course
from build_tools.course.markdown_text import PLAIN_TEXT
from build_tools.handbook.book import template
from build_tools.handbook.markup import Markup
from build_tools.handbook.questions import EXTENSIONS
from build_tools.outputs.moodle_xml import MARKDOWN_EXTENSIONS
from tests.conftest import copy_course, run_cli
from tests.outputs.test_handbook import structure

TRICKY = ('#sys.exit() $x^2$ <label> @ref = h // c /* d */ *b* _i_ `r` [x] {y} \\ ~ '
          '-- --- ... -? https://e.kz \'q\' "w" 1. + - #let a = 1 #import "x.typ"')


def pdf_of(body: str) -> bytes:
    """The PDF Typst makes of HTML ``body`` with the handbook's functions."""
    markup = Markup().blocks([lxml_html.fragment_fromstring(body, create_parent="div")])
    source = (f'{template()}\n#show: setup.with("en", title: "t")\n'
              '#let page-ref(target) = [ (p. #context counter(page).at(target).first())]\n'
              + markup)
    pdf = typst.compile(source.encode())
    assert isinstance(pdf, bytes)
    return pdf


def typeset(body: str) -> str:
    """The text of the PDF Typst makes of HTML ``body``, lines joined."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_of(body))).pages)
    return " ".join(text.split())  # lines joined as they were before wrapping


def test_typst_syntax_in_the_text_is_printed_as_written() -> None:
    text = typeset(f"<p>{TRICKY.replace('&', '&amp;').replace('<', '&lt;')}</p>"
                   f"<ul><li>{TRICKY.replace('<', '&lt;')}</li></ul>"
                   f"<p><code>{TRICKY.replace('<', '&lt;')}</code></p>")
    assert text.count(TRICKY) == 3, text


def test_elements_links_and_ids_in_any_script() -> None:
    text = typeset(
        '<h2 id="l1.d2b0d0b7d0b0d29b">Қазақ тілі</h2>'
        '<p>See <a href="#l1.d2b0d0b7d0b0d29b" class="page-ref">the heading</a>, '
        '<a href="https://example.org/a?b=1">a site</a> and <strong>bold</strong>.</p>'
        '<table><thead><tr><th>A</th><th colspan="2">B</th></tr></thead>'
        '<tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table>'
        '<div class="admonition warning"><p class="admonition-title">Note</p><p>Body</p></div>'
        '<pre><code>line one\n  line #two</code></pre>')
    assert "Қазақ тілі" in text
    assert "See the heading (p. 1), a site (https://example.org/a?b=1) and bold." in text
    assert "line one" in text and "line #two" in text
    assert "Note" in text and "Body" in text


@pytest.mark.parametrize("kept", [
    '<div class="admonition note"><p class="admonition-title">Note</p>{}</div>',
    '<div class="question"><p class="question-prompt">Which?</p>{}</div>',
    '<pre><code>{}</code></pre>',
])
def test_a_block_kept_on_one_page_breaks_when_it_is_taller_than_a_page(
        kept: str, tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>Paragraph {number}: {'word ' * 40}</p>" for number in range(60))
    if kept.startswith("<pre>"):
        paragraphs = "\n".join(f"line {number}" for number in range(120))
    short = kept.format("<p>A short one, kept whole.</p>")
    path = tmp_path / "kept.pdf"
    path.write_bytes(pdf_of(f"<p>Before.</p>{kept.format(paragraphs)}<p>SHORT</p>{short}"
                            "<p>LAST</p>"))

    shown = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                           text=True).stdout  # text outside a page is not shown, nor given

    assert ("line 119" if kept.startswith("<pre>") else "Paragraph 59") in shown
    assert "LAST" in shown


@pytest.mark.parametrize("extensions", [EXTENSIONS, MARKDOWN_EXTENSIONS])
def test_question_texts_left_to_stand_are_those_markdown_leaves_alone(
        sample_course: Path, extensions: tuple[str, ...]) -> None:
    course, _ = load_course(sample_course)
    assert course is not None
    md = markdown.Markdown(extensions=list(extensions))
    texts = {text for page in course.all_pages() for question in page.questions
             for text in (question.prompt, *question.options, *question.feedback,
                          question.intro, question.explanation) if text}
    plain = [text for text in texts if PLAIN_TEXT.fullmatch(text)]
    assert len(plain) > len(texts) / 2
    for text in plain:
        md.reset()
        assert md.convert(text) == f"<p>{text.strip()}</p>", text
    for text in ("Rule 1. *Dignity*", "1. First", "- item", "a <b>c</b>", "a &amp; b",
                 "see [1](x.md)", "code `x`", "# Title", "> quote", "a\nb", "!!! note"):
        assert not PLAIN_TEXT.fullmatch(text), text


def languages(pdf: Path) -> set[str]:
    """The languages structure elements of a tagged PDF name as their own."""
    return {lang for _, _, lang in structure(PdfReader(pdf)) if lang}


def test_a_page_shown_from_the_fallback_language_is_tagged_in_it(tmp_path: Path) -> None:
    root = copy_course("minimal", tmp_path / "course")  # no Kazakh "Daily work": Russian
    with (root / "course.yml").open("a", encoding="utf-8") as handle:
        handle.write("outputs: [site, handbook]\nhandbook:\n  editions: [trainee]\n")

    result = run_cli(root, "build")

    assert result.exit_code == 0, result.output
    pdf = root / "dist" / "minimal_ba_kk_handbook.pdf"
    assert PdfReader(pdf).trailer["/Root"]["/Lang"] == "kk"
    assert "ru" in languages(pdf)
    assert "ru" not in languages(root / "dist" / "minimal_ba_en_handbook.pdf")
