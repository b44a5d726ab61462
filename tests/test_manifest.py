"""Manifest checks: bad input stops with one line naming the file, before anything runs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from crosscheck.errors import ArticleError
from crosscheck.manifest import main, read_manifest

ROOT = Path(__file__).resolve().parents[1]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_manifest_is_valid(seed_manifest: Path) -> None:
    rows = read_manifest(seed_manifest)
    assert [r["article_id"] for r in rows] == [
        "usatoday-2018-12-19-trump-orders-troops-out-of-syria",
        "memo-2017-11-30-400-us-troops-leaving-syria",
    ]
    assert all(Path(r["resolved_path"]).is_file() for r in rows)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("article_id,outlet\na,X\n", "lacks required column(s): path"),
        ("article_id,path\na,articles/missing.txt\n", "file 'articles/missing.txt' not found"),
        ("article_id,path\n", "lists no reports"),
        ("article_id,path\n,articles/a.txt\n", "empty article_id"),
    ],
)
def test_bad_manifest_names_file_and_problem(tmp_path: Path, content: str, problem: str) -> None:
    write(tmp_path / "articles" / "a.txt", "Headline\n\nBody.")
    manifest = write(tmp_path / "articles.csv", content)
    with pytest.raises(ArticleError) as caught:
        read_manifest(manifest)
    message = str(caught.value)
    assert str(manifest) in message and problem in message and "\n" not in message


def test_missing_manifest_exits_2_with_one_line(tmp_path: Path, capsys) -> None:
    assert main([str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "nope.csv" in err and "not found" in err


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("case", ["missing-manifest", "missing-column", "missing-file"])
def test_make_report_with_bad_manifest_leaves_old_outputs(tmp_path: Path, case: str) -> None:
    out = tmp_path / "out"
    old_page = write(out / "index.html", "<p>earlier good build</p>")
    manifest = tmp_path / "articles.csv"
    if case == "missing-column":
        write(manifest, "article_id,outlet\na,X\n")
    elif case == "missing-file":
        write(manifest, "article_id,path\na,articles/gone.txt\n")
    result = subprocess.run(
        ["make", "--no-print-directory", "report", f"MANIFEST={manifest}", f"OUT={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(manifest) in errors[0]
    assert old_page.read_text(encoding="utf-8") == "<p>earlier good build</p>"
