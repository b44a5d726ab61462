"""The scorer on hand-made cases: span rules, one-to-one matching, speakers, gold reading, CLI."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck import evaluate
from crosscheck.errors import GoldError
from crosscheck.eval_report import format_items, format_summary, render_html
from crosscheck.evaluate import (
    figure_spans_match,
    one_to_one,
    quote_spans_match,
    same_bound,
    score_figures,
    score_quotes,
    speakers_match,
    surname,
)
from crosscheck.gold import GoldArticle, GoldProblems, gold_frames, locate, read_gold

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


# --- span rules -------------------------------------------------------------------------


def test_figure_rule_boundaries():
    # gold 20 chars, prediction 10 chars: the shorter is 10, so 3 shared chars are enough
    assert figure_spans_match((0, 20), (17, 27))
    assert not figure_spans_match((0, 20), (18, 28))
    # both 40 chars: 12 shared is exactly 30%
    assert figure_spans_match((0, 40), (28, 68))
    assert not figure_spans_match((0, 40), (29, 69))
    assert not figure_spans_match((0, 10), (10, 20))  # touching is not overlapping


def test_quote_rule_is_half_of_the_gold_quote():
    assert quote_spans_match((100, 200), (150, 400))
    assert not quote_spans_match((100, 200), (151, 400))
    # a long prediction covering the whole gold quote matches, whatever its length
    assert quote_spans_match((100, 200), (0, 1000))
    # but a prediction inside half of the gold quote does not
    assert not quote_spans_match((100, 200), (120, 160))


# --- one-to-one matching -----------------------------------------------------------------


def test_matching_is_maximum_not_greedy():
    gold = [(0, 10), (10, 20)]
    predicted = [(5, 15), (0, 4)]
    # greedy would give g0 the larger overlap (p0) and leave g1 alone
    assert one_to_one(gold, predicted, figure_spans_match) == [(0, 1), (1, 0)]


def test_matching_prefers_the_larger_overlap_when_free():
    gold = [(0, 20)]
    predicted = [(15, 30), (0, 18)]
    assert one_to_one(gold, predicted, figure_spans_match) == [(0, 1)]


def test_a_prediction_is_used_once():
    gold = [(0, 10), (0, 10)]
    predicted = [(0, 10)]
    assert len(one_to_one(gold, predicted, figure_spans_match)) == 1


spans = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=5,
)


@given(spans, spans)
def test_matching_is_one_to_one_and_as_large_as_possible(gold, predicted):
    pairs = one_to_one(gold, predicted, figure_spans_match)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(figure_spans_match(gold[i], predicted[j]) for i, j in pairs)

    def most_pairs(i: int, used: frozenset) -> int:
        if i == len(gold):
            return 0
        options = [most_pairs(i + 1, used)]
        for j, span in enumerate(predicted):
            if j not in used and figure_spans_match(gold[i], span):
                options.append(1 + most_pairs(i + 1, used | {j}))
        return max(options)

    best = most_pairs(0, frozenset())
    assert len(pairs) == best


# --- speakers and values -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Joseph Dunford", "Marine Gen. Joseph Dunford"),
        ("Marine Gen. Joseph Dunford", "Dunford"),
        ("Barack Obama", "Mr. Obama"),
        ("U.S. Central Command", "US Central Command"),
        ("Helena Marsh, a history professor at East Carolina University", "Marsh"),
        ("Rep. Elijah E. Cummings (D-Md.)", "Elijah Cummings"),
        ("William Mayville Jr.", "Mayville"),
        ("the White House", "White House"),
        ("Sarah Sanders", "sarah  sanders"),
        ("Brett McGurk", "Brett Mcgurk"),
    ],
)
def test_speakers_that_match(gold, predicted):
    assert speakers_match(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("Jim Mattis", "Sarah Sanders"),
        ("Alan Hartley's official spokesman", "Alan Hartley"),
        ("Jim Mattis", "he"),
        ("Jim Mattis", None),
        ("Jim Mattis", ""),
        ("Jim Mattis", float("nan")),
        ("Donald Trump", "Donald Tusk"),
    ],
)
def test_speakers_that_do_not_match(gold, predicted):
    assert not speakers_match(gold, predicted)


def test_surname_skips_suffixes_and_titles():
    assert surname("William Mayville Jr.") == "mayville"
    assert surname("Mr. Obama") == "obama"
    assert surname("he") is None


def test_bounds():
    assert same_bound(2001, 2001.0)
    assert same_bound(None, float("nan"))
    assert not same_bound(None, 30)
    assert not same_bound(400, 401)
    assert same_bound(1.5e9, 1_500_000_000)


# --- gold: reading and locating ----------------------------------------------------------


def test_locate_exact_then_curly_quotes_then_white_space():
    text = "He said \u201cit\u2019s over\u201d and\n  left with 2,000\u00a0troops."
    assert locate(text, "it\u2019s over") == (9, 18)
    assert locate(text, "it's over") == (9, 18)  # straight apostrophe in gold
    start, end = locate(text, "over\u201d and left")  # line break and spaces in the text
    assert text[start:end] == "over\u201d and\n  left"
    assert locate(text, "2,000 troops") is not None  # no-break space in the text
    assert locate(text, "absent") is None


def test_gold_items_are_placed_after_the_previous_item():
    text = "Two troops. Then two troops again. Two troops."
    gold = {"a": GoldArticle("a", Path("g/a.json"), [_fig("two troops"), _fig("Two troops")], [])}
    figures, _ = gold_frames(gold, {"a": text})
    assert figures["start"].tolist() == [17, 35]


def test_gold_item_out_of_order_or_absent_is_an_error_naming_the_file():
    text = "First 40 raids. Later 30 troops."
    gold = {
        "a": GoldArticle(
            "a", Path("gold/a.json"), [_fig("30 troops"), _fig("40 raids"), _fig("9 tanks")], []
        )
    }
    with pytest.raises(GoldProblems) as caught:
        gold_frames(gold, {"a": text})
    problems = caught.value.problems
    assert len(problems) == 2
    assert all(p.startswith("gold/a.json: figures[") for p in problems)
    assert "out of text order" in problems[0] and "not in the article text" in problems[1]


def test_read_gold_checks_the_format(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"figures": [{"text": "5 tanks", "low": 5, "high": 5, "category": "tanks"}]}')
    with pytest.raises(GoldProblems) as caught:
        read_gold(path, "x")
    text = str(caught.value)
    assert text.startswith(f"{path}: ") and "category 'tanks'" in text and "(and 1 more" in text
    path.write_text("{not json")
    with pytest.raises(GoldError, match=r"x\.json: not valid JSON \(line 1"):
        read_gold(path)
    path.write_text('{"figures": null, "quotes": [{"quote": "we are done here", "speaker": null}]}')
    article = read_gold(path, "x")
    assert article.figures is None and article.quotes[0]["speaker"] is None


# --- scoring hand-made cases -------------------------------------------------------------

TEXT = (
    "Officials said more than 2,000 troops will leave.\n"
    "The coalition carried out 47 airstrikes on Saturday.\n"
    "About 300 fighters remain, and 12 tanks were hit.\n"
)


def _fig(text, low=None, high=None, category="troops"):
    return {"text": text, "low": low, "high": high, "hedge": "", "category": category}


def _pred_figures(rows):
    frame = pd.DataFrame(
        rows, columns=["article_id", "start", "end", "text", "low", "high", "category"]
    )
    return frame.astype({"low": "float64", "high": "float64"})


def test_score_figures_counts_every_outcome():
    gold = {
        "a": GoldArticle(
            "a",
            Path("g/a.json"),
            [
                _fig("more than 2,000 troops", 2001, None, "troops"),
                _fig("47 airstrikes", 47, 47, "strikes"),
                _fig("About 300 fighters", 300, 300, "militants"),
                _fig("12 tanks", 12, 12, "targets"),
            ],
            [],
        )
    }
    gold_figures, _ = gold_frames(gold, {"a": TEXT})
    at = TEXT.index
    predicted = _pred_figures(
        [
            ("a", at("2,000"), at("2,000") + 12, "2,000 troops", 2001, None, "troops"),  # right
            ("a", at("47"), at("47") + 13, "47 airstrikes", 47, 47, "targets"),  # wrong category
            ("a", at("300"), at("300") + 12, "300 fighters", 3e3, 3e3, "militants"),  # wrong value
            ("a", at("Saturday"), at("Saturday") + 8, "Saturday", 1, 1, "other"),  # spurious
        ]
    )
    result = score_figures(gold_figures, predicted, {"a": TEXT})
    assert (result["gold"], result["predicted"], result["matched"]) == (4, 4, 3)
    assert result["detection"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert result["value_accuracy"] == pytest.approx(2 / 3)
    assert result["category_accuracy"] == pytest.approx(2 / 3)
    assert result["strict_right"] == 1
    assert result["strict"]["precision"] == 0.25
    assert [m["text"] for m in result["misses"]] == ["12 tanks"]
    assert result["misses"][0]["sentence"].startswith("About 300 fighters remain")
    assert [s["text"] for s in result["spurious"]] == ["Saturday"]
    assert sorted(w["wrong"][0] for w in result["wrong"]) == ["category", "value"]
    assert result["by_category"]["targets"] == {"gold": 1, "matched": 0, "recall": 0.0}


QUOTE_TEXT = (
    "\u201cWe have started returning troops home,\u201d Sarah Sanders said.\n"
    "A spokesman said the move was \u201cpremature and dangerous for everyone.\u201d\n"
    "\u201cWe will see,\u201d Gen. Joseph Dunford said.\n"
)


def _pred_quotes(rows):
    return pd.DataFrame(
        rows, columns=["article_id", "start", "end", "quote", "speaker", "kind", "cue"]
    )


def test_score_quotes_speaker_accuracy_and_null_speakers():
    gold = {
        "a": GoldArticle(
            "a",
            Path("g/a.json"),
            None,
            [
                {
                    "quote": "We have started returning troops home,",
                    "speaker": "Sarah Sanders",
                    "kind": "direct",
                },
                {
                    "quote": "premature and dangerous for everyone.",
                    "speaker": None,
                    "kind": "partial",
                },
                {"quote": "We will see,", "speaker": "Joseph Dunford", "kind": "direct"},
            ],
        )
    }
    _, gold_quotes = gold_frames(gold, {"a": QUOTE_TEXT})
    at = QUOTE_TEXT.index
    predicted = _pred_quotes(
        [
            # includes the quotation marks: still well over half of the gold quote
            ("a", at("\u201cWe have"), at(",\u201d Sarah") + 2, "", "Sanders", "direct", "said"),
            # only "premature and" of the gold quote: under 50%
            (
                "a",
                at("premature"),
                at("premature") + 13,
                "premature and",
                "spokesman",
                "partial",
                "said",
            ),
            (
                "a",
                at("We will"),
                at("We will") + 12,
                "We will see,",
                "Sarah Sanders",
                "direct",
                "said",
            ),
        ]
    )
    result = score_quotes(gold_quotes, predicted, {"a": QUOTE_TEXT})
    assert result["matched"] == 2
    assert result["detection"]["recall"] == pytest.approx(2 / 3)
    assert result["speaker_scored"] == 2 and result["speaker_accuracy"] == 0.5
    assert result["strict_right"] == 1
    assert [m["quote"] for m in result["misses"]] == ["premature and dangerous for everyone."]
    assert [s["quote"] for s in result["spurious"]] == ["premature and"]


def test_null_speaker_counts_as_right_when_matched():
    gold = {
        "a": GoldArticle(
            "a",
            Path("g/a.json"),
            None,
            [
                {
                    "quote": "premature and dangerous for everyone.",
                    "speaker": None,
                    "kind": "partial",
                }
            ],
        )
    }
    _, gold_quotes = gold_frames(gold, {"a": QUOTE_TEXT})
    start = QUOTE_TEXT.index("premature")
    predicted = _pred_quotes([("a", start, start + 37, "", None, "partial", "")])
    result = score_quotes(gold_quotes, predicted, {"a": QUOTE_TEXT})
    assert result["speaker_scored"] == 0 and result["speaker_accuracy"] is None
    assert result["strict"]["recall"] == 1.0


def test_empty_predictions_give_zero_recall_and_no_precision():
    gold = {"a": GoldArticle("a", Path("g/a.json"), [_fig("12 tanks", 12, 12, "targets")], [])}
    gold_figures, _ = gold_frames(gold, {"a": TEXT})
    result = score_figures(gold_figures, _pred_figures([]), {"a": TEXT})
    assert result["detection"] == {"precision": None, "recall": 0.0, "f1": None}


# --- whole corpus, reports and command line ----------------------------------------------


def _corpus(tmp_path: Path, text: str, gold: dict) -> Path:
    (tmp_path / "articles").mkdir(parents=True)
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.csv").write_text("article_id,path\na,articles/a.txt\n")
    (tmp_path / "gold" / "a.json").write_text(json.dumps({"article_id": "a", **gold}))
    return tmp_path


def test_evaluate_corpus_with_stand_in_extractors(tmp_path, monkeypatch):
    text = (
        "Headline <b>about</b> & 12 tanks\nThey destroyed 12 tanks and 3 <script>x</script> guns.\n"
    )
    corpus = _corpus(
        tmp_path / "c",
        text,
        {
            "figures": [_fig("12 tanks", 12, 12, "targets"), _fig("12 tanks", 12, 12, "targets")],
            "quotes": [{"quote": "x</script> guns", "speaker": "Ann Lee", "kind": "direct"}],
        },
    )
    second = text.index("12 tanks", 30)

    def fake_figures(articles):  # rows indexed by article_id, as an extractor may return them
        return _pred_figures(
            [
                ("a", second, second + 8, "12 tanks", 12, 12, "targets"),
                ("a", second + 13, second + 35, "3 <script>", 3, 3, "other"),
            ]
        ).set_index("article_id")

    def fake_quotes(articles):  # nullable string columns with a missing speaker
        start = text.index("x</script>")
        rows = [("a", start, start + 15, "x</script> guns", pd.NA, "direct", pd.NA)]
        return _pred_quotes(rows).astype({"quote": "string", "speaker": "string", "cue": "string"})

    fakes = {"figures": fake_figures, "quotes": fake_quotes}
    monkeypatch.setattr(evaluate, "load_extractor", lambda module, function: fakes[module])
    result = evaluate.evaluate_corpus(corpus)
    figures = result["figures"]
    assert (figures["gold"], figures["predicted"], figures["matched"]) == (2, 2, 1)
    assert figures["per_article"]["a"] == {
        "gold": 2,
        "predicted": 2,
        "matched": 1,
        "strict_right": 1,
    }
    assert "Headline" in figures["misses"][0]["sentence"]
    assert result["quotes"]["matched"] == 1 and result["quotes"]["speaker_accuracy"] == 0.0
    assert result["quotes"]["wrong"][0]["predicted"]["speaker"] is None
    page = render_html({**result, "generated": "now"})
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;about" in page
    assert "12 tanks" in format_items(result) and "detection" in format_summary(result)

    out = tmp_path / "out"
    assert evaluate.main(["--corpus", str(corpus), "--out", str(out), "--summary-only"]) == 0
    saved = json.loads((out / "eval.json").read_text())
    assert saved["figures"]["matched"] == 1 and (out / "eval.html").exists()


def test_figures_null_articles_are_not_scored_for_figures(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path, TEXT, {"figures": None, "quotes": []})
    calls = []

    def fake_figures(articles):
        calls.append(list(articles.index))
        return _pred_figures([])

    fakes = {"figures": fake_figures, "quotes": lambda articles: _pred_quotes([])}
    monkeypatch.setattr(evaluate, "load_extractor", lambda module, function: fakes[module])
    result = evaluate.evaluate_corpus(corpus)
    assert result["figures"]["scored_articles"] == 0 and result["figures"]["gold"] == 0
    assert calls == []


@pytest.mark.parametrize("problem", ["no corpus", "no manifest", "no gold file", "bad gold"])
def test_bad_corpus_is_one_line_naming_the_file_exit_2(tmp_path, capsys, problem):
    corpus = _corpus(tmp_path / "c", TEXT, {"figures": [_fig("99 tanks")], "quotes": []})
    expected = {
        "no corpus": "missing",
        "no manifest": "articles.csv",
        "no gold file": "a.json",
        "bad gold": "a.json",
    }[problem]
    if problem == "no corpus":
        corpus = tmp_path / "missing"
    elif problem == "no manifest":
        (corpus / "articles.csv").unlink()
    elif problem == "no gold file":
        (corpus / "gold" / "a.json").unlink()
    assert evaluate.main(["--corpus", str(corpus), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and expected in err[0]
    assert not (tmp_path / "out").exists()


def make_or_module(target: str, make_vars: list[str], module: str, args: list[str]) -> list[str]:
    """`make <target>` when make and a set-up .venv are there, else the module it runs."""
    stamp = ROOT / ".venv" / ".setup-stamp"
    if shutil.which("make") and stamp.exists():
        up_to_date = subprocess.run(["make", "-q", ".venv/.setup-stamp"], cwd=ROOT).returncode == 0
        if up_to_date:
            return ["make", "-s", target, *make_vars]
    return [sys.executable, "-m", module, *args]


def _extractors_present() -> bool:
    return all(importlib.util.find_spec(f"crosscheck.{name}") for name in ("figures", "quotes"))


@pytest.mark.skipif(not _extractors_present(), reason="crosscheck.figures/quotes not written yet")
def test_make_eval_smoke(tmp_path):
    """`make eval` on the seeds: the real extractors, the summary, and both report files."""
    run = subprocess.run(
        make_or_module(
            "eval",
            ["CORPUS=data", f"OUT={tmp_path}"],
            "crosscheck.evaluate",
            ["--corpus", "data", "--out", str(tmp_path)],
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert (
        "Figures (2 articles scored)" in run.stdout and "Quotes (2 articles scored)" in run.stdout
    )
    saved = json.loads((tmp_path / "eval.json").read_text())
    assert saved["figures"]["gold"] == 9 and saved["quotes"]["gold"] == 11
    assert (tmp_path / "eval.html").read_text().startswith("<!doctype html>")


@pytest.mark.parametrize("name", ["corpus", "corpus-polnear-dev"])
def test_shared_gold_is_read_and_placed(name):
    """Every gold item of the shared corpora is found in its article (skips on a bare clone)."""
    from crosscheck.articles import load_articles
    from crosscheck.gold import load_gold
    from crosscheck.text import normalise

    corpus = SHARED / name
    if not (corpus / "articles.csv").exists():
        pytest.skip(f"../shared/{name} is not present beside the project")
    articles = load_articles(corpus / "articles.csv")
    gold = load_gold(articles, corpus / "gold")
    figures, quotes = gold_frames(gold, articles["text"].to_dict())
    expected_quotes = sum(len(g.quotes) for g in gold.values())
    assert len(quotes) == expected_quotes > 100
    assert len(figures) == sum(len(g.figures or []) for g in gold.values())
    for frame, column in ((figures, "text"), (quotes, "quote")):
        for row in frame.itertuples():
            found = articles.at[row.article_id, "text"][row.start : row.end]
            assert normalise(found).split() == normalise(getattr(row, column)).split()


def test_direct_only_gold_is_recognised_by_the_absence_of_partial_quotes() -> None:
    from crosscheck.evaluate import direct_quotes_only

    direct = pd.DataFrame({"kind": ["direct", "direct"]})
    mixed = pd.DataFrame({"kind": ["direct", "partial"]})
    assert direct_quotes_only(direct)
    assert not direct_quotes_only(mixed)
    assert not direct_quotes_only(pd.DataFrame({"kind": []}))
