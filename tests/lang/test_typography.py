"""Quotation marks, dashes and letter order per language, from the language tables."""

from __future__ import annotations

import pytest

from build_tools.languages.typography import alphabet, quotes, sort_key, ties_before_dash


@pytest.mark.parametrize(("lang", "marks", "tie"), [
    ("kk", ("«", "»"), True), ("ru", ("«", "»"), True), ("ky", ("«", "»"), True),
    ("tg", ("«", "»"), True), ("uz", ("“", "”"), True), ("en", ("“", "”"), False),
    ("tk", ("“", "”"), False),  # no table: English marks, no tie
])
def test_quotes_and_dashes(lang: str, marks: tuple[str, str], tie: bool) -> None:
    assert quotes(lang) == marks
    assert ties_before_dash(lang) is tie


@pytest.mark.parametrize(("lang", "words"), [
    ("kk", ["арна", "әдеп", "бас", "ұрпақ", "үкім", "іс"]),
    ("ru", ["ель", "ёж", "жук", "яма"]),
    ("ky", ["нуска", "ңаа", "орун", "өкүм", "укук", "үй", "ыр"]),
    ("tg", ["иҷро", "ӣ", "йод", "ум", "ӯ", "фан", "хат", "ҳуқуқ", "чора", "ҷавоб", "шарт"]),
    ("uz", ["ozod", "qonun", "zarur", "Oʻzbek", "gʻoya", "shahar", "chora", "ʼ"]),
    ("en", ["Apple", "banana", "Cherry"]),
])
def test_words_sort_as_in_each_languages_dictionaries(lang: str, words: list[str]) -> None:
    assert sorted(reversed(words), key=sort_key(lang)) == words


def test_a_language_without_alphabet_sorts_by_code_points() -> None:
    assert alphabet("tk") == ()
    assert sorted(["ýyl", "ab", "Zat"], key=sort_key("tk")) == ["ab", "Zat", "ýyl"]
