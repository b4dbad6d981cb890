"""Build into a temporary folder and swap it in only on success.

A failed build must never leave a half-written ``site/`` or ``dist/`` in place
of the last good one.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside ``target``; on success it replaces ``target``.

    On an exception the staged folder is removed and ``target`` is untouched.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        staged = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    except OSError as exc:  # name the folder the user knows, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    staged.chmod(0o755)  # mkdtemp makes it private; the output is meant to be shared
    try:
        yield staged
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    replace_dir(staged, target)


def replace_dir(staged: Path, target: Path) -> None:
    """Put ``staged`` at ``target``: two renames, so readers never see a partial tree."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staged.rename(target)
    shutil.rmtree(old, ignore_errors=True)
