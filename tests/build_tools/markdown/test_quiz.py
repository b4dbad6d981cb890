"""Golden tests of the quiz Markdown extension: ``quiz/<case>.md`` -> ``<case>.html``.

Error cases (``error-*.md``) expect the exception text in ``<case>.err``.
Regenerate with ``pytest --update-golden`` and review the diff.
"""

from pathlib import Path

import markdown
import pytest
import yaml

from build_tools.markdown.quiz import decode_key, encode_key
from build_tools.quiz import QuizSyntaxError

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


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_ui_string_is_translated_with_its_placeholders(lang: str) -> None:
    import re

    from build_tools.i18n import catalog
    from build_tools.markdown.quiz import STRINGS

    strings = catalog(lang, "quiz")
    assert set(strings) == set(STRINGS)
    for msgid, text in strings.items():
        assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", msgid))
