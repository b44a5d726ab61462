"""Officials: speaker merge across reports, affiliation lexicon, per-report rows, charts."""

from __future__ import annotations

import json

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.display import table_html
from crosscheck.errors import ArticleError
from crosscheck.officials import (
    OFFICIALS_COLUMNS,
    QuotesError,
    affiliation,
    officials,
    officials_across_reports,
    officials_findings,
    quotes_side_by_side,
    source_shares,
    words_in,
)
from crosscheck.plots_quotes import plot_source_shares, plot_speaker_matrix, plot_words_by_speaker
from crosscheck.roles import role_in_text
from crosscheck.speaker_merge import merge_speakers, parse_speaker, read_lexicon

ARTICLES = pd.DataFrame(
    {
        "outlet": ["Daily A", "Weekly B", "Radio C", "Silent D"],
        "published": pd.to_datetime(["2020-01-02", "2020-01-01", "2020-01-03", None]),
        "headline": ["a", "b", "c", "d"],
        "text": [
            "Senate Majority Leader Mitch McConnell spoke. Sen. Ted Cruz spoke.",
            "Addison Mitchell McConnell, the Senate leader, spoke.",
            "Marine Gen. Joseph Dunford, chairman of the Joint Chiefs of Staff, said so.",
            "Nothing quoted here.",
        ],
    },
    index=pd.Index(["a", "b", "c", "d"], name="article_id"),
)

CSIS = "Center for Strategic and International Studies"
QUOTES = [  # (article, speaker, quote, role, organisation)
    ("a", "Mitch McConnell", "We will hold the vote next week, as planned.", "", ""),
    ("a", "McConnell", "The Senate is ready to act.", "", ""),
    ("a", "Ted Cruz", "This deal is a bad one for us.", "", ""),
    ("a", "Cruz", "I will vote against it.", "", ""),
    ("a", "Ashraf Ghani", "Our forces are ready to defend the country.", "", ""),
    ("a", "a U.S. official", "The troops will leave by spring.", "", ""),
    ("a", "the White House", "The President has made his decision.", "", ""),
    ("b", "Sen. Mitch McConnell", "We will hold the vote soon.", "", ""),
    ("b", "Ashraf Ghany", "Our forces are ready.", "", ""),
    ("b", "Heidi Cruz", "My family is proud of the work.", "", ""),
    ("b", "a U.S. official", "Nothing has been decided yet <script>alert(1)</script>.", "", ""),
    ("b", "White House", "The decision is final and will stand.", "", ""),
    ("b", "the coalition", "The unit has been ordered home.", "", ""),
    ("c", "Addison Mitchell McConnell", "The vote is on the calendar.", "", ""),
    ("c", "Cruz", "We will see what happens next.", "", ""),
    ("c", "Joseph Dunford", "We still have a long way to go.", "", ""),
    ("c", "John Hamre", "The risks are high for everyone.", "president", CSIS),
]  # fmt: skip


def quotes_frame(rows=QUOTES) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["article_id", "speaker", "quote", "role", "organisation"])
    frame["start"] = range(0, 10 * len(frame), 10)
    frame["end"] = frame["start"] + 5
    frame["sentence_no"] = 0
    frame["kind"] = "direct"
    frame["cue"] = "said"
    return frame


@pytest.fixture
def merged() -> pd.DataFrame:
    return merge_speakers(quotes_frame(), ARTICLES).set_index(["article_id", "speaker"])


def test_mcconnell_variants_are_one_person(merged):
    ids = {merged.loc[key, "person_id"] for key in [
        ("a", "Mitch McConnell"), ("a", "McConnell"), ("b", "Sen. Mitch McConnell"),
        ("c", "Addison Mitchell McConnell"),
    ]}  # fmt: skip
    assert len(ids) == 1
    assert merged.loc[("c", "Addison Mitchell McConnell"), "person"] == "Mitch McConnell"
    assert merged.loc[("b", "Sen. Mitch McConnell"), "merge"] == "certain"


