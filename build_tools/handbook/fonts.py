"""The handbook's fonts: the site's Noto Sans, one file per style, and the letters it covers.

The site ships Noto Sans split by script (latin, cyrillic, cyrillic-ext) with
``unicode-range``; WeasyPrint mixes up glyphs when one family is split over
several files, so each style's subsets are merged into one font here, once
per process. A letter the font lacks would be drawn with whatever font the
machine has (or not at all): the handbook reports it instead.
"""

from __future__ import annotations

import io
import unicodedata
from functools import cache
from pathlib import Path

from fontTools.merge import Merger
from fontTools.ttLib import TTFont

FONTS_DIR = Path(__file__).resolve().parent.parent / "theme" / "assets" / "fonts"
FAMILY = "Noto Sans"
SUBSETS = ("latin", "cyrillic", "cyrillic-ext")
STYLES = {"400-normal": (400, "normal"), "400-italic": (400, "italic"),
          "700-normal": (700, "normal")}
"""The shipped styles: file suffix -> (CSS weight, CSS style). Bold italic is slanted bold."""
SCHEME = "course-font:"
"""URL scheme under which the merged fonts are served to WeasyPrint."""


@cache
def merged_font(style: str) -> bytes:
    """Return the TrueType font of ``style`` (``400-normal``) with every subset merged."""
    parts = []
    for subset in SUBSETS:
        font = TTFont(FONTS_DIR / f"noto-sans-{subset}-{style}.woff2")
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    merged = Merger().merge(parts)
    out = io.BytesIO()
    merged.save(out, reorderTables=True)
    return out.getvalue()


@cache
def covered() -> frozenset[int]:
    """Return the code points that every shipped style can draw."""
    sets = [set(TTFont(io.BytesIO(merged_font(style))).getBestCmap()) for style in STYLES]
    return frozenset(set.intersection(*sets))


def missing_letters(text: str) -> list[str]:
    """Return the characters of ``text`` the fonts cannot draw, each once, in order."""
    have = covered()
    found: dict[str, None] = {}
    for char in text:
        if ord(char) not in have and not char.isspace() and unicodedata.category(char)[0] != "C":
            found[char] = None
    return list(found)


def font_faces() -> str:
    """Return the ``@font-face`` rules of the handbook's fonts."""
    return "\n".join(
        f'@font-face {{ font-family: "{FAMILY}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{SCHEME}{name}.ttf"); }}' for name, (weight, style) in STYLES.items())
