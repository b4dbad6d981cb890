"""The handbook's fonts: the site's Noto Sans, one file per style, and the letters it covers.

The site ships Noto Sans split by script (latin, latin-ext, cyrillic, cyrillic-ext) with
``unicode-range``; a typesetter picks one file per family and style, so
each style's subsets are merged into one font here. Merging
takes seconds: the merged fonts are kept in the handbook's cache folder,
named by a digest of the shipped files, and the language processes of one
build merge them once between them, each process starting with another
style (:func:`merge_all`), so that the three merges run at once. A letter the font lacks would be
drawn with whatever font the machine has (or not at all): the handbook
reports it instead.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import tempfile
import unicodedata
from functools import cache
from importlib.metadata import version
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS_DIR = Path(__file__).resolve().parent.parent / "theme" / "assets" / "fonts"
FAMILY = "Noto Sans"
SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext")
STYLES = {"400-normal": (400, "normal"), "400-italic": (400, "italic"),
          "700-normal": (700, "normal")}
"""The shipped styles: file suffix -> (CSS weight, CSS style). Bold italic is slanted bold."""


def shipped_file(subset: str, style: str) -> Path:
    """Return the shipped font file of a subset (``cyrillic``) in a style (``400-normal``)."""
    return FONTS_DIR / f"noto-sans-{subset}-{style}.woff2"


MERGE_FORMAT = 2
"""Raised when :func:`_merge` makes other bytes, so that kept merges are not reused."""


@cache
def fonts_digest() -> str:
    """Return a digest of the shipped fonts, of the fontTools that merges them and of how."""
    digest = hashlib.sha256(f"fonttools {version('fonttools')}\nmerge {MERGE_FORMAT}\n".encode())
    for path in (shipped_file(subset, style) for style in STYLES for subset in SUBSETS):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def merged_font(style: str, cache_dir: Path | None = None) -> bytes:
    """Return the TrueType font of ``style`` (``400-normal``) with every subset merged.

    With ``cache_dir``, the font is read from there when an earlier build (or
    another language process of this one) merged it already, else merged and
    kept there; a lock makes processes that need it at once merge it once.
    """
    if cache_dir is None:
        return _merge(style)
    target = cache_dir / f"noto-sans-{style}-{fonts_digest()[:16]}.ttf"
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with (cache_dir / f".lock-{style}").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if target.is_file():
                return target.read_bytes()
            for stale in cache_dir.iterdir():  # older merges, a write cut short
                if stale.suffix in (".ttf", ".tmp") and stale.name.lstrip(".").startswith(
                        f"noto-sans-{style}-"):
                    stale.unlink(missing_ok=True)
            data = _merge(style)
            with tempfile.NamedTemporaryFile(dir=cache_dir, prefix=f".noto-sans-{style}-",
                                             suffix=".tmp", delete=False) as out:
                out.write(data)
            os.replace(out.name, target)
            return data
    except OSError:  # a cache that cannot be written: merge every time
        return _merge(style)


def merge_all(cache_dir: Path | None, first: int = 0) -> None:
    """Merge (or read) every style now, starting with the style at index ``first``.

    Processes that start at different styles merge different fonts at once
    and then read the others' from ``cache_dir``.
    """
    styles = list(STYLES)
    for style in styles[first % len(styles):] + styles[:first % len(styles)]:
        merged_font(style, cache_dir)


def _merge(style: str) -> bytes:
    from fontTools.merge import Merger  # a second to import; not needed once merged

    parts = []
    for subset in SUBSETS:
        font = TTFont(shipped_file(subset, style), recalcTimestamp=False)
        font.flavor = None
        buffer = io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        parts.append(buffer)
    merged = Merger().merge(parts)
    # The shipped fonts' own dates, not the time of the build: the same sources give
    # the same bytes (the merger and fontTools would stamp "now" into the 'head' table).
    merged.recalcTimestamp = False
    shipped = TTFont(shipped_file(SUBSETS[0], style))["head"]
    merged["head"].created, merged["head"].modified = shipped.created, shipped.modified
    out = io.BytesIO()
    merged.save(out, reorderTables=True)
    return out.getvalue()


@cache
def covered() -> frozenset[int]:
    """Return the code points that every shipped style can draw (in one of its subsets)."""
    sets = []
    for style in STYLES:
        sets.append({point for subset in SUBSETS
                     for point in TTFont(shipped_file(subset, style)).getBestCmap()})
    return frozenset(set.intersection(*sets))


def missing_letters(text: str) -> list[str]:
    """Return the characters of ``text`` the fonts cannot draw, each once, in order."""
    have = covered()
    found: dict[str, None] = {}
    for char in text:
        if ord(char) not in have and not char.isspace() and unicodedata.category(char)[0] != "C":
            found[char] = None
    return list(found)
