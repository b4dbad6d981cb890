"""How long each stage of a build took, for ``course build --timings FILE`` and the benchmark.

A :class:`Timings` is handed down to the parts of a build that time
themselves (the pipeline, each language process, MkDocs' search index, each
output); a language process times into its own and returns it, and the
pipeline merges them. Stages of the same name and language add up (the
search index is built page by page). Each stage also records when it first
started and last ended, in seconds since the build started: stages of
different languages overlap, as they run at once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Stage:
    """One stage of a build: a name (``site``, ``scorm12``) and, if it has one, a language."""

    name: str
    lang: str | None
    seconds: float = 0.0
    """Time spent in the stage, summed over its pieces."""
    start: float = 0.0
    """When it first started, in seconds since the build started."""
    end: float = 0.0
    """When it last ended, in seconds since the build started."""


@dataclass
class Timings:
    """The stages of one build, in the order they were first timed."""

    origin: float = field(default_factory=time.time)
    """When the build started (``time.time()``, the same clock in every process)."""
    stages: list[Stage] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str, lang: str | None = None) -> Iterator[None]:
        """Time the block as (part of) stage ``name`` of ``lang``."""
        started = time.time()
        try:
            yield
        finally:
            self.add(name, lang, started, time.time())

    def add(self, name: str, lang: str | None, started: float, ended: float) -> None:
        """Add the piece of stage ``name`` that ran from ``started`` to ``ended``."""
        for stage in self.stages:
            if (stage.name, stage.lang) == (name, lang):
                stage.seconds += ended - started
                stage.start = min(stage.start, started - self.origin)
                stage.end = max(stage.end, ended - self.origin)
                return
        self.stages.append(Stage(name, lang, ended - started, started - self.origin,
                                 ended - self.origin))

    def child(self) -> Timings:
        """Return empty timings on the same clock, for a language process to fill."""
        return Timings(self.origin)

    def merge(self, other: Timings) -> None:
        """Add the stages of ``other`` (timed on the same clock)."""
        for stage in other.stages:
            self.add(stage.name, stage.lang, self.origin + stage.start,
                     self.origin + stage.start + stage.seconds)
            mine = next(s for s in self.stages if (s.name, s.lang) == (stage.name, stage.lang))
            mine.end = max(mine.end, stage.end)

    def as_json(self) -> str:
        """Return the stages as JSON: a list of objects, times rounded to milliseconds."""
        return json.dumps([{key: round(value, 3) if isinstance(value, float) else value
                            for key, value in asdict(stage).items()}
                           for stage in self.stages], indent=1)

    def write(self, path: Path) -> None:
        """Write :meth:`as_json` to ``path``."""
        path.write_text(self.as_json() + "\n", encoding="utf-8")
