"""The course pipeline: course model, checks, site and package builds."""

from .diagnostics import BuildFailed, Diagnostic, Severity
from .loader import load_course
from .model import Course, Lesson, Module, Page, Question

__all__ = [
    "BuildFailed", "Course", "Diagnostic", "Lesson", "Module", "Page", "Question", "Severity",
    "load_course",
]
