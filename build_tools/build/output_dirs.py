"""Where a build writes: ``site_dir`` and ``dist_dir`` checked before anything is written.

A build replaces each output folder as a whole (see :mod:`build_tools.build.swap`),
so an output folder that is, holds or lies inside a source folder would lose
sources, and one that cannot be replaced would leave the outputs half
swapped. :func:`placement_problems` (run while ``course.yml`` is validated)
rejects the first kind and :func:`unwritable` (run by ``course check`` and
before a build stages anything) the second.

An output folder that is a symbolic link is written through: the build
replaces the folder the link points to (on a USB stick or a web root) and
keeps the link.
"""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import rel

OUTPUT_KEYS = ("site_dir", "dist_dir")
SOURCE_FOLDERS = {"translations": "the translations folder"}
"""Source folders beside the docs folder, by their place in the project."""
NEVER_WRITTEN = frozenset({"course.yml", "mkdocs.yml", ".git", "pyproject.toml"})
"""Names no build writes into an output folder: one holding them is not an output."""
NEVER_WRITTEN_SUFFIXES = (".md", ".py")
_LOST = "a build replaces its output folder as a whole, and the sources in it would be lost"


def normalized(value: str) -> str:
    """Return a project-relative folder setting in its plain form (``./site/`` is ``site``)."""
    return posixpath.normpath(value.replace("\\", "/"))


def real_path(path: Path) -> Path:
    """Return ``path`` with every symbolic link resolved.

    Raises:
        OSError: a link loop.
    """
    try:
        return path.resolve()
    except RuntimeError as exc:  # Python 3.11 reports loops this way
        raise OSError(40, "too many levels of symbolic links", str(path)) from exc


def placement_problems(
    root: Path, docs_dir: str, outputs: dict[str, str]
) -> Iterator[tuple[str, str]]:
    """Yield ``(key, message)`` for each output folder placed where it would destroy sources.

    ``outputs`` maps ``site_dir``/``dist_dir`` to their (already relative,
    ``..``-free) values.
    """
    sources = {normalized(docs_dir): "the docs folder", **SOURCE_FOLDERS}
    placed = {}
    for key, value in outputs.items():
        problem = _placement(root, key, normalized(value), sources)
        if problem:
            yield key, problem
        else:
            placed[key] = normalized(value)
    keys = list(placed)
    for i, first in enumerate(keys):
        for second in keys[i + 1:]:
            problem = _overlap(root, (first, placed[first]), (second, placed[second]))
            if problem:
                yield second, problem


def _placement(root: Path, key: str, value: str, sources: dict[str, str]) -> str | None:
    fix = f"use a folder of its own such as '{_default(key)}'"
    if value == ".":
        return f"'{key}' is the project folder itself; {_LOST}; {fix}"
    try:
        real = real_path(root / value)
        real_root = real_path(root)
    except OSError:
        return f"'{key}' '{value}' is a link that leads back to itself; remove the link"
    if real == real_root or _inside(real_root, real):
        return f"'{key}' '{value}' is a link to '{real}', which holds the project; {_LOST}; {fix}"
    for source, what in sources.items():
        problem = _against_source(root, (key, value, real), source, what)
        if problem:
            return problem
    return _foreign_content(key, value, real)


def _against_source(root: Path, output: tuple[str, str, Path], source: str,
                    what: str) -> str | None:
    key, value, real = output
    try:
        real_source = real_path(root / source)
    except OSError:
        return None  # reported where the source folder is read
    fix = f"use a folder of its own such as '{_default(key)}'"
    if value == source:
        return f"'{key}' is {what} '{source}'; {_LOST}; {fix}"
    if real == real_source:
        return f"'{key}' '{value}' is a link to {what} '{source}'; {_LOST}; {fix}"
    if _inside(Path(source), Path(value)) or _inside(real_source, real):
        return f"'{key}' '{value}' contains {what} '{source}'; {_LOST}; {fix}"
    if _inside(Path(value), Path(source)) or _inside(real, real_source):
        return (f"'{key}' '{value}' is inside {what} '{source}', where the output would be "
                f"read as sources; {fix}")
    return None


def _foreign_content(key: str, value: str, real: Path) -> str | None:
    if not real.exists():
        return None
    if not real.is_dir():
        return (f"'{key}' '{value}' is a file, not a folder; use a folder of its own such as "
                f"'{_default(key)}'")
    try:
        names = sorted(entry.name for entry in os.scandir(real))
    except OSError:
        return None  # reported by unwritable()
    for name in names:
        if name in NEVER_WRITTEN or name.endswith(NEVER_WRITTEN_SUFFIXES):
            return (f"'{key}' '{value}' holds '{name}', which no build writes, so it is not an "
                    f"output folder; {_LOST}; use a new or empty folder such as "
                    f"'{_default(key)}'")
    return None


