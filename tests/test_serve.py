"""``course serve`` in a real process: serves, picks up edits, reports faults, survives them."""

from __future__ import annotations

import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

COURSE = Path(sys.executable).parent / "course"
PAGE = "en/01-basics/01-first.html"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A running ``course serve`` and the lines it printed so far."""

    def __init__(self, root: Path) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [str(COURSE), "serve", "--port", str(self.port)], cwd=root,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._queue.put(line.rstrip("\n"))

    def _drain(self) -> None:
        while not self._queue.empty():
            self.lines.append(self._queue.get_nowait())

    def get(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}",
                                        timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait(self, what: str, test: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._drain()
            if test():
                return
            assert self.proc.poll() is None, "\n".join(self.lines)
            time.sleep(0.3)
        self._drain()
        raise AssertionError(f"timed out waiting for {what}:\n" + "\n".join(self.lines))

    def stop(self, how: signal.Signals = signal.SIGINT) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(how)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        if self.proc.stdout is not None and not self._reader.is_alive():
            self.proc.stdout.close()
        return self.proc.returncode


@pytest.fixture
def server(minimal: Path) -> Iterator[Server]:
    running = Server(minimal)
    yield running
    running.stop()


def test_serve_previews_edits_and_reports_faults(minimal: Path, server: Server) -> None:
    server.wait("the first page", lambda: "zebrafish" in (server.get(PAGE) or ""))
    assert "Облепиха" in (server.get("ru/01-basics/01-first.html") or "").title()
    assert "course serve: checked 11 page(s): 0 error(s), 0 warning(s)" in server.lines

    page = minimal / "docs/en/01-basics/01-first.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nA giraffe and [a link](nowhere.md).\n", encoding="utf-8")
    server.wait("the edit", lambda: "giraffe" in (server.get(PAGE) or ""))
    fault = ("docs/en/01-basics/01-first.md:13:15: error: link to 'nowhere.md', but no page "
             "'01-basics/nowhere.md' exists; check the file name [link]")
    server.wait("the link diagnostic", lambda: fault in server.lines)

    ru = minimal / "docs/ru/01-basics/01-first.md"
    ru.write_text("---\nid: ba-01\ntitle: [broken\n---\n", encoding="utf-8")
    broken = ("docs/ru/01-basics/01-first.md:3: error: front matter: invalid YAML: did not "
              "find expected ',' or ']' [front-matter]")
    server.wait("the front matter diagnostic", lambda: broken in server.lines)
    server.wait("the failed rebuild", lambda: any("the preview was not updated" in line
                                                  for line in server.lines))
    assert "giraffe" in (server.get(PAGE) or "")

    page.write_text(text + "\nAn okapi.\n", encoding="utf-8")
    ru.write_text(text, encoding="utf-8")
    server.wait("recovery", lambda: "okapi" in (server.get(PAGE) or ""))
    assert server.stop(signal.SIGTERM) == 0
    server._drain()
    assert server.lines[-1] == "course serve: stopped"
    assert "Traceback" not in "\n".join(server.lines)


def test_serve_port_in_use(minimal: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([str(COURSE), "serve", "--port", str(port)], cwd=minimal,
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert (f"mkdocs.yml: error: cannot serve on 127.0.0.1:{port}: the port is in use; stop "
            "the other server or choose another with --port [serve]") in proc.stderr


def test_serve_with_broken_mkdocs_yml(minimal: Path) -> None:
    (minimal / "mkdocs.yml").write_text("site_name: x\ntheme: {name: nothere}\n",
                                        encoding="utf-8")
    proc = subprocess.run([str(COURSE), "serve", "--port", str(_free_port())], cwd=minimal,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert ("mkdocs.yml:2: error: Config value 'theme': Unrecognised theme name: 'nothere'. "
            "The available installed themes are: mkdocs, readthedocs, material [mkdocs]"
            ) in proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr


def test_serve_rebuilds_a_course_whose_docs_are_elsewhere(minimal: Path) -> None:
    (minimal / "docs").rename(minimal / "content")
    config = minimal / "course.yml"
    config.write_text(config.read_text(encoding="utf-8") + "docs_dir: content\n",
                      encoding="utf-8")
    running = Server(minimal)
    try:
        running.wait("the first page", lambda: "zebrafish" in (running.get(PAGE) or ""))
        page = minimal / "content/en/01-basics/01-first.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nA pelican.\n", encoding="utf-8")
        running.wait("the edit", lambda: "pelican" in (running.get(PAGE) or ""))
    finally:
        running.stop()
