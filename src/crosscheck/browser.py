"""Open rendered pages in headless Chromium with the network cut off, and record what they ask for.

A page that is truly self-contained loads with no request beyond its own file and data: URIs.
This drives Chromium over the DevTools protocol (a websocket), so every request the page makes
is seen, failed or not, and it takes a full-page screenshot for a reader's eye.

    python -m crosscheck.browser reports/ --screenshots build/screenshots
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome:", "devtools:")
# Every host resolves to nothing and every proxy connection is refused: nothing can leave.
OFFLINE_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)


@dataclass
class PageLoad:
    """What one page did when opened offline."""

    path: Path
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    text: str = ""
    screenshot: bytes = b""

    @property
    def network_requests(self) -> list[str]:
        """Requests for anything but the page's own file and inline data."""
        return [url for url in self.requests if not url.startswith(LOCAL_SCHEMES)]


def find_chromium() -> str | None:
    """The path of a Chromium or Chrome binary, or None if none is installed."""
    override = os.environ.get("CROSSCHECK_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium, driven over its DevTools websocket; use as a context manager."""

    def __init__(self, binary: str | None = None, width: int = 1200, height: int = 900) -> None:
        self.binary = binary or find_chromium()
        if self.binary is None:
            raise RuntimeError("no Chromium found (install the Debian package `chromium`)")
        self.width, self.height = width, height
        self._profile = tempfile.mkdtemp(prefix="crosscheck-chromium-")
        self._process: subprocess.Popen | None = None
        self._socket = None
        self._next_id = 0

    def __enter__(self) -> Browser:
        import websocket

        command = [
            self.binary,
            *OFFLINE_FLAGS,
            f"--user-data-dir={self._profile}",
            f"--window-size={self.width},{self.height}",
            "about:blank",
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        endpoint = self._devtools_endpoint()
        page_url = self._page_target(endpoint)
        self._socket = websocket.create_connection(page_url, timeout=30, suppress_origin=True)
        self._call("Page.enable")
        self._call("Network.enable")
        self._call("Runtime.enable")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._socket is not None:
            self._socket.close()
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self._profile, ignore_errors=True)

    def _devtools_endpoint(self) -> str:
        assert self._process is not None and self._process.stderr is not None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self._process.stderr.readline()
            if not line and self._process.poll() is not None:
                break
            match = re.search(r"DevTools listening on (ws://\S+)", line)
            if match:
                return match.group(1)
        raise RuntimeError(f"{self.binary} did not start its DevTools endpoint")

    def _page_target(self, browser_url: str) -> str:
        from urllib.request import urlopen

        host = re.match(r"ws://([^/]+)/", browser_url).group(1)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with urlopen(f"http://{host}/json/list", timeout=5) as response:  # loopback only
                targets = json.load(response)
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise RuntimeError("Chromium opened no page target")

    def _call(self, method: str, events: list | None = None, **params: object) -> dict:
        """Send one command; collect the events that arrive before its reply into `events`."""
        self._next_id += 1
        message_id = self._next_id
        self._socket.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = self._receive(events if events is not None else [])
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})

    def _receive(self, events: list) -> dict:
        """Read one message; record events, and dismiss any dialog at once (it blocks the page)."""
        message = json.loads(self._socket.recv())
        if "method" in message:
            events.append(message)
            if message["method"] == "Page.javascriptDialogOpening":
                self._next_id += 1
                command = {"id": self._next_id, "method": "Page.handleJavaScriptDialog"}
                self._socket.send(json.dumps({**command, "params": {"accept": True}}))
        return message

    def _wait_for(self, event: str, events: list, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        self._socket.settimeout(timeout)
        while not any(e.get("method") == event for e in events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {event} within {timeout} s")
            self._receive(events)

    def load(self, path: str | Path, timeout: float = 30.0, settle: float = 0.5) -> PageLoad:
        """Open `path`, wait for it to load and settle, and return its requests and screenshot."""
        page = Path(path).resolve()
        events: list[dict] = []
        self._call("Page.navigate", events, url=page.as_uri())
        self._wait_for("Page.loadEventFired", events, timeout)
        # Let late requests (lazy imports, fonts, timers) show themselves before judging.
        end = time.monotonic() + settle
        self._socket.settimeout(0.1)
        while time.monotonic() < end:
            try:
                self._receive(events)
            except Exception:  # the websocket timed out: nothing more arrived
                continue
        self._socket.settimeout(timeout)
        result = PageLoad(page)
        for event in events:
            method, params = event["method"], event.get("params", {})
            if method == "Network.requestWillBeSent":
                result.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                result.failed.append(
                    f"{params.get('type', '')} {params.get('errorText', '')}".strip()
                )
            elif method == "Page.javascriptDialogOpening":
                result.dialogs.append(params.get("message", ""))
        text = self._call("Runtime.evaluate", events, expression="document.body.innerText")
        result.text = text.get("result", {}).get("value", "") or ""
        shot = self._call(
            "Page.captureScreenshot", events, format="png", captureBeyondViewport=True
        )
        result.screenshot = base64.b64decode(shot["data"])
        return result


def screenshot_is_blank(png: bytes) -> bool:
    """True when the screenshot is one flat colour (nothing rendered)."""
    import io

    import matplotlib.image

    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")
    return bool(
        pixels.size == 0 or (pixels.max(axis=(0, 1)) - pixels.min(axis=(0, 1))).max() < 0.02
    )


def main(argv: list[str] | None = None) -> int:
    """Open every HTML page of a build folder offline; report requests; save screenshots."""
    parser = argparse.ArgumentParser(
        prog="python -m crosscheck.browser", description=__doc__.split("\n")[0]
    )
    parser.add_argument("folder", help="build folder with the rendered pages (e.g. reports)")
    parser.add_argument("--screenshots", help="folder to save one PNG per page")
    args = parser.parse_args(argv)
    pages = sorted(Path(args.folder).glob("*.html"))
    if not pages:
        print(f"error: {args.folder}: no HTML pages", file=sys.stderr)
        return 2
    if find_chromium() is None:
        print("error: no Chromium found (install the Debian package `chromium`)", file=sys.stderr)
        return 2
    bad = 0
    with Browser() as browser:
        for page in pages:
            load = browser.load(page)
            problems = load.network_requests + load.failed + [f"dialog {d}" for d in load.dialogs]
            if screenshot_is_blank(load.screenshot):
                problems.append("blank screenshot")
            bad += bool(problems)
            print(
                f"{'FAIL' if problems else 'ok  '} {page.name}: {len(load.requests)} request(s)"
                + (f"; {'; '.join(problems)}" if problems else "")
            )
            if args.screenshots:
                Path(args.screenshots).mkdir(parents=True, exist_ok=True)
                (Path(args.screenshots) / f"{page.stem}.png").write_bytes(load.screenshot)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
