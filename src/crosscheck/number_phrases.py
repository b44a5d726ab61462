"""Number phrases in a text: every hedged number, range or vague quantity, with its offsets.

`find_number_phrases` finds the candidates of a sentence (anchored at digits, currency signs
and number words, so text without any is skipped fast) and reads each with `numbers`
(value, hedge, bound); deciding whether a phrase counts something is the job of
`crosscheck.figure_checks`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from .numbers import (
    DIGITS,
    MONEY_SUFFIXES,
    NAN,
    POSTFIX_BOUNDS,
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    Quantity,
    apply_bound,
    load_hedges,
    parse_quantity,
    scaled,
)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _by_first_letter(words) -> str:
    """`_alternation(words)` with the words of each first letter gathered under that letter
    ("t(?:hree|wo)|o(?:ne)"): the same matches, tried in the same order within a letter, but
    a place whose letter no word starts with fails one test instead of entering every word
    (a case-blind alternative is entered even when its first letter cannot match). Only one
    letter's words can match at a place, so the order of the letters does not matter."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_letter.setdefault(word[0], []).append(word)
    return "|".join(
        re.escape(group[0])
        if len(group) == 1
        else re.escape(letter) + "(?:" + "|".join(re.escape(w[1:]) for w in group) + ")"
        for letter, group in by_letter.items()
    )


_UNIT = _by_first_letter(UNITS)
_TEN = _by_first_letter(TENS)
_SCALE = _by_first_letter(SCALES)
_TOKEN = rf"(?:(?:{_TEN})-(?:{_UNIT})|{_TEN}|{_UNIT}|{_SCALE})"
_AND_AFTER_SCALE = "|".join(rf"(?<={s})\s+and\s+" for s in SCALES)
_WORD_RUN = (
    rf"(?:\ba\s+(?=(?:{_SCALE})\b))?\b{_TOKEN}(?:(?:\s+|-|{_AND_AFTER_SCALE}){_TOKEN})*\b(?!-\w)"
)
_DOZEN = rf"\b(?:(?:half\s+a|a\s+half|a|{_TEN}-{_UNIT}|{_TEN}|{_UNIT})\s+)?dozen\b(?!-\w)"
_VAGUE = (
    r"\b(?:(?:tens|dozens|hundreds)\s+of\s+(?:thousands|millions|billions|trillions)"
    r"|(?:a\s+few|several)\s+(?:dozen|hundred|thousand|million|billion)"
    r"|dozens|hundreds|thousands|millions|billions|trillions)\b(?!-\w)"
)
_BIG_SCALE = r"(?:thousand|million|billion|trillion)"
_PART_OF_SCALE = (
    rf"\b(?:half\s+a|a\s+half|(?:a|one)[\s-]quarter(?:\s+of\s+a)?|three[\s-]quarters\s+of\s+a)"
    rf"\s+{_BIG_SCALE}\b(?!-\w)"
)
_COUPLE = r"\ba\s+couple(?:\s+of)?\s+(?:dozen|hundred|thousand|million|billion)\b(?!-\w)"
_NOT_AFTER_DIGITS = r"(?![\w%°]|[.,:/]\d|-(?!plus\b)[A-Za-z]|'\w|’\w)"
_DIGIT_AMOUNT = rf"{DIGITS}(?:\s+(?:{_SCALE})\b(?!-\w)|{_NOT_AFTER_DIGITS})"
_MONEY = (
    rf"(?:US|U\.S\.|A|C|NZ|HK)?[$£€]\s?{DIGITS}"
    rf"(?:\s+(?:{_SCALE})\b|(?:{_SCALE}|{_alternation(MONEY_SUFFIXES)})\b|{_NOT_AFTER_DIGITS})"
)
# Every alternative of QUANTITY opens with a digit, a currency sign or one of these words
# followed by a character that is not a word character ("two-", "a ", "US$", "U.S.$"): a
# first test, so that ordinary words ("attend", "threat") fail before the long alternatives
# are tried.
_QUANTITY_STARTERS = (
    set(UNITS) | set(TENS) | set(SCALES) | set(VAGUE)
    | {"a", "half", "several", "dozen", "dozens"}  # "a few", "half a million", "a dozen"
    | {"us", "u.s.", "nz", "hk", "c"}  # money: "US$5", "C$20" ("A$" opens with "a")
)  # fmt: skip
_QUANTITY_START = rf"(?=[0-9$£€]|(?:{_by_first_letter(_QUANTITY_STARTERS)})(?!\w))"
_QUANTITY_ALTERNATIVES = (
    rf"{_VAGUE}|{_PART_OF_SCALE}|{_COUPLE}|{_DOZEN}|{_MONEY}|{_DIGIT_AMOUNT}|{_WORD_RUN}"
)
QUANTITY = rf"(?:{_QUANTITY_START}(?:{_QUANTITY_ALTERNATIVES}))"
_CONNECTOR = r"(?:\s*[-–—]\s*|\s+(?:to|through|and|or)\s+)"
_A_DIGIT = re.compile(r"\d")
_MONEY_START = re.compile(r"[A-Z.]*[$£€]")


