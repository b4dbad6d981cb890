"""Symbolic links that would publish files from outside the docs folder."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..loader import symlink_problems
from ..model import Course


def check_symlinks(course: Course) -> Iterator[Diagnostic]:
    """Symbolic links that leave the docs folder."""
    yield from symlink_problems(course.root, course.docs_dir)
