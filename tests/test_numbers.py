"""numbers: number phrases into (low, high, hedge), plus the adapted Recognizers-Text cases."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import number_phrases
from crosscheck.number_phrases import find_number_phrases
from crosscheck.numbers import (
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    apply_bound,
    load_hedges,
    parse_quantity,
    scaled,
    words_value,
)

CASES = json.loads(
    (Path(__file__).parent / "data" / "recognizers_text" / "cases.json").read_text("utf-8")
)


def one(text: str):
    phrases = list(find_number_phrases(text))
    assert len(phrases) == 1, phrases
    return phrases[0]


def interval(text: str) -> tuple[float | None, float | None, str]:
    phrase = one(text)
    low = None if math.isnan(phrase.low) else phrase.low
    high = None if math.isnan(phrase.high) else phrase.high
    return low, high, phrase.hedge


@pytest.mark.parametrize(
    "text, value",
    [
        ("47", 47),
        ("2,000", 2000),
        ("1,234,567", 1234567),
        ("1.5 million", 1_500_000),
        ("1.3 million", 1_300_000),
        ("$2 billion", 2e9),
        ("$1.5bn", 1.5e9),
        ("£300m", 3e8),
        ("four", 4),
        ("twenty-one", 21),
        ("four hundred", 400),
        ("two thousand five hundred", 2500),
        ("one hundred and sixty-one", 161),
        ("a hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("three million", 3e6),
        ("$4billion", 4e9),
        ("$12.5million", 12_500_000),
        ("half a million", 500_000),
        ("a half million", 500_000),
        ("a quarter of a million", 250_000),
        ("a quarter million", 250_000),
        ("three-quarters of a billion", 750_000_000),
        ("a couple dozen", 24),
        ("a couple of hundred", 200),
    ],
)
def test_exact_numbers(text, value):
    assert interval(text) == (value, value, "")


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("dozens", 24, 99),
        ("hundreds", 200, 999),
        ("thousands", 2000, 9999),
        ("millions", 2e6, 9_999_999),
        ("tens of thousands", 20000, 99999),
        ("hundreds of thousands", 200000, 999999),
        ("a few hundred", 200, 999),
        ("several thousand", 2000, 9999),
        ("trillions", 2e12, 1e13 - 1),
        ("tens of trillions", 2e13, 1e14 - 1),
    ],
)
def test_vague_quantities(text, low, high):
    assert interval(text) == (low, high, "")


@pytest.mark.parametrize(
    "text, low, high, hedge",
    [
        ("more than 400", 401, None, "more than"),
        ("over 150", 151, None, "over"),
        ("at least 400", 400, None, "at least"),
        ("up to 30", None, 30, "up to"),
        ("as many as 30", None, 30, "as many as"),
        ("fewer than 30", None, 29, "fewer than"),
        ("nearly 2,000", 2000, 2000, "nearly"),
        ("almost 2,000", 2000, 2000, "almost"),
        ("about 2,000", 2000, 2000, "about"),
        ("around 25,000", 25000, 25000, "around"),
        ("roughly 2,000", 2000, 2000, "roughly"),
        ("some 7,000", 7000, 7000, "some"),
        ("approximately 300", 300, 300, "approximately"),
        ("closer to 2,000", 2000, 2000, "closer to"),
        ("more than 1.5 million", 1_500_001, None, "more than"),
        ("More than two thousand", 2001, None, "more than"),
        ("more than a dozen", 13, None, "more than"),
    ],
)
def test_hedges(text, low, high, hedge):
    assert interval(text) == (low, high, hedge)


@pytest.mark.parametrize(
    "text, low, high, hedge",
    [
        ("20,000 to 30,000", 20000, 30000, ""),
        ("between 20,000 and 30,000", 20000, 30000, "between"),
        ("between 20,000 to 30,000", 20000, 30000, "between"),
        ("20,000-30,000", 20000, 30000, ""),
        ("20,000 – 30,000", 20000, 30000, ""),
        ("from 200 to 300", 200, 300, "from"),
        ("two or three", 2, 3, ""),
        ("between 20 and 30 million", 20e6, 30e6, "between"),
        ("between twenty and thirty", 20, 30, "between"),
    ],
)
def test_ranges(text, low, high, hedge):
    assert interval(text) == (low, high, hedge)


def test_a_falling_from_to_is_two_numbers_not_a_range():
    phrases = list(find_number_phrases("cut from 2,000 to 400"))
    assert [(p.number, p.low) for p in phrases] == [("2,000", 2000), ("400", 400)]


@pytest.mark.parametrize(
    "text",
    ["155-mm", "24th", "1st", "F-16", "9/11", "95%", "2:30", "a 22-year-old", "two-thirds", "x1"],
)
def test_glued_numbers_are_not_phrases(text):
    assert list(find_number_phrases(text)) == []


def test_over_before_a_vague_plural_is_a_particle_not_a_hedge():
    assert interval("they fought over millions") == (2e6, 9_999_999, "")
    assert interval("over a million") == (1_000_001, None, "over")


def test_a_postfix_after_the_second_of_two_numbers_hedges_only_the_second():
    phrases = list(find_number_phrases("$846million and $3million or more"))
    assert [(p.number, p.hedge, p.low) for p in phrases] == [
        ("$846million", "", 846e6),
        ("$3million", "or more", 3e6),
    ]


def test_half_alone_is_no_number():
    assert list(find_number_phrases("half the money, the first quarter, a couple")) == []


def test_offsets_cover_hedge_and_number():
    text = "Officials said more than 2,000 troops left."
    phrase = one(text)
    assert text[phrase.start : phrase.end] == "more than 2,000"
    assert text[phrase.number_start : phrase.end] == "2,000"
    assert phrase.number == "2,000"


def test_words_value_rejects_other_words():
    assert words_value("four hundred") == 400
    assert words_value("several") is None
    assert parse_quantity("several") is None


def test_apply_bound_integerises_only_exact_numbers():
    dozens = parse_quantity("dozens")
    assert apply_bound(dozens, ">") == (24, dozens.high) or math.isnan(apply_bound(dozens, ">")[1])
    assert apply_bound(parse_quantity("400"), ">")[0] == 401


def test_hedges_come_from_the_lexicon():
    hedges = load_hedges()
    assert hedges["more than"] == ">" and hedges["up to"] == "<=" and hedges["between"] == "range"


# --- Recognizers-Text cases (MIT, see tests/data/recognizers_text/LICENSE.md) ---------------


def _spec_value(value: str) -> float:
    return float(value)


@pytest.mark.parametrize("case", CASES["numbers"], ids=lambda c: c["Input"].strip()[:40])
def test_recognizers_numbers(case):
    found = [
        (" ".join(p.number.lower().split()), p.raw_low) for p in find_number_phrases(case["Input"])
    ]
    expected = [
        (" ".join(r["Text"].split()), _spec_value(r["Resolution"]["value"]))
        for r in case["Results"]
    ]
    assert found == expected


@pytest.mark.parametrize("case", CASES["ranges"], ids=lambda c: c["Input"][:40])
def test_recognizers_ranges(case):
    found = [
        (case["Input"][p.start : p.end].lower(), p.notation())
        for p in find_number_phrases(case["Input"])
        if p.bound != "="
    ]
    expected = [(r["Text"], r["Resolution"]["value"]) for r in case["Results"]]
    assert found == expected


# --- properties ---------------------------------------------------------------------------

NEWSY = st.text(
    alphabet=st.sampled_from(list("0123456789,.-– $%abcdefghijklmnopqrstuvwxyz ")), max_size=60
) | st.lists(
    st.sampled_from(
        [
            "more than",
            "about",
            "between",
            "and",
            "to",
            "2,000",
            "four",
            "hundred",
            "of",
            "thousands",
            "dozens",
            "a",
            "dozen",
            "up to",
            "-",
            "1.5",
            "million",
            "or",
            "more",
            "troops",
            "1999",
            "$",
            "fewer than",
            "twenty-one",
            "tens",
        ]
    ),  # fmt: skip
    max_size=12,
).map(" ".join)


@given(NEWSY)
def test_any_text_gives_valid_phrases(text):
    for phrase in find_number_phrases(text):
        assert 0 <= phrase.start <= phrase.number_start < phrase.end <= len(text)
        if not (math.isnan(phrase.low) or math.isnan(phrase.high)):
            assert phrase.low <= phrase.high
        assert not (math.isnan(phrase.low) and math.isnan(phrase.high))


# --- the finder's patterns, as built for speed ----------------------------------------------

_PATTERN_WORDS = st.lists(
    st.sampled_from(
        sorted(
            {*UNITS, *TENS, *SCALES, *VAGUE, *load_hedges()}
            | {"a", "half", "quarter", "several", "few", "couple", "of", "and", "or", "so"}
            | {"US", "U.S.", "NZ", "HK", "C", "A", "$", "£", "7", "1,500", "2.5", "%", "-", ","}
            | {"threat", "ones", "attend", "their", "Seventeen", "THREE", "ſix", "é", "_"}
        )
    ),
    max_size=8,
).flatmap(lambda words: st.sampled_from([" ", "-", "", "  "]).map(lambda s: s.join(words)))


_QUANTITY_WORDS = st.lists(
    st.sampled_from(
        """a half quarter quarters several few couple of tens dozens hundreds dozen hundred
        thousand million three one twenty five seventeen US U.S. C A NZ $ £ 7 1,500 bn
        threat ſix é _""".split()
        + ["U.S.$5", "US$5", "C$20", "A$3", "NZ$4", "HK$9", "a few thousand", "half a million"]
    ),
    max_size=6,
).flatmap(lambda words: st.sampled_from([" ", " ", "-", ""]).map(lambda s: s.join(words)))


@settings(max_examples=400)
@given(_QUANTITY_WORDS)
def test_the_quantity_first_test_never_rejects_a_quantity(text):
    start = re.compile(number_phrases._QUANTITY_START, re.IGNORECASE)
    alternatives = re.compile(number_phrases._QUANTITY_ALTERNATIVES, re.IGNORECASE)
    for at in range(len(text) + 1):
        for end in (len(text), (at + len(text)) // 2):
            if alternatives.match(text, at, end):
                assert start.match(text, at, end), (text, at, end)


@given(_PATTERN_WORDS)
def test_words_gathered_by_first_letter_match_as_the_plain_alternation(text):
    words = [*load_hedges(), *UNITS, *TENS, *SCALES]
    plain = re.compile(number_phrases._alternation(words), re.IGNORECASE)
    gathered = re.compile(number_phrases._by_first_letter(words), re.IGNORECASE)
    for at in range(len(text) + 1):
        found, expected = gathered.match(text, at), plain.match(text, at)
        assert (found and found.group()) == (expected and expected.group())


@pytest.mark.parametrize(
    ("literal", "value"),
    [("$65.4 billion", 65_400_000_000), ("4.8 million", 4_800_000), ("$0.7 trillion", 7e11)],
)
def test_decimal_multiples_are_exact_as_written(literal, value):
    quantity = parse_quantity(literal)
    assert quantity.low == quantity.high == value  # not 65,400,000,000.00001


@given(
    st.integers(min_value=1, max_value=99_999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([1e3, 1e6, 1e9, 1e12]),
)
def test_scaled_is_the_nearest_float_to_the_product_as_written(whole, tenths, scale):
    value = float(f"{whole}.{tenths}")
    exact = (whole * 10 + tenths) * int(scale) // 10  # a whole number: scale is a power of ten
    assert scaled(value, scale) == float(exact)