class NumberPhrase(NamedTuple):
    """A hedged number or range found in a text, with offsets into that text.

    Immutable: a named tuple rather than a frozen dataclass, whose `__init__` sets each of its
    thirteen fields through `object.__setattr__` (1.8 us a phrase, against 0.7 us)."""

    start: int  # where the hedge (or the number, if none) begins
    end: int
    number_start: int
    number: str  # the literal as written, without the hedge
    hedge: str  # lowercased, "" if none
    bound: str  # one of BOUNDS
    raw_low: float  # the numbers as written, before the hedge is applied
    raw_high: float
    low: float  # the interval the words mean (NaN = open)
    high: float
    vague: bool = False
    money: bool = False
    words: bool = False  # written in words ("four", "a dozen")

    def notation(self) -> str:
        """Interval in Recognizers-Text notation: '(30,)', '[20,30]', '(,700]'."""
        lo, hi = _fmt(self.raw_low), _fmt(self.raw_high)
        return {
            ">": f"({lo},)",
            ">=": f"[{lo},)",
            "<": f"(,{hi})",
            "<=": f"(,{hi}]",
        }.get(self.bound, f"[{lo},{hi}]")


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    hedges = [h for h, b in load_hedges().items() if b != "range"]
    # The hedge's first letters, looked ahead for first: most words fail that one test
    # instead of the fifty hedges in turn.
    firsts = re.escape("".join(sorted({h[0].lower() for h in hedges} | {"b", "f"})))
    hedge_words = _by_first_letter(hedges)
    hedge = rf"(?:(?=[{firsts}])(?:(?P<between>between|from)|(?P<hedge>{hedge_words}))\s+)?"
    postfix = r"(?:\s+(?P<postfix>or\s+(?:more|fewer|less|so))\b|(?P<plus>-plus|\+))?"
    finder = re.compile(
        rf"(?<![\w/.:,$£€-]){hedge}(?P<number>(?P<a>{QUANTITY})"
        rf"(?:(?P<connector>{_CONNECTOR})(?P<b>{QUANTITY}))?){postfix}",
        re.IGNORECASE,
    )
    anchor = re.compile(r"[0-9$£€]|\b(?:" + "|".join(_ROOTS) + ")", re.IGNORECASE)
    return finder, anchor


def _single(start, end, number_start, hedge, bound, quantity, literal) -> NumberPhrase:
    low, high = apply_bound(quantity, bound)
    return NumberPhrase(
        start=start,
        end=end,
        number_start=number_start,
        number=literal,
        hedge=hedge,
        bound=bound,
        raw_low=quantity.low,
        raw_high=quantity.high,
        low=low,
        high=high,
        vague=not quantity.exact,
        money=bool(_MONEY_START.match(literal)),
        words=not _A_DIGIT.search(literal),
    )


# Every number phrase holds a digit, a currency sign or a word starting with one of these
# roots, and begins at most ANCHOR_REACH characters before it ("an approximate 2,000").
_ROOTS = (
    "zero one two thre four five six seven eight nine ten eleven twelve fift twent thirt fort "
    "hundred thousand million billion trillion dozen half quarter"
).split()
_DIGIT_CHARS = "0123456789$£€"
_DIGIT_SET = frozenset(_DIGIT_CHARS)


def _root_scans(roots: list[str]) -> tuple[list[str], list[re.Pattern]]:
    """The roots alone in their first letter (found with `str.find`), and one pattern for the
    roots of each other first letter ("t(?:wo|en|...)"): the regular expression engine skips
    to that letter fast, where eight scans of the text for "two", "ten", ... take longer.
    Roots are letters only, so a match inside a word hides no root at a word start."""
    by_letter: dict[str, list[str]] = {}
    for root in roots:
        by_letter.setdefault(root[0], []).append(root)
    alone = [group[0] for group in by_letter.values() if len(group) == 1]
    grouped = [
        re.compile(f"{letter}(?:{_alternation(root[1:] for root in group)})")
        for letter, group in by_letter.items()
        if len(group) > 1
    ]
    return alone, grouped


_ROOTS_ALONE, _ROOT_GROUPS = _root_scans(_ROOTS)
# "over"/"under" before a vague plural is a particle ("fought over millions"): nobody hedges a
# vague amount with them.
_PARTICLE_HEDGES = frozenset("over above under below".split())
_VAGUE_PLURAL = re.compile(
    r"(?:tens|dozens|hundreds|thousands|millions|billions|trillions)\b", re.I
)
ANCHOR_REACH = 40
_WINDOW = 200


