"""The handbooks of the last build, kept by a digest of everything they are made of.

A build writes about ten PDFs per language and spends most of its time laying
out and drawing their pages. Each PDF is kept in the cache folder under a
digest of its parts' HTML and style, of the handbook's code, style sheet and
fonts, and of the versions of WeasyPrint and the libraries that lay out and
draw text; beside it, the digest of every file of the built site its parts
loaded (images). A later build whose PDF has the same digest, and finds
those files unchanged, copies the kept PDF instead of writing it again: the
bytes are those a clean build writes, since everything that makes them is
in the digest. The page counts and page numbers of a module's part, which
the covers, contents and answer keys print, are kept the same way, so an
unchanged module is not laid out to learn them.

A language's build is recorded too, under the digest of its inputs
(:mod:`.inputs`): the PDFs it wrote and what it reported. A build with the
same inputs copies those PDFs without reading a page.

What WeasyPrint reported while a kept PDF was made is kept with it and
reported again. Entries that a language's build did not use are removed
when it ends, so the folder holds one build's worth of PDFs per language.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import sys
from collections.abc import Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..build.kept import write_whole
from .fonts import fonts_digest
from .render import Facts, Part, Problem, Typesetter, file_digest

CODE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "pyphen", "tinycss2", "tinyhtml5",
             "cssselect2", "pillow")
"""Python packages whose version can change a PDF's bytes."""
SYSTEM_LIBRARIES = ("libpango", "libharfbuzz", "libfreetype", "libfontconfig", "libfribidi")
"""Shared libraries that shape, lay out and subset text (their file names carry versions)."""
LOADED_FIRST = ("libpango-1.0.so.0", "libpangoft2-1.0.so.0", "libharfbuzz-subset.so.0")
"""Loaded (as WeasyPrint loads them, with what they need) to learn which files they are."""


