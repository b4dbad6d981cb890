"""Benchmark the build at three course sizes against plain MkDocs; print tables and JSON.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py --sizes small,medium``).
Every figure comes from real commands run on generated courses in one run, so the
ratio to the baseline compares like with like on this machine. Per size:

* plain ``mkdocs build`` (Material, mkdocs-static-i18n, search) of the same Markdown;
* ``course build`` with the site only, with the default outputs (site, SCORM 1.2
  and 2004 packages, question banks), and with every output (the handbooks in both
  editions too) twice: with an empty ``.cache/`` (cold) and again on the same
  sources, when the handbooks come from the cache (warm);
* the time of each stage of the full builds (``course build --timings``);
* peak memory of all the build's processes together (proportional set size:
  pages shared between processes count once);
* ``course check`` (wall and processor time, the fastest of ``--repeat`` runs) and the
  rebuild ``course serve`` runs after a save of one page.

The baseline and the builds without handbooks are run ``--repeat`` times,
alternating, and the fastest run of each is kept: other work on the machine
only ever slows a run down.
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
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import ROOT, generate  # noqa: E402
from report import Run, SizeResult, handbook_table, main_table, stage_table  # noqa: E402

SIZES = {"small": (3, 5), "medium": (20, 8), "large": (60, 9)}
"""Modules x lessons: about 60, 600 and 2,000 pages in three languages."""
BIN = Path(sys.executable).parent


def tree_rss_kb(root: int) -> int:
    """Return the memory of process ``root`` and its descendants together, in KB.

    Each process counts its proportional set size: a page shared by forked
    processes is split between them, not counted once per process.
    """
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
        rss[int(entry.name)] = _pss_kb(entry) or int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += [child for child, parent in parents.items() if parent == pid]
    return total


def _pss_kb(process: Path) -> int:
    """Return the proportional set size of a process in KB, 0 when unknown."""
    try:
        for line in (process / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


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
               round(max(peak[0], usage.ru_maxrss) / 1024, 1),
               round(usage.ru_utime + usage.ru_stime, 2))


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




def one_page_edit(course: Path) -> float:
    """Time the incremental rebuild after editing one page."""
    from build_tools.authoring.incremental import time_one_page_edit

    return round(time_one_page_edit(course), 2)


def all_outputs() -> str:
    """Return the ``course.yml`` settings that select every output, handbooks in both editions."""
    from build_tools.outputs import REGISTRY

    return f"outputs: [{', '.join(REGISTRY)}]\nhandbook:\n  editions: [trainee, trainer]\n"


def with_outputs(course: Path, settings: str) -> None:
    """Replace the output settings appended to ``course.yml`` by ``settings``."""
    config = course / "course.yml"
    original = config.read_text(encoding="utf-8").split("# bench\n")[0]
    config.write_text(original + "# bench\n" + settings, encoding="utf-8")


def course_build(course: Path, timings: Path | None = None) -> Run:
    """Time ``course build`` (writing its stages' times to ``timings``)."""
    extra = ["--timings", str(timings)] if timings else []
    return timed([str(BIN / "course"), "build", *extra], course)


def fastest(runs: list[Run]) -> Run:
    """Return the fastest of ``runs``: a busy machine only ever slows a run down."""
    return min(runs, key=lambda run: run.seconds)


def measure(name: str, workdir: Path, repeat: int, handbooks: bool = True) -> SizeResult:
    """Generate the course of size ``name`` and take every measurement on it."""
    modules, lessons = SIZES[name]
    course = workdir / name
    pages = generate(course, modules, lessons)
    baseline_dir = write_baseline(course)
    print(f"{name}: {pages} pages", file=sys.stderr)
    runs: dict[str, list[Run]] = {"baseline": [], "site": [], "default": []}
    for _ in range(repeat):
        runs["baseline"].append(timed([str(BIN / "mkdocs"), "build", "-q"], baseline_dir))
        with_outputs(course, "outputs: [site]\n")
        runs["site"].append(course_build(course))
        with_outputs(course, "")
        runs["default"].append(course_build(course))
    packages = package_sizes(course / "dist")
    cold = warm = None
    stages_cold, stages_warm = [], []
    if handbooks:
        with_outputs(course, all_outputs())
        shutil.rmtree(course / ".cache", ignore_errors=True)
        stages = course / "stages.json"
        cold = course_build(course, stages)
        stages_cold = json.loads(stages.read_text(encoding="utf-8"))
        warm = course_build(course, stages)
        stages_warm = json.loads(stages.read_text(encoding="utf-8"))
    check = fastest([timed([str(BIN / "course"), "check"], course) for _ in range(repeat)])
    edit = one_page_edit(course)
    return SizeResult(name, pages, fastest(runs["baseline"]), fastest(runs["site"]),
                      fastest(runs["default"]), cold, warm, check, edit, stages_cold,
                      stages_warm, packages)


def machine() -> str:
    """Return the machine the benchmark ran on: processor, cores, memory, Python."""
    cpu = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().split()[1]
        gib = round(int(memory) / 1024 / 1024)
    except (OSError, IndexError, ValueError):
        gib = 0
    cores = len(os.sched_getaffinity(0))
    return (f"{cpu}, {cores} cores, {gib} GiB, Python {sys.version.split()[0]}, "
            f"load average {os.getloadavg()[0]:.1f} at the start")


def main() -> None:
    """Run the benchmark; print the tables, then the JSON."""
    parser = argparse.ArgumentParser(description="Benchmark the course build.")
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of the baseline and the builds without handbooks")
    parser.add_argument("--json", type=Path, help="also write the JSON to this file")
    parser.add_argument("--skip-every-output", action="store_true",
                        help="leave out the builds with every output (cold handbooks take "
                        "long at 2,000 pages)")
    args = parser.parse_args()
    started = machine()
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        results = [measure(name, Path(tmp), args.repeat, not args.skip_every_output)
                   for name in args.sizes.split(",")]
    print(f"Measured on: {started}\n\n{main_table(results)}\n\n{handbook_table(results)}\n")
    for result in (r for r in results if r.stages_cold):
        print(stage_table(result, result.stages_cold, "every output, cold cache") + "\n")
        print(stage_table(result, result.stages_warm, "every output, warm cache") + "\n")
    data = json.dumps({"machine": started, "sizes": [
        {**asdict(r), "summary": r.summary()} for r in results]}, indent=2)
    print(data)
    if args.json:
        args.json.write_text(data + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
