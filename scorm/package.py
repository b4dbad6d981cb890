"""Write a :class:`Package` as a reproducible zip: same package, same bytes.

Entries come in a fixed order (the manifest first, then sorted paths), with one
timestamp (``SOURCE_DATE_EPOCH``, by default 2020-01-01), fixed permissions and
no extra fields, so two builds of the same sources give identical files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path

from .manifest import manifest_bytes
from .model import Package
from .validate import schema_files
from .zipwriter import write_archive

DEFAULT_EPOCH = 1577836800
"""2020-01-01 00:00:00 UTC, used when ``SOURCE_DATE_EPOCH`` is not set."""
MANIFEST = "imsmanifest.xml"


def zip_timestamp(environ: Mapping[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """Return the entries' timestamp from ``SOURCE_DATE_EPOCH`` (UTC), at least 1980."""
    env = os.environ if environ is None else environ
    try:
        epoch = int(env.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    except ValueError:
        epoch = DEFAULT_EPOCH
    stamp = time.gmtime(max(epoch, 315532800))  # zip cannot store dates before 1980
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min,
            stamp.tm_sec - stamp.tm_sec % 2)


def package_entries(package: Package) -> dict[str, bytes]:
    """Return every file of the zip, manifest and schemas included, in archive order."""
    entries = {MANIFEST: manifest_bytes(package)}
    for schema in schema_files(package.version):
        entries[schema.name] = schema.read_bytes()
    for name in sorted(package.files):
        entries.setdefault(name, package.files[name])
    return entries


def write_zip(entries: Mapping[str, bytes], path: Path) -> int:
    """Write ``entries`` in their order to ``path``; return the size of the zip in bytes."""
    return write_archive(entries, path, zip_timestamp())


def write_package(package: Package, path: Path) -> int:
    """Write ``package`` to ``path`` as a SCORM zip; return its size in bytes."""
    return write_zip(package_entries(package), path)
