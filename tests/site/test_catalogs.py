"""Every string of the site's frame is translated in every language's catalog."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_tools.i18n import catalog
from build_tools.site import frame

ROOT = Path(__file__).resolve().parents[2]
THEME = ROOT / "build_tools" / "theme"
CALL = re.compile(r'(?:(?<![.\w])t|\["t"\])\("((?:[^"\\]|\\.)+)"')
"""``t("…")`` in templates and ``frame["t"]("…")`` in code; not Material's ``lang.t``."""


def used_msgids() -> set[str]:
    """Message ids the theme templates and the site code pass to ``t``."""
    found: set[str] = set()
    for path in [*THEME.rglob("*.html"), *(ROOT / "build_tools" / "site").glob("*.py")]:
        found.update(CALL.findall(path.read_text("utf-8")))
    return found | set(frame.NOTICES.values()) | {frame.GENERIC_NOTICE}


def test_msgids_are_found() -> None:
    assert {"Page not found", "Last updated: %(date)s", "In Russian",
            "Link to this section"} <= used_msgids()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_msgid_is_translated(lang: str) -> None:
    assert sorted(used_msgids() - set(catalog(lang, "site"))) == []
