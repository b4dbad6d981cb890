"""Options of the ``course`` MkDocs plugin."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


# MkDocs' Config.__init_subclass__ has no annotations.
class CoursePluginConfig(Config):  # type: ignore[no-untyped-call]
    """``plugins: - course: {enabled: true}`` in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    course_file = c.Type(str, default="course.yml")
