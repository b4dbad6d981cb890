"""The types of the outputs interface (described in :mod:`build_tools.outputs`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from ..course.model import Course
from ..diagnostics import Diagnostic

Scope = Literal["language", "course"]
T = TypeVar("T")


@dataclass(frozen=True)
class OutputJob:
    """What one call of :meth:`Output.write` works on."""

    course: Course
    lang: str | None
    """The language to write (``"language"`` outputs), ``None`` for ``"course"`` outputs."""
    site_dir: Path
    """The built site (staged): read only."""
    dist_dir: Path
    """The staged ``dist/`` to write into."""
    shared: dict[str, object] = field(default_factory=dict, compare=False)
    """Work that outputs of one call of :func:`~build_tools.outputs.write_outputs` share."""

    def reuse(self, key: str, make: Callable[[], T], kind: type[T]) -> T:
        """Return ``shared[key]``, made by ``make()`` on first use.

        Both SCORM outputs rewrite the same site pages: they do it once.
        """
        value = self.shared.get(key)
        if not isinstance(value, kind):
            value = self.shared[key] = make()
        return value

    def page_href(self, lang: str, src_uri: str) -> str:
        """Return where the built site has the page ``src_uri`` of ``lang``, site-relative."""
        prefix = "" if lang == self.course.default_language else f"{lang}/"
        return prefix + src_uri.removesuffix(".md") + ".html"


@dataclass(frozen=True)
class WrittenFile:
    """One file an output wrote into ``dist/``."""

    path: Path
    size: int
    """Bytes of the file."""
    kind: str
    """What it is, for the build summary (``SCORM package``)."""
    images: int = 0
    """Bytes (uncompressed) of the file's own images, outside the theme."""


@dataclass
class OutputResult:
    """The files an output wrote and the problems it found."""

    files: list[WrittenFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def merged(cls, results: Iterable[OutputResult]) -> OutputResult:
        """Return all files of ``results``; a diagnostic reported twice is kept once."""
        merged = cls()
        for result in results:
            merged.files += result.files
            merged.diagnostics += result.diagnostics
        merged.diagnostics = list(dict.fromkeys(merged.diagnostics))
        return merged


class Output(Protocol):
    """One output: see :mod:`build_tools.outputs` for the contract."""

    @property
    def name(self) -> str:
        """The name ``course.yml`` selects it by."""

    @property
    def scope(self) -> Scope:
        """``"language"`` (one call per language) or ``"course"`` (one call)."""

    def planned(self, course: Course) -> int:
        """Return how many files one call of :meth:`write` writes (0: unknown)."""

    def write(self, job: OutputJob) -> OutputResult:
        """Write the output's files into ``job.dist_dir``."""
