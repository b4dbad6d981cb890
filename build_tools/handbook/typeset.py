"""Typst, fenced in: only our fonts and the built site's files, one process per PDF.

Typst reads files only inside its root, the built site, and fonts only from
the folder of the handbook's merged fonts: never the machine's fonts, so the
same sources give the same PDF anywhere.

Typst keeps what it laid out in a cache for the life of the process, which
the Python binding never empties: about a megabyte per page, so a language's
handbooks would hold gigabytes by the end. Each PDF is therefore made in a
child process forked for it, which hands the PDF back through a pipe and
ends, taking its cache with it. The language processes of a build make at
most as many PDFs at once as the machine has cores (:func:`slot`): more
would not finish sooner, and each holds the layout of a whole PDF.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

from .fonts import merge_all

Problem = tuple[bool, str]
"""What Typst reported: (is an error, message)."""


class Typesetter:
    """Compiles the Typst documents of one language's handbooks into PDFs."""

    def __init__(self, site_dir: Path, fonts_dir: Path, first_font: int = 0) -> None:
        self.site_dir = site_dir.resolve()
        self.fonts_dir = fonts_dir
        """Where the merged fonts are kept: Typst reads every font of this folder."""
        self.first_font = first_font
        """Which font style to merge first (see :func:`.fonts.merge_all`)."""
        self.fonts_merged = False

    def pdf(self, source: str) -> tuple[bytes | None, list[Problem]]:
        """Return the PDF of Typst ``source`` and what Typst reported; ``None`` on an error."""
        if not self.fonts_merged:
            merge_all(self.fonts_dir, self.first_font)
            self.fonts_merged = True
        with slot(self.fonts_dir):
            return self.forked(source)

    def forked(self, source: str) -> tuple[bytes | None, list[Problem]]:
        """Return :meth:`compile` of ``source`` run in a child process."""
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compile, hand the result back, end
            os.close(read)
            status = 1
            try:
                with os.fdopen(write, "wb") as out:
                    pickle.dump(self.compile(source), out)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        with os.fdopen(read, "rb") as result:
            data = result.read()
        _, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None, [(True, "the typesetter stopped before it wrote the PDF "
                                 f"(status {status})")]
        made: tuple[bytes | None, list[Problem]] = pickle.loads(data)  # noqa: S301 (our child)
        return made

    def compile(self, source: str) -> tuple[bytes | None, list[Problem]]:
        """Compile ``source`` in this process (see :meth:`pdf`)."""
        import typst

        fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                            font_paths=[str(self.fonts_dir)])
        try:
            # The stubs tie ``root``'s type to the input's (bytes): a path is what it takes.
            data, warned = typst.compile_with_warnings(  # type: ignore[call-overload]
                source.encode(), root=str(self.site_dir), font_paths=fonts,
                ignore_system_fonts=True, format="pdf")
        except typst.TypstError as failure:
            return None, [(True, _first_line(failure.message or str(failure)))]
        assert isinstance(data, bytes)
        return data, [(False, _first_line(warning.message)) for warning in warned]


@contextlib.contextmanager
def slot(folder: Path) -> Iterator[None]:
    """Hold one of as many locks in ``folder`` as there are cores, waiting for one if need be.

    Without a folder to lock in, nothing is held.
    """
    count = os.cpu_count() or 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        locks = [(folder / f".typesetting-{index}.lock").open("a") for index in range(count)]
    except OSError:
        yield
        return
    with contextlib.ExitStack() as stack:
        for lock in locks:
            stack.enter_context(lock)
        for lock in locks:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                continue
        else:
            fcntl.flock(locks[os.getpid() % count], fcntl.LOCK_EX)
        yield  # closing the files releases the lock


def _first_line(message: str) -> str:
    return message.strip().split("\n", 1)[0]
