"""Time expressions in report sentences: "on Saturday", "as of last week", "in September".

A figure's `when` is the time expression of its sentence nearest to it. The pattern runs only
on sentences holding a day, month, year or time word, found by a cheap first scan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
# Every time expression holds one of these; a sentence without any is not searched.
_WHEN_ANCHOR = re.compile(
    rf"{DAYS}|{MONTHS}|\b(?:19|20)\d\d|[Tt]o(?:day|night|morrow)|[Yy]esterday|[Oo]vernight|"
    r"week|month|year|summer|winter|spring|fall\b|autumn|decade|days|morning|afternoon|evening|"
    r"night",
    re.IGNORECASE,  # "this Year" in a headline; a spare window for "may" costs little
)


REACH_BEFORE, REACH_AFTER = 45, 20  # how far an expression spreads around its time word


def time_expressions(sentence: str) -> list[tuple[int, str]]:
    """(position, words) of each time expression of a sentence ("on Saturday", "last week").

    The full pattern runs only in short windows around time words ("week", "Monday", "2014"):
    tried at every position of a sentence it costs far more than the few words it finds.
    """
    found: list[tuple[int, str]] = []
    pos = 0
    for anchor in _WHEN_ANCHOR.finditer(sentence):
        if anchor.end() <= pos:
            continue
        low = max(pos, anchor.start() - REACH_BEFORE)
        high = min(len(sentence), anchor.end() + REACH_AFTER)
        for match in _WHEN.finditer(sentence, low, high):
            if match.end() == high < len(sentence):  # the window may have cut it short
                match = _WHEN.match(sentence, match.start()) or match
            found.append((match.start(), " ".join(match.group().split())))
            pos = match.end()
    return found


def nearest(found: Sequence[tuple[int, str]], at: int) -> str:
    """The text of the item nearest position `at`; "" if there is none."""
    return min(((abs(pos - at), text) for pos, text in found), default=(0, ""))[1]
