"""figures: counts in report text -> intervals with noun, category, hedge, source and time."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.errors import CrosscheckError
from crosscheck.figures import FIGURE_COLUMNS, extract_figures, figures_in_text

SHARED_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
REPO = Path(__file__).resolve().parents[1]


def only(text: str) -> dict:
    rows = figures_in_text(text)
    assert len(rows) == 1, rows
    return rows[0]


def bounds(row: dict) -> tuple[float | None, float | None]:
    return tuple(None if math.isnan(row[k]) else row[k] for k in ("low", "high"))


@pytest.mark.parametrize(
    "sentence, text, low, high, hedge, category",
    [
        ("The Pentagon sent more than 2,000 troops.", "more than 2,000 troops", 2001, None,
         "more than", "troops"),
        ("On Saturday there were 47 airstrikes.", "47 airstrikes", 47, 47, "", "strikes"),
        ("The bombs struck 20 ISIS fighting units.", "20 ISIS fighting units", 20, 20, "",
         "targets"),
        ("ISIS may have between 20,000 to 30,000 militants.", "between 20,000 to 30,000 militants",
         20000, 30000, "between", "militants"),
        ("Years of fighting have killed hundreds of thousands of civilians.",
         "hundreds of thousands of civilians", 200000, 999999, "", "casualties"),
        ("Nearly three hundred fighters surrendered.", "Nearly three hundred fighters", 300, 300,
         "nearly", "militants"),
        ("Two dozen rockets were fired at the base.", "Two dozen rockets", 24, 24, "", "strikes"),
        ("A dozen soldiers arrived.", "A dozen soldiers", 12, 12, "", "troops"),
        ("Dozens of protesters gathered.", "Dozens of protesters", 24, 99, "", "other"),
        ("Thousands of refugees fled across the border.", "Thousands of refugees", 2000, 9999, "",
         "displaced"),
        ("Some 2,000 people were displaced by the fighting.", "Some 2,000 people", 2000, 2000,
         "some", "displaced"),
        ("Fewer than 30 civilians were killed.", "Fewer than 30 civilians", None, 29,
         "fewer than", "casualties"),
        ("Up to 5,000 troops could stay.", "Up to 5,000 troops", None, 5000, "up to", "troops"),
        ("As many as 40 people may have died.", "As many as 40 people", None, 40, "as many as",
         "casualties"),
        ("The withdrawal of the more than 2,000 troops began.", "more than 2,000 troops", 2001,
         None, "more than", "troops"),
        ("All 2,000 troops will come home.", "2,000 troops", 2000, 2000, "", "troops"),
        ("Twenty-one people were injured.", "Twenty-one people", 21, 21, "", "casualties"),
        ("The bill provides $2 billion for training.", "$2 billion", 2e9, 2e9, "", "money"),
        ("Iraq said 1.5 million people returned.", "1.5 million people", 1.5e6, 1.5e6, "",
         "other"),
        ("They fired 20,000-30,000 shells.", "20,000-30,000 shells", 20000, 30000, "", "strikes"),
        ("About 300 people attended the funeral.", "About 300 people", 300, 300, "about", "other"),
        ("The attack killed at least 126.", "at least 126", 126, None, "at least", "casualties"),
        ("One soldier was killed.", "One soldier", 1, 1, "", "casualties"),
        ("One U.S. official described the plan.", "One U.S. official", 1, 1, "", "other"),
        ("Approximately 1,000 U.S. service members are deployed.",
         "Approximately 1,000 U.S. service members", 1000, 1000, "approximately", "troops"),
        ("Rebels destroyed four tanks.", "four tanks", 4, 4, "", "targets"),
        ("Two tankers were attacked.", "Two tankers", 2, 2, "", "targets"),
        ("The bombing killed 30 worshippers.", "30 worshippers", 30, 30, "", "casualties"),
        ("The 45,000 men, women and children had been evacuated.",
         "45,000 men, women and children", 45000, 45000, "", "displaced"),
        ("A squad of 35 Marines was flown in.", "35 Marines", 35, 35, "", "troops"),
        ("She printed 70 copies of the memo.", "70 copies", 70, 70, "", "other"),
        ("Kenya said some 4 million people lived there.", "some 4 million people", 4e6, 4e6, "some",
         "other"),
        ("The militia holds tens of thousands hostage.", "tens of thousands", 20000, 99999, "",
         "other"),
        ("Donations passed $1billion in August.", "$1billion", 1e9, 1e9, "", "money"),
        ("Half a million people marched.", "Half a million people", 5e5, 5e5, "", "other"),
        ("It cost a quarter of a million euros.", "a quarter of a million euros", 2.5e5, 2.5e5,
         "", "money"),
        ("Firms sheltered trillions of dollars abroad.", "trillions of dollars", 2e12, 1e13 - 1,
         "", "money"),
        ("The fare rose by 40 cents.", "40 cents", 40, 40, "", "money"),
        ("A couple dozen bankers earn more.", "A couple dozen bankers", 24, 24, "", "other"),
        ("The cousins quarrelled over millions of dollars.", "millions of dollars", 2e6, 1e7 - 1,
         "", "money"),
        ("About 17 veterans die by suicide each day.", "About 17 veterans", 17, 17, "about",
         "casualties"),
        ("Four million Afghan jobs rely on farming.", "Four million Afghan jobs", 4e6, 4e6, "",
         "other"),
        ("Three award-winning Iraqi radio talk hosts left.",
         "Three award-winning Iraqi radio talk hosts", 3, 3, "", "other"),
        ("The audit found 73 Fortune 500 businesses paid nothing.", "73 Fortune 500 businesses",
         73, 73, "", "other"),
        ("In Mosul 300 people were killed.", "300 people", 300, 300, "", "casualties"),
        ("Obama Sends 300 Troops to Iraq", "300 Troops", 300, 300, "", "troops"),
        ("He was one of 12 soldiers killed in the attack.", "12 soldiers", 12, 12, "",
         "casualties"),
        ("The army sent 1500 troops.", "1500 troops", 1500, 1500, "", "troops"),
    ],
)  # fmt: skip
def test_constructions(sentence, text, low, high, hedge, category):
    row = only(sentence)
    assert row["text"] == text
    assert bounds(row) == (low, high)
    assert (row["hedge"], row["category"]) == (hedge, category)
    assert sentence[row["start"] : row["end"]] == text


@pytest.mark.parametrize(
    "sentence",
    [
        "The coalition has fought there since 2014.",
        "In 2018 the strikes resumed on Dec. 19 at 7 p.m.",
        "The 24th Marine Expeditionary Unit and 1st Battalion, 10th Marine Regiment arrived.",
        "They fired 155-mm shells from F-16 jets.",
        "Security Council Resolution 2254 was adopted.",
        "He was a 22-year-old father of two.",
        "Mattis, 68, served for 40 years.",
        "The war lasted four months and cost 20 percent of output.",
        "About 95% of cases were closed within 10 miles of the base.",
        "The first convoy left on September 11.",
        "No one was hurt, and one of them left.",
        "Several soldiers, many civilians and a few rebels were there, with a pair of tanks.",
        "The two-hour film and a 13-minute trailer were shown.",
        "Contributing: Kim Hjelmgaard",
        "The 2016 campaign promises were kept.",
        "One in six drivers is uninsured, and 1 in 3 tenants moved.",
        "Nine out of 10 economists agree.",
        "Nearly seven of 10 parents will vote.",
        "About one of every eight nurses is unlicensed.",
        "Farmers keep 42 cents out of each dollar.",
        "About $3 of every $4 of imports come by sea.",
        "Tuition now starts at six figures.",
        "The plan helps people under 30 and adults over 65.",
        "She praised the 2011 raid on the compound.",
        "The 1926 Prisoner Convention applies.",
        "All the Fortune 500 businesses filed late returns.",
        "He is the No. 2 official at the agency.",
        "Why pay more for one lawyer than another?",
    ],
)
def test_not_figures(sentence):
    assert figures_in_text(sentence) == []


def test_several_figures_in_one_sentence_with_ellipsis_and_context():
    rows = figures_in_text(
        "The six targets included four Harbour Brigade depots in Yemen and two in Oman."
    )
    assert [(r["text"], r["category"]) for r in rows] == [
        ("six targets", "targets"),
        ("four Harbour Brigade depots", "targets"),
        ("two", "targets"),
    ]
    rows = figures_in_text("At least 17 guerrilla fighters were killed and 38 wounded.")
    assert [(r["text"], r["category"], bounds(r)) for r in rows] == [
        ("At least 17 guerrilla fighters", "casualties", (17, None)),
        ("38 wounded", "casualties", (38, 38)),
    ]


def test_numbers_after_of_which_or_of_them_count_what_came_before():
    rows = figures_in_text("The chain has 864 stores, 312 of which are abroad.")
    assert [(r["text"], r["category"]) for r in rows] == [
        ("864 stores", "other"),
        ("312", "other"),
    ]
    rows = figures_in_text("The raid killed 12 in three attacks; two of them were children.")
    assert [(r["text"], r["category"]) for r in rows] == [
        ("12", "casualties"),
        ("three attacks", "strikes"),
        ("two", "other"),
    ]


def test_a_number_compared_with_a_figure_counts_the_same_thing():
    rows = figures_in_text(
        "There are five tiers, compared with three now, and 14 lawyers rather than 15."
    )
    assert [(r["text"], r["category"]) for r in rows] == [
        ("five tiers", "other"),
        ("three", "other"),
        ("14 lawyers", "other"),
        ("15", "other"),
    ]
    assert figures_in_text("Sales rose compared with 2015.") == []


def test_suspended_hyphens_and_of_the_openings():
    row = only("Nearly 2,300 oil- and wood-fired heating plants emit soot.")
    assert row["text"] == "Nearly 2,300 oil- and wood-fired heating plants"
    rows = figures_in_text("Of the 12 judges who will weigh the appeal, five were chosen by her.")
    assert [(r["text"], r["category"]) for r in rows] == [("12 judges", "other"), ("five", "other")]
    assert figures_in_text("Of the years he served, he spent two abroad.") == []


def test_compounds_and_numbers_whose_noun_was_named_before():
    row = only("Nearly 900 U.S. special operations forces are there.")
    assert (row["text"], row["category"]) == ("Nearly 900 U.S. special operations forces", "troops")
    rows = figures_in_text("The number of troops will fall from 2,000 to 400.")
    assert [(r["text"], r["category"]) for r in rows] == [("2,000", "troops"), ("400", "troops")]
    rows = figures_in_text("Officials sent 3,000 more troops, bringing the total to 14,000.")
    assert [(r["text"], r["category"]) for r in rows] == [
        ("3,000 more troops", "troops"),
        ("14,000", "troops"),
    ]
    row = only("They fired more than 3,500 artillery rounds.")
    assert row["category"] == "strikes"


def test_bare_millions_lent_or_in_cash_are_money():
    rows = figures_in_text("Creditors lent the firm millions. Regulators froze millions in cash.")
    assert [(r["text"], r["category"]) for r in rows] == [
        ("millions", "money"),
        ("millions", "money"),
    ]
    assert only("The storm could affect millions.")["category"] == "other"


def test_source_and_when():
    row = only("However, as of last week, US officials said there were closer to 2,000 US troops.")
    assert (row["source"], row["when"], row["hedge"]) == ("US officials", "as of last week",
                                                          "closer to")  # fmt: skip
    row = only("On Saturday, there were 47 airstrikes, U.S. Central Command announced.")
    assert (row["source"], row["when"]) == ("U.S. Central Command", "On Saturday")
    row = only("There are 503 troops, according to the Pentagon.")
    assert row["source"] == "the Pentagon" and row["when"] == ""


def test_offsets_point_into_the_raw_text_with_headline_and_furniture():
    text = "Headline about the war\n\nShow Comments\n\nOfficials said “about 200 troops” remain.\n"
    row = only(text)
    assert text[row["start"] : row["end"]] == row["text"] == "about 200 troops"
    assert row["sentence_no"] >= 1


def test_categories_come_from_the_lexicon_files():
    lines = (REPO / "data" / "lexicon" / "categories.csv").read_text("utf-8").splitlines()
    assert lines[0] == "noun,category,person"
    assert "airstrikes,strikes,no" in lines and "peacekeepers,troops,yes" in lines


# --- frames -------------------------------------------------------------------------------

DTYPES = {"sentence_no": "int64", "start": "int64", "end": "int64", "low": "float64",
          "high": "float64"}  # fmt: skip


def check_frame(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == FIGURE_COLUMNS
    assert isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0
    for column, dtype in DTYPES.items():
        assert str(frame[column].dtype) == dtype, column
    for column in ("article_id", "text", "number", "hedge", "noun", "category", "source", "when"):
        assert all(isinstance(value, str) for value in frame[column])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No numbers here at all.",
        "It happened in 2014, 2015 and 2019.",
        "47 airstrikes",
        "The strikes hit 20 targets",
        'Unbalanced "quote (and a bracket [with 3 tanks',
        "\n\n\n",
    ],
)
def test_frames_have_fixed_columns_and_dtypes(text):
    articles = pd.DataFrame({"text": [text]}, index=pd.Index(["a1"], name="article_id"))
    frame = extract_figures(articles)
    check_frame(frame)
    for _, row in frame.iterrows():
        assert text[row["start"] : row["end"]] == row["text"]


def test_extract_figures_maps_articles_in_order():
    articles = pd.DataFrame(
        {
            "text": [
                "More than 400 US Marines left.",
                "Nothing.",
                "Officials counted 47 airstrikes.",
            ]
        },
        index=pd.Index(["b", "c", "a"], name="article_id"),
    )
    frame = extract_figures(articles)
    check_frame(frame)
    assert list(frame["article_id"]) == ["b", "a"]
    assert list(frame.index) == [0, 1]
    assert list(frame["category"]) == ["troops", "strikes"]


def test_extract_figures_needs_a_text_column():
    with pytest.raises(CrosscheckError, match="text"):
        extract_figures(pd.DataFrame({"body": ["x"]}))


WORDS = st.sampled_from(
    ["more than", "2,000", "troops", "were", "killed", "between", "and", "to", "thousands", "of",
     "civilians", "in", "2014", "one", "a", "dozen", "$", "1.5", "million", ",", ".", "\n", '"',
     "(", "-", "fewer than", "Marines", "hit", "targets", "24th", "at least", "Pentagon", "said"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=25).map(" ".join) | st.text(max_size=80))
def test_any_text_gives_valid_rows(text):
    for row in figures_in_text(text):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["text"]
        if not (math.isnan(row["low"]) or math.isnan(row["high"])):
            assert row["low"] <= row["high"]


ENDING_WORDS = st.sampled_from(
    ["father of", "aged", "ages", "age", "No.", "NO.", "number", "#", "and", "or", "plus",
     "as well as", "along with", "including", "another", "compared with", "rather than", "than",
     "vs.", "vs", "up from", "total to", "a team of", "people under", "voters over", "older than",
     "the", "troops", "of", "Of", "ſ", "ageſ", "Dad", "x", ",", "  ", "\n", "\u212a"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(ENDING_WORDS, max_size=8).map(" ".join), st.sampled_from(["", " ", "  ", "\n"]))
def test_end_patterns_find_what_a_full_search_finds(words, trailing):
    """The cheap last-word test before each `\\Z` pattern never hides a match."""
    from crosscheck import figure_checks

    text = words + trailing
    for ending in (
        figure_checks._AGE_LIMIT_BEFORE,
        figure_checks._NOT_A_COUNT_BEFORE,
        figure_checks._CONJUNCTION_BEFORE,
        figure_checks._COMPARISON_BEFORE,
        figure_checks._COLLECTIVE_OF,
    ):
        full = ending.pattern.search(text)
        found = ending.search(text)
        assert (found and found.span()) == (full and full.span()), (ending.pattern, text)


# --- quality on the gold sets -------------------------------------------------------------


def strict_f1(corpus: Path) -> float:
    from crosscheck.evaluate import evaluate_corpus

    return evaluate_corpus(corpus)["figures"]["strict"]["f1"]


def test_seed_gold_strict_f1():
    assert strict_f1(REPO / "data") >= 0.95


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus not present")
def test_shared_corpus_strict_f1():
    assert strict_f1(SHARED_CORPUS) >= 0.95
