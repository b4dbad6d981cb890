"""The course pipeline: course model, checks, site and package builds.

The public names are imported on first use, so that the ``course`` command
starts (and answers Ctrl-C) before the pipeline's modules are loaded.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "BuildFailed": "diagnostics", "Diagnostic": "diagnostics", "Severity": "diagnostics",
    "load_course": "course.loader", "Course": "course.model", "Lesson": "course.model",
    "Module": "course.model", "Page": "course.model", "Question": "course.model",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'build_tools' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
