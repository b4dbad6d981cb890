"""Run independent jobs (one per language) in separate processes, on every core.

Processes are started with ``spawn``: a fresh interpreter is safe whatever
threads the caller runs, and each job gets its own MkDocs state.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
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
    run here); when it raises, or on Ctrl-C, the jobs are stopped at once and
    the exception is raised: they only write into staged folders, which the
    caller removes. With one job or one core the calls run in this process. The
    first exception of a job is raised here once every job has ended.
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
        with _workers_ignore_interrupt():
            futures = [pool.submit(func, *args) for args in jobs]
        try:
            if meanwhile:
                meanwhile()
            concurrent.futures.wait(futures)
        except BaseException:
            _stop(pool)
            raise
        return [future.result() for future in futures]


@contextlib.contextmanager
def _workers_ignore_interrupt() -> Iterator[None]:
    """Start workers with Ctrl-C blocked from their first instruction on.

    The terminal sends Ctrl-C to every process of the build; the main process
    stops the workers, which would otherwise each print a traceback. A blocked
    signal stays blocked in the processes started meanwhile, and here it stays
    pending: a Ctrl-C while they start takes effect right after.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now rather than wait for builds whose output will be thrown away."""
    # No public way before Python 3.14 (ProcessPoolExecutor.terminate_workers).
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
