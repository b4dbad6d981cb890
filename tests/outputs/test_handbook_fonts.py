"""The handbook's merged fonts carry no build time: PDFs are the same bytes at any hour."""

from __future__ import annotations

import time

import pytest

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