def test_misspelled_name_is_merged_and_marked_uncertain(merged):
    ghani, ghany = merged.loc[("a", "Ashraf Ghani")], merged.loc[("b", "Ashraf Ghany")]
    assert ghani["person_id"] == ghany["person_id"]
    assert ghani["merge"] == ghany["merge"] == "uncertain"
    assert "spelling" in ghany["note"]


def test_people_sharing_a_surname_stay_apart(merged):
    ted, heidi = merged.loc[("a", "Ted Cruz")], merged.loc[("b", "Heidi Cruz")]
    assert ted["person_id"] != heidi["person_id"]
    # a bare surname in the report that quotes Ted Cruz is Ted Cruz
    assert merged.loc[("a", "Cruz"), "person_id"] == ted["person_id"]
    # elsewhere it could be either: kept apart and flagged
    bare = merged.loc[("c", "Cruz")]
    assert bare["person_id"] not in {ted["person_id"], heidi["person_id"]}
    assert bare["merge"] == "uncertain"
    assert "Heidi Cruz" in bare["note"] and "Ted Cruz" in bare["note"]


def test_different_given_names_never_merge():
    frame = quotes_frame([("a", "John Smith", "one two three", "", ""),
                          ("b", "Jane Smith", "one two three", "", ""),
                          ("b", "James Smithe", "one two three", "", "")])  # fmt: skip
    assert merge_speakers(frame)["person_id"].nunique() == 3


def test_nicknames_and_initials_merge():
    frame = quotes_frame([("a", "Jim Mattis", "one two three", "", ""),
                          ("b", "Defense Secretary James Mattis", "one two three", "", ""),
                          ("c", "President Donald J. Trump", "one two three", "", ""),
                          ("c", "Donald Trump", "one two three", "", "")])  # fmt: skip
    result = merge_speakers(frame)
    assert result["person_id"].nunique() == 2
    assert set(result["merge"]) == {"certain"}


def test_anonymous_sources_are_never_merged_across_reports(merged):
    first, second = merged.loc[("a", "a U.S. official")], merged.loc[("b", "a U.S. official")]
    assert first["source_type"] == second["source_type"] == "anonymous"
    assert first["person_id"] != second["person_id"]


def test_institutions_merge_across_reports(merged):
    assert merged.loc[("a", "the White House"), "source_type"] == "institutional"
    assert (
        merged.loc[("a", "the White House"), "person_id"]
        == merged.loc[("b", "White House"), "person_id"]
    )
    assert merged.loc[("b", "the coalition"), "source_type"] == "institutional"


@pytest.mark.parametrize(
    ("raw", "kind", "name"),
    [
        ("Marine Gen. Joseph Dunford", "person", "Joseph Dunford"),
        ("White House press secretary Sarah Sanders", "person", "Sarah Sanders"),
        ("Secretary of State John Kerry", "person", "John Kerry"),
        ("Brett McGurk, Special Presidential Envoy", "person", "Brett McGurk"),
        ("Representative Harold T. Vance of New Jersey", "person", "Harold T. Vance"),
        ("Alan Hartley's official spokesman", "unnamed", "Alan Hartley's official spokesman"),
        ("US Central Command", "unnamed", "US Central Command"),
        ("an IS commander in Raqqa", "unnamed", "an IS commander in Raqqa"),
        ("Lord Justice Harwood and Mr Justice Penrose", "people", "Harwood and Penrose"),
    ],
)
def test_parse_speaker(raw, kind, name):
    speaker = parse_speaker(raw)
    assert (speaker.kind, speaker.name) == (kind, name)


@pytest.mark.parametrize(
    ("texts", "group"),
    [
        (["Pentagon spokesman"], "military"),
        (["Marine Gen."], "military"),
        (["Defense Secretary"], "government"),
        (["White House press secretary"], "government"),
        (["Brigadier General, the director of operations for the coalition"], "coalition"),
        (["Center for Strategic and International Studies"], "think tank or NGO"),
        (["the coalition"], "coalition"),
        (["poet"], "other"),
        ([""], "other"),
    ],
)
def test_affiliation_from_the_lexicon(texts, group):
    assert affiliation(texts) == group


