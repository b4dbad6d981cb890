"""The benchmark's results: what is measured per course size, and the tables printed of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    """Wall time and peak memory of one command."""

    seconds: float
    peak_mb: float
    """Largest resident memory of one process of the command."""
    ok: bool
    total_peak_mb: float = 0.0
    """Largest resident memory of all its processes at once (sampled every 50 ms)."""
    cpu_seconds: float = 0.0
    """Processor time (user and system) of the command and its processes: what it costs
    whatever else shares the cores."""


@dataclass
class SizeResult:
    """Every figure measured on one generated course."""

    name: str
    pages: int
    baseline: Run
    """Plain ``mkdocs build`` (Material, mkdocs-static-i18n, search) of the same Markdown."""
    site: Run
    """``course build`` with the ``site`` output only."""
    default: Run
    """``course build`` with the default outputs (``build_tools.course.config.DEFAULT_OUTPUTS``)."""
    full_cold: Run | None
    """Every output, both handbook editions, with an empty ``.cache/`` (None: not run)."""
    full_warm: Run | None
    """Every output again on the same sources: the handbooks come from ``.cache/``."""
    check: Run
    one_page_edit_s: float
    """The rebuild ``course serve`` runs after a save of one page."""
    stages_cold: list[dict[str, Any]] = field(default_factory=list)
    """``course build --timings`` of the cold full build."""
    stages_warm: list[dict[str, Any]] = field(default_factory=list)
    packages: dict[str, float] = field(default_factory=dict)

    def ratio(self, run: Run | None) -> float | None:
        """Return ``run``'s time over the baseline's."""
        return None if run is None else round(run.seconds / self.baseline.seconds, 2)

    def handbooks(self, full: Run | None) -> float | None:
        """Return the seconds the handbooks add to the default build."""
        return None if full is None else round(full.seconds - self.default.seconds, 2)

    def summary(self) -> dict[str, Any]:
        """Return the ratios and derived figures the tables print."""
        cold, warm = self.handbooks(self.full_cold), self.handbooks(self.full_warm)
        full = self.full_warm or self.default
        return {
            "ratio_site": self.ratio(self.site),
            "ratio_default": self.ratio(self.default),
            "ratio_full_cold": self.ratio(self.full_cold),
            "ratio_full_warm": self.ratio(self.full_warm),
            "handbooks_cold_s": cold,
            "handbooks_warm_s": warm,
            "handbooks_cold_over_site": None if cold is None else round(
                cold / self.site.seconds, 2),
            "handbooks_warm_over_site": None if warm is None else round(
                warm / self.site.seconds, 2),
            "edit_over_full": round(self.one_page_edit_s / full.seconds, 3),
        }


def main_table(results: list[SizeResult]) -> str:
    """Return the builds of every size, against the baseline, as a Markdown table."""
    rows = ["| size | pages | plain MkDocs s | site only s (ratio) | default outputs s "
            "(ratio) | every output, cold cache s (ratio) | every output, warm cache s "
            "(ratio) | peak MB, all processes (baseline) | `course check` s (CPU s) "
            "| 1-page rebuild s (/ full) |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        s = r.summary()
        peak = (r.full_cold or r.default).total_peak_mb
        rows.append(
            f"| {r.name} | {r.pages} | {r.baseline.seconds} "
            f"| {r.site.seconds} ({s['ratio_site']}) | {r.default.seconds} "
            f"({s['ratio_default']}) | {_run(r.full_cold, s['ratio_full_cold'])} "
            f"| {_run(r.full_warm, s['ratio_full_warm'])} "
            f"| {peak} ({r.baseline.total_peak_mb}) "
            f"| {r.check.seconds} ({r.check.cpu_seconds}) "
            f"| {r.one_page_edit_s} ({s['edit_over_full']}) |")
    return "\n".join(rows)


def handbook_table(results: list[SizeResult]) -> str:
    """Return what the handbooks add to a build, against the site's own build time."""
    rows = ["| size | site only s | handbooks add, cold cache s (/ site) "
            "| handbooks add, warm cache s (/ site) |", "|---|---|---|---|"]
    for r in results:
        s = r.summary()
        if r.full_cold is None:
            rows.append(f"| {r.name} | {r.site.seconds} | not run | not run |")
            continue
        rows.append(f"| {r.name} | {r.site.seconds} | {s['handbooks_cold_s']} "
                    f"({s['handbooks_cold_over_site']}) | {s['handbooks_warm_s']} "
                    f"({s['handbooks_warm_over_site']}) |")
    return "\n".join(rows)


def stage_table(result: SizeResult, stages: list[dict[str, Any]], label: str) -> str:
    """Return the seconds of each stage of one build: a column per language, one for all."""
    langs = list(dict.fromkeys(str(s["lang"]) for s in stages if s["lang"]))
    names = list(dict.fromkeys(str(s["name"]) for s in stages))
    seconds = {(str(s["name"]), str(s["lang"] or "")): float(s["seconds"]) for s in stages}
    rows = [f"{result.name}, {label}: seconds per stage (languages run at once, "
            "each in its own process; pages: the MkDocs build, search index included)", "",
            "| stage | " + " | ".join(langs) + " | whole course |",
            "|---|" + "---|" * (len(langs) + 1)]
    for name in names:
        cells = [_cell(seconds.get((name, lang))) for lang in [*langs, ""]]
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _run(run: Run | None, ratio: float | None) -> str:
    return "not run" if run is None else f"{run.seconds} ({ratio})"


def _cell(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"