def _overlap(root: Path, first: tuple[str, str], second: tuple[str, str]) -> str | None:
    (key1, value1), (key2, value2) = first, second
    fix = "give each its own folder, such as 'site' and 'dist'"
    real1, real2 = real_path(root / value1), real_path(root / value2)
    if value1 == value2 or real1 == real2:
        return f"'{key2}' '{value2}' is the same folder as '{key1}'; {fix}"
    if _inside(Path(value1), Path(value2)) or _inside(real1, real2):
        return f"'{key2}' '{value2}' contains '{key1}' '{value1}'; {fix}"
    if _inside(Path(value2), Path(value1)) or _inside(real2, real1):
        return f"'{key2}' '{value2}' is inside '{key1}' '{value1}'; {fix}"
    return None


def _inside(inner: Path, outer: Path) -> bool:
    """True when ``inner`` lies strictly inside ``outer``."""
    return inner != outer and inner.is_relative_to(outer)


def _default(key: str) -> str:
    return "site" if key == "site_dir" else "dist"


# ---- can the folder be replaced? ----

_FS_IOC_GETFLAGS = 0x80086601
"""Linux ``_IOR('f', 1, long)``: the inode flags ``lsattr`` shows."""
_LOCKED_FLAGS = 0x10 | 0x20
"""``FS_IMMUTABLE_FL`` and ``FS_APPEND_FL``: not even root may rename or delete such an entry."""


def unwritable(root: Path, value: str) -> str | None:
    """Return why the output folder ``value`` (project-relative) cannot be replaced, or ``None``.

    Replacing needs a writable folder around the real target (for the staged
    copy and the renames) and, when it exists, a target whose every folder may
    be emptied and whose entries are neither immutable nor append-only.
    """
    shown = normalized(value)
    target = root / shown
    try:
        real = real_path(target)
    except OSError:
        return f"'{shown}' is a link that leads back to itself; remove the link"
    link = f" (a link to '{real}')" if real != real_path(root) / shown else ""
    holder = _existing_ancestor(real.parent)
    if link and holder != real.parent:
        return (f"'{shown}' is a link to '{real}', but '{real.parent}' does not exist; "
                "connect the drive it is on or remove the link")
    if real.exists() and os.path.ismount(real):
        return (f"'{shown}'{link} is a mount point, and the build replaces its output folder "
                "as a whole; use a folder inside it")
    blocked = holder if _blocked(holder) else None
    if blocked is None and real.exists():
        blocked = _first_blocked(real)
    if blocked is None:
        return None
    if blocked == real:
        where = "it"
    elif blocked == real_path(root):
        where = "the project folder"
    elif blocked.is_relative_to(real):
        where = f"'{shown}/{blocked.relative_to(real).as_posix()}'"
    else:
        where = f"'{rel(blocked, root)}'"
    return (f"'{shown}'{link} cannot be replaced: {where} is read-only or immutable; make "
            "it writable (chmod u+w, chattr -i) or choose another folder")


def _existing_ancestor(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _first_blocked(real: Path) -> Path | None:
    """The first entry under ``real`` (itself included) that stops it being deleted."""
    if not real.is_dir():
        return real if _locked(real) else None
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(real, onerror=unreadable.append):
        if unreadable:
            break
        here = Path(folder)
        if _blocked(here):
            return here
        dirs.sort()
        for name in sorted(files):
            if _locked(here / name):
                return here / name
    return Path(unreadable[0].filename) if unreadable else None


def _blocked(folder: Path) -> bool:
    """True when entries of ``folder`` may not be listed, added, renamed or removed."""
    return not os.access(folder, os.R_OK | os.W_OK | os.X_OK) or _locked(folder)


def _locked(path: Path) -> bool:
    """True when ``path`` is immutable or append-only (Linux inode flags)."""
    if sys.platform != "linux":
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False  # a link, or unreadable: its folder decides whether it can go
    try:
        flags = fcntl.ioctl(fd, _FS_IOC_GETFLAGS, bytes(8))
    except OSError:
        return False  # the file system has no such flags
    finally:
        os.close(fd)
    return bool(int.from_bytes(flags[:4], sys.byteorder) & _LOCKED_FLAGS)
