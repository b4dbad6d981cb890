"""Progress on long work: a live line in a terminal, silence in CI and pipes."""

from __future__ import annotations

import os
import queue
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class Progress:
    """Shows ``label: done/total`` on one terminal line; does nothing when not interactive."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            enabled = self.stream.isatty() and not os.environ.get("CI")
        self.enabled = enabled
        self.label = ""
        self.done = 0
        self.total = 0

    def start(self, label: str, total: int = 0) -> None:
        """Begin a stage of ``total`` steps (0 when unknown)."""
        self.finish()
        self.label, self.done, self.total = label, 0, total
        self._draw()

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more steps of the current stage."""
        self.done += steps
        self._draw()

    def update(self, done: int) -> None:
        """Set the count of done steps (for work counted from outside, e.g. files written)."""
        if done != self.done:
            self.done = done
            self._draw()

    def finish(self) -> None:
        """End the current line, if one is shown."""
        if self.enabled and self.label:
            self.stream.write("\n")
            self.stream.flush()
        self.label = ""

    def _draw(self) -> None:
        if not self.enabled or not self.label:
            return
        if self.total:
            width = 24
            filled = width * min(self.done, self.total) // self.total
            bar = "#" * filled + "-" * (width - filled)
            text = f"{self.label} [{bar}] {self.done}/{self.total}"
        else:
            text = f"{self.label} {self.done or ''}".rstrip()
        self.stream.write("\r\033[K" + text)
        self.stream.flush()


class SentProgress(Progress):
    """The progress of work in another process: each step done is sent to ``channel``.

    The process showing the display counts what arrives (:func:`counting`).
    """

    def __init__(self, channel: Any) -> None:
        super().__init__(enabled=False)
        self.channel = channel

    def advance(self, steps: int = 1) -> None:
        """Send ``steps`` more steps done."""
        self.channel.put(steps)


@contextmanager
def counting(progress: Progress, channel: Any) -> Iterator[None]:
    """Add every number that arrives on ``channel`` to ``progress`` until the block ends."""
    stop = threading.Event()

    def receive() -> None:
        while not stop.is_set():
            try:
                progress.advance(int(channel.get(timeout=0.1)))
            except queue.Empty:
                continue

    receiver = threading.Thread(target=receive, daemon=True)
    receiver.start()
    try:
        yield
    finally:
        stop.set()
        receiver.join()
        while True:  # what was sent just before the end
            try:
                progress.advance(int(channel.get_nowait()))
            except queue.Empty:
                break
