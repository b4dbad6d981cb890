"""Results kept in the project's ``.cache/`` between runs, under a digest of what made them.

``course check`` converts every page with Python-Markdown to learn its links
and anchors, and splits its prose into words to find glossary terms; on an
unchanged page both give what they gave last time. A :class:`KeptFile` keeps
such per-page results as JSON, each under a key that is a digest of all that
the result is made of: the page's text and :func:`environment` (the project's
code and the versions of the packages it runs on), plus whatever the caller
adds (the Markdown options, the glossary). A result is only ever looked up
under the digest of its inputs, so a kept result is the one a fresh run would
compute, and the diagnostics are the same with the cache or without it.

The file starts with the digest of its content: a damaged file (a disk
fault, an edit by hand) is refused whole, and a value that does not decode is
refused alone; either is then computed again. Files are written whole, to a
temporary name and then renamed, so a reader sees the old file or the new
one. A file keeps the entries of its last run only. A cache that cannot be
read or written is not used; deleting ``.cache/`` is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

CACHE_DIR = ".cache"
"""The project's cache folder, beside ``course.yml``."""
CODE_DIR = Path(__file__).resolve().parent.parent
"""The project's code: ``build_tools``."""
PACKAGES = ("markdown", "pymdownx", "mkdocs", "material", "lxml", "pygments", "yaml", "babel")
"""Top-level modules of the packages whose versions can change what a page makes."""
FORMAT = 1
"""Version of the file's layout."""

T = TypeVar("T")
Refused = (TypeError, ValueError, KeyError, IndexError, AttributeError)
"""What decoding a damaged or foreign value raises."""


class KeptFile:
    """One file of kept results: JSON values by key, read on first use, saved whole."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        """Where the results are kept; ``None`` keeps nothing."""
        self._found: dict[str, Any] | None = None
        self._used: dict[str, Any] = {}
        self._changed = False

    def get(self, key: str, decode: Callable[[Any], T]) -> T | None:
        """Return the result kept under ``key`` decoded, or ``None`` if none or refused."""
        raw = self._entries().get(key)
        if raw is None:
            return None
        try:
            value = decode(raw)
        except Refused:
            return None
        self._used[key] = raw
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep ``value`` (made of JSON types) under ``key``."""
        if self.path is not None:
            self._used[key] = value
            self._changed = True

    def save(self) -> None:
        """Write the results used or added since it was read, if they differ from the file's."""
        if self.path is None or not (self._changed or self._used.keys() != self._entries().keys()):
            return
        body = json.dumps({"format": FORMAT, "entries": self._used}, ensure_ascii=False,
                          separators=(",", ":"), sort_keys=True).encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(self.path, hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        except OSError:
            return
        self._found, self._changed = dict(self._used), False

    def _entries(self) -> dict[str, Any]:
        if self._found is None:
            self._found = _read(self.path) if self.path is not None else {}
        return self._found


def _read(path: Path) -> dict[str, Any]:
    """Return the entries of the file at ``path``; none if it is missing or damaged."""
    try:
        digest, _, body = path.read_bytes().partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != digest:
            return {}
        found = json.loads(body)
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        return {}
    entries = found.get("entries")
    return entries if isinstance(entries, dict) else {}


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` at once: a reader sees the old file or the whole new one."""
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".", suffix=".tmp",
                                     delete=False) as out:
        out.write(data)
    os.replace(out.name, path)


def digest(*parts: str) -> str:
    """Return the key of a result made of :func:`environment` and ``parts``."""
    found = hashlib.sha256(environment().encode())
    for part in parts:
        found.update(b"\0" + part.encode())
    return found.hexdigest()


@cache
def environment() -> str:
    """Return a digest of the code and packages besides a page that shape what it makes.

    The project's own code and data (``build_tools``, without the theme), and the
    installed versions of the packages that read and render pages, taken from the
    names of the ``*.dist-info`` folders beside them, which carry the versions:
    reading those names is much faster than importing the packages.
    """
    found = hashlib.sha256(f"python {sys.version_info[:3]}\n".encode())
    for path in sorted(CODE_DIR.rglob("*")):
        if path.suffix in (".py", ".json") and "theme" not in path.relative_to(CODE_DIR).parts:
            found.update(str(path.relative_to(CODE_DIR)).encode() + b"\0" + path.read_bytes())
    found.update("\n".join(_distributions(PACKAGES)).encode())
    return found.hexdigest()


def _distributions(modules: Iterable[str]) -> list[str]:
    """Return the names (with versions) of the installed distributions beside ``modules``."""
    folders: set[Path] = set()
    for name in modules:
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            folders.add(Path(spec.origin).parent.parent)
    names: set[str] = set()
    for folder in folders:
        try:
            names.update(entry for entry in os.listdir(folder) if entry.endswith(".dist-info"))
        except OSError:
            continue
    return sorted(names)
