"""The shipped fonts: each ``@font-face`` range is true to its file, and covers every letter."""

from __future__ import annotations

from functools import cache

import pytest
from fontTools.ttLib import TTFont

from build_tools.languages.fonts import FONTS_CSS, faces, uncovered
from build_tools.languages.letters import has_letters, letters, parse_unicode_set
from build_tools.languages.search import TABLES_DIR

HUB = sorted(p.stem for p in TABLES_DIR.glob("*.json"))
"""The languages with search rules: those the academy teaches in."""
FACES = faces(FONTS_CSS.read_text("utf-8"))


@cache
def cmap(src: str) -> frozenset[int]:
    font = TTFont(FONTS_CSS.parent / src)
    return frozenset(font.getBestCmap())


@pytest.mark.parametrize("style", sorted({face.style for face in FACES}))
def test_the_files_have_the_glyphs_their_ranges_promise(style: str) -> None:
    """Where faces overlap, the browser tries each face whose range has the letter."""
    group = [face for face in FACES if face.style == style]
    wanted = {c for lang in HUB for c in letters(lang)}
    missing = sorted(c for c in wanted if any(f.covers(c) for f in group)
                     and not any(f.covers(c) and ord(c) in cmap(f.src) for f in group))
    assert missing == []
    assert all(any(f.covers(c) for c in wanted) for f in group), "a face serves no letter"


@pytest.mark.parametrize("lang", HUB)
def test_every_letter_of_the_hub_languages_is_covered(lang: str) -> None:
    assert has_letters(lang)
    assert uncovered(letters(lang), FONTS_CSS.read_text("utf-8")) == {}


def test_the_three_styles_are_shipped() -> None:
    assert {face.style for face in FACES} == {"normal 400", "italic 400", "normal 700"}


@pytest.mark.parametrize(("lang", "sample"), [
    ("kk", "әғқңөұүһі"), ("ky", "ңөү"), ("tg", "ғӣқӯҳҷ"), ("uz", "ʻʼ"), ("ru", "ёЁ"),
])
def test_letters_come_from_the_cldr(lang: str, sample: str) -> None:
    assert set(sample) <= letters(lang)
    assert {c.upper() for c in sample if len(c.upper()) == 1} <= letters(lang)


def test_unicode_sets_are_parsed() -> None:
    assert parse_unicode_set(r"[a-c {oʻ} \- \u00E9 ʼ]") == {"a", "b", "c", "o", "ʻ", "-",
                                                           "é", "ʼ"}
