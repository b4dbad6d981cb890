"""Problems found in the sources, reported in the GCC form editors and CI parse.

Every problem a user sees is a :class:`Diagnostic` printed as
``path:line:col: severity: message [code]``. Steps collect diagnostics and the
caller fails once, after printing them all.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .codes import CODES, Severity

__all__ = ["BuildFailed", "Diagnostic", "Severity", "apply_severities", "error",
           "has_errors", "io_diagnostic", "rel", "warning"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place in one file."""

    path: str
    """Path relative to the project root, ``/``-separated."""
    line: int | None
    """1-based line, or ``None`` when the problem concerns the whole file."""
    severity: Severity
    message: str
    code: str
    """Stable short code such as ``front-matter``; severities are configured per code."""
    col: int | None = None
    """1-based column, when known."""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"diagnostic code {self.code!r} is not declared in "
                             "build_tools/codes.py; declare it with its severity and summary")

    def format(self) -> str:
        """Return the GCC-style line: ``path:line:col: severity: message [code]``."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.severity.value}: {self.message} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping."""
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "message": self.message,
            "code": self.code,
        }


def error(
    path: str, line: int | None, message: str, code: str, col: int | None = None
) -> Diagnostic:
    """Build an error diagnostic."""
    return Diagnostic(path, line, Severity.ERROR, message, code, col)


def warning(
    path: str, line: int | None, message: str, code: str, col: int | None = None
) -> Diagnostic:
    """Build a warning diagnostic."""
    return Diagnostic(path, line, Severity.WARNING, message, code, col)


def rel(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with ``/`` separators, for messages."""
    if not path.is_absolute() or ".." not in path.parts:
        try:  # the common case, without the cost of resolving links on disk
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


STAGED = re.compile(r"(?:^|(?<=/))\.([^/]+?)-(?:new-|old$|[a-z]{2,3}-)[^/]*")
"""A build's temporary folders beside an output (``.site-new-x1y2``, ``.site-kk-x1y2``)."""


def io_diagnostic(exc: OSError, root: Path | None) -> Diagnostic:
    """Turn a failed read or write (permissions, full disk) into a diagnostic.

    A file in a build's temporary folder is named by the output it was for.
    """
    path = rel(Path(exc.filename), root) if exc.filename and root else str(exc.filename or "")
    path = STAGED.sub(lambda m: m.group(1), path)
    what = f"'{path}'" if path else "a file"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return error(path or "course", None, f"cannot write {what}: the disk is full; free "
                     "some space and build again (site/ and dist/ were not changed)", "io")
    reason = exc.strerror or str(exc)
    return error(path or "course", None, f"cannot read or write {what}: {reason}; check that "
                 "the file exists and that you may use it", "io")


LOCKED_CODES = frozenset(code.name for code in CODES.values() if code.locked)
"""Codes whose severity no setting changes: they guard sources and outputs, not style."""


def apply_severities(
    diagnostics: Iterable[Diagnostic],
    severities: Mapping[str, Severity],
    *,
    strict: bool = False,
) -> list[Diagnostic]:
    """Apply per-code severities from the config, then ``--strict``; drop ignored ones.

    The result is sorted by path and line, the order an editor lists problems in.
    """
    result = []
    for diag in diagnostics:
        severity = diag.severity if diag.code in LOCKED_CODES else severities.get(
            diag.code, diag.severity)
        if strict and severity is Severity.WARNING:
            severity = Severity.ERROR
        if severity is not Severity.IGNORE:
            result.append(replace(diag, severity=severity))
    return sorted(result, key=lambda d: (d.path, d.line or 0, d.col or 0, d.code, d.message))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Return True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


class BuildFailed(Exception):
    """Raised once, after all problems were collected, when any of them is an error."""

    def __init__(self, diagnostics: list[Diagnostic], summary: str = "") -> None:
        super().__init__(summary or f"{len(diagnostics)} problem(s)")
        self.diagnostics = diagnostics
        self.summary = summary

    def __reduce__(self) -> tuple[type[BuildFailed], tuple[list[Diagnostic], str]]:
        # Builds run in worker processes: the failure must survive pickling whole.
        return (BuildFailed, (self.diagnostics, self.summary))
