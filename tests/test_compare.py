"""compare_figures and findings: "the same thing counted", verdicts, findings in words."""

from __future__ import annotations

import pytest
from _figure_frames import NAN, figure, figures, reports
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.compare import (
    APPROXIMATE_TOLERANCE,
    COMPARISON_COLUMNS,
    compare_figures,
    effective_interval,
    figure_pairs,
    format_interval,
    intervals_conflict,
)
from crosscheck.errors import CrosscheckError
from crosscheck.figure_page import show_question
from crosscheck.findings import describe_disagreements, findings_html

MONITOR = (
    "Officially, the Pentagon says there are 503 troops in Syria. However, US officials said "
    "there were closer to 2,000 US troops in the country."
)
LATER = "The withdrawal of the more than 2,000 troops was ordered on Wednesday."


LEAVING = "More than 400 US Marines are leaving Syria, the coalition said. "


def monitor_and_later(later_date: str | None = "2018-12-19", leaving: bool = False):
    arts = reports(
        ("monitor", "Monitor Weekly", "2017-11-30", (LEAVING if leaving else "") + MONITOR),
        ("later", "Daily Paper", later_date, LATER),
    )
    moving = (
        [
            figure(
                arts,
                "monitor",
                "More than 400 US Marines",
                401,
                NAN,
                "more than",
                source="the coalition",
            )
        ]
        if leaving
        else []
    )
    figs = figures(
        *moving,
        figure(arts, "monitor", "503 troops", 503, 503, source="the Pentagon"),
        figure(arts, "monitor", "closer to 2,000 US troops", 2000, 2000, "closer to",
               source="US officials"),
        figure(arts, "later", "more than 2,000 troops", 2001, NAN, "more than"),
    )  # fmt: skip
    return figs, arts


def test_same_thing_counted_is_one_group_with_the_assumptions_shown():
    table = compare_figures(*monitor_and_later())
    assert list(table.columns) == COMPARISON_COLUMNS
    assert table["group"].nunique() == 1
    assert table["group"].iloc[0] == "US troops in Syria"
    by_figure = table.set_index("figure")
    assert by_figure.at["503 troops", "assumed"] == "qualifier US"
    assert by_figure.at["closer to 2,000 US troops", "assumed"] == "place Syria"
    assert by_figure.at["503 troops", "sentence"].endswith("there are [503 troops] in Syria.")


def test_intervals_that_cannot_both_be_true_conflict_and_months_apart_is_a_time_gap():
    table = compare_figures(*monitor_and_later()).set_index("figure")
    assert table.at["503 troops", "status"] == "conflict"
    assert "Monitor Weekly: closer to 2,000" in table.at["503 troops", "disagrees_with"]
    assert "Daily Paper: more than 2,000" in table.at["503 troops", "disagrees_with"]
    # closer to 2,000 (1,700-2,300) overlaps more than 2,000: they agree
    assert table.at["more than 2,000 troops", "status"] == "time gap"
    pairs = figure_pairs(compare_figures(*monitor_and_later()))
    assert sorted(pairs["relation"]) == ["agrees", "conflict", "time gap"]


def test_reports_close_in_time_conflict_and_undated_reports_still_work():
    figs, arts = monitor_and_later("2017-12-10")
    assert (
        compare_figures(figs, arts).set_index("figure").at["more than 2,000 troops", "status"]
        == "conflict"
    )
    figs, arts = monitor_and_later(None)
    table = compare_figures(figs, arts)
    assert table.set_index("figure").at["more than 2,000 troops", "status"] == "conflict"
    assert any("undated" in s for s in describe_disagreements(table))


def test_findings_name_reports_figures_sources_and_the_gap():
    findings = describe_disagreements(compare_figures(*monitor_and_later()))
    overview = findings[0]
    assert overview.startswith("Monitor Weekly gives two figures for US troops in Syria")
    assert "503 (the Pentagon)" in overview and "closer to 2,000 (US officials)" in overview
    assert "Daily Paper, 13 months later, says more than 2,000" in overview
    assert any(
        s.startswith("In Monitor Weekly, 503 (the Pentagon) and closer to 2,000")
        and "cannot both be true" in s
        for s in findings
    )
    assert any("13 months apart" in s and "may have changed" in s for s in findings)


