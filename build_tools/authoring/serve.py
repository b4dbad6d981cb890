"""``course serve``: live preview in every language, with the checks on each rebuild.

Built on MkDocs' own live-reload server (``mkdocs.livereload``), set up the way
``mkdocs.commands.serve.serve`` does it. The difference is the builder: before
each build it runs the same checks as ``course check`` and prints their
diagnostics, and a failed build is reported instead of stopping the server
(the browser keeps showing the last good preview).
"""

from __future__ import annotations

import logging
import re
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..checks import run_checks
from ..course.config import CONFIG_NAME, CourseConfig, load_config
from ..course.loader import load_course
from ..course.model import Course
from ..diagnostics import (
    BuildFailed,
    Diagnostic,
    apply_severities,
    error,
    has_errors,
    io_diagnostic,
)
from ..site.runner import MKDOCS_CONFIG, SiteRun, load_mkdocs_yml, run_mkdocs
from .incremental import language_to_rebuild

Echo = Callable[[str], None]
DIRTY_WARNING = "A 'dirty' build is being performed"
"""MkDocs' warning on every dirty build; the preview decides when a dirty build is safe."""
LINK_WARNING = re.compile(r"Doc file '.*' contains (a link|an absolute link|a link to)")
"""MkDocs' own link warnings: the link checks say the same with a line number (and MkDocs
also warns about links that the language fallback resolves)."""


class _Preview:
    """Checks, then builds the preview into a temporary folder; never raises."""

    def __init__(self, root: Path, site_dir: Path, url: str, echo: Echo) -> None:
        self.root = root
        self.site_dir = site_dir
        self.url = url
        self.echo = echo
        self.built_shape: tuple[object, ...] | None = None
        """What the last good build's navigation was made of; ``None`` forces a full build."""
        self.built_at = 0
        """When the last good build started (``time.time_ns()``)."""

    def shape(self, course: Course) -> tuple[object, ...]:
        """Return the pages, their titles and the settings: what every page's frame shows."""
        settings = [(self.root / name).stat().st_mtime_ns for name in (MKDOCS_CONFIG, CONFIG_NAME)
                    if (self.root / name).is_file()]
        return (*settings, *((p.lang, p.src_uri, p.title) for p in course.all_pages()))

    def check(self) -> tuple[Course | None, bool]:
        """Read the course, run every check and print the diagnostics.

        Returns the course and whether the preview can be built from it: pages
        the loader could not read stop it, other problems are only reported.
        """
        try:
            course, loaded = load_course(self.root)
            found = run_checks(course) if course is not None else []
        except OSError as exc:  # a folder or file we may not read
            self.echo(io_diagnostic(exc, self.root).format())
            return None, False
        severities = course.config.severities if course is not None else {}
        diagnostics = apply_severities(loaded + found, severities)
        for diag in diagnostics:
            self.echo(diag.format())
        errors = sum(d.severity.value == "error" for d in diagnostics)
        pages = sum(1 for _ in course.all_pages()) if course else 0
        self.echo(f"course serve: checked {pages} page(s): {errors} error(s), "
                  f"{len(diagnostics) - errors} warning(s)")
        return course, course is not None and not has_errors(loaded)

    def build(self) -> None:
        """Check, then rebuild the preview through the runner; report failures, never raise."""
        started = time.time_ns()  # a file saved while this build reads is rebuilt next time
        course, buildable = self.check()
        if course is None or not buildable:
            self.failed([])
            return
        # After the first build only changed pages are rendered again, unless the set of
        # pages or their titles changed: those show in every page's navigation.
        # A dirty build builds only the languages that show a changed file.
        shape = self.shape(course)
        dirty = shape == self.built_shape
        run = SiteRun(course, self.site_dir, serve_url=self.url, dirty=dirty,
                      lang=language_to_rebuild(course, self.built_at) if dirty else None)
        try:
            warnings = run_mkdocs(run)
        except BuildFailed as failed:  # the server must survive any broken source
            self.built_shape = None
            self.failed(failed.diagnostics)
            return
        self.built_shape, self.built_at = shape, started
        for message in warnings:
            if not LINK_WARNING.match(message) and not message.startswith(DIRTY_WARNING):
                self.echo(f"course serve: mkdocs: {message}")
        self.echo(f"course serve: preview updated at {self.url}")

    def failed(self, diagnostics: list[Diagnostic]) -> None:
        """Print why the build failed (the checks' errors above say the rest)."""
        for diag in diagnostics:
            self.echo(diag.format())
        self.echo("course serve: the preview was not updated; fix the errors above and save "
                  "again (the server keeps running)")


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def serve(root: Path, host: str, port: int, echo: Echo) -> None:
    """Serve a live preview of the course on ``http://host:port/`` until interrupted.

    Raises:
        BuildFailed: ``mkdocs.yml`` cannot be read at start, or the port is taken.
    """
    from mkdocs.livereload import LiveReloadServer

    if not _port_free(host, port):
        raise BuildFailed([error(MKDOCS_CONFIG, None, f"cannot serve on {host}:{port}: the "
                                 "port is in use; stop the other server or choose another "
                                 "with --port", "serve")], "the preview did not start")
    site_dir = Path(tempfile.mkdtemp(prefix="course-serve-"))
    url = f"http://{host}:{port}/"
    preview = _Preview(root, site_dir, url, echo)
    try:
        settings, _ = load_config(root)  # course.yml's problems are printed by the checks
        try:
            # For the server's hooks and what it watches; each build loads its own.
            config = load_mkdocs_yml(settings or CourseConfig(root=root), site_dir)
        except BuildFailed as exc:
            raise BuildFailed(exc.diagnostics, "the preview did not start") from exc
        _run(preview, config, host, port, LiveReloadServer)
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _stop_on_sigterm() -> None:
    """Let ``kill`` stop the server as Ctrl+C does, so the preview folder is removed."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)


def _run(preview: _Preview, config: Any, host: str, port: int, server_class: Any) -> None:
    _stop_on_sigterm()
    config.plugins.on_startup(command="serve", dirty=False)
    server = server_class(builder=preview.build, host=host, port=port,
                          root=str(preview.site_dir), mount_path="/")
    livereload = logging.getLogger("mkdocs.livereload")
    saved = livereload.level
    livereload.setLevel(logging.WARNING)  # its INFO lines would repeat ours
    try:
        preview.build()
        root = preview.root
        for path in (config.docs_dir, root / MKDOCS_CONFIG, root / CONFIG_NAME, *config.watch):
            server.watch(str(path))
        server = config.plugins.on_serve(server, config=config, builder=preview.build)
        preview.echo(f"course serve: serving on {preview.url} (press Ctrl+C to stop)")
        try:
            server.serve()
        except KeyboardInterrupt:
            preview.echo("course serve: stopped")
        finally:
            server.shutdown()
    finally:
        livereload.setLevel(saved)
        config.plugins.on_shutdown()
