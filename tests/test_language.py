"""Language measures: group names, attribution verbs, NLTK words, weighted log-odds, hedges."""

from __future__ import annotations

import html
import math
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck import evidence, language
from crosscheck.articles import load_articles


def make_reports(
    tmp_path: Path, texts: dict[str, str], dates: dict[str, str] | None = None
) -> pd.DataFrame:
    """A manifest and one .txt per report, loaded the way the notebooks load them."""
    lines = ["article_id,path,outlet,published,headline,url"]
    for number, (article_id, text) in enumerate(texts.items()):
        (tmp_path / f"{article_id}.txt").write_text(text, encoding="utf-8")
        date = (dates or {}).get(article_id, f"2018-01-{number + 1:02d}")
        lines.append(f"{article_id},{article_id}.txt,Outlet {number},{date},Headline {number},")
    (tmp_path / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_articles(tmp_path / "articles.csv")


def test_group_mentions_counts_each_name_once_with_offsets(tmp_path: Path) -> None:
    text = (
        "The Islamic State of Iraq and the Levant lost ground.\n"
        "Officials said ISIS fighters fled, and Da\u2019esh denied it.\n"
        "This IS the end of the crisis, said the Islamic State\u2019s rivals.\n"
        "ISIS's leaders regrouped.\n"
    )
    reports = make_reports(tmp_path, {"a": text})
    mentions = language.group_mentions(reports)
    assert list(mentions["name"]) == ["ISIL", "ISIS", "Daesh", "Islamic State", "ISIS"]
    for row in mentions.itertuples():
        assert text[row.start : row.end] == row.text
    assert mentions["sentence_no"].tolist() == sorted(mentions["sentence_no"].tolist())


def test_group_mentions_unknown_group_names_the_lexicon() -> None:
    with pytest.raises(Exception, match="group_names.csv: no names for group 'Nobody'"):
        language.group_mentions(pd.DataFrame({"text": []}), group="Nobody")


def test_attribution_verbs_match_whole_words_only(tmp_path: Path) -> None:
    text = "Al-Saidi said the base was hit. According to the Pentagon, he told reporters it was.\n"
    reports = make_reports(tmp_path, {"a": text})
    verbs = language.attribution_verbs(reports)
    assert sorted(verbs["verb"]) == ["according to", "say", "tell"]


def test_count_table_orders_by_date_keeps_unused_labels_and_rates(tmp_path: Path) -> None:
    reports = make_reports(
        tmp_path,
        {"late": "ISIS fell. ISIS fled.\n", "early": "Daesh fought on here today.\n"},
        dates={"late": "2019-05-01", "early": "2017-01-01"},
    )
    mentions = language.group_mentions(reports)
    table = language.count_table(mentions, reports, "name", labels=language.group_names())
    assert list(table.index) == ["Outlet 1 (1 Jan 2017)", "Outlet 0 (1 May 2019)"]
    assert list(table.columns[:2]) == ["ISIS", "Daesh"] and "ISIL" in table.columns
    assert table.loc["Outlet 0 (1 May 2019)", "ISIS"] == 2
    rates = language.count_table(mentions, reports, "name", per_words=100)
    assert rates.loc["Outlet 0 (1 May 2019)", "ISIS"] == pytest.approx(100 * 2 / 4, abs=0.05)
    sentences = language.describe_counts(table)
    assert sentences[1].startswith("Outlet 0 (1 May 2019): ISIS twice; never Daesh")


def test_words_are_nltk_tokens_lowercased_except_acronyms() -> None:
    tokens = language.words('The US said: "We don\'t leave." Troops, 2,000 of them, stayed.\n')
    assert tokens == ["the", "US", "said", "we", "do", "leave", "troops", "of", "them", "stayed"]


def test_log_odds_matches_the_formula_by_hand() -> None:
    i, j = Counter({"strike": 4, "troop": 1}), Counter({"strike": 1, "troop": 4})
    prior = i + j
    scored = language.log_odds(i, j, prior, prior_scale=1.0).set_index("word")
    a_w, a_0, n = 5.0, 10.0, 5
    delta = math.log((4 + a_w) / (n + a_0 - 4 - a_w)) - math.log((1 + a_w) / (n + a_0 - 1 - a_w))
    assert scored.loc["strike", "log_odds"] == pytest.approx(delta)
    assert scored.loc["strike", "z"] == pytest.approx(delta / math.sqrt(1 / 9 + 1 / 6))
    assert scored.loc["troop", "log_odds"] == pytest.approx(-delta)


counts = st.dictionaries(st.sampled_from("abcdefgh"), st.integers(1, 30), min_size=1)


@given(counts, counts)
def test_log_odds_is_antisymmetric(left: dict, right: dict) -> None:
    i, j = Counter(left), Counter(right)
    prior = i + j
    forward = language.log_odds(i, j, prior).set_index("word")["log_odds"]
    backward = language.log_odds(j, i, prior).set_index("word")["log_odds"]
    shared = forward.index.intersection(backward.index)
    assert (forward[shared] + backward[shared]).abs().max() < 1e-9 if len(shared) else True


def test_distinctive_words_finds_each_reports_own_words(tmp_path: Path) -> None:
    reports = make_reports(
        tmp_path,
        {
            "air": "Airstrikes hit the city. Airstrikes went on. The airstrikes killed fighters.\n",
            "ground": "Troops moved in. Troops held the city. The troops killed fighters.\n",
        },
    )
    result = language.distinctive_words(reports, top=3, min_count=2, prior_scale=0.1)
    top = result.groupby("article_id")["word"].first()
    assert top["air"] == "airstrikes" and top["ground"] == "troops"
    assert "the" not in set(result["word"])  # scored, but not shown: a function word
    assert result.equals(language.distinctive_words(reports, top=3, min_count=2, prior_scale=0.1))
    assert language.distinctive_words(reports.iloc[:1]).empty


def test_hedge_table_accepts_figures_indexed_by_article(tmp_path: Path) -> None:
    reports = make_reports(tmp_path, {"a": "One.\n", "b": "Two.\n"})
    figures = pd.DataFrame(
        {
            "hedge": ["more than", "", "about"],
            "text": ["more than 400 troops", "5 strikes", "about 2,000"],
            "start": [0, 5, 9],
        },
        index=pd.Index(["a", "a", "b"], name="article_id"),
    )
    table = language.hedge_table(figures, reports)
    assert table.loc["Outlet 0 (1 Jan 2018)", "more than"] == 1
    assert table.loc["Outlet 0 (1 Jan 2018)", "(exact, no hedge)"] == 1
    assert table.loc["Outlet 1 (2 Jan 2018)", "about"] == 1
    examples = language.hedge_examples(figures, reports)
    assert list(examples["hedge"]) == ["about", "more than"]


HOSTILE = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


def test_cited_sentences_and_linked_tables_escape_report_text(tmp_path: Path) -> None:
    text = f"ISIS fled {HOSTILE}.\nA man said {HOSTILE_IMG} ISIS was gone.\n"
    reports = make_reports(tmp_path, {"evil": text})
    mentions = language.group_mentions(reports)
    page = evidence.context_html(reports, mentions) + evidence.linked_table_html(
        language.first_uses(mentions, reports, "name"), link_column="first use"
    )
    assert "<script>" not in page and "<img" not in page
    assert html.escape(HOSTILE) in page and html.escape(HOSTILE_IMG) in page
    assert 'id="evil-s0"' in page and 'href="#evil-s0"' in page
    assert '<mark class="cc-mark">ISIS</mark>' in page


def test_labels_of_two_reports_from_one_outlet_and_day_stay_apart() -> None:
    articles = pd.DataFrame(
        {"outlet": ["Wire", "Wire", "Wire"], "published": pd.to_datetime(["2018-01-02"] * 3)},
        index=pd.Index(["a", "b", "c"], name="article_id"),
    )
    labels = language.report_labels(articles)
    assert labels.is_unique and labels["a"] == "Wire (2 Jan 2018)"
    assert labels["b"] == "Wire (2 Jan 2018) #2" and labels["c"] == "Wire (2 Jan 2018) #3"


def test_many_reports_that_use_no_label_share_one_sentence() -> None:
    rows = {f"Report {n}": {"ISIS": 0, "Daesh": 0} for n in range(8)}
    rows["Report 8"] = {"ISIS": 2, "Daesh": 0}
    sentences = language.describe_counts(pd.DataFrame.from_dict(rows, orient="index"))
    assert sentences == [
        "Report 8: ISIS twice; never Daesh.",
        "The other 8 reports use none of them.",
    ]


def test_count_chart_for_many_reports_is_a_matrix_with_every_report() -> None:
    from crosscheck.language_plots import MAX_GROUPED_REPORTS, plot_counts

    reports = [f"Report {n}" for n in range(MAX_GROUPED_REPORTS + 3)]
    table = pd.DataFrame({"ISIS": range(len(reports)), "Daesh": 1}, index=reports)
    figure = plot_counts(table, "Names", "mentions")
    axes = figure.axes[0]
    assert len(axes.images) == 1
    assert [t.get_text() for t in axes.get_yticklabels()] == reports
