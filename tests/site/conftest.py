"""One real build of the ``site`` fixture course, shared by the site tests."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.build.pipeline import build_site
from build_tools.build.progress import Progress
from tests.conftest import copy_course, course_config

_CONFIG = course_config("site")
LANGS = _CONFIG.languages
"""The languages of the ``site`` fixture course, from its course.yml."""
PREFIX = {lang: "" if lang == _CONFIG.default_language else f"{lang}/" for lang in LANGS}
"""Each language's folder in the built site."""
PAGES = ("index.html", "01-basics/index.html", "01-basics/01-first.html",
         "01-basics/02-second.html", "01-basics/03-third.html")
"""Every page of the fixture course; each language has all of them."""


@dataclass
class BuiltSite:
    """A built fixture course."""

    root: Path
    site: Path
    progress: str
    """What the build's progress display wrote."""

    def page(self, lang: str, page: str) -> Path:
        """The built file of ``page`` in ``lang``."""
        return self.site / (PREFIX[lang] + page)


def build_fixture(root: Path) -> BuiltSite:
    """Build the course at ``root`` with a progress display that writes to a string."""
    stream = io.StringIO()
    build_site(root, progress=Progress(stream, enabled=True))
    return BuiltSite(root, root / "site", stream.getvalue())


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The ``site`` fixture course, built once: kk lacks 02-second (falls back to ru), en
    lacks 03-third (falls back to kk)."""
    return build_fixture(copy_course("site", tmp_path_factory.mktemp("site") / "course"))
