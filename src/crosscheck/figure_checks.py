"""Whether a number phrase in its sentence is a figure, and what it counts.

Dates, years, numbers in names, ages, personal descriptors and the parts of a ratio are not
counts. A counted noun gives a figure its category, adjusted by the words around it
(`figure_context`); a number with no noun is a figure only when its context says what it
counts. `figures` calls `ratio_parts` and `figure_row` on every phrase of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .figure_context import context_category
from .figure_nouns import (
    NAME_WORD,
    STOP,
    counted_noun,
    extend_coordination,
    is_singular,
    lexicon_entry,
    load_categories,
)
from .number_phrases import NumberPhrase
from .numbers import load_hedges
from .times import DAYS, MONTHS

_TEMPORAL_BEFORE = frozenset(
    "in since by until till from of during before after early late mid".split()
)
_MONTH_WORD = re.compile(rf"{MONTHS}\Z")
_DAY_OR_MONTH = re.compile(rf"(?:{DAYS}|{MONTHS})\Z")
# A capitalised word before a bare number names something ("Fortune 500 companies", "Resolution
# 2254 was"), unless it is a place or time after a preposition ("in Mosul 300 people").
_PLACE_OR_TIME_LEAD = frozenset(
    """in at on near across throughout around inside outside from since by after before during
    until""".split()
)


class _Ending:
    """A pattern that ends at the end of the text (`\\Z`), tried only when the text's last word
    is one it can end on: searched for at every position, it costs far more than that test."""

    def __init__(self, pattern: str, last_words: str, flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.last_words = tuple(last_words.split())

    def search(self, text: str) -> re.Match | None:
        tail = text.rstrip()[-12:]  # case folding of a non-ASCII letter may match ASCII
        if tail.isascii() and not tail.lower().endswith(self.last_words):
            return None
        return self.pattern.search(text)


# "people under 30", "voters over 65": an age limit, not a count.
_AGE_LIMIT_BEFORE = _Ending(
    r"\b(?P<who>[A-Za-z]+)\s+(?:under|over|above|below|older\s+than|younger\s+than)\s+\Z",
    "under over above below than",
)
_AGE_GROUPS = frozenset("those anyone everyone kids adults youths ages aged age".split())
_NOT_A_COUNT_BEFORE = _Ending(
    r"(?:\b(?:father|mother|parent|parents|mum|mom|dad)\s+of|\baged?|\bages|\bNo\.|\bnumber|#)\s*\Z",
    "of age aged ages no. number #",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"\s+of\s+(the|his|her|their|its|our|these|those|them|whom|which|us)\b", re.IGNORECASE
)
_PARTITIVE_PRONOUNS = frozenset("them whom which us".split())
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_CONJUNCTION_BEFORE = _Ending(
    r"(?:\band|\bor|\bbut|\bwhile|\bplus|\bas well as|\balong with|\bincluding|\banother)\s*\Z",
    "and or but while plus as with including another",
    re.IGNORECASE,
)
# "five bridges, compared with three", "12 seats rather than 9", "2,000 more troops, bringing
# the total to 11,000": the noun is left out.
_COMPARISON_BEFORE = _Ending(
    r"(?:\bcompared\s+(?:with|to)|\brather\s+than|\bthan|\bversus|\bvs\.?|\bup\s+from|"
    r"\bdown\s+from|\btotal\s+(?:to|of|at))\s*\Z",
    "with to than versus vs vs. from of at",
    re.IGNORECASE,
)
# "The number of troops will fall from 2,000 to 400": what a bare number counts.
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+(?:[A-Z.]+\s+)?([a-z]+)\b")
_MONEY_VERB_BEFORE = re.compile(
    r"\b(?:lent|loaned|lend|paid|pay|pays|raised|raise|raises|spent|spend|spends|owed|owe|owes|"
    r"costs?|costing|donated|donate|invested|invest|earned|earn|borrowed|borrow|fined|charged|"
    r"cost\s+taxpayers)(?:\s+[A-Za-z.'’]+){0,3}\s+\Z",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    r"\s+(?:in|of)\s+(?:cash|funding|donations|contributions|debt|loans|revenue|taxes|fees|"
    r"fines|profits|damages|aid|assets|spending|salary|bonuses)\b",
    re.IGNORECASE,
)
# Between the two numbers of a ratio: "one in five", "two out of three", "eight of 10", "one of
# every nine". "Of" alone makes a ratio only over 10, 100 or 1,000 ("one of 12 soldiers killed"
# is a count of 12).
_RATIO_LINK = re.compile(
    r"\s+(?:out\s+of|in|(?P<of>of))\s+(?:(?P<every>every|each)\s+)?", re.IGNORECASE
)
_RATIO_EACH = re.compile(
    r"(?:\s+of|(?:\s+[a-z]+)?\s+out\s+of)\s+(?:every|each)\s+(?!\d)[a-z]", re.IGNORECASE
)
_ONE_OR_ANOTHER = re.compile(r"\s+(?:than|or|to|after)\s+(?:another|the\s+other)\b", re.I)
# "Of the 12 jurors who will weigh it, five were chosen by ...": five of those jurors.
_OF_THE_OPENING = re.compile(r"\W{0,2}Of\s+(?:the|these|those|its|their)\s", re.IGNORECASE)
_COLLECTIVE_OF = _Ending(r"((?:\S+\s+){1,3})of\s*\Z", "of")  # "a team of" before a number
LOOK_BEHIND = 80  # characters before a number that the patterns ending at it may need
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_IN = re.compile(r"\b\d{4}\b")


def _year_like(phrase: NumberPhrase) -> bool:
    return bool(_FOUR_DIGITS.fullmatch(phrase.number)) and 1000 <= phrase.raw_low <= 2100


def _before(sentence: str, start: int) -> str:
    """The few words before `start`: enough for patterns anchored at the end (`\\Z`), and
    cheap, since those patterns would otherwise be tried at every earlier position."""
    return sentence[start - LOOK_BEHIND if start > LOOK_BEHIND else 0 : start]


def _last_word(before: str) -> str:
    """The last white-space-separated word of `before` ("" if none): split from the right
    once, not into every word."""
    words = before.rsplit(None, 1)
    return words[-1] if words else ""


def _previous_word(sentence: str, start: int) -> str:
    return _last_word(_before(sentence, start))


def _next_word(sentence: str, end: int) -> str:
    words = sentence[end : end + 40].split(None, 1)
    return words[0].strip(",;:.") if words else ""


# Every month _MONTH_WORD matches opens with one of these capitals: a word opening otherwise
# is not tried against the pattern.
_MONTH_INITIALS = frozenset("JFMASOND")


def _is_month(word: str) -> bool:
    """A month name or abbreviation, the whole word ("March", "Sept.")."""
    return word[:1] in _MONTH_INITIALS and _MONTH_WORD.fullmatch(word) is not None


def _is_not_a_count(sentence: str, phrase: NumberPhrase) -> bool:
    """Dates, years, numbers in names and personal descriptors."""
    before = _before(sentence, phrase.start)
    previous = _last_word(before)
    if _is_month(previous) or _is_month(_next_word(sentence, phrase.end)):
        return True
    if _NOT_A_COUNT_BEFORE.search(before):
        return True
    if not phrase.hedge and phrase.number.isdigit() and _in_a_name(sentence, phrase, before):
        return True
    if phrase.bound == "range" and _YEAR_IN.search(phrase.number):
        low, high = phrase.raw_low, phrase.raw_high
        if 1000 <= low <= 2100 and 1000 <= high <= 2100 and "," not in phrase.number:
            return True
    return False


def _in_a_name(sentence: str, phrase: NumberPhrase, before: str) -> bool:
    """A plain number right after a capitalised word inside a sentence, with a lower-case word
    (or nothing) after it: "the Fortune 500 companies", "Resolution 2254 was adopted"."""
    words = before.rsplit(None, 2)
    if len(words) < 2 or not before[-1:].isspace() or not NAME_WORD.fullmatch(words[-1]):
        return False
    word, lead = words[-1], words[-2]
    if not lead[-1].isalnum() or lead.lower() in _PLACE_OR_TIME_LEAD or _DAY_OR_MONTH.match(word):
        return False
    low = word.lower()
    if low in STOP or low in load_categories() or low in load_hedges():
        return False
    following = _next_word(sentence, phrase.end)
    return not following[:1].isupper()


def ratio_parts(sentence: str, phrases: Sequence[NumberPhrase]) -> set[int]:
    """Indexes of the phrases that make a ratio ("one in five", "eight of 10 voters", "one of
    every seven", "45 cents out of each dollar"): a proportion, not a count."""
    parts: set[int] = set()
    for index, phrase in enumerate(phrases):
        if phrase.bound == "range":
            continue
        if _RATIO_EACH.match(sentence, phrase.end):
            parts.add(index)
        if index + 1 == len(phrases):
            break
        nxt = phrases[index + 1]
        link = _RATIO_LINK.fullmatch(sentence, phrase.end, nxt.start)
        if not link or nxt.bound == "range" or phrase.money != nxt.money:
            continue
        smaller = phrase.raw_high < nxt.raw_low
        if link.group("every") or (
            smaller
            and not phrase.money
            and (link.group("of") is None or nxt.raw_low in (10, 100, 1000))
        ):
            parts.update((index, index + 1))
    return parts


def figure_row(sentence: str, phrase: NumberPhrase, stop: int, earlier: list[dict]) -> dict | None:
    """One figure from a number phrase, or None when the number is not a count."""
    if _is_not_a_count(sentence, phrase):
        return None
    one = phrase.words and phrase.raw_low == 1 and phrase.bound != "range"
    if phrase.money:
        noun, category, end = "", "money", phrase.end
        following = counted_noun(sentence, phrase.end, one=False)[0]
        if following and following.known and following.category == "money":
            end = following.end
        return _row(phrase, phrase.start, end, noun, category)
    pos = phrase.end
    partitive = _PARTITIVE.match(sentence, pos)
    if partitive:
        if one:
            return None
        pos = partitive.end() if partitive.group(1).lower() not in ("them", "whom", "us") else pos
    elif _OF.match(sentence, pos) and (phrase.vague or phrase.raw_low >= 1e6):
        pos = _OF.match(sentence, pos).end()
    noun, not_a_count = counted_noun(sentence, pos, one)
    if not_a_count:
        return None
    if noun and _year_like(phrase):
        previous = _previous_word(sentence, phrase.start).lower()
        if not noun.known or previous in _TEMPORAL_BEFORE or is_singular(noun.word):
            return None  # "since 2014 fighters", "the 2011 raid", "the 1951 Refugee Convention"
    if noun is None:
        row = _bare_figure(sentence, phrase, stop, earlier)
        if row is None and partitive and partitive.group(1).lower() in _PARTITIVE_PRONOUNS:
            row = _row(phrase, phrase.start, phrase.end, "", "other")  # "537 of which are"
        return row
    if one and (not noun.known or _ONE_OR_ANOTHER.match(sentence, noun.end)):
        return None  # "more for one town than another": a contrast, not a count
    end = extend_coordination(sentence, noun) if noun.person else noun.end
    category = noun.category
    # A noun outside the lexicon may name people ("worshippers") or things ("segments").
    kinds = ("person",) if noun.person else ("thing",) if noun.known else ("person", "thing")
    cue = context_category(sentence, phrase.start, end, stop, kinds)
    living = noun.person or not noun.known
    if living and cue == "casualties" and category != "displaced":
        category = "casualties"
    elif living and cue == "displaced" and category == "other":
        category = "displaced"
    elif not noun.person and cue == "targets" and category == "other":
        category = "targets"
    elif noun.person and category != "casualties" and earlier:
        if earlier[-1]["category"] == "casualties" and _CONJUNCTION_BEFORE.search(
            _before(sentence, phrase.start)
        ):
            category = "casualties"
    return _row(phrase, phrase.start, end, noun.word, category)


def _bare_figure(sentence, phrase: NumberPhrase, stop, earlier: list[dict]) -> dict | None:
    """A number with no counted noun: a figure only when its context says what it counts."""
    one = phrase.words and phrase.raw_low == 1
    if one or _year_like(phrase):
        return None
    previous = _previous_word(sentence, phrase.start)
    if previous[:1].isupper() and previous.lower() not in load_categories():
        return None  # a number inside a name: "Resolution 2254"
    age = _AGE_LIMIT_BEFORE.search(_before(sentence, phrase.number_start))
    if age and phrase.hedge:
        who = age.group("who").lower()
        if who in _AGE_GROUPS or load_categories().get(who, ("", False))[1]:
            return None
    cue = context_category(sentence, phrase.start, phrase.end, stop, ("person",))
    if cue in ("casualties", "displaced"):
        return _row(phrase, phrase.start, phrase.end, "", cue)
    collective = _COLLECTIVE_OF.search(_before(sentence, phrase.start))
    if collective:
        for word in reversed(collective.group(1).split()):
            entry = lexicon_entry(word, None)
            if entry:
                return _row(phrase, phrase.start, phrase.end, "", entry[1][0])
    before = _before(sentence, phrase.start)
    counted = _NUMBER_OF.search(sentence, 0, phrase.start)
    if counted and (entry := lexicon_entry(counted.group(1), None)):
        return _row(phrase, phrase.start, phrase.end, "", entry[1][0])  # "number of troops"
    if earlier and (_CONJUNCTION_BEFORE.search(before) or _COMPARISON_BEFORE.search(before)):
        return _row(phrase, phrase.start, phrase.end, "", earlier[-1]["category"])
    if earlier and before.rstrip().endswith(",") and _OF_THE_OPENING.match(sentence):
        return _row(phrase, phrase.start, phrase.end, "", earlier[0]["category"])
    if phrase.vague and phrase.bound != "range" or phrase.bound not in ("=", "range"):
        return _row(phrase, phrase.start, phrase.end, "", _money_or_other(sentence, phrase))
    return None


def _money_or_other(sentence: str, phrase: NumberPhrase) -> str:
    """ "Lent the company millions", "released millions in cash": a bare amount in millions
    that is lent, paid or spent is money."""
    if phrase.raw_low < 1e6:
        return "other"
    if _MONEY_AFTER.match(sentence, phrase.end) or _MONEY_VERB_BEFORE.search(
        _before(sentence, phrase.start)
    ):
        return "money"
    return "other"


def _row(phrase: NumberPhrase, start: int, end: int, noun: str, category: str) -> dict:
    return {
        "_start": start,
        "_end": end,
        "number": phrase.number,
        "low": float(phrase.low),
        "high": float(phrase.high),
        "hedge": phrase.hedge,
        "noun": noun,
        "category": category,
        "source": "",
        "when": "",
    }