def test_qualifiers_keep_different_forces_apart():
    arts = reports(
        ("a", "A", "2020-01-01", "There are 3,000 Russian troops and 500 US troops in Syria."),
        ("b", "B", "2020-01-02", "Some 900 troops are there."),
    )
    table = compare_figures(
        figures(
            figure(arts, "a", "3,000 Russian troops", 3000, 3000),
            figure(arts, "a", "500 US troops", 500, 500),
            figure(arts, "b", "Some 900 troops", 900, 900, "some"),
        ),
        arts,
    )
    assert table["group"].nunique() == 3
    assert set(table["status"]) == {"single"}
    assert (table["assumed"] == "").all()
    assert describe_disagreements(table) == [
        "No two figures here contradict each other.",
        "Only A counts Russian troops in Syria (3,000) and US troops in Syria (500).",
        "Only B counts troops (some 900).",
    ]


def test_casualty_outcomes_and_categories_are_not_mixed():
    arts = reports(
        ("a", "A", "2020-01-01", "The blast killed 12 people and wounded 40 people."),
        ("b", "B", "2020-01-01", "At least 300 people were wounded. Police sent 40 people."),
    )
    figs = figures(
        figure(arts, "a", "12 people", 12, 12, category="casualties"),
        figure(arts, "a", "40 people", 40, 40, category="casualties"),
        figure(arts, "b", "At least 300 people", 300, NAN, "at least", category="casualties"),
        figure(arts, "b", "40 people", 40, 40, category="other"),
    )
    table = compare_figures(figs, arts)
    groups = dict(zip(table["figure"] + "@" + table["article_id"], table["group"], strict=True))
    assert groups["12 people@a"] == "people killed"
    assert groups["40 people@a"] == groups["At least 300 people@b"] == "people wounded"
    assert groups["40 people@b"] != groups["40 people@a"]
    assert compare_figures(figs, arts, categories=["other"])["category"].tolist() == ["other"]


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ((2000, 2000, "about"), (1900, 1900, ""), False),  # within the tolerance
        ((2000, 2000, "about"), (1500, 1500, ""), True),
        ((2000, 2000, ""), (1900, 1900, ""), True),  # both exact
        ((401, NAN, "more than"), (503, 503, ""), False),
        ((NAN, 30, "up to"), (47, 47, ""), True),
        ((20000, 30000, "between"), (25000, 25000, ""), False),
    ],
)
def test_interval_verdicts(a, b, conflict):
    assert intervals_conflict(effective_interval(*a), effective_interval(*b)) is conflict


@given(
    st.floats(0, 1e7, allow_nan=False),
    st.floats(0, 1e7, allow_nan=False),
    st.sampled_from(["", "about", "closer to", "more than"]),
)
def test_effective_interval_keeps_the_stated_values(x, y, hedge):
    low, high = min(x, y), max(x, y)
    lo, hi = effective_interval(low, high, hedge)
    assert lo <= low <= high <= hi
    assert intervals_conflict((lo, hi), (low, high)) is False
    if hedge == "about" and low > 0:
        assert lo == pytest.approx(low * (1 - APPROXIMATE_TOLERANCE))


def test_format_interval_readings():
    assert format_interval(503, 503) == "503"
    assert format_interval(401, NAN) == "≥ 401"
    assert format_interval(NAN, 29) == "≤ 29"
    assert format_interval(20000, 30000) == "20,000–30,000"
    assert format_interval(2000, 2000, "closer to") == "≈ 2,000"
    assert format_interval(NAN, NAN) == "?"


def test_empty_and_bad_input():
    figs, arts = monitor_and_later()
    empty = compare_figures(figs, arts, categories=["money"])
    assert empty.empty and list(empty.columns) == COMPARISON_COLUMNS
    assert describe_disagreements(empty) == []
    with pytest.raises(CrosscheckError, match="not in articles: ghost"):
        compare_figures(figs.assign(article_id="ghost"), arts)
    with pytest.raises(CrosscheckError, match="lacks column"):
        compare_figures(figs.drop(columns="hedge"), arts)
    with pytest.raises(CrosscheckError, match="unknown figure category 'troop'; choose from"):
        compare_figures(figs, arts, categories=["troop"])


def test_article_id_may_arrive_as_the_index():
    figs, arts = monitor_and_later()
    as_index = compare_figures(figs.set_index("article_id"), arts)
    assert as_index.equals(compare_figures(figs, arts))


