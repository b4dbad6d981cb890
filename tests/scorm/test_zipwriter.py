import zipfile
from pathlib import Path

from scorm.zipwriter import write_archive

STAMP = (2020, 1, 1, 0, 0, 0)


def test_archive_reads_back_with_zipfile_and_is_stable(tmp_path: Path) -> None:
    entries = {"imsmanifest.xml": b"<manifest/>", "ru/урок.html": "Привет ё".encode() * 50,
               "assets/fonts/a.woff2": bytes(range(256)), "empty.txt": b""}
    size = write_archive(entries, tmp_path / "a.zip", STAMP)
    write_archive(dict(entries), tmp_path / "b.zip", STAMP)
    assert size == (tmp_path / "a.zip").stat().st_size
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert archive.testzip() is None
        assert archive.namelist() == list(entries)
        assert {name: archive.read(name) for name in entries} == entries
        infos = {info.filename: info for info in archive.infolist()}
    assert infos["assets/fonts/a.woff2"].compress_type == zipfile.ZIP_STORED
    assert infos["ru/урок.html"].compress_type == zipfile.ZIP_DEFLATED
    assert infos["ru/урок.html"].compress_size < infos["ru/урок.html"].file_size
    assert {info.date_time for info in infos.values()} == {STAMP}
    assert {info.external_attr >> 16 for info in infos.values()} == {0o100644}
