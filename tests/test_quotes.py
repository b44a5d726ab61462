"""Quote extraction: marks, constructions, speakers, kinds, the frame, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.attribution import parse_speaker
from crosscheck.quote_context import _TRAILING_ADVERBS, _without_trailing_adverbs
from crosscheck.quotes import FRAME_COLUMNS, QUOTE_COLUMNS, extract_quotes, quotes_in_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def only(text: str) -> dict:
    rows = quotes_in_text(text)
    assert len(rows) == 1, rows
    return rows[0]


def test_speaker_after_with_curly_marks_and_apostrophe():
    text = (
        "Headline about the war\n\nMarine Gen. Joseph Dunford, chairman of the Joint Chiefs of "
        "Staff, spoke on Monday.\n\n“We still have a long way to go and so I’d be reluctant to "
        "give a fixed time,” Dunford said during a forum.\n"
    )
    row = only(text)
    assert (
        row["quote"]
        == "We still have a long way to go and so I’d be reluctant to give a fixed time,"
    )
    assert text[row["start"] : row["end"]] == row["quote"]
    assert row["speaker"] == "Joseph Dunford"
    assert row["role"].startswith("Marine Gen.")
    assert row["cue"] == "said"
    assert row["kind"] == "direct"


def test_said_x_in_apposition_gives_role_and_organisation():
    text = (
        '"I think Americans will remain on the ground for a while," said Brett McGurk, '
        "Special Presidential Envoy for the Global Coalition to Defeat ISIS.\n"
    )
    row = only(text)
    assert row["speaker"] == "Brett McGurk"
    assert row["role"] == "Special Presidential Envoy for the Global Coalition to Defeat ISIS"
    assert row["organisation"] == "the Global Coalition to Defeat ISIS"


def test_subject_with_apposition_before_cue():
    text = (
        '"We are drawing down combat forces where it makes sense," Brigadier General Jonathan '
        "Braga, the director of operations for the coalition, said in the statement.\n"
    )
    row = only(text)
    assert row["speaker"] == "Jonathan Braga"
    assert "Brigadier General" in row["role"]
    assert "director of operations for the coalition" in row["role"]
    assert row["organisation"] == "the coalition"
    assert row["kind"] == "statement"


def test_split_quote_is_two_segments_with_one_speaker_and_statement_kind():
    text = (
        "White House press secretary Sarah Sanders issued a statement.\n\n"
        "“These victories do not signal the end of the campaign,” Sanders said in a statement. "
        "“We have started returning troops home.”\n"
    )
    rows = quotes_in_text(text)
    assert [r["quote"] for r in rows] == [
        "These victories do not signal the end of the campaign,",
        "We have started returning troops home.",
    ]
    assert {r["speaker"] for r in rows} == {"Sarah Sanders"}
    assert {r["kind"] for r in rows} == {"statement"}
    assert rows[0]["role"] == "White House press secretary"


def test_partial_quote_inside_reporters_sentence():
    text = (
        "White House press secretary Sarah Sanders said Wednesday that the U.S. has "
        "“defeated the territorial caliphate.”\n"
    )
    row = only(text)
    assert row["kind"] == "partial"
    assert row["speaker"] == "Sarah Sanders"
    assert row["quote"] == "defeated the territorial caliphate."


def test_whole_sentence_right_after_its_cue_is_direct():
    text = (
        "On the radio Senator Paula Grant declared \u201cWe will win this fight.\u201d\n\n"
        "Mayor Tom Ruiz answered the critics, tweeting, \u201cCome and see for yourselves!\u201d\n"
    )
    rows = quotes_in_text(text)
    assert [r["kind"] for r in rows] == ["direct", "statement"]
    assert [r["speaker"] for r in rows] == ["Paula Grant", "Tom Ruiz"]


def test_fragment_after_a_cue_stays_partial():
    text = "Senator Paula Grant called the plan \u201ca waste of public money.\u201d\n"
    assert only(text)["kind"] == "partial"


def test_quotation_of_several_sentences_is_not_a_fragment():
    text = (
        "The mayor left early because, \u201cThe meeting was over. We had nothing more to "
        "say.\u201d\n"
    )
    assert only(text)["kind"] == "direct"
    abbreviations = "He warned of a \u201cdispute at the U.N. Security Council\u201d today.\n"
    assert only(abbreviations)["kind"] == "partial"


def test_lower_case_quote_after_said_that_is_partial():
    text = (
        "Paula Grant said on Monday that under the old rules, \u201cthe voters were left out "
        "of the process.\u201d\n"
    )
    assert only(text)["kind"] == "partial"


def test_nested_quote_closing_a_quotation_does_not_make_it_partial():
    text = "\u201cThey told us, \u2018This is the end of the road,\u2019\u201d the letter reads.\n"
    row = only(text)
    assert row["kind"] == "statement"
    assert row["speaker"] == "the letter"


def test_pronoun_and_wrote_resolve_to_the_last_named_subject():
    text = (
        "President Donald Trump spoke on Tuesday.\n\n"
        "In a tweet earlier on Wednesday morning, Trump also declared victory.\n\n"
        "“We have defeated ISIS in Syria, my only reason for being there,” he wrote.\n"
    )
    row = only(text)
    assert row["speaker"] == "Donald Trump"
    assert row["cue"] == "wrote"
    assert row["kind"] == "statement"


def test_she_prefers_a_woman_named_with_a_female_honorific():
    text = (
        "Ms. Nancy Pelosi met Mr. John Boehner on Monday. Mr. Boehner left early.\n\n"
        "“We will not give up on this bill,” she said.\n"
    )
    assert only(text)["speaker"] == "Nancy Pelosi"


def test_speaker_before_with_colon():
    text = "Defense Secretary Jim Mattis told reporters: “We want to support the Geneva process.”\n"
    row = only(text)
    assert row["speaker"] == "Jim Mattis"
    assert row["cue"] == "told"
    assert row["kind"] == "direct"


def test_according_to_after_a_partial_quote():
    text = (
        'The strikes hit "the headquarters of the group" in the north, according to the '
        "U.S. military.\n"
    )
    row = only(text)
    assert row["speaker"] == "the U.S. military"
    assert row["cue"] == "according to"


def test_collective_and_unnamed_speakers():
    rows = quotes_in_text(
        '"The unit has been ordered home for now," the coalition said in a statement.\n\n'
        '"This sends a firm signal to our partners," a senior administration official, who was '
        "not authorized to speak publicly, told reporters.\n"
    )
    assert [r["speaker"] for r in rows] == ["the coalition", "a senior administration official"]


def test_paragraph_without_cue_continues_the_previous_speaker():
    text = (
        '"We did our part in this fight," Jen Psaki said.\n\n'
        '"There is much more work to do in the months ahead."\n'
    )
    rows = quotes_in_text(text)
    assert [r["speaker"] for r in rows] == ["Jen Psaki", "Jen Psaki"]
    assert rows[1]["cue"] == ""


def test_quote_over_several_paragraphs_is_one_segment_per_paragraph():
    text = (
        "Senator Mark Warner said:\n\n"
        "“The first paragraph of the long quotation runs here.\n\n"
        "“The second paragraph carries on without a closing mark.\n\n"
        "“And the last one closes it,” he added.\n\n"
        "Officials declined to comment.\n"
    )
    rows = quotes_in_text(text)
    assert len(rows) == 3
    assert rows[0]["quote"] == "The first paragraph of the long quotation runs here."
    assert {r["speaker"] for r in rows} == {"Mark Warner"}


def test_tweet_broken_over_lines_keeps_both_pieces():
    text = (
        '"Morgan ran the department with real skill for two years.\n\n'
        'He will be terrific in the new job!" Donald Trump tweeted.\n'
    )
    rows = quotes_in_text(text)
    assert [r["quote"] for r in rows] == [
        "Morgan ran the department with real skill for two years.",
        "He will be terrific in the new job!",
    ]
    assert {r["speaker"] for r in rows} == {"Donald Trump"}


def test_dash_source_after_a_quote():
    row = only("“I only wish the council would listen to us for once.” ― Marta Quiroga\n")
    assert row["speaker"] == "Marta Quiroga"


def test_surname_resolves_to_the_full_name_and_alias_to_the_long_form():
    text = (
        "US Central Command (Centcom) said on Friday that patrols resumed.\n\n"
        'Centcom said the patrols were meant to "deter fresh rocket launches" near Basra.\n'
    )
    assert only(text)["speaker"] == "US Central Command"


def test_scare_quotes_titles_and_short_phrases_are_not_quotes():
    text = (
        'Officials said the gains were "enduring" and the "next phase" would follow.\n\n'
        'The strikes were part of "Operation Inherent Resolve" in Iraq.\n\n'
        'He read the book "The Art of the Deal" last year.\n'
    )
    assert quotes_in_text(text) == []


def test_title_case_quotations_in_headings_are_not_quotes():
    text = (
        "Mayor Grills Water Board Head: \u2018You Must Answer For This.\u2019\n\n"
        "The hearing ran for four hours on Tuesday.\n\n"
        "\u2018Nowhere Else to Turn.\u2019\n\n"
        "\u2018A betrayal of our trust,\u2019 the minister said of the vote.\n\n"
        "Senator Paula Grant said: \u201cYou Must Answer For This.\u201d\n"
    )
    rows = quotes_in_text(text)
    assert [r["quote"] for r in rows] == ["A betrayal of our trust,", "You Must Answer For This."]


def test_quoted_transcript_turns_are_quotes_of_the_labelled_speaker():
    text = (
        "Democratic nominee Gov. Dale Calder spoke to ABC host Owen Baird on Monday.\n\n"
        '"BAIRD: Does the governor plan to attend the forum next week?\n\n'
        '"CALDER: I plan to attend, and so does my running mate.\n\n'
        '"Our campaign is about the bills families pay every month."\n'
    )
    rows = quotes_in_text(text)
    assert [r["speaker"] for r in rows] == ["Owen Baird", "Dale Calder", "Dale Calder"]
    assert {r["kind"] for r in rows} == {"direct"}
    assert rows[1]["quote"].startswith("CALDER: I plan to attend")


def test_page_furniture_is_skipped():
    text = (
        "Troops leave Syria\n\n"
        '"We have done what we came to do here," the general said.\n\n'
        "Show Comments\n\n"
        'Read more: "Five things to know about the war in Syria today"\n'
    )
    rows = quotes_in_text(text)
    assert [r["quote"] for r in rows] == ["We have done what we came to do here,"]


def test_unbalanced_mark_damage_stays_in_its_paragraph():
    text = (
        'He said "this sentence never closes its quotation mark at all.\n\n'
        "A plain paragraph follows without any quotation at all.\n\n"
        '"The next paragraph is a proper quote," the minister said.\n'
    )
    rows = quotes_in_text(text)
    assert [r["quote"] for r in rows] == ["The next paragraph is a proper quote,"]
    assert rows[0]["speaker"] == "the minister"


def test_single_quotes_and_apostrophes_in_words():
    text = "Officials' plans changed. He called it 'a shameful betrayal of the voters' on Sunday.\n"
    row = only(text)
    assert row["quote"] == "a shameful betrayal of the voters"


@pytest.mark.parametrize(
    ("phrase", "name", "description"),
    [
        ("White House press secretary Sarah Sanders", "Sarah Sanders", ""),
        ("In September, Defense Secretary Jim Mattis", "Jim Mattis", ""),
        ("Senator Alan Pryor of Virginia, the ranking Republican", "Alan Pryor", ""),
        (
            "Prime Minister Alan Hartley's official spokesman",
            "",
            "Prime Minister Alan Hartley's official spokesman",
        ),
        ("officials in Washington", "", "officials in Washington"),
        ("an IS commander in Raqqa", "", "an IS commander in Raqqa"),
    ],
)
def test_parse_speaker(phrase: str, name: str, description: str):
    speaker = parse_speaker(phrase)
    assert speaker is not None
    assert (speaker.name, speaker.description) == (name, description)


def test_parse_speaker_refuses_non_speakers():
    assert parse_speaker("difficult to") is None
    assert parse_speaker("fierce blowback") is None


def test_extract_quotes_frame_has_fixed_columns_even_when_empty():
    empty = extract_quotes(pd.DataFrame({"text": []}, index=pd.Index([], name="article_id")))
    assert list(empty.columns) == FRAME_COLUMNS
    assert empty.empty
    articles = pd.DataFrame(
        {"text": ['"We will be back next year, for sure," the mayor said.\n', "No quotes here.\n"]},
        index=pd.Index(["a", "b"], name="article_id"),
    )
    frame = extract_quotes(articles)
    assert list(frame.columns) == ["article_id", *QUOTE_COLUMNS]
    assert frame["article_id"].tolist() == ["a"]
    assert str(frame["start"].dtype) == "int64" and str(empty["start"].dtype) == "int64"
    assert frame.loc[0, "speaker"] == "the mayor"


MARKS = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", "\n", "\n\n", " ", ",", ".", "said", "he", "X"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(MARKS, st.text(max_size=8)), max_size=40).map("".join))
def test_any_text_gives_valid_non_overlapping_quotes(text: str):
    rows = quotes_in_text(text)
    previous_end = -1
    for row in sorted(rows, key=lambda r: r["start"]):
        assert 0 <= row["start"] <= row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["quote"]
        assert row["start"] >= previous_end
        assert row["kind"] in {"direct", "partial", "statement"}
        previous_end = row["end"]


def test_seed_gold_quotes_are_found_with_their_speakers():
    found, total = 0, 0
    for gold_path in sorted((ROOT / "data" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (ROOT / "data" / "articles" / f"{gold['article_id']}.txt").read_text(
            encoding="utf-8"
        )
        rows = quotes_in_text(text)
        for item in gold["quotes"]:
            total += 1
            surname = item["speaker"].split()[-1]
            if any(
                item["quote"][:30] in r["quote"] and surname in (r["speaker"] or "") for r in rows
            ):
                found += 1
    assert total and found / total >= 0.95


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not present")
def test_shared_corpus_detection_stays_high():
    found, total = 0, 0
    for gold_path in sorted((SHARED / "corpus" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (SHARED / "corpus" / "articles" / f"{gold['article_id']}.txt").read_text(
            encoding="utf-8"
        )
        quotes = [r["quote"] for r in quotes_in_text(text)]
        for item in gold["quotes"]:
            total += 1
            found += any(item["quote"][:25] in q or q[:25] in item["quote"] for q in quotes)
    assert found / total >= 0.95


def test_paragraph_opening_with_a_closing_curly_mark_still_opens_a_quotation():
    text = "Barack Obama spoke at the town hall.\n\n” … what I saw is that they listen,” he said.\n"
    row = only(text)
    assert row["quote"] == "… what I saw is that they listen,"
    assert row["speaker"] == "Barack Obama"


@given(st.text(alphabet="ab A'’_-.,1\u00e9", max_size=30))
def test_quote_word_count_and_title_case_read_the_words_findall_gives(content):
    from crosscheck import quote_marks

    words = quote_marks._WORD.findall(content)
    enough = quote_marks._WORD_COUNT.match(content) is not None
    assert enough == (len(words) >= quote_marks.MIN_WORDS)
    expected = bool(words) and all(
        w[:1].isupper() or w in quote_marks._SMALL_WORDS or w[:1].isdigit() for w in words
    )
    assert quote_marks._title_case(quote_marks._WORD.finditer(content)) == expected


ADVERB_PIECES = st.sampled_from(
    ["also", "has", "quickly", "Kelly", "ly", "Smith", "U.S.", "reportedly", "-ly", "once"]
    + [",", " ", "  ", "\t", "\u00a0", "\n", "wouldly"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ADVERB_PIECES, max_size=8))
def test_trailing_adverbs_are_cut_as_the_pattern_cuts_them_over_the_whole_phrase(pieces):
    phrase = "".join(pieces) + " "
    assert _without_trailing_adverbs(phrase) == _TRAILING_ADVERBS.sub("", phrase)


def test_up_to_two_trailing_adverbs_are_cut():
    assert _without_trailing_adverbs("Mr. Smith also has ") == "Mr. Smith "
    assert _without_trailing_adverbs("the minister reportedly ") == "the minister "


@pytest.mark.parametrize(
    ("introduced", "later", "speaker"),
    [
        ("Gov. Lena Ortiz toured the levee on Tuesday.", "the governor", "Lena Ortiz"),
        ("Lt. Gen. Omar Haddad spoke at the base.", "the general", "Omar Haddad"),
        ("Sen. Ruth Adler left the chamber early.", "the senator", "Ruth Adler"),
        ("Sheriff Lena Ortiz met the families.", "the sheriff", "Lena Ortiz"),
    ],
)
def test_an_abbreviated_or_local_title_resolves_the_title_used_later(introduced, later, speaker):
    row = only(f'Head\n\n{introduced} "Nobody is left behind," {later} said.\n')
    assert row["speaker"] == speaker


def test_a_role_set_off_before_a_name_is_its_role_and_resolves_the_title():
    text = (
        "Head\n\nThe county's chief prosecutor, Ines Varga, spoke after the verdict. "
        '"Justice was done," the prosecutor said.\n'
    )
    row = only(text)
    assert row["speaker"] == "Ines Varga" and row["role"] == "county's chief prosecutor"


def test_words_after_a_name_set_off_by_a_role_are_not_its_role():
    text = 'Head\n\nA senior official, Ines Varga, spoke on Monday. "We will wait," Varga said.\n'
    row = only(text)
    assert row["speaker"] == "Ines Varga" and row["role"] == "senior official"


def test_a_surname_that_is_also_a_word_for_an_office_stays_a_name():
    text = 'Head\n\nHoward Dean spoke first. "It was close," Dean said.\n'
    assert only(text)["speaker"] == "Howard Dean"


def test_a_title_no_one_holds_skips_the_search_and_one_held_far_away_still_resolves():
    from crosscheck.quote_context import Report

    text = (
        "Gov. Lee Park spoke on Monday.\n\n"
        + "Crews worked through the night on the roads.\n\n" * 5
        + "The band played. The mayor, Tom Reyes, said the town was grateful.\n"
    )
    names = Report(text).names
    end = len(text)
    assert names.resolve_title("the governor", end) == "Lee Park"  # "Gov." spelled out
    assert names.resolve_title("the mayor", end) == "Tom Reyes"
    assert names.resolve_title("the senator", end) == ""
    assert names._titles_given == {"governor": True, "mayor": True, "senator": False}
