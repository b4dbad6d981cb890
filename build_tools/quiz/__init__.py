"""Knowledge checks: the ``/// quiz`` block parser, its page script and its limits."""

from .limits import NUMBER_MAX_LENGTH, TEXT_MAX_LENGTH
from .parse import Problem, QuizSyntaxError, parse_page

__all__ = [
    "NUMBER_MAX_LENGTH", "TEXT_MAX_LENGTH", "Problem", "QuizSyntaxError", "parse_page",
]