def test_agreeing_reports_get_one_line_and_html_is_escaped():
    arts = reports(
        ("a", "A <b>", "2020-01-01", "There are 500 troops in Mali."),
        ("b", "B", "2020-01-05", "About 480 troops are in Mali."),
    )
    table = compare_figures(
        figures(figure(arts, "a", "500 troops", 500, 500), figure(arts, "b", "About 480 troops",
                480, 480, "about")), arts)  # fmt: skip
    assert set(table["status"]) == {"agrees"}
    findings = describe_disagreements(table)
    assert findings == [
        "No two figures here contradict each other.",
        "The two reports that count troops in Mali do not contradict each other "
        "(500 and about 480).",
    ]
    assert describe_disagreements(table, include_agreements=False) == []
    html = findings_html(["<script>alert(1)</script> & co"])
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_troops_leaving_are_not_compared_with_troops_in_place():
    figs, arts = monitor_and_later(leaving=True)
    table = compare_figures(figs, arts).set_index("figure")
    assert table.at["More than 400 US Marines", "group"] == "US troops leaving Syria"
    assert table.at["More than 400 US Marines", "group_key"].split(" / ")[4] == "out"
    assert table.at["More than 400 US Marines", "status"] == "single"
    # "the withdrawal of the more than 2,000 troops": the whole force, so the stock
    assert table.at["more than 2,000 troops", "group"] == "US troops in Syria"
    findings = describe_disagreements(compare_figures(figs, arts))
    assert findings[0] == (
        "Monitor Weekly gives two figures for US troops in Syria, 503 (the Pentagon) and "
        "closer to 2,000 (US officials); Daily Paper, 13 months later, says more than 2,000."
    )
    assert findings[-1] == (
        "Only Monitor Weekly counts US troops leaving Syria "
        "(more than 400, according to the coalition)."
    )


def test_what_remains_what_is_withdrawn_and_what_is_there_are_three_things():
    arts = reports(
        ("a", "A", "2019-02-01", "There are 2,000 US troops in Mali."),
        ("b", "B", "2019-02-03", "About 200 US troops will remain in Mali after the pullout."),
        ("c", "C", "2019-02-04", "The Pentagon will withdraw 1,800 US troops from Mali."),
        ("d", "D", "2019-02-05", "The withdrawal of the 2,000 US troops in Mali was ordered."),
    )
    table = compare_figures(
        figures(
            figure(arts, "a", "2,000 US troops", 2000, 2000),
            figure(arts, "b", "About 200 US troops", 200, 200, "about"),
            figure(arts, "c", "1,800 US troops", 1800, 1800),
            figure(arts, "d", "2,000 US troops", 2000, 2000),
        ),
        arts,
    ).set_index("article_id")
    assert table.at["a", "group"] == table.at["d", "group"] == "US troops in Mali"
    assert table.at["b", "group"] == "US troops staying in Mali"
    assert table.at["c", "group"] == "US troops leaving Mali"
    assert set(table["status"]) == {"agrees", "single"}


def test_a_real_conflict_between_stocks_survives_a_movement_word():
    arts = reports(
        ("a", "A", "2019-02-01", "There are 500 US troops in Mali."),
        ("b", "B", "2019-02-03", "Paris ordered the withdrawal of all 2,000 US troops in Mali."),
    )
    table = compare_figures(
        figures(
            figure(arts, "a", "500 US troops", 500, 500),
            figure(arts, "b", "2,000 US troops", 2000, 2000),
        ),
        arts,
    )
    assert set(table["status"]) == {"conflict"}


def headline_and_body(headline_number: str, headline_low: float):
    text = (
        f"{headline_number} US troops leave Mali\n\n"
        "More than 400 US troops are leaving Mali, the army said."
    )
    arts = reports(("a", "A", "2019-02-01", text))
    figs = figures(
        figure(arts, "a", f"{headline_number} US troops", headline_low, headline_low),
        figure(arts, "a", "More than 400 US troops", 401, NAN, "more than", source="the army"),
    )
    figs["number"] = [headline_number, "400"]
    return compare_figures(figs, arts)


def test_a_headline_repeating_the_body_is_one_statement_not_a_disagreement():
    table = headline_and_body("400", 400)
    assert table["group"].nunique() == 1
    assert set(table["status"]) == {"single"}
    assert figure_pairs(table)["relation"].tolist() == ["repeat"]
    assert describe_disagreements(table) == [
        "No two figures here contradict each other.",
        "Only A counts US troops leaving Mali (more than 400, according to the army).",
    ]
    # a different number in the headline is a disagreement within the report
    other = headline_and_body("300", 300)
    assert set(other["status"]) == {"conflict"}
    assert any("In A, 300 and more than 400 (the army) cannot both be true" in s
               for s in describe_disagreements(other))  # fmt: skip


def test_the_page_heading_names_the_reports_as_every_page_does():
    articles = reports(
        ("late", "Late <Wire>", "2018-12-19", "No figures."),
        ("early", "Early Post", "2017-11-30", "No figures."),
    )
    heading = show_question("Troops", ["troops"], articles).data
    assert "How many troops do the reports count" in heading
    assert "Early Post (30 Nov 2017); Late &lt;Wire&gt; (19 Dec 2018)." in heading
