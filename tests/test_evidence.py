"""Findings linked to their sentences: anchors, linked numbers, side-by-side tables, escaping."""

from __future__ import annotations

import html

import pandas as pd

from crosscheck import evidence

SCRIPT = "<script>alert(1)</script>"


def comparison_rows() -> pd.DataFrame:
    """Three troop figures: two from one report, one from a later report with the same number."""
    return pd.DataFrame(
        {
            "group": ["US troops", "US troops", "US troops"],
            "category": ["troops"] * 3,
            "article_id": ["memo", "memo", "usa"],
            "figure": ["503 troops", "closer to 2,000 US troops", f"more than 2,000 {SCRIPT}"],
            "number": ["503", "2,000", "2,000"],
            "source": ["the Pentagon", "US officials", "a U.S. official"],
            "status": ["conflict", "conflict", "time gap"],
            "sentence_no": [7, 8, 2],
        }
    )


def test_anchor_ids_are_safe_and_stable() -> None:
    assert evidence.anchor_id("memo-2017", 3) == "memo-2017-s3"
    assert evidence.anchor_id('a"b c', 0) == "a-b-c-s0"


def test_numbers_link_to_their_own_sentence_by_source() -> None:
    sentence = (
        "Middle East Monitor's 503 (the Pentagon) and USA TODAY's more than 2,000 "
        "(a U.S. official) differ <b>."
    )
    linked = evidence.link_figures_html(sentence, comparison_rows())
    assert '<a href="#memo-s7">503</a>' in linked
    assert '<a href="#usa-s2">2,000</a>' in linked
    assert "memo-s8" not in linked  # the other 2,000 is not in this finding
    assert "&lt;b&gt;" in linked and "<b>" not in linked


def test_bare_numbers_link_once_each_in_table_order() -> None:
    rows = comparison_rows().assign(source="")
    linked = evidence.link_figures_html("It gives 2,000 and later 2,000; not 12,000.", rows)
    assert linked.count('href="#memo-s8"') == 1 and linked.count('href="#usa-s2"') == 1
    assert "12,000." in linked and ">12,000<" not in linked


def test_numbers_credited_with_according_to_link_to_their_own_source() -> None:
    linked = evidence.link_figures_html(
        "Only they count it (2,000, according to a U.S. official and 2,000, according to "
        "US officials).",
        comparison_rows(),
    )
    assert '<a href="#usa-s2">2,000</a>, according to a U.S. official' in linked
    assert '<a href="#memo-s8">2,000</a>, according to US officials' in linked


def test_side_by_side_puts_reports_in_columns_escaped_and_flagged() -> None:
    labels = pd.Series({"memo": "MEMO (30 Nov 2017)", "usa": f"USA {SCRIPT}"})
    table = evidence.side_by_side_html(comparison_rows(), ["memo", "usa"], labels)
    assert "<script>" not in table and html.escape(SCRIPT) in table
    assert table.index("MEMO (30 Nov 2017)") < table.index("USA &lt;script&gt;")
    assert table.count("⚠") == 2
    assert '<a href="#usa-s2">more than 2,000 &lt;script&gt;' in table


def test_contested_categories_come_first() -> None:
    rows = pd.concat(
        [
            comparison_rows(),
            pd.DataFrame({"category": ["casualties"], "article_id": ["usa"], "status": ["single"]}),
        ],
        ignore_index=True,
    )
    assert evidence.contested_first(rows) == ["troops", "casualties"]


def test_concat_citations_accepts_indexed_and_empty_frames() -> None:
    figures = pd.DataFrame(
        {"sentence_no": [1], "start": [0], "end": [3]}, index=pd.Index(["a"], name="article_id")
    )
    quotes = pd.DataFrame({"article_id": ["b"], "sentence_no": [2], "start": [5], "end": [9]})
    cited = evidence.concat_citations(figures, quotes, quotes.iloc[:0])
    assert cited.to_dict("list") == {
        "article_id": ["a", "b"], "sentence_no": [1, 2], "start": [0, 5], "end": [3, 9],
    }  # fmt: skip


def test_marked_escapes_around_and_inside_marks() -> None:
    text = f"x {SCRIPT} y"
    out = evidence.marked(text, [(2, 2 + len(SCRIPT))])
    assert out == f'x <mark class="cc-mark">{html.escape(SCRIPT)}</mark> y'


def test_context_names_each_report_as_every_page_does() -> None:
    text = "Head\n\nFirst sentence here. Officials said 40 boats sank. Last one."
    articles = pd.DataFrame(
        {"outlet": ["Wire <b>"], "published": pd.to_datetime(["2018-12-19"]), "text": [text]},
        index=pd.Index(["w"], name="article_id"),
    )
    start = text.index("40 boats")
    cited = pd.DataFrame(
        {"article_id": ["w"], "sentence_no": [2], "start": [start], "end": [start + 8]}
    )
    page = evidence.context_html(articles, cited)
    assert "<h4>Wire &lt;b&gt; (19 Dec 2018)</h4>" in page
    assert "— Wire &lt;b&gt; (19 Dec 2018), sentence 3</span>" in page
    assert '<mark class="cc-mark">40 boats</mark>' in page
