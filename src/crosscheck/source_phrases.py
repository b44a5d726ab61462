"""The phrases a figure's source is read from: a sentence's tokens and its noun phrases.

Where the noun phrase before a reporting verb starts ("the head of the group said"), where the
one after "according to" or an inverted verb ends ("..., said NPR's reporter, who ..."), and
its head ("the coalition fighting the group" -> "the coalition"). The words read (reporting
verbs, documents, pronouns, descriptions) are data/lexicon/cues.csv adjusted by
data/lexicon/figure_sources.csv. `figure_sources` finds the frames these phrases fill.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .attribution_words import CLAUSE_BREAKERS, FUNCTION_WORDS, lexicon
from .paths import LEXICON_DIR
from .times import MONTHS, TIME_WORDS

MAX_SUBJECT_TOKENS = 12

_TITLES = sorted((t for t in lexicon().titles if t.endswith(".")), key=len, reverse=True)
_TITLES_WITH_PERIOD = "|".join(re.escape(t) for t in _TITLES)
# Abbreviations ("U.S.", "Gen.", "J. Smith") open with a letter and a period or a title's first
# letter: the lookahead spares every other word the abbreviation alternatives.
_ABBREVIATION_START = rf"[A-Za-z]\.|[{''.join(sorted({re.escape(t[0]) for t in _TITLES}))}]"
_TOKEN = re.compile(
    rf"(?=(?:{_ABBREVIATION_START}))"
    rf"(?:(?:[A-Za-z]\.){{2,}}|(?:{_TITLES_WITH_PERIOD})(?!\w)|[A-Z]\.(?=\s+[A-Z]))"
    r"|[\w$£€][\w'’&$£€.,-]*\w|[\w$£€]|[^\w\s]"
)
DETERMINERS = frozenset(
    """the a an one two three four five six seven eight nine ten several some many its his her
    their our this these those both all senior top such""".split()
)
_LINKS = frozenset("of for at in with from on against".split())
PREPOSITIONS = _LINKS | frozenset("to by into onto over under about near across".split())
_PARTICIPLES = frozenset("led backed based funded run allied linked affiliated".split())
NOT_SUBJECT = (
    FUNCTION_WORDS
    | CLAUSE_BREAKERS
    | PREPOSITIONS
    | frozenset(
        """there who which whom whose where are am been being said says say told not no nor it
    he she they we i you them him us me what whether let's let’s please""".split()
    )
)
SENTENCE_OPENERS = frozenset(w.lower() for w in lexicon().not_names) - DETERMINERS - {"officials"}
_GLUE = frozenset("and or but the a to of that".split())
_HAS_NUMBER = re.compile(
    r"[\d$£€]|^(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+|hundred|thousand|million|billion|trillion|dozen|hundreds|thousands|millions|"
    r"billions|dozens)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourceWords:
    """The word lists attribution reads, loaded once from data/lexicon."""

    verbs: frozenset[str]
    inverts: frozenset[str]
    documents: frozenset[str]
    pronouns: dict[str, str]
    generics: dict[str, str]  # head word(s) -> refers_to
    org_words: frozenset[str]


@lru_cache(maxsize=1)
def source_words() -> SourceWords:
    """Reporting verbs (cues.csv ± figure_sources.csv), documents, pronouns, descriptions."""
    kinds: dict[str, dict[str, str]] = {}
    path = LEXICON_DIR / "figure_sources.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        for row in rows:
            term = " ".join((row.get("term") or "").lower().split())
            if term:
                kinds.setdefault(row["kind"].strip(), {})[term] = (
                    row.get("refers_to") or ""
                ).strip()
    cues = {cue for cue in lexicon().cues if " " not in cue}
    verbs = (cues | set(kinds.get("verb", {}))) - set(kinds.get("not_verb", {}))
    org_words = {w.lower() for w, kind in lexicon().org_words.items() if kind == "org"}
    return SourceWords(
        verbs=frozenset(verbs),
        inverts=frozenset(kinds.get("inverts", {})),
        documents=frozenset(kinds.get("document", {})),
        pronouns=kinds.get("pronoun", {}),
        generics=kinds.get("generic", {}),
        org_words=frozenset(org_words),
    )


# --- tokens -------------------------------------------------------------------------------


class Token(NamedTuple):
    """A word or mark of a sentence: offsets, text, lower case, word or mark, capitalised."""

    start: int
    end: int
    text: str
    low: str
    is_word: bool
    capitalised: bool


_new_token = tuple.__new__  # a NamedTuple built without its Python-level __new__: 2x faster


def sentence_tokens(sentence: str) -> list[Token]:
    """Words (abbreviations like "U.S." whole, "2,000" whole) and punctuation marks.

    Exactly the matches of `_TOKEN`, which never span white space and match at every other
    character: a white-space-separated chunk of letters and digits only is one token, and
    the other chunks (a third of them: "said,", "U.S.", "2,000") are read with the pattern
    once each (`_chunk_pieces`), then found again by their text."""
    tokens: list[Token] = []
    append, find = tokens.append, sentence.find
    end = 0
    for chunk in sentence.split():
        start = find(chunk, end)  # only white space lies between `end` and the chunk
        end = start + len(chunk)
        if chunk.isalnum():  # a word: its fields as `_token_fields` gives them, inline
            append(_new_token(Token, (start, end, chunk, chunk.lower(), True, chunk[0].isupper())))
            continue
        # "J." before a capital is an initial, before anything else a letter and a stop
        capital_after = chunk[-1] == "." and bool(_CAPITAL_AFTER.match(sentence, end))
        for piece_start, piece_end, fields in _chunk_pieces(chunk, capital_after):
            append(_new_token(Token, (start + piece_start, start + piece_end) + fields))
    return tokens


_CAPITAL_AFTER = re.compile(r"\s+[A-Z]")


@lru_cache(maxsize=1 << 14)
def _chunk_pieces(chunk: str, capital_after: bool) -> tuple[tuple[int, int, tuple], ...]:
    """The `_TOKEN` matches of a chunk of a sentence without white space: (start, end,
    `_token_fields`) each. The pattern looks past a chunk only to see white space and a capital
    after it ("J. Smith"), which `capital_after` tells."""
    text = chunk + " A" if capital_after else chunk
    pieces = []
    start = 0
    while start < len(chunk):
        stop = _TOKEN.match(text, start).end()
        pieces.append((start, stop, _token_fields(chunk[start:stop])))
        start = stop
    return tuple(pieces)


@lru_cache(maxsize=1 << 16)
def _token_fields(text: str) -> tuple[str, str, bool, bool]:
    """A token's text, lower case, whether it is a word, whether it is capitalised."""
    return text, text.lower(), text[0].isalnum() or text[0] in "$£€", text[0].isupper()


_MONTH = re.compile(MONTHS)


def is_time(token: Token) -> bool:
    """A time word or a month ("Friday", "earlier", "March"), not a name in capitals."""
    return _time_word(token.text)


@lru_cache(maxsize=1 << 16)
def _time_word(text: str) -> bool:
    if text.isupper() and len(text) > 1:
        return False  # "USA TODAY"
    return text.lower().rstrip(".") in TIME_WORDS or bool(_MONTH.fullmatch(text))


def _is_link_participle(tokens: list[Token], i: int) -> bool:
    """ "fighting" in "the coalition fighting the group": a verb form opening a new phrase."""
    low = tokens[i].low
    if tokens[i].capitalised:
        return False  # "the Mining Institute"
    if low in _PARTICIPLES or low.endswith("-led") or low.endswith("-backed"):
        return True
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        low.endswith("ing")
        and low not in NOT_SUBJECT
        and nxt is not None
        and (nxt.low in DETERMINERS or nxt.capitalised)
    )


