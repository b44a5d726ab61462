"""The report build: page list checks, index.html, failures that keep the last good HTML."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from crosscheck import report
from crosscheck.manifest import read_manifest
from crosscheck.report import Page, PageListError, PageResult

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def write_manifest(folder: Path, headline: str = "A headline") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text("ISIS fled. Officials said 400 troops left.\n", encoding="utf-8")
    manifest = folder / "articles.csv"
    manifest.write_text(
        f'article_id,path,outlet,published,headline,url\na,a.txt,Outlet,2018-01-02,"{headline}",\n',
        encoding="utf-8",
    )
    return manifest


def write_notebook(path: Path) -> Path:
    """A small page: a title, parameters, a chart, a table, and a cell that fails on demand."""
    cells = [
        nbformat.v4.new_markdown_cell("# A test page\n\n**Question.** Does it build? More here."),
        nbformat.v4.new_code_cell(
            'manifest = "../data/articles.csv"\nfail = False', metadata={"tags": ["parameters"]}
        ),
        nbformat.v4.new_code_cell(
            "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(3, 2))\n"
            "ax.plot([1, 2, 3])\nax.set_title('chart')\nplt.show()"
        ),
        nbformat.v4.new_code_cell(
            "import helpers\nhelpers.show_table(helpers.load_articles(manifest)[['headline']])"
        ),
        nbformat.v4.new_code_cell('if fail:\n    raise ValueError("boom")\nprint("done")'),
    ]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, path)
    return path


def write_pages(folder: Path, second: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_notebook(folder / "page.ipynb")
    second_parameters = second or {}
    pages = folder / "renderings.yaml"
    pages.write_text(
        "pages:\n"
        "  - name: first\n    notebook: page.ipynb\n    parameters: {}\n"
        f"  - name: second\n    notebook: page.ipynb\n    parameters: {second_parameters}\n",
        encoding="utf-8",
    )
    return pages


# --- page list -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("pages: [\n", "not valid YAML at line"),
        ("alternates: {}\n", "needs a non-empty `pages:` list"),
        ("pages:\n  - name: a\n", "page 1: needs `name` and `notebook`"),
        (
            "pages:\n  - {name: a, notebook: missing.ipynb}\n",
            "page 'a': notebook missing.ipynb not found",
        ),
        (
            "pages:\n  - {name: a, notebook: p.ipynb}\n  - {name: a, notebook: p.ipynb}\n",
            "listed twice",
        ),
        ("pages:\n  - {name: ../a, notebook: p.ipynb}\n", "name must be"),
        ("pages:\n  - {name: a, notebook: p.ipynb, parameters: [1]}\n", "must be a mapping"),
    ],
)
def test_bad_page_list_names_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    write_notebook(tmp_path / "p.ipynb")
    pages = tmp_path / "renderings.yaml"
    pages.write_text(content, encoding="utf-8")
    with pytest.raises(PageListError) as caught:
        report.load_pages(pages)
    message = str(caught.value)
    assert message.startswith(f"{pages}: ") and problem in message and "\n" not in message


def test_project_page_list_is_valid() -> None:
    pages = report.load_pages()
    assert [p.name for p in pages] == list(dict.fromkeys(p.name for p in pages))
    assert all(p.notebook.is_file() for p in pages)


def test_title_and_summary_come_from_first_heading_and_paragraph() -> None:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "Some preface.\n\n# The *real* title\n\n**Question.** Who [said](x) it? Rest."
            ),
        ]
    )
    assert report.title_and_summary(notebook) == ("The real title", "Who said it?")


# --- index -----------------------------------------------------------------------------


def test_index_escapes_everything_and_lists_pages_with_parameters(tmp_path: Path) -> None:
    (tmp_path / "p1.html").write_text("x", encoding="utf-8")
    (tmp_path / "eval.html").write_text("x", encoding="utf-8")
    pages = [Page("p1", tmp_path / "p1.ipynb", {"title": HOSTILE, "top": 3})]
    results = {"p1": PageResult("p1", True, 1.0, title=HOSTILE_IMG, summary=HOSTILE)}
    rows = [
        {
            "article_id": "a",
            "outlet": HOSTILE,
            "published": "2018-01-02",
            "headline": HOSTILE_IMG,
            "url": "",
        }
    ]
    page = report.index_html(
        pages, results, rows, "data/articles.csv", tmp_path, "2026-01-01 00:00 UTC"
    )
    assert "<img" not in page and "<script>alert" not in page
    assert html.escape(HOSTILE) in page and html.escape(HOSTILE_IMG) in page
    assert 'href="p1.html"' in page and 'href="p1-code.html"' in page
    assert page.index('href="p1.html"') < page.index('href="p1-code.html"')
    assert "top = 3" in page and "manifest = data/articles.csv" in page
    assert 'href="eval.html"' in page and "Built 2026-01-01 00:00 UTC" in page
    assert f"{html.escape(HOSTILE_IMG)}: {html.escape(HOSTILE)}</a></h3>" in page  # title param


def test_index_has_no_eval_link_without_eval_page(tmp_path: Path) -> None:
    page = report.index_html([], {}, [], "m.csv", tmp_path, "now")
    assert "eval.html" not in page


def test_fingerprints_follow_the_inputs(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path / "data")
    rows = read_manifest(manifest)
    notebook = write_notebook(tmp_path / "p.ipynb")
    shared = report.inputs_digest(manifest, rows)
    assert report.inputs_digest(manifest, rows) == shared
    page = Page("p", notebook, {"top": 3})
    assert report.page_fingerprint(page, shared) == report.page_fingerprint(page, shared)
    assert report.page_fingerprint(page, shared) != report.page_fingerprint(
        Page("p", notebook, {"top": 4}), shared
    )
    (tmp_path / "data" / "a.txt").write_text("A corrected report.\n", encoding="utf-8")
    assert report.inputs_digest(manifest, rows) != shared


# --- bad input stops before anything runs ------------------------------------------------


@pytest.mark.parametrize("case", ["missing manifest", "missing column", "missing file"])
def test_bad_manifest_exits_2_and_leaves_outputs(tmp_path: Path, case: str) -> None:
    manifest = write_manifest(tmp_path / "data")
    if case == "missing manifest":
        manifest = tmp_path / "nowhere.csv"
    elif case == "missing column":
        manifest.write_text("article_id,outlet\na,X\n", encoding="utf-8")
    else:
        (tmp_path / "data" / "a.txt").unlink()
    out = tmp_path / "out"
    out.mkdir()
    (out / "first.html").write_text("last good", encoding="utf-8")
    pages = write_pages(tmp_path / "nb")
    command = [
        sys.executable,
        "-m",
        "crosscheck.report",
        "--manifest",
        str(manifest),
        "--out",
        str(out),
    ]
    done = subprocess.run(
        [*command, "--pages", str(pages)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {manifest}: "), done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["first.html"]
    assert (out / "first.html").read_text(encoding="utf-8") == "last good"


# --- the whole build -------------------------------------------------------------------


def body_without_build_date(page: str) -> str:
    return re.sub(r"Built [^<]* from", "Built … from", page)


@pytest.mark.slow
def test_build_renders_both_versions_is_deterministic_and_keeps_last_good_html(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fingerprint an empty project, so edits elsewhere in the working tree cannot interfere.
    monkeypatch.setattr(report, "PROJECT_ROOT", tmp_path / "project")
    (tmp_path / "project").mkdir()
    manifest = write_manifest(tmp_path / "data", headline=HOSTILE)
    out = tmp_path / "out"
    pages = write_pages(tmp_path / "nb")
    assert report.build(manifest, out, pages, workers=2) == 0
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert names == [
        "first-code.html", "first.html", "first.ipynb", "index.html",
        "second-code.html", "second.html", "second.ipynb",
    ]  # fmt: skip
    readers = (out / "first.html").read_text(encoding="utf-8")
    analysts = (out / "first-code.html").read_text(encoding="utf-8")
    for page in (readers, analysts, (out / "index.html").read_text(encoding="utf-8")):
        assert "<script" not in page and not re.search(r"(src|href)=\"https?:", page)
        assert "<script>alert" not in page and html.escape(HOSTILE) in page
    assert "data:image/png;base64," in readers
    assert "set_title" not in readers and "fail" not in readers  # no code, no parameters
    assert "set_title" in analysts
    assert "<title>A test page</title>" in readers
    first_build = {p.name: p.read_bytes() for p in out.glob("*.html")}

    # Nothing changed: every page is kept as it is, and nothing runs.
    capsys.readouterr()
    assert report.build(manifest, out, pages, workers=2) == 0
    assert "Built 0 page(s) (2 up to date)" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in out.glob("*.html")}.keys() == first_build.keys()

    # A forced second build from the same inputs gives the same HTML, apart from the build date.
    assert report.build(manifest, out, pages, workers=2, force=True) == 0
    for name, content in first_build.items():
        again = (out / name).read_bytes()
        if name == "index.html":
            assert body_without_build_date(again.decode()) == body_without_build_date(
                content.decode()
            )
        else:
            assert again == content, f"{name} differs between two builds"
    capsys.readouterr()

    # A failing page names itself and its cell, keeps its last good HTML, and fails the build.
    failing = tmp_path / "nb" / "failing.yaml"
    failing.write_text(
        "pages:\n  - {name: second, notebook: page.ipynb, parameters: {fail: true}}\n",
        encoding="utf-8",
    )
    assert report.build(manifest, out, failing, workers=2) == 1
    err = capsys.readouterr().err
    failure = [line for line in err.splitlines() if line.startswith("error: page second")]
    assert len(failure) == 1
    assert "cell 5 (In [" in failure[0] and "ValueError: boom" in failure[0]
    assert (out / "second.html").read_bytes() == first_build["second.html"]
    assert (out / "second.failed.ipynb").exists()
    assert os.stat(out / "index.html").st_mtime == 0  # so the next `make report` tries again
    assert "This build failed" in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.glob(".build-*"))
