import hashlib
from pathlib import Path

from bench.generate import generate
from build_tools.course.loader import load_course


def digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted((root / "docs").rglob("*")):
        if path.is_file():
            sha.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return sha.hexdigest()


def test_generated_course_is_deterministic_and_valid(tmp_path: Path) -> None:
    pages = generate(tmp_path / "a", modules=2, lessons=3, seed=7)
    generate(tmp_path / "b", modules=2, lessons=3, seed=7)
    assert pages == 3 * (1 + 2 * (1 + 3 + 1))
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    course, diagnostics = load_course(tmp_path / "a")
    assert [d.format() for d in diagnostics] == []
    assert course is not None
    assert [len(m.lessons) for m in course.modules] == [4, 4]
    assert course.modules[1].test is not None
    text = (tmp_path / "a/docs/kk/01-module-1/01-lesson-1.md").read_text(encoding="utf-8")
    assert "/// quiz" in text and "| A | B |" in text and "images/diagram.svg" in text
