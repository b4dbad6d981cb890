"""The test LMS: packages served on 127.0.0.1, scorm-again in an LMS page, Chromium.

Shared by the runtime tests (packages written from the model) and the end-to-end
tests (packages from ``course build``). The LMS page is ``lms/lms.html``: it puts
a scorm-again API object on its window and opens the SCO's launch page in an
iframe, as an LMS does.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm-again.js"
LMS_PAGE = Path(__file__).parent / "lms" / "lms.html"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve_packages(zips: Iterable[Path], root: Path) -> Iterator[str]:
    """Unzip ``zips`` under ``root/pkg/<zip stem>/`` next to the LMS page; yield the base URL."""
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(root / "pkg" / path.stem)
    shutil.copy(SCORM_AGAIN, root / "scorm-again.js")
    shutil.copy(LMS_PAGE, root / "lms.html")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class Lms:
    """One LMS window: starts a SCO, drives it like a learner and reads the API."""

    def __init__(self, browser: Any, base: str, package: str, version: str) -> None:
        self.base = base
        self.package = package
        self.version = version
        self.page = browser.new_page()
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: r.status >= 400 and self.failures.append(r.url))
        self.page.on("pageerror", lambda e: self.failures.append(f"page error: {e}"))
        self.page.on("console", self._console)
        self.page.goto(f"{base}/lms.html")

    def _console(self, message: Any) -> None:
        # Errors from any frame, and the warnings our runtime and quiz.js log
        # when a call fails (they never throw into the page).
        if message.type == "error" or message.text.startswith(("[scorm]", "quiz:")):
            self.failures.append(f"console {message.type}: {message.text}")

    def start(self, sco: str, cmi: dict[str, Any] | None = None) -> None:
        url = f"{self.base}/pkg/{self.package}/launch_{sco}.html"
        self.page.evaluate("([v, u, c]) => startLms(v, u, c)", [self.version, url, cmi])
        self.page.wait_for_function(
            "() => { const f = document.getElementById('sco').contentWindow;"
            " return f.ScoLauncher && f.frames[0] && f.frames[0].document.readyState"
            " === 'complete' && f.frames[0].location.href !== 'about:blank'; }")

    @property
    def launcher(self) -> Any:
        return next(f for f in self.page.frames if "/launch_" in f.url)

    def content(self) -> Any:
        return next(f for f in self.page.frames if f.parent_frame == self.launcher)

    def get(self, element: str) -> str:
        """Read a value the SCO stored, from the LMS's side."""
        return str(self.page.evaluate(
            "e => { const a = window.lmsApi; return a.getCMIValue(e); }", element))

    def go(self, index: int) -> None:
        self.launcher.evaluate("i => ScoLauncher.show(i)", index)
        self.wait_for_page(index)

    def wait_for_page(self, index: int) -> None:
        """Wait until the launcher's page ``index`` is shown, loaded and tracked."""
        # The whole path: after a language switch the old language's page ends the same way.
        self.launcher.wait_for_function(
            "i => frames[0].location.pathname"
            " === new URL(ScoLauncher.config.pages[i].href, location.href).pathname"
            " && frames[0].document.readyState === 'complete'"
            " && ScoLauncher.state.page === i", arg=index)

    def answer(self, page_id: str, qid: str, qtype: str, response: list[str],
               correct: list[str], result: str) -> bool:
        detail = {"pageId": page_id, "id": qid, "type": qtype, "response": response,
                  "correct": correct, "result": result, "latencyMs": 12340,
                  "timestamp": "2026-11-24T10:20:30.123Z", "isTest": page_id == "ri-test"}
        return bool(self.content().evaluate("d => parent.CourseHost.answer(d)", detail))

    def quit(self) -> dict[str, Any]:
        data = self.page.evaluate("() => cmiData()")
        self.page.evaluate("() => quit()")
        self.page.wait_for_function(
            "() => window.apiCalls.some(c => c[0] === 'LMSFinish' || c[0] === 'Terminate')")
        return dict(self.page.evaluate("() => cmiData()")) or data

    def calls(self, name: str) -> list[list[str]]:
        return [c for c in self.page.evaluate("() => window.apiCalls") if c[0] == name]

    def check_clean(self, errors: list[list[str]] | None = None,
                    logged: list[str] | None = None) -> None:
        """Assert the session had no LMS errors nor warnings but those given, and no fetch.

        SCORM 2004 answers 403 when suspend data that was never written is read; the
        launcher asks for it on every launch (see ``readStored`` in scorm_tracker.js).
        """
        found = [e for e in self.page.evaluate("() => window.apiErrors")
                 if e != ["GetValue", "cmi.suspend_data", "403"]]
        assert found == (errors or []), found
        assert self.failures == (logged or []), self.failures
        assert all(u.startswith(self.base) or u.startswith("data:") or u == "about:blank"
                   for u in self.requests), self.requests
        self.page.close()
