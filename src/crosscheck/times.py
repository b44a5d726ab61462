"""Time expressions in report sentences: "on Saturday", "as of last week", "in September".

A figure's `when` is the time expression of its sentence nearest to it. The pattern runs only
on sentences holding a day, month, year or time word, found by a cheap first scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
# (tonight, overnight), a season or period word, all found in the lower-cased sentence; a year;
# or a month, capitalised as _WHEN reads it.
_LOWER_ANCHORS = (
    "day week month year night summer winter spring fall autumn decade tomorrow morning "
    "afternoon evening"
).split()
_YEAR_ANCHOR = re.compile(r"(?:19|20)\d\d")
_MONTH_ANCHOR = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# A run of word characters that starts where the text read starts only if no word character
# comes before it: a window of the sentence does not cut a word in two.
_WHOLE_WORD_RUN = re.compile(r"(?<!\w)\w+")
_WORDS_WINDOW = 80  # characters before a time word that usually hold the words before it
# Case-insensitive matching reads these as ASCII letters ("ſ" as "s"); lower() does not.
_FOLDED_LIKE_ASCII = frozenset("ſıİ\u212a")
# _WHEN matches start at a word start, or at "last|this|next" inside a word before a day
# ("outlast Monday"); a match's time word is at most this many words after its start ("as
# recently as the previous few weeks": "weeks" is five words on).
_INNER_STARTS = ("last", "this", "next")
WORDS_BEFORE_ANCHOR = 5
# The first word of a match is one of these, or holds the time word itself ("Monday",
# "today", "December"), or is any word before "days ago".
_FIRST_WORDS = frozenset(
    """on by since until before after from as early late earlier later last this next in mid
    during past previous coming""".split()
)


def time_expressions(sentence: str) -> list[tuple[int, str]]:
    """(position, words) of each time expression of a sentence ("on Saturday", "last week").

    Exactly what `_WHEN.finditer` finds, but the pattern is tried only at the starts of the
    few words up to each time word ("week", "Monday", "2014") that can open an expression:
    tried at every position of a sentence, it costs far more than the few words it finds.
    """
    lower = sentence.lower()
    if len(lower) != len(sentence) or (
        not sentence.isascii() and not _FOLDED_LIKE_ASCII.isdisjoint(sentence)
    ):
        return _spans(_WHEN.finditer(sentence))  # case folding would move or miss time words
    anchors = _anchors(sentence, lower)
    if not anchors:
        return []
    reach = anchors[-1] + 1  # no match starts after the last time word
    any_word = "ago" in lower  # "three days ago": any word may open it
    inner = [at for word in _INNER_STARTS for at in _occurrences(lower, word, reach)]
    found: list[re.Match] = []
    pos = 0
    for anchor in anchors:
        if anchor < pos:
            continue
        runs = _words_up_to(sentence, anchor)
        low = max(pos, runs[0][0])
        starts = [
            start
            for start, end in runs
            if start >= low
            and (
                any_word
                or lower[start:end] in _FIRST_WORDS
                or bisect_left(anchors, start) < bisect_left(anchors, end)  # holds a time word
            )
        ]
        if inner:
            starts = sorted(set(starts).union(at for at in inner if low <= at <= anchor))
        for start in starts:
            match = _WHEN.match(sentence, start)
            if match:
                found.append(match)
                pos = match.end()
                break
    return _spans(found)


def _words_up_to(sentence: str, anchor: int) -> list[tuple[int, int]]:
    """Spans of the word holding `anchor` and of the WORDS_BEFORE_ANCHOR words before it (the
    last one cut at the anchor). Read from a window of characters before the anchor, and from
    the sentence's start only when the window holds too few words: reading every word of
    the sentence costs more than the pattern tried at the few that may open an expression."""
    begin = max(0, anchor - _WORDS_WINDOW)
    runs = [m.span() for m in _WHOLE_WORD_RUN.finditer(sentence, begin, anchor + 1)]
    if begin and len(runs) <= WORDS_BEFORE_ANCHOR:
        runs = [m.span() for m in _WHOLE_WORD_RUN.finditer(sentence, 0, anchor + 1)]
    return runs[-WORDS_BEFORE_ANCHOR - 1 :]


def _anchors(sentence: str, lower: str) -> list[int]:
    """Sorted positions of the time words of a sentence (overlapping ones too)."""
    found = []
    for word in _LOWER_ANCHORS:  # str.find: far faster than one pattern of them all
        at = lower.find(word)
        while at >= 0:
            found.append(at)
            at = lower.find(word, at + 1)
    if "19" in sentence or "20" in sentence:
        found += [m.start() for m in _YEAR_ANCHOR.finditer(sentence)]
    found += [m.start() for m in _MONTH_ANCHOR.finditer(sentence)]
    found.sort()
    return found


def _occurrences(text: str, word: str, end: int) -> list[int]:
    """Every position where `word` starts in text[:end]."""
    found = []
    at = text.find(word, 0, end)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1, end)
    return found


def _spans(matches: Iterable[re.Match]) -> list[tuple[int, str]]:
    return [(m.start(), " ".join(m.group().split())) for m in matches]


def nearest(found: Sequence[tuple[int, str]], at: int) -> str:
    """The text of the item nearest position `at`; "" if there is none."""
    return min(((abs(pos - at), text) for pos, text in found), default=(0, ""))[1]
