"""The interface every question type implements (see :mod:`build_tools.questions`)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Protocol

from ..course.model import Question

Fail = Callable[[int | None, str, str], None]
"""Reports a problem: ``fail(line, message, code)``."""
At = Callable[[str], int]
"""Returns the line of a header key (the block's line when the key is missing)."""


class Inputs(Protocol):
    """What the quiz extension offers a type to render its inputs with."""

    def t(self, msgid: str) -> str:
        """Return a UI string of the ``quiz`` catalog in the page's language."""

    def options(self, values: Sequence[str], labels: Sequence[str], input_type: str,
                ui_labels: bool = False) -> None:
        """Render one ``<input type=input_type>`` with its label per value.

        ``ui_labels``: the labels are UI strings (in the site's language).
        """

    def typed(self, attrs: Mapping[str, str]) -> None:
        """Render one text input with the extra attributes ``attrs``."""


class QuestionKind:
    """One question type: what its block holds, how it shows, how the LMS records it."""

    name = ""
    """The ``type:`` of the block."""
    choice = False
    """Whether the block lists options (``- [ ]`` / ``- [x]``)."""
    header_keys: tuple[str, ...] = ()
    """Header options the type takes besides ``id`` and ``type``."""
    interaction = ""
    """The SCORM interaction type (``cmi.interactions.n.type``, the same word in 1.2 and
    2004: SCORM 1.2 RTE 3.4.2.6.2, SCORM 2004 RTE 4.2.9)."""
    most_patterns = 1
    """Correct responses an LMS keeps for one interaction of this type: the most a
    multilingual package records when its translations accept different answers."""

    # ---- Reading the block ----

    def read_answer(self, header: Mapping[str, object], at: At, name: str,
                    fail: Fail) -> tuple[str, ...]:
        """Return the accepted answers written in the header (types without options)."""
        return ()

    def check_correct(self, correct: Sequence[int], lines: Sequence[int], name: str,
                      fail: Fail) -> None:
        """Report what is wrong with the options marked correct (types with options)."""

    # ---- The page ----

    def render(self, inputs: Inputs, question: Question) -> None:
        """Render the inputs the learner answers with."""
        raise NotImplementedError

    def key(self, question: Question) -> list[str]:
        """Return the correct answers as the page script compares them."""
        return [str(i) for i in question.correct] if self.choice else list(question.answer)

    # ---- The LMS ----

    def patterns(self, question: Question, version: str) -> tuple[str, ...]:
        """Return the correct-response patterns the LMS records for ``version``.

        SCORM 1.2 RTE 3.4.2.6.5, SCORM 2004 RTE 4.2.9.1.
        """
        raise NotImplementedError

    def worst_response(self, question: Question) -> tuple[str, ...]:
        """Return the longest answer the launcher may keep in ``suspend_data``."""
        raise NotImplementedError

    # ---- Translations ----

    def differences(self, mine: Question, other: Question) -> Iterator[tuple[str, str]]:
        """Yield ``(this translation has, the source has)`` for answers that must agree."""
        return iter(())


def choice_id(position: int) -> str:
    """Return option ``position`` as a SCORM choice identifier: ``a``, ``b``...

    SCORM 1.2 RTE 3.4.2.6.5 allows a single character (a-z, 0-9) per choice.
    """
    return chr(97 + position) if 0 <= position < 26 else str(position)


REAL = re.compile(r"^(-?)(\d*)(?:\.(\d*))?$")


def scorm_real(text: str) -> str | None:
    """Return ``text`` as a SCORM 2004 real (10,7), or ``None`` when it is not a number.

    At most 10 digits before the point and 7 after it, more decimals are cut
    (SCORM 2004 RTE 4.1.4, 4.2.9.2). Spaces, a leading ``+`` and a decimal comma
    are accepted, as the page script accepts them.
    """
    value = re.sub(r"\s+", "", text).replace(",", ".", 1).removeprefix("+")
    match = REAL.match(value)
    if not match or not (match.group(2) or match.group(3)):
        return None
    whole = match.group(2).lstrip("0") or "0"
    fraction = (match.group(3) or "")[:7].rstrip("0")
    if len(whole) > 10:
        return None
    sign = "-" if match.group(1) and (whole != "0" or fraction) else ""
    return sign + whole + (f".{fraction}" if fraction else "")


def real_of(number: float) -> str | None:
    """Return ``number`` rounded to 7 decimals as a SCORM 2004 real, or ``None``."""
    return scorm_real(f"{number:.7f}") if math.isfinite(number) and abs(number) < 1e10 else None


def quoted(values: Sequence[str]) -> str:
    """Return ``'a', 'b'`` for messages."""
    return ", ".join(f"'{v}'" for v in values)
