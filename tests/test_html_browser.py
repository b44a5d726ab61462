"""The rendered report in headless Chromium with the network cut off.

One build of the whole collection on the seed reports plus a crafted hostile report: the
index and every page it links must load with no network request and no failed request,
show their content in a screenshot, and show the crafted markup as visible text (no alert).
Skipped, with the reason, when no Chromium is installed (`make browser` installs it).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from crosscheck import report
from crosscheck.browser import Browser, find_chromium, screenshot_is_blank

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = f"""US troops {SCRIPT} begin to leave Syria
WASHINGTON - About 400 US troops have left Syria, the Pentagon said on Monday,
as ISIS {IMAGE} lost its last town.
"We have done what we came to do {SCRIPT}," Defense Secretary Jim Mattis told reporters.
More than 2,000 troops remain in Syria, a U.S. official said, and ISIS fighters fled east.
"The job is not finished {IMAGE}," said Sen. Lindsey Graham, a Republican from South Carolina.
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="Chromium is not installed (Debian package `chromium`; "
        "`make browser` installs it when run as root)",
    ),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole collection built on the two seeds and the hostile report."""
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(ROOT / "data" / "articles", data / "articles")
    (data / "articles" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    manifest = data / "articles.csv"
    seed_rows = (ROOT / "data" / "articles.csv").read_text(encoding="utf-8").rstrip("\n")
    manifest.write_text(
        seed_rows + f'\nhostile,articles/hostile.txt,"Outlet {SCRIPT}",2019-01-05,"{IMAGE}",\n',
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("reports")
    assert report.build(manifest, out, workers=2) == 0, "the build failed on the crafted report"
    return out


def linked_pages(out: Path) -> list[Path]:
    index = (out / "index.html").read_text(encoding="utf-8")
    names = dict.fromkeys(re.findall(r'href="([^"/:]+\.html)"', index))
    return [out / "index.html", *(out / name for name in names)]


def test_every_page_loads_offline_shows_content_and_runs_no_injected_code(
    build: Path, tmp_path: Path
) -> None:
    pages = linked_pages(build)
    assert len(pages) >= 3 and all(p.exists() for p in pages), [p.name for p in pages]
    problems = []
    with Browser() as browser:
        for page in pages:
            load = browser.load(page)
            (tmp_path / f"{page.stem}.png").write_bytes(load.screenshot)
            if load.network_requests or load.failed:
                problems.append(
                    f"{page.name}: requests {load.network_requests} failed {load.failed}"
                )
            if load.dialogs:
                problems.append(f"{page.name}: injected code ran (dialog {load.dialogs})")
            if screenshot_is_blank(load.screenshot):
                problems.append(f"{page.name}: blank screenshot")
            if len(load.text.split()) < 20:
                problems.append(f"{page.name}: almost no visible text")
            if "Traceback" in load.text:
                problems.append(f"{page.name}: shows a traceback")
            if page.name == "index.html" and (SCRIPT not in load.text or IMAGE not in load.text):
                problems.append("index.html: the crafted outlet/headline is not shown as text")
            if page.name == "04_language.html" and IMAGE not in load.text:
                problems.append("04_language.html: the crafted sentence is not shown as text")
            if page.name == "00_summary.html" and SCRIPT not in load.text:
                problems.append("00_summary.html: the crafted quote is not shown as text")
    assert not problems, "\n".join(problems)


def test_the_checker_sees_external_requests_and_injected_code(tmp_path: Path) -> None:
    """The browser check itself can fail: a page with a CDN script and an onerror handler."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<html><head><script src="https://cdn.example.org/x.js"></script></head>'
        f"<body><p>Some visible text here</p>{IMAGE}</body></html>",
        encoding="utf-8",
    )
    with Browser() as browser:
        load = browser.load(page)
    assert load.network_requests == ["https://cdn.example.org/x.js"]
    assert load.failed and load.dialogs == ["1"]
