"""Build into temporary folders and swap them in together, only on success.

A failed or interrupted build must never leave a half-written ``site/`` or
``dist/`` in place of the last good one, nor one output new and the other old.
An output that is a symbolic link is written through: the staged folder is
made beside the folder the link points to, which it then replaces.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from .output_dirs import real_path


@contextlib.contextmanager
def staged_dirs(*targets: Path) -> Iterator[list[Path]]:
    """Yield an empty folder beside each target; on success they replace the targets.

    On an exception the staged folders are removed and the targets are untouched.
    """
    reals = [real_path(target) for target in targets]
    staged: list[Path] = []
    try:
        for target, real in zip(targets, reals, strict=True):
            with _no_interrupt():  # a Ctrl-C between making and listing it would leave it
                staged.append(_stage(target, real))
        yield staged
    except BaseException:
        for folder in staged:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    with _no_interrupt():
        replace_dirs(staged, reals)


@contextlib.contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Like :func:`staged_dirs`, for one folder."""
    with staged_dirs(target) as (staged,):
        yield staged


@contextlib.contextmanager
def scratch_dir(prefix: str, parent: Path) -> Iterator[Path]:
    """Yield a new folder in ``parent``, removed afterwards, also on Ctrl-C at any moment."""
    with contextlib.ExitStack() as cleanup:
        with _no_interrupt():
            parent.mkdir(parents=True, exist_ok=True)
            folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
            cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
        yield folder


def _stage(target: Path, real: Path) -> Path:
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(prefix=f".{real.name}-new-", dir=real.parent))
    except OSError as exc:  # name the folder the user knows, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    staged.chmod(0o755)  # mkdtemp makes it private; the output is meant to be shared
    return staged


def replace_dirs(staged: list[Path], targets: list[Path]) -> None:
    """Put each staged folder at its target by renames; on failure every target is as it was."""
    olds: list[Path | None] = []
    placed: list[tuple[Path, Path]] = []
    try:
        for target in targets:
            olds.append(_move_aside(target))
        for new, target in zip(staged, targets, strict=True):
            new.rename(target)
            placed.append((new, target))
    except BaseException:
        for new, target in reversed(placed):
            target.rename(new)
        for old, target in zip(olds, targets, strict=False):
            if old is not None:
                old.rename(target)
        for new in staged:
            shutil.rmtree(new, ignore_errors=True)
        raise
    for old in olds:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _move_aside(target: Path) -> Path | None:
    if not target.exists():
        return None
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)  # left by a machine that lost power mid-swap
    target.rename(old)
    return old


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold Ctrl-C back for the few renames of a swap; it takes effect right after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
