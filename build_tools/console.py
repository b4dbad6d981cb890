"""The ``course`` console command: Ctrl-C ends it at any moment with one line."""

from __future__ import annotations

import signal
import sys
from types import FrameType

INTERRUPTED = "course: interrupted; site/ and dist/ are as they were"


def run() -> None:
    """Run the ``course`` command; Ctrl-C or SIGTERM, even while it starts, print one line.

    Builds stage their outputs and swap them in only when they succeed, so an
    interrupted command leaves the last good outputs in place.
    """
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        sys.exit(130)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