def number_anchors(text: str) -> list[int]:
    """Sorted positions where a number phrase may be: digits, currency signs and number-word
    roots at a word start. Fast scans, so callers can skip text without any."""
    lower = text.lower()
    if len(lower) != len(text):  # rare: case folding changed lengths; scan it all
        return [m.start() for m in _patterns()[1].finditer(text)]
    found = _digit_run_starts(text)
    for root in _ROOTS_ALONE:
        at = lower.find(root)
        while at != -1:
            if at == 0 or not lower[at - 1].isalpha():
                found.append(at)
            at = lower.find(root, at + 1)
    for group in _ROOT_GROUPS:
        for match in group.finditer(lower):
            at = match.start()
            if at == 0 or not lower[at - 1].isalpha():
                found.append(at)
    return sorted(found)


def _digit_run_starts(text: str) -> list[int]:
    """Where each run of digits and currency signs starts (the starts of `[0-9$£€]+`), found
    with `str.find` for each of the characters: a search for one character is a fast memory
    scan, and far faster than the pattern read character by character."""
    found = []
    for char in _DIGIT_CHARS:
        at = text.find(char)
        while at != -1:
            if at == 0 or text[at - 1] not in _DIGIT_SET:
                found.append(at)
            at = text.find(char, at + 1)
    return found


def _reach_back(text: str, floor: int, anchor: int) -> int:
    """Start of the third word before `anchor`: where a hedge ("no fewer than") may begin."""
    at = anchor
    for _ in range(3):
        space = text.rfind(" ", floor, max(floor, at - 1))
        if space < 0:
            return floor
        at = space
    return at


def _range(match: re.Match, hedge: str, bound: str, start: int) -> NumberPhrase | None:
    """The phrase as a range ("between 20,000 and 30,000"), or None if it is not one."""
    connector = match.group("connector").strip().lower()
    if connector == "and" and not match.group("between"):
        return None
    first, second = parse_quantity(match.group("a")), parse_quantity(match.group("b"))
    if not first or not second:
        return None
    if first.exact and first.scale == 1 and second.scale > 1:  # "20 to 30 million"
        if first.low * second.scale <= second.high:
            first = Quantity(
                scaled(first.low, second.scale), scaled(first.high, second.scale), True
            )
    if first.low >= second.high:  # "from 2,000 to 400" is a change, not a range
        return None
    literal = match.group("number")
    return NumberPhrase(
        start=start,
        end=match.end(),
        number_start=match.start("number"),
        number=literal,
        hedge=(match.group("between") or "").lower() or hedge,
        bound="range" if bound in ("=", "~") else bound,
        raw_low=first.low,
        raw_high=second.high,
        low=first.low if bound not in ("<", "<=") else NAN,
        high=second.high if bound not in (">", ">=") else NAN,
        vague=True,
        money=bool(_MONEY_START.match(literal)),
        words=not _A_DIGIT.search(literal),
    )


def find_number_phrases(text: str, anchors: Sequence[int] | None = None) -> Iterator[NumberPhrase]:
    """Every hedged number, range or vague quantity in `text`, left to right.

    `anchors` may pass `number_anchors(text)` when the caller has computed it already.
    """
    finder = _patterns()[0]
    hedges = load_hedges()
    pos, size = 0, len(text)
    for anchor in number_anchors(text) if anchors is None else anchors:
        if anchor < pos:
            continue
        low, high = (
            _reach_back(text, max(pos, anchor - ANCHOR_REACH), anchor),
            min(size, anchor + _WINDOW),
        )
        match = finder.search(text, low, high)
        if match and match.end() > high - 20 and high < size:
            match = finder.search(text, low, size)  # the window may have cut the phrase short
        if match is None:
            if high == size:
                return  # later anchors' windows lie inside this one, to the same end
            pos = anchor + 1
            continue
        # The groups read once each: a `group` call by name costs more than the test on it.
        between, hedge_words, a, b, postfix_words, plus = match.group(
            "between", "hedge", "a", "b", "postfix", "plus"
        )
        hedge = " ".join(hedge_words.lower().split()) if hedge_words else ""
        if hedge in _PARTICLE_HEDGES and _VAGUE_PLURAL.match(a):
            hedge = ""  # "handed over millions of dollars": a verb's particle, not a hedge
        bound = hedges.get(hedge, "=")
        start = match.start() if hedge or between else match.start("number")
        first = (hedge, bound, start)  # the first number's own hedge, if it stands alone
        postfix = postfix_words or plus
        if postfix:  # "500 or more": the postfix is the hedge, a word before it is not
            hedge = " ".join(postfix.lower().strip("-+").split()) or "plus"
            bound, start = POSTFIX_BOUNDS[hedge], match.start("number")
        if b:
            phrase = _range(match, hedge, bound, start)
            if phrase:
                pos = match.end()
                yield phrase
                continue
            # Not a range: the first number alone (a postfix after the second is the second's);
            # the second is read on the next turn.
            hedge, bound, start = first
            pos = match.end("a")
            quantity = parse_quantity(a)
            if quantity:
                if between:
                    start = match.start("number")
                yield _single(start, pos, match.start("a"), hedge, bound, quantity, a)
            continue
        pos = match.end()
        quantity = parse_quantity(a)
        if quantity is None:
            continue
        if between:
            start = match.start("number")
        yield _single(start, pos, match.start("a"), hedge, bound, quantity, a)