class BookCache:
    """One language's kept PDFs and module layouts, in ``folder`` (``None``: keep nothing)."""

    def __init__(self, typesetter: Typesetter, folder: Path | None) -> None:
        self.typesetter = typesetter
        self.folder = folder
        self.used: set[str] = set()
        """Names of the entries this build used or wrote."""
        self._files: dict[str, str | None] = {}
        self.pdfs: dict[str, str] = {}
        """The entry of each PDF this build wrote or copied, by file name."""

    def facts(self, part: Part) -> Facts:
        """Return the page count and page numbers of ``part``, laying it out if not kept."""
        name = f"facts-{self.key('facts', [part])}"
        entry = self.entry(name)
        if entry is not None:
            if part.problems is None:
                part.problems = entry["problems"]
            return Facts(entry["pages"], entry["anchors"])
        facts = self.typesetter.facts(part)
        self.store(name, {"pages": facts.pages, "anchors": facts.anchors, "files": part.files,
                          "problems": part.problems or []})
        return facts

    def write(self, parts: Sequence[Part], target: Path) -> tuple[int, list[Problem]]:
        """Write ``parts`` as one PDF to ``target``; return its size and what went wrong."""
        name = f"pdf-{self.key('pdf', parts)}"
        self.pdfs[target.name] = name
        entry = self.entry(name)
        data = self.kept_pdf(name, entry) if entry is not None else None
        if entry is not None and data is not None and len(entry["parts"]) == len(parts):
            for part, problems in zip(parts, entry["parts"], strict=True):
                if part.problems is None:
                    part.problems = problems
            target.write_bytes(data)
            return len(data), entry["problems"]
        data, problems = self.typesetter.write(parts)
        target.write_bytes(data)
        files = {path: digest for part in parts for path, digest in part.files.items()}
        self.store(name, {"pdf": file_digest(data), "files": files, "problems": problems,
                          "parts": [part.problems or [] for part in parts]}, data)
        return len(data), problems

    def kept_build(self, inputs: str) -> tuple[list[tuple[str, bytes]], list[Any]] | None:
        """Return the PDFs (file name, bytes) and problems of the last build with ``inputs``.

        ``None`` unless a build of the same inputs was recorded and every PDF it
        wrote is kept whole, with the built site's files it loaded unchanged.
        """
        if self.folder is None:
            return None
        name = f"build-{inputs}"
        try:
            record = json.loads((self.folder / f"{name}.json").read_text(encoding="utf-8"))
            pdfs = [(str(file), str(entry)) for file, entry in record["pdfs"]]
            used, problems = [str(entry) for entry in record["used"]], list(record["problems"])
        except (OSError, ValueError, TypeError, KeyError):
            return None
        kept = []
        for file, entry_name in pdfs:
            entry = self.entry(entry_name)
            data = self.kept_pdf(entry_name, entry) if entry is not None else None
            if data is None:
                return None
            kept.append((file, data))
        self.used.update([name, *used])
        return kept, problems

    def keep_build(self, inputs: str, problems: list[Any]) -> None:
        """Record this build's PDFs and ``problems`` (JSON values) under its ``inputs``."""
        name = f"build-{inputs}"
        self.used.add(name)
        self.store(name, {"pdfs": list(self.pdfs.items()), "used": sorted(self.used),
                          "problems": problems})

    def key(self, kind: str, parts: Sequence[Part]) -> str:
        """Return the digest of what ``kind`` (a PDF, a part's facts) is made of."""
        digest = hashlib.sha256(f"{kind}\0{environment()}".encode())
        for part in parts:
            digest.update(b"\0" + part.digest.encode())
        return digest.hexdigest()

    def entry(self, name: str) -> dict[str, Any] | None:
        """Return the kept entry ``name`` if it is whole and its files are unchanged."""
        if self.folder is None:
            return None
        try:
            entry = _checked(json.loads((self.folder / f"{name}.json")
                                        .read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        if any(self.file(path) != digest for path, digest in entry["files"].items()):
            return None
        self.used.add(name)
        return entry

    def kept_pdf(self, name: str, entry: dict[str, Any]) -> bytes | None:
        """Return the kept PDF of entry ``name``, unless it is missing or was altered."""
        assert self.folder is not None
        try:
            data = (self.folder / f"{name}.pdf").read_bytes()
        except OSError:
            return None
        return data if file_digest(data) == entry["pdf"] else None

    def file(self, path: str) -> str | None:
        """Return the digest of the built site's file at site-relative ``path`` (once)."""
        if path not in self._files:
            try:
                self._files[path] = file_digest((self.typesetter.site_dir / path).read_bytes())
            except OSError:
                self._files[path] = None
        return self._files[path]

    def store(self, name: str, entry: dict[str, Any], pdf: bytes | None = None) -> None:
        """Keep ``entry`` (and its PDF) as ``name``; a cache that cannot be written is skipped."""
        if self.folder is None:
            return
        self.used.add(name)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if pdf is not None:
                write_whole(self.folder / f"{name}.pdf", pdf)
            write_whole(self.folder / f"{name}.json", json.dumps(entry, sort_keys=True).encode())
        except OSError:
            pass

    def prune(self) -> None:
        """Remove the entries this build did not use."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name.split(".", 1)[0] not in self.used:
                path.unlink(missing_ok=True)


def _checked(found: Any) -> dict[str, Any]:
    """Return a kept entry read from JSON, problems as tuples; raise if it is not whole."""
    entry: dict[str, Any] = dict(found)
    entry["files"] = {str(path): str(digest) for path, digest in dict(entry["files"]).items()}
    entry["problems"] = _problems(entry["problems"])
    if "pdf" in entry:
        entry["pdf"] = str(entry["pdf"])
        entry["parts"] = [_problems(problems) for problems in entry["parts"]]
    else:
        entry["pages"] = int(entry["pages"])
        entry["anchors"] = {str(name): int(page) for name, page in
                            dict(entry["anchors"]).items()}
    return entry


def _problems(found: Any) -> list[Problem]:
    return [(bool(is_error), str(message)) for is_error, message in found]


@cache
def environment() -> str:
    """Return a digest of everything besides a part's HTML that shapes a PDF's bytes.

    The handbook's code and style sheet, the fonts, the versions of the Python
    packages and of the system libraries that lay out and draw the pages.
    """
    digest = hashlib.sha256(f"python {sys.version_info[:2]}\nfonts {fonts_digest()}\n"
                            .encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name} {version(name)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    for path in sorted([*CODE_DIR.glob("*.py"), *CODE_DIR.glob("*.css")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update("\n".join(_system_libraries()).encode())
    return digest.hexdigest()


def _system_libraries() -> list[str]:
    """Return the file names (with versions) and sizes of the text libraries WeasyPrint uses.

    Read from the process's memory map once they are loaded, which is cheap,
    unlike starting WeasyPrint itself.
    """
    for name in LOADED_FIRST:
        try:
            ctypes.CDLL(name)
        except OSError:
            pass
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = set()
    for line in maps.splitlines():
        path = line.split()[-1] if line.split() else ""
        if Path(path).name.startswith(SYSTEM_LIBRARIES):
            real = Path(path).resolve()
            try:
                found.add(f"{real.name} {real.stat().st_size}")
            except OSError:
                found.add(real.name)
    return sorted(found)