def test_anonymous_affiliation_wins_over_employer():
    assert affiliation(["a Pentagon official"], "anonymous") == "anonymous"


def test_role_from_the_report_text():
    text = ARTICLES.at["c", "text"]
    role = role_in_text(text, ["Joseph Dunford"])
    assert role == "Marine Gen., chairman of the Joint Chiefs of Staff"
    assert (
        role_in_text("Secretary of State John Kerry said.", ["John Kerry"]) == "Secretary of State"
    )
    assert role_in_text("Then John Kerry left.", ["John Kerry"]) == ""


def test_officials_one_row_per_speaker_per_report():
    table = officials(quotes_frame(), ARTICLES)
    assert list(table.columns) == OFFICIALS_COLUMNS
    assert not table.duplicated(["article_id", "person_id"]).any()
    mcconnell_a = table[
        (table["article_id"] == "a") & (table["speaker"] == "Mitch McConnell")
    ].iloc[0]
    assert mcconnell_a["quotes"] == 2
    assert mcconnell_a["words"] == words_in(QUOTES[0][2]) + words_in(QUOTES[1][2])
    assert mcconnell_a["names"] == "McConnell; Mitch McConnell"
    assert mcconnell_a["role"] == "Senate Majority Leader"
    assert mcconnell_a["affiliation"] == "government"
    hamre = table[table["speaker"] == "John Hamre"].iloc[0]
    assert hamre["organisation"] == CSIS
    assert hamre["affiliation"] == "think tank or NGO"
    assert table.loc[table["speaker"] == "Joseph Dunford", "affiliation"].item() == "military"
    # reports in publication order: B (1 Jan), A (2 Jan), C (3 Jan)
    assert list(dict.fromkeys(table["article_id"])) == ["b", "a", "c"]


def test_min_words_keeps_whole_persons():
    table = officials(quotes_frame(), ARTICLES, min_words=20)
    assert set(table["speaker"]) == {"Mitch McConnell"}  # 27 words over 3 reports, 9 at most
    assert table["article_id"].nunique() == 3


def test_empty_and_bad_input():
    empty = officials(quotes_frame([]), ARTICLES)
    assert empty.empty and list(empty.columns) == OFFICIALS_COLUMNS
    assert empty["words"].dtype == "int64"
    assert officials_across_reports(quotes_frame([]), ARTICLES).empty
    with pytest.raises(QuotesError, match="speaker"):
        officials(pd.DataFrame({"article_id": ["a"], "quote": ["x"]}), ARTICLES)


def test_across_reports_lists_what_each_report_has_them_say():
    across = officials_across_reports(quotes_frame(), ARTICLES)
    mcconnell = across[across["speaker"] == "Mitch McConnell"]
    assert list(mcconnell["article_id"]) == ["b", "a", "c"]
    assert (mcconnell["reports"] == 3).all()
    assert "\u201cThe Senate is ready to act.\u201d" in mcconnell.iloc[1]["said"]
    assert across.loc[across["speaker"] == "Ashraf Ghani", "merge"].eq("uncertain").all()
    assert not across["speaker"].str.contains("official").any()  # anonymous never matched
    assert "Heidi Cruz" not in set(across["speaker"])


def test_findings_in_words():
    findings = officials_findings(officials(quotes_frame(), ARTICLES), ARTICLES)
    assert any(
        f.startswith("Quoted in more than one report: Mitch McConnell (3 reports)")
        for f in findings
    )
    assert any("Anonymous sources: Weekly B (1 Jan 2020), 1 quote; Daily A" in f for f in findings)
    assert any("spelling differs: Ashraf Ghani / Ashraf Ghany" in f for f in findings)
    assert officials_findings(officials(quotes_frame([]), ARTICLES), ARTICLES)[0].startswith(
        "No quotes"
    )


