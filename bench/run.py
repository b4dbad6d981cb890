"""Benchmark the build at three course sizes against plain MkDocs; print a table and JSON.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py [--sizes small,medium]``).
Every figure comes from real commands run on generated courses in one run, so the
ratio to the baseline compares like with like on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import ROOT, generate  # noqa: E402

SIZES = {"small": (3, 5), "medium": (20, 8), "large": (60, 9)}
"""Modules x lessons: about 60, 600 and 2,000 pages in three languages."""
BIN = Path(sys.executable).parent


@dataclass
class Run:
    """Wall time and peak memory of one command."""

    seconds: float
    peak_mb: float
    """Largest resident memory of one process of the command."""
    ok: bool
    total_peak_mb: float = 0.0
    """Largest resident memory of all its processes at once (sampled every 50 ms)."""


def tree_rss_kb(root: int) -> int:
    """Return the summed resident memory of process ``root`` and its descendants, in KB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0"))
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


@dataclass
class SizeResult:
    """Every figure measured on one generated course."""

    name: str
    pages: int
    build: Run
    baseline: Run
    ratio: float
    check: Run | None = None
    one_page_edit_s: float | None = None
    edit_ratio: float | None = None
    packages: dict[str, float] = field(default_factory=dict)
    handbooks_s: float | None = None
    """Seconds the printed handbooks (both editions) add to the full build."""
    handbook_ratio: float | None = None
    """Those seconds over the build's without handbooks."""


