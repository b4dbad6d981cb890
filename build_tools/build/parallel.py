"""Run independent jobs (one per language) in separate processes, on every core.

Job processes are forked from a *fork server*: a clean process, started
before the course is read (:func:`prime`), that imports MkDocs, Material,
Markdown and the build's own modules once (:data:`PRELOAD`), so that each job
starts with them loaded instead of spending half a second importing them. The
server has no threads, so forking it is safe whatever threads the caller runs;
each job still gets its own MkDocs state, and the caller's environment and
working folder (:func:`_call`). Where fork servers do not exist, jobs are
started with ``spawn``.
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

PRELOAD = (
    "build_tools.build.languages", "build_tools.site.plugin", "build_tools.outputs",
    "build_tools.markdown.quiz", "mkdocs.commands.build", "mkdocs.config.defaults",
    "mkdocs_static_i18n.plugin", "material", "markdown.extensions.toc",
    "markdown.extensions.tables", "markdown.extensions.admonition", "pymdownx.blocks",
    "pymdownx.details", "pymdownx.highlight", "pymdownx.superfences", "pymdownx.saneheaders",
    "pymdownx.quotes", "jinja2", "babel.core", "lxml.html", "pygments.lexers")
"""Modules every job needs, imported once by the fork server (one that fails is skipped)."""


def start_method() -> str:
    """Return how job processes are started: ``forkserver`` where it exists, else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def prime() -> None:
    """Start the fork server now, if jobs will run in processes, so its imports run meanwhile.

    It is started ignoring Ctrl-C, as are the processes forked from it (see
    :func:`_server_ignores_interrupt`); later calls do nothing.
    """
    if available_jobs() <= 1 or start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    forkserver.set_forkserver_preload(list(PRELOAD))
    with _server_ignores_interrupt():
        forkserver.ensure_running()


@contextlib.contextmanager
def _server_ignores_interrupt() -> Iterator[None]:
    """Start processes ignoring Ctrl-C from their first instruction on.

    The terminal sends Ctrl-C to every process of the build, and the main
    process stops the jobs. An ignored signal stays ignored in a program
    started meanwhile (Python then installs no handler of its own), and the
    fork server hands that on to the processes it forks. Ctrl-C is blocked
    first: one pressed before it is ignored takes effect right after.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    with _workers_ignore_interrupt():
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, handler)


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
    prime()
    context = multiprocessing.get_context(start_method())
    here = (dict(os.environ), os.getcwd())
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        with _workers_ignore_interrupt():
            futures = [pool.submit(_call, here, func, args) for args in jobs]
        try:
            if meanwhile:
                meanwhile()
            concurrent.futures.wait(futures)
        except BaseException:
            _stop(pool)
            raise
        return [future.result() for future in futures]


def _call(here: tuple[dict[str, str], str], func: Callable[..., T], args: tuple[Any, ...]
          ) -> T:
    """Call ``func(*args)`` in the caller's environment and working folder, as of now.

    A process forked from the fork server has the server's, which may be older.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # if the server was started in a thread
    environ, cwd = here
    if os.environ != environ:
        os.environ.clear()
        os.environ.update(environ)
    os.chdir(cwd)
    return func(*args)


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
