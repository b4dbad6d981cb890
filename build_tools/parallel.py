"""Run independent jobs (one per language) in separate processes, on every core.

Processes are started with ``spawn``: a fresh interpreter is safe whatever
threads the caller runs, and each job gets its own MkDocs state.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def available_jobs() -> int:
    """Return how many jobs may run at once: ``COURSE_JOBS``, else twice the usable cores.

    Twice: three languages on two cores finish sooner all at once than two
    first and the third alone on one core. One core builds in one process.
    """
    try:
        return max(1, int(os.environ["COURSE_JOBS"]))
    except (KeyError, ValueError):
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
            os.cpu_count() or 1)
        return 1 if cores == 1 else 2 * cores


def run_jobs(func: Callable[..., T], jobs: Sequence[tuple[Any, ...]],
             meanwhile: Callable[[], None] | None = None) -> list[T]:
    """Call ``func(*args)`` for every ``args`` in ``jobs``; return the results in job order.

    ``meanwhile`` runs here while the jobs run elsewhere (before them when they
    run here); when it raises, jobs not started are cancelled, the running ones
    are waited for, and its exception is raised. With one job or one core the
    calls run in this process. The first exception of a job is raised here once
    every job has ended.
    """
    workers = min(available_jobs(), len(jobs))
    if workers <= 1:
        if meanwhile:
            meanwhile()
        results = []
        for args in jobs:
            results.append(func(*args))
        return results
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = [pool.submit(func, *args) for args in jobs]
        if meanwhile:
            try:
                meanwhile()
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return [future.result() for future in futures]