def timed(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd`` and return its wall time and peak resident memory (its own children too)."""
    env = {**os.environ, "CI": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    ok = os.waitstatus_to_exitcode(status) == 0
    if not ok:
        print(f"  ! {' '.join(cmd)} failed:\n{stderr[-2000:]}", file=sys.stderr)
    return Run(round(seconds, 2), round(usage.ru_maxrss / 1024, 1), ok,
               round(max(peak[0], usage.ru_maxrss) / 1024, 1))


def write_baseline(course: Path) -> Path:
    """Write a plain MkDocs project on the same Markdown: Material and i18n, nothing of ours.

    The only addition is Material's missing Kazakh strings file, without which a
    ``kk`` build cannot run at all.
    """
    base = course.parent / f"{course.name}-baseline"
    shutil.rmtree(base, ignore_errors=True)
    (base / "theme" / "partials" / "languages").mkdir(parents=True)
    shutil.copy(ROOT / "build_tools/theme/partials/languages/kk.html",
                base / "theme/partials/languages/kk.html")
    (base / "docs").symlink_to(course / "docs")
    (base / "mkdocs.yml").write_text(
        "site_name: Baseline\nuse_directory_urls: false\ntheme:\n  name: material\n"
        "  custom_dir: theme\n  language: kk\nmarkdown_extensions: [admonition, tables, toc]\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: folder\n      languages:\n"
        "        - {locale: kk, default: true, name: Қазақша}\n"
        "        - {locale: ru, name: Русский}\n        - {locale: en, name: English}\n",
        encoding="utf-8")
    return base


def package_sizes(dist: Path) -> dict[str, float]:
    """Return sizes in KB of the largest module package and the whole-course package."""
    zips = sorted(dist.glob("*.zip")) if dist.is_dir() else []
    if not zips:
        return {}
    course = [z for z in zips if "_course_" in z.name]
    modules = [z for z in zips if "_course_" not in z.name]
    result = {"packages": len(zips)}
    if modules:
        biggest = max(modules, key=lambda z: z.stat().st_size)
        result["largest_module_kb"] = round(biggest.stat().st_size / 1024, 1)
        result["largest_module_assets_share"] = asset_share(biggest)
    if course:
        biggest = max(course, key=lambda z: z.stat().st_size)
        result["course_kb"] = round(biggest.stat().st_size / 1024, 1)
        result["course_assets_share"] = asset_share(biggest)
    return result


def asset_share(package: Path) -> float:
    """Return the share of the zipped size taken by site assets (theme, scripts, fonts)."""
    with zipfile.ZipFile(package) as archive:
        infos = archive.infolist()
        total = sum(i.compress_size for i in infos) or 1
        assets = sum(i.compress_size for i in infos if "assets/" in i.filename)
    return round(assets / total, 3)


def one_page_edit(course: Path) -> float | None:
    """Time the incremental rebuild after editing one page, if the project offers one."""
    try:
        from build_tools.incremental import time_one_page_edit
    except ImportError:
        return None
    return round(time_one_page_edit(course), 2)


def measure(name: str, workdir: Path) -> SizeResult:
    """Generate the course of size ``name`` and take every measurement on it."""
    modules, lessons = SIZES[name]
    course = workdir / name
    pages = generate(course, modules, lessons)
    print(f"{name}: {pages} pages", file=sys.stderr)
    build = timed([str(BIN / "course"), "build"], course)
    baseline = timed([str(BIN / "mkdocs"), "build", "-q"], write_baseline(course))
    result = SizeResult(name, pages, build, baseline, round(build.seconds / baseline.seconds, 2))
    has_check = subprocess.run([str(BIN / "course"), "check", "--help"], capture_output=True)
    if has_check.returncode == 0:
        result.check = timed([str(BIN / "course"), "check"], course)
    edit = one_page_edit(course)
    if edit is not None:
        result.one_page_edit_s = edit
        result.edit_ratio = round(edit / build.seconds, 3)
    result.packages = package_sizes(course / "dist")
    with_handbooks = timed_with_handbooks(course)
    if with_handbooks is not None and with_handbooks.ok:
        result.handbooks_s = round(with_handbooks.seconds - build.seconds, 2)
        result.handbook_ratio = round(result.handbooks_s / build.seconds, 2)
    return result


def timed_with_handbooks(course: Path) -> Run | None:
    """Time the full build again with both handbook editions selected in ``course.yml``."""
    has_handbooks = subprocess.run([str(BIN / "python"), "-c", "import build_tools.outputs."
                                    "handbook"], capture_output=True)
    if has_handbooks.returncode != 0:
        return None
    config = course / "course.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original + "outputs: [site, scorm12, scorm2004, question_bank, handbook]\n"
                      "handbook:\n  editions: [trainee, trainer]\n", encoding="utf-8")
    try:
        return timed([str(BIN / "course"), "build"], course)
    finally:
        config.write_text(original, encoding="utf-8")


def table(results: list[SizeResult]) -> str:
    """Return the results as a Markdown table."""
    head = ("| size | pages | course build s | peak MB (all processes) | mkdocs baseline s "
            "| baseline MB | ratio | check s | 1-page edit s | edit/build | largest module KB "
            "| course KB | handbooks add s | handbooks/build |"
            "\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    rows = []
    for r in results:
        p = r.packages
        rows.append(
            f"| {r.name} | {r.pages} | {r.build.seconds} | {r.build.total_peak_mb} "
            f"| {r.baseline.seconds} | {r.baseline.total_peak_mb} | {r.ratio} "
            f"| {r.check.seconds if r.check else 'n/a'} | {r.one_page_edit_s or 'n/a'} "
            f"| {r.edit_ratio or 'n/a'} | {p.get('largest_module_kb', 'n/a')} "
            f"| {p.get('course_kb', 'n/a')} | {_or_na(r.handbooks_s)} "
            f"| {_or_na(r.handbook_ratio)} |")
    return "\n".join([head, *rows])


def _or_na(value: float | None) -> str:
    return "n/a" if value is None else str(value)


def main() -> None:
    """Run the benchmark and print a table and JSON."""
    parser = argparse.ArgumentParser(description="Benchmark the course build.")
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--json", type=Path, help="also write the JSON to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        results = [measure(name, Path(tmp)) for name in args.sizes.split(",")]
    print(table(results))
    data = json.dumps([asdict(r) for r in results], indent=2)
    print(data)
    if args.json:
        args.json.write_text(data + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