def _np_word(token: Token) -> bool:
    """A word that may stand inside a subject phrase (not a function word, number or mark)."""
    return _np_text(token.text)  # a token's other fields follow from its text


@lru_cache(maxsize=1 << 16)
def _np_text(text: str) -> bool:
    low = text.lower()
    if not (text[0].isalnum() or text[0] in "$£€") or _HAS_NUMBER.search(text):
        return False
    if "-" in text and any(part in _GLUE for part in low.split("-")):
        return False  # "victims-and": words run together by a dash
    if text[0].isupper():
        if text.isupper() and len(text) > 1:
            return True  # an acronym or a name in capitals ("USA TODAY", "CNN")
        if low in NOT_SUBJECT:
            return False  # "Let's", "Who"
        return low not in SENTENCE_OPENERS and not _time_word(text)
    return low not in NOT_SUBJECT and not _time_word(text)


# --- phrases ------------------------------------------------------------------------------


def phrase_before(tokens: list[Token], end: int) -> int | None:
    """Start index of the noun phrase ending at token index `end` (inclusive), or None."""
    i, start, size = end, None, 0
    while i >= 0 and size < MAX_SUBJECT_TOKENS:
        token = tokens[i]
        low = token.low
        if low in DETERMINERS:
            start = i
            before = tokens[i - 1] if i > 0 else None
            if before and (before.low in _LINKS or _is_link_participle(tokens, i - 1)):
                i, size = i - 2, size + 2  # "the head of the group": keep walking left
                start = i + 1
                continue
            break
        if low == "and" and 0 < i and start is not None:
            if tokens[i - 1].capitalised and tokens[i + 1].capitalised:
                i, size = i - 1, size + 1
                continue
            break
        if low in _LINKS and start is not None and i > 0 and _np_word(tokens[i - 1]):
            i, size = i - 1, size + 1
            continue
        if not _np_word(token):
            break
        start, i, size = i, i - 1, size + 1
    if start is None or start > end:
        return None
    return start


