"""The reports side by side and their publication gap."""

from __future__ import annotations

import pandas as pd
import pytest

from crosscheck.errors import CrosscheckError
from crosscheck.overview import (
    date_gap_sentence,
    describe_gap,
    dropped_lines,
    overview,
    plot_timeline,
    report_labels,
    select_articles,
)


def frame(dates: list[str | None]) -> pd.DataFrame:
    ids = [f"r{i}" for i in range(len(dates))]
    return pd.DataFrame(
        {
            "outlet": [f"Outlet {i}" for i in range(len(dates))],
            "published": pd.to_datetime(dates),
            "headline": ["H"] * len(dates),
            "words": [100] * len(dates),
            "dropped": [["Show Comments"]] + [[]] * (len(dates) - 1),
        },
        index=pd.Index(ids, name="article_id"),
    )


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "0 days"),
        (1, "1 day"),
        (40, "40 days"),
        (365, "365 days (1 year)"),
        (384, "384 days (1 year and 19 days)"),
        (731, "731 days (2 years and 1 day)"),
    ],
)
def test_describe_gap(days: int, words: str) -> None:
    assert describe_gap(days) == words


def test_overview_orders_by_date_and_counts_days_from_first() -> None:
    table = overview(frame(["2018-12-19", "2017-11-30", None]))
    assert list(table.index) == ["r1", "r0", "r2"]
    assert table["days after first report"].tolist()[:2] == [0, 384]
    assert pd.isna(table["days after first report"].iloc[2])
    assert table["published"].iloc[2] == "unknown"


def test_gap_sentence_names_first_and_last_and_undated() -> None:
    sentence = date_gap_sentence(frame(["2018-12-19", "2017-11-30", None]))
    assert "384 days" in sentence and "earliest is Outlet 1" in sentence
    assert "1 report(s) have no known date" in sentence
    assert date_gap_sentence(frame([None])) == "No report has a known publication date."


def test_select_articles_rejects_unknown_ids() -> None:
    articles = frame(["2018-12-19", "2017-11-30"])
    assert list(select_articles(articles, ["r1"]).index) == ["r1"]
    assert select_articles(articles, None) is articles
    with pytest.raises(CrosscheckError, match="unknown article id"):
        select_articles(articles, ["nope"])


def test_timeline_has_title_label_and_one_point_per_dated_report() -> None:
    figure = plot_timeline(frame(["2018-12-19", "2017-11-30", None]))
    axes = figure.axes[0]
    assert figure._suptitle.get_text() == "When each report was published"
    assert axes.get_xlabel() == "publication date"
    assert len(axes.collections[-1].get_offsets()) == 2
    assert "384 days" in axes.get_title(loc="left")


def test_timeline_without_dates_says_so() -> None:
    figure = plot_timeline(frame([None]))
    assert "No report has a known publication date" in figure.axes[0].texts[0].get_text()


def test_dropped_lines_one_row_per_line() -> None:
    table = dropped_lines(frame(["2018-12-19", "2017-11-30"]))
    assert table.to_dict("records") == [{"article_id": "r0", "dropped line": "Show Comments"}]


def test_report_labels_name_every_report_once_in_publication_order():
    articles = pd.DataFrame(
        {
            "outlet": ["Late Wire", "", "Early Post"],
            "published": pd.to_datetime(["2019-03-23", None, "2012-09-12"]),
        },
        index=pd.Index(["late", "nameless", "early"], name="article_id"),
    )
    labels = report_labels(articles)
    assert list(labels.index) == ["early", "late", "nameless"]
    assert list(labels) == [
        "Early Post (12 Sep 2012)",
        "Late Wire (23 Mar 2019)",
        "nameless (date unknown)",
    ]
    assert report_labels(articles.iloc[:0]).empty
