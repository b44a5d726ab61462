"""Sentence splitting: the project's fast Punkt gives exactly NLTK Punkt's sentences."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.articles import paragraph_spans
from crosscheck.splitting import (
    _CLOSING_MARKS,
    _REALIGNMENT,
    SEGMENT_CACHE_SIZE,
    Sentence,
    _new_sentence,
    has_unusual_controls,
    is_false_break,
    join_false_breaks,
    punkt,
    reference_punkt,
    segment,
    sentences_held,
    split_paragraph,
)
from crosscheck.text import read_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

TRICKY = [
    "The troops left. They came back.",
    "Marine Gen. Joseph Dunford said so. The next one starts here.",
    "They flew back to the U.S. The next day they left. He said no.",
    "They flew back to the U.S. Army base. Then they left.",
    "He served in the U.S. Army.\u201d Then he left.",
    "Officials met in Washington, D.C. on Tuesday. It rained.",
    "Talks with the U.N. resumed. He said no.",
    "Donald J. Trump spoke. A. Smith answered. I. Then we left.",
    "Sen. John Kerry, D-Mass., and Rep. Michael McCaul, R-Texas, met at 8 p.m. ET.",
    "It happened in 2019. in the evening. 2020. The end.",
    "\u201cWe are done.\u201d Then they left. \u201cGen.\u201d was all he said.",
    "\u2018Quiet.\u2019 she said. \u201cAre we done?\u201d he asked. Yes!",
    '"We have won," he said. "Now we go home." Officials agreed.',
    "Really?! I don't know. Why? Because.",
    "The U.S.\u00a0military, officials said. Gen.\u00a0Smith left. Mr.\u00a0The agreed.",
    "He left (for now.) Then he returned. (Really.) Fine.",
    "Wait... what? Then . . . nothing. Done.. Yes",
    "He said: no. Gen. The talks ended. Gen. the talks ended. Gen. Smith, the talks.",
    "Troops left.Then they came back. The end .",
    "It cost $4.5 million. It was No. 1. That was it.",
    "Lt. Col. Sean Ryan, a spokesman, spoke on Sept. 10 in Washington.",
    "Short. A. B. C. d. e. Ok.",
    "Words, words. \u201cQuoted,\u201d he said. End of it!\u201d Then more.",
]


def spans(tokenizer, paragraph: str) -> list[tuple[int, int]]:
    return list(tokenizer.span_tokenize(paragraph))


def splits_like_punkt(paragraph: str) -> bool:
    """The project's splitting of a paragraph (shortcuts included) is NLTK Punkt's."""
    paragraph = paragraph.strip()
    if not paragraph:
        return True
    expected = spans(reference_punkt(), paragraph)
    return spans(punkt(), paragraph) == expected and (
        split_paragraph(paragraph, 0, len(paragraph)) == expected
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        *TRICKY,
        "Troops left.\u201d",
        "He asked: why?\u201d)",
        "Really?!",
        "Really?!\u201d",
        "He left.(Then came back)",
        "He left.(",
        "He left.\u201d(",
        "He left.[",
        "Yes. Ask why?--not\nGen. Smith came.",  # a line break starts the word before "Gen."
        "Yes. Ask why?--not\tGen. Smith came.",
        "It cost 4.5 million",
        "The U.S",
        "Done.\u201d More.\u201d",
        "Hi!",
        "A.\u201d\u2019",
    ],
)
def test_news_punkt_splits_like_nltk_punkt(paragraph: str) -> None:
    assert splits_like_punkt(paragraph)


def test_the_shortcut_decides_the_common_contexts_and_leaves_the_rest_to_punkt() -> None:
    decide = punkt()._plain_decision
    assert decide("said. The") is True
    assert decide("said.\u201d") is True
    assert decide("again? No") is True
    assert decide("U.S. troops") is False  # an abbreviation before a lower-case word
    assert decide("U.S. The") is True  # ... and before a capitalised sentence starter
    assert decide("Gen. Smith") is False
    assert decide("J. Smith") is False  # an initial before a word, whatever its case
    assert decide("J. smith,") is False
    assert decide("J. 2019") is None  # an initial before a token that is no word: Punkt
    assert decide("Gen. Obama's") is False  # Punkt reads the word without its "'s"
    assert decide("U.S. It's") is True  # "It" is a sentence starter
    assert decide("2019. The") is None  # a number: Punkt's own rules
    assert decide("U.S. Army.\u201d") is None  # a later token may break: Punkt decides
    assert decide("statement. \u201cWe") is True  # a plain word before any token
    assert decide("troops. 2,000") is True
    assert decide("Gen. \u201cWe") is None  # an abbreviation before a token that is no word


def test_realignment_can_only_match_a_sentence_that_starts_with_a_closing_mark() -> None:
    starts = {chr(c) for c in range(0x3000) if _REALIGNMENT.match(chr(c) + " ")}
    assert starts == _CLOSING_MARKS


PIECES = st.sampled_from(
    list("aAbBsSjJ .,.!?\"'()-:;\u00a0\u201c\u201d\u2018\u2019")
    + ["U.S.", "Gen.", "Gen", "Mr. ", "the", "The", "He", "army", "Army", " 2019.", "..."]
    + ["\u201cGen.", "D.C.", "p.m.", "no.", "No.", "?!", " . . ", "J.", "x", "\t", "\n"]
    + ["\u201cWe", "--", "4", "We're", "\u2026", "-", "ok,", "\x1c", "Obama's", "It's", "x's."]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=40).map("".join))
def test_news_punkt_splits_like_nltk_punkt_on_any_mix(text: str) -> None:
    assert spans(punkt(), text) == spans(reference_punkt(), text)
    assert splits_like_punkt(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=8).map("".join))
def test_every_shortcut_decision_is_punkt_s(context: str) -> None:
    decided = punkt()._plain_decision(context)
    if decided is not None:
        assert decided == reference_punkt().text_contains_sentbreak(context)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=12).map("".join), st.lists(PIECES, max_size=40).map("".join))
def test_a_paragraph_splits_alike_when_its_report_was_checked_for_controls_once(
    before: str, paragraph: str
) -> None:
    text = f"{before}\n\n{paragraph.strip()}"
    start, end = len(before) + 2, len(text)
    if start < end:
        checked = not has_unusual_controls(text)
        assert split_paragraph(text, start, end, newline_only=checked) == split_paragraph(
            text, start, end
        )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join), st.data())
def test_joining_false_breaks_asks_about_every_break_that_could_be_one(text: str, data) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(1, len(text)), max_size=6)))
    spans = list(zip([0, *cuts], [*cuts, len(text)], strict=True))
    expected: list[tuple[int, int]] = []
    for start, end in spans:
        if expected and is_false_break(text, expected[-1][1], start):
            expected[-1] = (expected[-1][0], end)
        else:
            expected.append((start, end))
    assert join_false_breaks(text, spans) == expected


def test_sentences_made_quickly_are_sentences_like_any_other() -> None:
    made = _new_sentence(3, 9, 1, 2)
    assert made == Sentence(3, 9, 1, 2) and hash(made) == hash(Sentence(3, 9, 1, 2))
    assert repr(made) == repr(Sentence(3, 9, 1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 4


CONTEXT_PIECES = st.sampled_from(
    ["Mr.", "Mrs.", "Sept.", "D-Mo.", "R-S.C.", "Trump's", "Clinton\u2019s", "(", ")", "11"]
    + ["2019.", "4.5."]
    + ["-4", ",5", "1st.", "W.", "w.", "\u00c9.", "etc.", "vs.", "...", "..", "But", "The"]
    + ["##number##.", "\u0661\u0662.", "\u01c5.", "\u0301", "İ.", " ", "\n", "\x1d", ";", ","]
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, CONTEXT_PIECES), min_size=1, max_size=8).map("".join))
def test_the_untrained_rules_decide_every_context_as_punkt_does(context: str) -> None:
    decided = punkt()._untrained_sentbreak(context)
    assert decided == reference_punkt().text_contains_sentbreak(context)


def test_the_untrained_rules_follow_punkt_on_abbreviations_initials_and_numbers() -> None:
    decide = punkt()._untrained_sentbreak
    assert decide("Mr. Trump's") is False  # an abbreviation before a name
    assert decide("Gen. But") is True  # ... before a capitalised sentence starter
    assert decide("J. Trump") is False  # an initial before a capitalised word
    assert decide("Sept. 11") is False  # an abbreviation before a number
    assert decide("2019. The") is True  # a number before a capitalised word
    assert decide("2019. the") is False  # ... but not before a lower-case one
    assert decide("(D-Mo.)") is True  # "mo" is no abbreviation: a break before ")"
    assert decide("(R-S.C.)") is False  # "s.c" is one


@pytest.mark.parametrize("corpus", ["corpus", "corpus-polnear-dev"])
def test_news_punkt_splits_every_shared_paragraph_like_nltk_punkt(corpus: str) -> None:
    folder = SHARED / corpus / "articles"
    if not folder.is_dir():
        pytest.skip(f"../shared/{corpus} is not present beside the project")
    for path in sorted(folder.glob("*.txt")):
        text = read_text(path)
        for start, end in paragraph_spans(text):
            assert splits_like_punkt(text[start:end]), path.name


def test_segment_is_shared_between_callers_and_cannot_be_changed_by_them() -> None:
    segment.cache_clear()
    text = "Troops leave\n\nAbout 400 troops left. Officials said so."
    first = segment(text)
    assert segment(text) is first and segment.cache_info().hits == 1
    assert segment("".join(text)) is first  # an equal text, another object: still shared
    assert isinstance(first, tuple) and len(first) == 3
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[0].start = 5  # type: ignore[misc]
    assert segment.cache_info().maxsize == SEGMENT_CACHE_SIZE
    for number in range(SEGMENT_CACHE_SIZE + 10):
        segment(f"Report {number}\n\nBody {number}.")
    assert segment.cache_info().currsize == SEGMENT_CACHE_SIZE  # bounded


def test_sentences_held_splits_each_text_of_a_large_frame_once() -> None:
    segment.cache_clear()
    texts = [f"Report {number}\n\nBody {number}. More." for number in range(SEGMENT_CACHE_SIZE + 5)]
    with sentences_held():
        first = [segment(text) for text in texts]
        with sentences_held():  # a nested block keeps what the outer one holds
            assert all(segment(text) is found for text, found in zip(texts, first, strict=True))
        assert all(segment(text) is found for text, found in zip(texts, first, strict=True))
    assert segment(texts[0]) is not first[0]  # evicted from the cache, no longer held
    assert segment(texts[0]) == first[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rep. A.B. Smithers said the vote was close. Then it ended.",
            ["Rep. A.B. Smithers said the vote was close.", "Then it ended."],
        ),
        (
            "She is the No. 3 official in the ministry.",
            ["She is the No. 3 official in the ministry."],
        ),
        ("The answer was no. 4 people disagreed.", ["The answer was no.", "4 people disagreed."]),
        (
            "He flew to the U.K. The next day he left.",
            ["He flew to the U.K.", "The next day he left."],
        ),
    ],
)
def test_segment_joins_breaks_after_initials_and_number_signs(text: str, expected: list) -> None:
    assert [text[s.start : s.end] for s in segment(text)] == expected
