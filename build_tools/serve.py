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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .config import CONFIG_NAME
from .diagnostics import BuildFailed, Diagnostic, error, has_errors, io_diagnostic
from .loader import load_course_cached
from .mkdocs_run import MKDOCS_CONFIG, dirty_flag, mkdocs_config, mkdocs_failure, mkdocs_log
from .pipeline import check_course

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

    def shape(self) -> tuple[object, ...] | None:
        """Return the pages, their titles and the settings: what every page's frame shows."""
        course, _ = load_course_cached(self.root)
        if course is None:
            return None
        settings = [(self.root / name).stat().st_mtime_ns for name in (MKDOCS_CONFIG, CONFIG_NAME)
                    if (self.root / name).is_file()]
        return (*settings, *((p.lang, p.src_uri, p.title) for p in course.all_pages()))

    def config(self) -> Any:
        """Load ``mkdocs.yml`` afresh, pointed at the preview folder."""
        config = mkdocs_config(self.root, self.site_dir)
        config.site_url = self.url
        return config

    def check(self) -> list[Diagnostic]:
        """Run every content check and print the diagnostics."""
        course, diagnostics = check_course(self.root)
        for diag in diagnostics:
            self.echo(diag.format())
        errors = sum(d.severity.value == "error" for d in diagnostics)
        pages = sum(1 for _ in course.all_pages()) if course else 0
        self.echo(f"course serve: checked {pages} page(s): {errors} error(s), "
                  f"{len(diagnostics) - errors} warning(s)")
        return diagnostics

    def build(self, config: Any = None) -> None:
        """Check, then rebuild the preview; report failures instead of raising."""
        from mkdocs.commands.build import build

        try:
            diagnostics = self.check()
        except OSError as exc:  # a folder or file we may not read, found by the checks
            diagnostics = [io_diagnostic(exc, self.root)]
            self.echo(diagnostics[0].format())
        # After the first build only changed pages are rendered again, unless the set of
        # pages or their titles changed: those show in every page's navigation.
        shape = self.shape()
        dirty = shape is not None and shape == self.built_shape
        with mkdocs_log() as captured, dirty_flag(dirty):
            try:
                config = config or self.config()
                build(config, serve_url=self.url, dirty=dirty)
            except Exception as exc:  # the server must survive any broken source
                self.built_shape = None
                self.failed(diagnostics, exc, captured)
                return
        self.built_shape = shape
        for message in captured:
            if not LINK_WARNING.match(message) and not message.startswith(DIRTY_WARNING):
                self.echo(f"course serve: mkdocs: {message}")
        self.echo(f"course serve: preview updated at {self.url}")

    def failed(self, diagnostics: list[Diagnostic], exc: Exception, captured: list[str]) -> None:
        """Print why the build failed, unless the check's errors above already say it."""
        if not has_errors(diagnostics):
            for diag in mkdocs_failure(self.root, exc, captured):
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
        with mkdocs_log() as captured:
            try:
                config = preview.config()
            except Exception as exc:
                raise BuildFailed(mkdocs_failure(root, exc, captured),
                                  "the preview did not start") from exc
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
        preview.build(config)
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
