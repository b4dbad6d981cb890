"""Generate a large course (about 600 pages) to measure how fast ``course check`` runs.

Run ``python -m tests.generate_course DEST`` to write one and time ``course check`` on it.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from tests.conftest import copy_course, course_config

SVG = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>"


def _lesson(module: int, lesson: int, lang: str) -> str:
    sections = "\n".join(
        f"## Part {n}\n\nText of part {n} in {lang}, with a [link](../01-m01/index.md) and "
        f"[another](#part-{n}).\n\n![Diagram {n}](images/d.svg)\n" for n in range(1, 5)
    )
    return (f"---\nid: m{module:02d}-{lesson:02d}\ntitle: Lesson {lesson}\n---\n"
            f"# Lesson {lesson}\n\n{sections}")


def generate(dest: Path, modules: int = 10, lessons: int = 19) -> Path:
    """Write a course of ``3 * modules * (lessons + 1) + 3`` pages at ``dest``."""
    copy_course("minimal", dest)
    for lang in course_config("minimal").languages:
        shutil.rmtree(dest / "docs" / lang / "01-basics")
        for m in range(1, modules + 1):
            folder = dest / "docs" / lang / f"{m:02d}-m{m:02d}"
            (folder / "images").mkdir(parents=True)
            (folder / "images" / "d.svg").write_text(SVG, encoding="utf-8")
            (folder / "index.md").write_text(f"---\nid: m{m:02d}\ntitle: Module {m}\n---\n"
                                             f"# Module {m}\n\nOverview.\n", encoding="utf-8")
            for n in range(1, lessons + 1):
                (folder / f"{n:02d}-l{n:02d}.md").write_text(_lesson(m, n, lang),
                                                             encoding="utf-8")
        home = dest / "docs" / lang / "index.md"
        home.write_text("---\ntitle: Big\n---\n# Big\n\n[Start](01-m01/index.md)\n",
                        encoding="utf-8")
    return dest


if __name__ == "__main__":
    from build_tools.pipeline import check_course

    root = generate(Path(sys.argv[1]))
    started = time.perf_counter()
    course, diagnostics = check_course(root)
    took = time.perf_counter() - started
    pages = sum(1 for _ in course.all_pages()) if course else 0
    print(f"{pages} pages, {len(diagnostics)} problem(s), {took:.2f} s")
