"""Golden tests of the quiz Markdown extension: ``quiz/<case>.md`` -> ``<case>.html``.

Error cases (``error-*.md``) expect the exception text in ``<case>.err``.
Regenerate with ``pytest --update-golden`` and review the diff.
"""

from pathlib import Path

import markdown
import pytest
import yaml

from build_tools.languages.i18n import LOCALES_DIR, MSGID_LANGUAGE
from build_tools.markdown.quiz import encode_key
from build_tools.questions.parse import NESTED_MESSAGE, QuizSyntaxError
from tests.quiz_key import decode_key

CASES = Path(__file__).parent / "quiz"
OPTIONS = yaml.safe_load((CASES / "cases.yml").read_text(encoding="utf-8"))
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "pymdownx.details",
              "pymdownx.superfences", "build_tools.markdown.quiz"]


def render(case: str) -> str:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "build_tools.markdown.quiz": OPTIONS.get(case) or {}})
    return md.convert((CASES / f"{case}.md").read_text(encoding="utf-8")) + "\n"


def compare(path: Path, actual: str, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path.name}; run pytest --update-golden"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")
                                        if not p.stem.startswith("error-")))
def test_rendering(case: str, update_golden: bool) -> None:
    compare(CASES / f"{case}.html", render(case), update_golden)


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("error-*.md")))
def test_bad_syntax_raises(case: str, update_golden: bool) -> None:
    with pytest.raises(QuizSyntaxError) as caught:
        render(case)
    compare(CASES / f"{case}.err", str(caught.value) + "\n", update_golden)


def test_answer_key_round_trips_and_hides_answers() -> None:
    payload = {"correct": ["Мандела"], "tolerance": 0}
    encoded = encode_key("mr-01-q4", payload)
    assert "Мандела" not in encoded and "correct" not in encoded
    assert decode_key("mr-01-q4", encoded) == payload


def test_correct_answers_are_not_in_visible_text() -> None:
    html = render("single")
    visible = html.split("<template")[0]
    assert "Right: resolution" not in visible
    assert "revised in 2015" not in visible
    assert 'data-search-exclude=""' in html
    key = html.split('data-quiz-key="')[1].split('"')[0]
    assert decode_key("mr-01-q1", key) == {"correct": ["1"], "tolerance": 0.0}


@pytest.mark.parametrize("lang", sorted(
    path.parents[1].name for path in LOCALES_DIR.glob("*/LC_MESSAGES/quiz.po")
    if path.parents[1].name != MSGID_LANGUAGE))
def test_every_ui_string_is_translated_with_its_placeholders(lang: str) -> None:
    import re

    from build_tools.languages.i18n import catalog
    from build_tools.markdown.quiz import STRINGS

    strings = catalog(lang, "quiz")
    assert set(strings) == set(STRINGS)
    for msgid, text in strings.items():
        assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", msgid))


def test_the_parser_reads_every_fact_of_a_question() -> None:
    from build_tools.course.model import Question
    from build_tools.questions.parse import parse_page

    questions, problems = parse_page((CASES / "single.md").read_text(encoding="utf-8"), 5)
    assert problems == []
    assert questions == [Question(
        id="mr-01-q1", type="single", prompt="In which year were the *revised* Rules adopted?",
        line=5, options=("1955", "2015", "1990"), correct=(1,),
        feedback=("", "Right: resolution [70/175](https://undocs.org/A/RES/70/175).",
                  "No: 1990 is the year of the Tokyo Rules."),
        intro="Think of the resolution number.",
        explanation="The first Rules date from **1955**; they were revised in 2015.")]


def test_a_course_build_renders_the_question_of_the_model() -> None:
    from build_tools.course.model import Question

    question = Question("q1", "multiple", "From the *model*", 1, ("one", "two", "three"),
                        (0, 2), feedback=("", "not this", ""), explanation="Because.")
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "build_tools.markdown.quiz": {"questions": (question,), "from_model": True}})
    # The block in the text is stale: the model's question is what the page shows.
    html = md.convert("/// quiz | Old prompt\n    id: q1\n\n- [x] old\n- [ ] older\n///\n")
    assert '<legend class="quiz-question">From the <em>model</em></legend>' in html
    assert '<label for="quiz-q1-2">three</label>' in html and "old" not in html
    assert 'type="checkbox"' in html
    assert '<div class="quiz-option-feedback" data-option="1">not this</div>' in html
    assert decode_key("q1", html.split('data-quiz-key="')[1].split('"')[0]) == {
        "correct": ["0", "2"], "tolerance": 0.0}


def test_a_quiz_the_course_cannot_read_is_an_error() -> None:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "build_tools.markdown.quiz": {"questions": (), "from_model": True}})
    with pytest.raises(QuizSyntaxError) as caught:
        md.convert("!!! note\n\n    /// quiz | Nested?\n        id: q9\n\n    - [x] a\n"
                   "    - [ ] b\n    ///\n")
    assert str(caught.value) == f"quiz block 'q9': {NESTED_MESSAGE} [quiz-nested]"