def trim_phrase(tokens: list[Token], start: int, end: int) -> int:
    """End index of the head phrase: "the coalition fighting the group" -> "the coalition"."""
    for i in range(start + 1, end + 1):
        if _is_link_participle(tokens, i) and not tokens[i].capitalised:
            return i - 1
    return end


def phrase_after(tokens: list[Token], begin: int) -> int | None:
    """End index of the noun phrase starting at token index `begin`, or None."""
    i, last = begin, None
    while i < len(tokens) and i - begin < MAX_SUBJECT_TOKENS:
        token = tokens[i]
        low = token.low
        if low in DETERMINERS and (last is None or tokens[i - 1].low in _LINKS):
            i += 1
            continue
        if token.text in source_words().verbs:
            break
        if low == "to" and last is not None and tokens[last].capitalised:
            if i + 1 < len(tokens) and tokens[i + 1].capitalised:
                i += 1
                continue
            break
        if low in ("of", "for", "and", "on") and last is not None and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt.capitalised or (
                nxt.low == "the" and i + 2 < len(tokens) and tokens[i + 2].capitalised
            ):
                i += 1
                continue
            break
        if not _np_word(token) or _is_link_participle(tokens, i):
            break
        if last is not None and not token.capitalised and _plural(tokens[last].low):
            if not tokens[last].capitalised:
                break  # "officials familiar with ...": the head has been read
        last, i = i, i + 1
    return last


def _plural(low: str) -> bool:
    """A plural noun ("officials"), not a possessive ("the sheriff's office" goes on)."""
    return low.endswith("s") and not low.endswith(("'s", "’s"))


def phrase_text(sentence: str, tokens: list[Token], start: int, end: int) -> str:
    """The words from token `start` to token `end`, spaces collapsed."""
    return " ".join(sentence[tokens[start].start : tokens[end].end].split())
