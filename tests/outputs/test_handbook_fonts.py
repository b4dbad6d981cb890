"""The handbook's merged fonts carry no build time: PDFs are the same bytes at any hour."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from build_tools.handbook import fonts
from build_tools.handbook.fonts import STYLES, _merge


@pytest.mark.parametrize("style", STYLES)
def test_a_merged_font_is_the_same_bytes_later(monkeypatch: pytest.MonkeyPatch,
                                               style: str) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    first = _merge(style)
    monkeypatch.setattr(time, "time", lambda: now + 86_400)
    assert _merge(style) == first


def test_processes_merge_the_styles_in_different_orders_without_touching_each_others_files(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    merged: list[str] = []
    monkeypatch.setattr(fonts, "_merge", lambda style: merged.append(style) or style.encode())
    kept = {style: f"noto-sans-{style}-{fonts.fonts_digest()[:16]}.ttf" for style in STYLES}
    (tmp_path / ".noto-sans-400-italic-other.tmp").write_bytes(b"being written by another")
    (tmp_path / ".noto-sans-400-normal-cut.tmp").write_bytes(b"a write cut short")
    assert fonts.merged_font("400-normal", tmp_path) == b"400-normal"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".lock")) == [
        ".noto-sans-400-italic-other.tmp", kept["400-normal"]]
    fonts.merge_all(tmp_path / "next", first=1)
    assert merged == ["400-normal", "400-italic", "700-normal", "400-normal"]
    assert sorted(p.name for p in (tmp_path / "next").iterdir()
                  if not p.name.startswith(".lock")) == sorted(kept.values())