def test_source_shares_per_report():
    shares = source_shares(officials(quotes_frame(), ARTICLES), ARTICLES)
    assert list(shares.index) == ["b", "a", "c", "d"]
    assert shares.loc["d", "quotes"] == 0
    assert shares.loc["a", "anonymous"] == pytest.approx(100 / 7, abs=0.1)
    sums = shares.loc[["a", "b", "c"], ["named", "anonymous", "institutional"]].sum(axis=1)
    assert np.allclose(sums, 100, atol=0.2)


def test_side_by_side_keeps_text_and_escapes_in_html():
    table = quotes_side_by_side(quotes_frame(), ARTICLES)
    assert list(table.columns) == ["Weekly B (1 Jan 2020)", "Daily A (2 Jan 2020)",
                                   "Radio C (3 Jan 2020)", "Silent D (date unknown)"]  # fmt: skip
    assert table.iloc[0, 0] == "Mitch McConnell: \u201cWe will hold the vote soon.\u201d"
    html = table_html(table)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def _pixels(fig: plt.Figure) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("chart", [plot_speaker_matrix, plot_words_by_speaker, plot_source_shares])
def test_charts_are_labelled_deterministic_and_cope_with_no_quotes(chart):
    table = officials(quotes_frame(), ARTICLES)
    fig = chart(table, ARTICLES)
    texts = " ".join(t.get_text() for t in fig.texts)
    assert "Sources: Weekly B (1 Jan 2020)" in texts
    assert fig.axes[0].get_title(loc="left")
    again = chart(table, ARTICLES)
    assert np.array_equal(_pixels(fig), _pixels(again))
    empty = chart(table.iloc[:0], ARTICLES)
    assert "No quotes" in " ".join(t.get_text() for t in empty.axes[0].texts)
    plt.close("all")


def test_words_chart_has_unit_and_report_legend():
    fig = plot_words_by_speaker(officials(quotes_frame(), ARTICLES), ARTICLES)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "words quoted"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Weekly B (1 Jan 2020)", "Daily A (2 Jan 2020)", "Radio C (3 Jan 2020)"]  # fmt: skip
    plt.close("all")


def test_malformed_lexicon_names_the_file(tmp_path):
    (tmp_path / "affiliations.csv").write_text("word,kind\nPentagon,military\n")
    with pytest.raises(ArticleError, match="affiliations.csv: lexicon lacks column"):
        read_lexicon("affiliations.csv", ["keyword", "group"], folder=tmp_path)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ab"), st.text(max_size=40)), max_size=12))
def test_merge_never_fails_and_covers_every_speaker(pairs):
    frame = quotes_frame([(a, s, "one two three", "", "") for a, s in pairs])
    result = merge_speakers(frame)
    expected = set(zip(frame["article_id"], frame["speaker"], strict=True))
    assert set(zip(result["article_id"], result["speaker"], strict=True)) == expected
    assert set(result["merge"]) <= {"certain", "uncertain"}


def test_merges_on_the_shared_corpus(shared_corpus):
    rows = []
    for path in sorted((shared_corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        rows += [
            (gold["article_id"], q["speaker"] or "", q["quote"], "", "") for q in gold["quotes"]
        ]
    merged = merge_speakers(quotes_frame(rows)).set_index("speaker")
    assert merged.loc["Hillary Rodham Clinton", "person"] == "Hillary Clinton"
    assert merged.loc["James Mattis", "person_id"] == merged.loc["Jim Mattis", "person_id"]
    assert merged.loc["Adil Abdul Mahdi", "merge"] == "uncertain"
    named = merged[merged["source_type"] == "named"].reset_index()
    for _, people in named.groupby("person_id"):
        firsts = {parse_speaker(s).tokens[0] for s in people["speaker"] if len(s.split()) > 1}
        assert len(firsts) <= 2, firsts  # a person's full names share (or spell) a first name
