"""A small deterministic zip writer that compresses each distinct file once.

One build writes dozens of packages that share most of their bytes (theme,
fonts, runtime, schemas, and the pages a module package shares with the course
package). ``zipfile`` compresses every entry again; this writer keeps the
compressed form of each content it has seen, which makes packaging several
times faster. The output is a plain PKZIP archive (APPNOTE 6.3.x, no ZIP64:
packages stay far below 4 GiB and 65,535 entries).
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Mapping
from pathlib import Path

LOCAL = struct.Struct("<IHHHHHIIIHH")
CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
END = struct.Struct("<IHHHHIIH")
STORED, DEFLATED = 0, 8
UTF8_NAMES = 0x0800
"""General purpose flag bit 11: names are UTF-8 (APPNOTE 4.4.4)."""
UNIX_FILE_0644 = 0o100644 << 16
PRECOMPRESSED = (".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz")
"""Entries stored as they are: deflating them again gains nothing."""

_compressed: dict[bytes, tuple[int, bytes]] = {}
"""Content digest -> (CRC-32, raw deflate stream), shared by every archive of a build."""


def _deflate(data: bytes) -> tuple[int, bytes]:
    key = hashlib.sha1(data).digest()
    if key not in _compressed:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        _compressed[key] = (zlib.crc32(data), packer.compress(data) + packer.flush())
    return _compressed[key]


def _dos_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def write_archive(entries: Mapping[str, bytes], path: Path,
                  date_time: tuple[int, int, int, int, int, int]) -> int:
    """Write ``entries`` in their order to ``path`` with one timestamp; return the size."""
    mtime, mdate = _dos_time(date_time)
    body: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries.items():
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else UTF8_NAMES
        if name.lower().endswith(PRECOMPRESSED):
            method, crc, stream = STORED, zlib.crc32(data), data
        else:
            method, (crc, stream) = DEFLATED, _deflate(data)
        header = LOCAL.pack(0x04034B50, 20, flags, method, mtime, mdate, crc, len(stream),
                            len(data), len(encoded), 0)
        central.append(CENTRAL.pack(0x02014B50, (3 << 8) | 20, 20, flags, method, mtime, mdate,
                                    crc, len(stream), len(data), len(encoded), 0, 0, 0, 0,
                                    UNIX_FILE_0644, offset) + encoded)
        body += [header, encoded, stream]
        offset += len(header) + len(encoded) + len(stream)
    directory = b"".join(central)
    end = END.pack(0x06054B50, 0, 0, len(central), len(central), len(directory), offset, 0)
    data = b"".join(body) + directory + end
    path.write_bytes(data)
    return len(data)
