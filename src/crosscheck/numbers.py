"""Number phrases into intervals: "more than 2,000" -> (2001, open), "hundreds of thousands" ->
(200000, 999999), "between 20,000 to 30,000" -> (20000, 30000).

Pure text functions, no pandas. The hedge vocabulary is data (data/lexicon/hedges.csv), so a
user can add a hedge without touching code. Finding the phrases in a sentence is the job of
`crosscheck.number_phrases` (its names are still importable from here); deciding whether a
phrase counts something is the job of `crosscheck.figure_checks`.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .paths import LEXICON_DIR

NAN = math.nan

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Suffixes glued to an amount of money: "$1.5bn", "£300m".
MONEY_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
}
# Vague plurals: (lowest, one past the highest) as multiples of what follows "of".
VAGUE = {
    "tens": (20, 100),
    "dozens": (24, 100),
    "hundreds": (200, 1000),
    "thousands": (2000, 10_000),
    "millions": (2e6, 1e7),
    "billions": (2e9, 1e10),
    "trillions": (2e12, 1e13),
}
# Parts of a scale word: "half a million", "a quarter of a million", "three-quarters of a billion".
FRACTIONS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}
POSTFIX_BOUNDS = {"or more": ">=", "or fewer": "<=", "or less": "<=", "or so": "~", "plus": ">"}
BOUNDS = {">", ">=", "<", "<=", "~", "range", "="}


DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # "2,000", "47", "1.5"
_LETTERS = re.compile(r"[a-z]+")
_DIGITS_PATTERN = re.compile(DIGITS)
_PLAIN_NUMBER = re.compile(DIGITS)  # fullmatch: "2,000", "47", "1.5" (no scale, no sign)
_A_DIGIT = re.compile(r"\d")
_VAGUE_WORDS = re.compile(
    r"(tens|dozens|hundreds|thousands|millions|billions|trillions)(?: of (\w+))?"
)
_PART_WORDS = re.compile(
    r"(?:half a|a half|(?:a|one|three)[ -](quarters?)(?: of a)?) (thousand|[mbtr]illion)"
)
_COUPLE_WORDS = re.compile(r"a couple (?:of )?(\w+)")
_FEW_WORDS = re.compile(r"(?:a few|several) (\w+)")
_DOZEN_WORDS = re.compile(r"(?:(.+) )?dozen")


@dataclass(frozen=True)
class Quantity:
    """One number as read: its interval and whether it is a single value."""

    low: float
    high: float
    exact: bool
    scale: float = 1.0  # the multiplier word it ended on ("million"), for "20 to 30 million"


@lru_cache(maxsize=1)
def load_hedges() -> dict[str, str]:
    """Hedge phrase -> bound (">", ">=", "<", "<=", "~", "range") from data/lexicon/hedges.csv."""
    hedges = {}
    with open(LEXICON_DIR / "hedges.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            hedge = " ".join(row["hedge"].lower().split())
            if hedge and row["bound"].strip() in BOUNDS:
                hedges[hedge] = row["bound"].strip()
    return hedges


def words_value(phrase: str) -> float | None:
    """Value of a number written in words ("four hundred and twenty-one"); None if not one."""
    tokens = _LETTERS.findall(phrase.lower())
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    for token in tokens:
        if token in ("and", "a", "an"):
            continue
        if token in UNITS or token in TENS:
            current += UNITS.get(token, TENS.get(token, 0))
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def scaled(value: float, scale: float) -> float:
    """`value` times `scale` as written in decimal: "65.4 billion" is 65,400,000,000, where
    binary floating point would give 65,400,000,000.00001."""
    if scale == 1.0 or value == int(value):
        return value * scale
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _digits_value(literal: str) -> tuple[float, float]:
    """Value and trailing multiplier of "2,000", "1.5 million", "$1.5bn", "$500 million"."""
    match = _DIGITS_PATTERN.search(literal)
    value = float(match.group().replace(",", ""))
    rest = literal[match.end() :].strip().lower()
    scale = SCALES.get(rest) or MONEY_SUFFIXES.get(rest) or 1.0
    return scaled(value, scale), scale


def parse_quantity(literal: str) -> Quantity | None:
    """Read one number ("47", "1.5 million", "a dozen", "hundreds of thousands"); None if not."""
    if _PLAIN_NUMBER.fullmatch(literal):  # most numbers: "2,000", "47"
        value = float(literal.replace(",", ""))
        return Quantity(value, value, exact=True)
    text = " ".join(literal.lower().replace("-", " - ").split()).replace(" - ", "-")
    vague = _VAGUE_WORDS.fullmatch(text)
    if vague:
        low, past = VAGUE[vague.group(1)]
        times = VAGUE[vague.group(2)][0] / 2 if vague.group(2) else 1
        return Quantity(low * times, past * times - 1, exact=False, scale=times)
    part = ("half" in text or "quarter" in text) and _PART_WORDS.fullmatch(text)
    if part:
        value = FRACTIONS[part.group(1) or "half"] * SCALES[part.group(2)]
        return Quantity(value, value, exact=True, scale=SCALES[part.group(2)])
    couple = text.startswith("a couple") and _COUPLE_WORDS.fullmatch(text)
    if couple:
        scale = 12 if couple.group(1) == "dozen" else SCALES[couple.group(1)]
        return Quantity(2 * scale, 2 * scale, exact=True)
    few = _FEW_WORDS.fullmatch(text)
    if few:
        if few.group(1) == "dozen":
            return Quantity(24, 99, exact=False)
        scale = SCALES.get(few.group(1))
        return Quantity(2 * scale, 10 * scale - 1, exact=False, scale=scale) if scale else None
    dozen = _DOZEN_WORDS.fullmatch(text)
    if dozen:
        count = dozen.group(1)
        if count in (None, "a"):
            factor = 1.0
        elif count in ("half a", "a half"):
            factor = 0.5
        else:
            factor = words_value(count)
            if factor is None:
                return None
        return Quantity(12 * factor, 12 * factor, exact=True)
    if _A_DIGIT.search(text):
        value, scale = _digits_value(text)
        return Quantity(value, value, exact=True, scale=scale)
    value = words_value(text)
    if value is None:
        return None
    last = text.split()[-1]
    return Quantity(value, value, exact=True, scale=SCALES.get(last, 1.0))


def apply_bound(quantity: Quantity, bound: str) -> tuple[float, float]:
    """The interval a hedge makes of a number: "more than 400" -> (401, NaN)."""
    low, high = quantity.low, quantity.high
    if bound == ">":
        return (math.floor(low) + 1 if quantity.exact else low), NAN
    if bound == ">=":
        return low, NAN
    if bound == "<":
        return NAN, (math.ceil(high) - 1 if quantity.exact else high)
    if bound == "<=":
        return NAN, high
    return low, high
