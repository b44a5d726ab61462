"""Time expressions in report sentences: "on Saturday", "as of last week", "in September".

A figure's `when` is the time expression of its sentence nearest to it. The pattern runs only
on sentences holding a day, month, year or time word, found by a cheap first scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december today yesterday tonight tomorrow
    morning afternoon evening night week weekend month year overnight""".split()
)
_WHEN = re.compile(
    r"(?:\b(?:on|by|since|until|before|after|from|as of|as recently as|early|late|earlier|"
    r"later)\s+)?"
    rf"(?:(?:last|this|next)\s+)?\b(?-i:{DAYS})\b(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:\b(?:on|by|since|until|before|after|from|as of|in|early|late|mid-?)\s+)?"
    rf"\b(?-i:{MONTHS})\s+\d{{1,2}}\b(?:,\s*\d{{4}})?"
    rf"|\b(?:in|since|by|until|before|after|during|as of|from|early|late|earlier|later)\s+"
    rf"(?:(?:early|late|mid-?)\s*)?(?:(?-i:{MONTHS})(?:\s+\d{{4}})?|(?:the\s+)?(?:19|20)\d{{2}}s?)\b"
    r"|\b(?:(?:as of|since|until|by|earlier|later|as recently as)\s+)?(?:last|this|next|past|"
    r"previous|coming)\s+(?:few\s+)?(?:week|month|year|weekend|night|summer|winter|spring|fall|"
    r"autumn|decade|days|weeks|months|years)\b"
    r"|\b(?-i:[Tt]oday|[Yy]esterday|[Tt]onight|[Tt]omorrow|[Oo]vernight)\b"
    r"|\bthis (?:morning|afternoon|evening)\b"
    r"|\b(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
# Every time expression holds one of these: "day" (Monday, today, days, yesterday), "night"
# (tonight, overnight), a year, a season or period word, all searched in the lower-cased
# sentence; or a month, capitalised as _WHEN reads it. Plain alternatives run far faster than
# one case-insensitive pattern.
_LOWER_ANCHOR = re.compile(
    r"day|week|month|year|night|summer|winter|spring|fall|autumn|decade|tomorrow|morning|"
    r"afternoon|evening|(?:19|20)\d\d"
)
_MONTH_ANCHOR = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_WORD_RUN = re.compile(r"\w+")
# Case-insensitive matching reads these as ASCII letters ("ſ" as "s"); lower() does not.
_FOLDED_LIKE_ASCII = frozenset("ſıİ\u212a")
# _WHEN matches start at a word start, or at "last|this|next" inside a word before a day
# ("outlast Monday"); a match's time word is at most this many words after its start ("as
# recently as the previous few weeks": "weeks" is five words on).
_INNER_STARTS = ("last", "this", "next")
WORDS_BEFORE_ANCHOR = 5


def time_expressions(sentence: str) -> list[tuple[int, str]]:
    """(position, words) of each time expression of a sentence ("on Saturday", "last week").

    Exactly what `_WHEN.finditer` finds, but the pattern is tried only at the word starts of
    the few words up to each time word ("week", "Monday", "2014"): tried at every position of
    a sentence, it costs far more than the few words it finds.
    """
    lower = sentence.lower()
    if len(lower) != len(sentence) or (
        not sentence.isascii() and not _FOLDED_LIKE_ASCII.isdisjoint(sentence)
    ):
        return _spans(_WHEN.finditer(sentence))  # case folding would move or miss time words
    anchors = [m.start() for m in _LOWER_ANCHOR.finditer(lower)]
    anchors += [m.start() for m in _MONTH_ANCHOR.finditer(sentence)]
    if not anchors:
        return []
    anchors.sort()
    words = [m.start() for m in _WORD_RUN.finditer(sentence)]
    starts = set(words)
    for inner in _INNER_STARTS:
        at = lower.find(inner)
        while at >= 0:
            starts.add(at)
            at = lower.find(inner, at + 1)
    candidates = sorted(starts)
    found: list[re.Match] = []
    pos = 0
    for anchor in anchors:
        if anchor < pos:
            continue
        word = bisect_right(words, anchor) - 1
        low = max(pos, words[max(0, word - WORDS_BEFORE_ANCHOR)])
        first, last = bisect_left(candidates, low), bisect_right(candidates, anchor)
        for start in candidates[first:last]:
            match = _WHEN.match(sentence, start)
            if match:
                found.append(match)
                pos = match.end()
                break
    return _spans(found)


def _spans(matches: Iterable[re.Match]) -> list[tuple[int, str]]:
    return [(m.start(), " ".join(m.group().split())) for m in matches]


def nearest(found: Sequence[tuple[int, str]], at: int) -> str:
    """The text of the item nearest position `at`; "" if there is none."""
    return min(((abs(pos - at), text) for pos, text in found), default=(0, ""))[1]
