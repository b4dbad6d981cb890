"""Which characters the site's fonts cover, read from their ``@font-face`` rules.

The theme's ``course-fonts.css`` declares each shipped font file with the
``unicode-range`` it covers (Noto Sans subsets); a test checks each range
against the file's own character map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FONTS_CSS = (Path(__file__).resolve().parents[1] / "theme" / "assets" / "stylesheets"
             / "course-fonts.css")
_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
_PROPERTY = re.compile(r"([a-z-]+)\s*:\s*([^;]+);")
_RANGE = re.compile(r"U\+([0-9A-Fa-f?]+)(?:-([0-9A-Fa-f]+))?")


@dataclass(frozen=True)
class Face:
    """One ``@font-face`` rule: a font file and the characters it is used for."""

    style: str
    """``normal 400``, ``italic 400``, ``normal 700``."""
    src: str
    ranges: tuple[tuple[int, int], ...]

    def covers(self, char: str) -> bool:
        """True when ``char`` is in the face's ``unicode-range``."""
        return any(low <= ord(char) <= high for low, high in self.ranges)


def faces(css: str) -> list[Face]:
    """Return the ``@font-face`` rules of a style sheet."""
    found = []
    for body in _FACE.findall(css):
        props = {k: v.strip() for k, v in _PROPERTY.findall(body + ";")}
        style = f"{props.get('font-style', 'normal')} {props.get('font-weight', '400')}"
        src = re.search(r"url\(\s*['\"]?([^'\")]+)", props.get("src", ""))
        found.append(Face(style, src.group(1) if src else "",
                          tuple(_ranges(props.get("unicode-range", "U+0-10FFFF")))))
    return found


def _ranges(text: str) -> list[tuple[int, int]]:
    result = []
    for low, high in _RANGE.findall(text):
        if "?" in low:
            result.append((int(low.replace("?", "0"), 16), int(low.replace("?", "F"), 16)))
        else:
            result.append((int(low, 16), int(high or low, 16)))
    return result


def uncovered(chars: frozenset[str], css: str) -> dict[str, list[str]]:
    """Return, per font style of ``css``, the characters of ``chars`` no face of it covers."""
    styles: dict[str, list[Face]] = {}
    for face in faces(css):
        styles.setdefault(face.style, []).append(face)
    missing = {}
    for style, group in styles.items():
        gaps = sorted(c for c in chars if not any(face.covers(c) for face in group))
        if gaps:
            missing[style] = gaps
    return missing
