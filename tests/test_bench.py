"""The benchmark: a deterministic synthetic corpus, every stage measured, make bench smoke run."""

from __future__ import annotations

import json
import random
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from crosscheck import bench
from crosscheck.bench_corpus import _vary_number, name_pool, split, synthetic_reports
from crosscheck.errors import CrosscheckError

ROOT = Path(__file__).resolve().parents[1]

SOURCE = pd.DataFrame(
    {
        "text": [
            "Troops leave\n\nAbout 2,000 troops will leave, Anna Berg said in 2018.\n\n"
            "\u201cWe are done,\u201d she said. Then 47 strikes hit.\n",
            "Second headline\n\nCarl Dahl counted 12 tanks.\n",
            "Only a headline\n",
        ]
    },
    index=pd.Index(["a", "b", "c"], name="article_id"),
)


def test_the_same_seed_builds_the_same_corpus():
    first = synthetic_reports(SOURCE, 30, seed=7)
    assert first == synthetic_reports(SOURCE, 30, seed=7)
    assert first != synthetic_reports(SOURCE, 30, seed=8)
    assert len(first) == 30 and len({article_id for article_id, _ in first}) == 30


def test_reports_are_made_of_varied_source_paragraphs():
    reports = synthetic_reports(SOURCE, 40, seed=1)
    texts = [text for _, text in reports]
    assert all(text.count("\n\n") >= 1 for text in texts)
    body = "\n".join(texts)
    assert "in 2018" in body  # years are kept
    counts = set(re.findall(r"About ([\d,]+) troops", body))
    assert len(counts) > 1 and all(re.fullmatch(r"\d,\d{3}", c) for c in counts)
    assert "Only a headline" not in body  # a report without a body is not a source


def test_number_variation_keeps_size_and_format():
    rng = random.Random(0)
    for token in ["7", "47", "2,000", "130,000"]:
        varied = _vary_number(re.match(r".+", token), rng)
        assert len(varied) == len(token) and ("," in varied) == ("," in token)
    assert _vary_number(re.match(r".+", "2019"), rng) == "2019"


def test_name_pool_skips_sentence_openers():
    assert name_pool(["Anna Berg met The Hague and Last Friday officials."]) == ["Anna Berg"]


def test_split_covers_everything_in_order():
    items = list(range(23))
    parts = split(items, 5)
    assert len(parts) <= 5 and [i for part in parts for i in part] == items
    assert split([1], 8) == [[1]]


def test_a_source_without_bodies_is_a_clear_error():
    with pytest.raises(CrosscheckError, match="no report with a headline and a body"):
        synthetic_reports(SOURCE.loc[["c"]], 5)


def test_bench_measures_every_stage(tmp_path):
    result = bench.bench(ROOT / "data", 6, seed=3, workers=2, real_repeats=1)
    assert (
        result["n"] == 6 and result["megabytes"] > 0 and set(result["stages"]) == set(bench.STAGES)
    )
    for stage in ("load", "clean", "sentences", "extraction"):
        measured = result["stages"][stage]
        assert measured["articles_per_s"] > 0 and measured["mb_per_s"] > 0
        assert measured["cpu_articles_per_s"] > 0 and measured["cpu_mb_per_s"] > 0
        assert measured["peak_mb"] >= 0 and measured["speedup"] > 0
    again = bench.bench(ROOT / "data", 6, seed=3, workers=1, real_repeats=0)
    assert again["digest"] == result["digest"]
    table = bench.format_table(result)
    assert "articles/s" in table and "CPU MB/s" in table and "load average at start" in table
    assert "whole extraction (sentences + figures + quotes)" in table
    real = result["real_reports"]
    assert real["reports"] == 2 and real["cpu_mb_per_s"] > 0 and real["rough"]
    assert "the 2 real reports of the corpus" in table and "rough rate" in table
    assert "real_reports" not in again


def test_every_stage_splits_its_own_sentences():
    """A stage never profits from sentences that an earlier stage left in the cache."""
    from crosscheck.articles import segment

    texts = [text for _, text in synthetic_reports(SOURCE, 3, seed=2)]
    bench.run_stage("sentences", texts)
    assert segment.cache_info().currsize == 3
    bench.run_stage("clean", texts)
    assert segment.cache_info().currsize == 0
    frame = pd.DataFrame({"text": texts}, index=pd.Index(["x", "y", "z"], name="article_id"))
    sentences, figures, quotes = bench.run_stage("extraction", frame)
    assert len(sentences) == 3 and list(figures.columns)[0] == "article_id"
    assert segment.cache_info().hits >= 3  # figures and quotes shared the splitting


def test_bad_corpus_exits_2_naming_the_file(tmp_path, capsys):
    assert (
        bench.main(["--corpus", str(tmp_path / "nowhere"), "-n", "5", "--out", str(tmp_path)]) == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere" in err[0] and not (tmp_path / "bench.json").exists()


def test_make_bench_smoke(tmp_path):
    """`make bench N=50`: the table on stdout and bench.json with every stage."""
    from test_evaluate import make_or_module

    command = make_or_module(
        "bench",
        ["N=50", f"OUT={tmp_path}"],
        "crosscheck.bench",
        ["-n", "50", "--out", str(tmp_path)],
    )
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "Benchmark: 50 synthetic reports" in run.stdout
    saved = json.loads((tmp_path / "bench.json").read_text())
    assert set(saved["stages"]) == set(bench.STAGES)
    assert saved["stages"]["sentences"]["articles_per_s"] > 0


def test_real_reports_are_read_once_by_a_fresh_process():
    from crosscheck.bench_real import describe_real_rate, real_reports_rate

    real = real_reports_rate(ROOT / "data" / "articles.csv", repeats=1)
    assert real["reports"] == 2 and real["repeats"] == 1
    assert real["megabytes"] == pytest.approx(
        sum(p.stat().st_size for p in (ROOT / "data" / "articles").glob("*.txt")) / 1e6, rel=0.05
    )
    fast = {**real, "cpu_mb_per_s": 3.5, "rough": False}
    assert describe_real_rate(fast, 3.0).endswith("meets the target of 3 MB/s")
    assert "below the target" in describe_real_rate({**fast, "cpu_mb_per_s": 2.9}, 3.0)
