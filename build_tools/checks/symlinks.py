"""Symbolic links that would publish files from outside the docs folder."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic, error, rel
from ..model import Course


def check_symlinks(course: Course) -> Iterator[Diagnostic]:
    """Symbolic links under the docs folder that point outside it."""
    inside = course.docs_dir.resolve()
    for path, target in course.files.items():
        if target is not None and not target.is_relative_to(inside):
            # A link has no lines; line 1 keeps the GCC form that editors and CI jump to.
            yield error(rel(path.parent, course.root) + "/" + path.name, 1, "symbolic link "
                        f"points outside the docs folder, to '{target}'; copy the file into "
                        "the docs folder instead", "symlink")
