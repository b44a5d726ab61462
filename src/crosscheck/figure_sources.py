"""Who a report says a figure comes from (`source`), and when (`when`).

A figure's source is the subject of the reporting verb whose clause holds it ("US officials
said there were 2,000 troops"; "..., U.S. Central Command announced"; ", says NPR's reporter"),
the body after "according to", or the author of a document ("a report by X", "X's tally").
Pronouns and descriptions ("it", "the think tank") are resolved by `source_resolution`.
The phrases themselves (tokens, noun-phrase bounds and heads) and the words read (reporting
verbs: data/lexicon/cues.csv adjusted by data/lexicon/figure_sources.csv) are `source_phrases`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .source_phrases import (
    DETERMINERS,
    NOT_SUBJECT,
    PREPOSITIONS,
    SENTENCE_OPENERS,
    Token,
    is_time,
    phrase_after,
    phrase_before,
    phrase_text,
    sentence_tokens,
    source_words,
    trim_phrase,
)

_AUXILIARIES = frozenset(
    "has have had also later earlier previously will would could may might did does do has "
    "separately already initially first".split()
)
_PRONOUN_WHO = frozenset("who which that".split())
_CONJUNCTION_BEFORE = frozenset("and but while as because where when after since though".split())
_NUMBER_WORDS = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozen|dozens|hundreds|thousands)\b",
    re.IGNORECASE,
)
_WORD_RUN = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    """A source phrase of a sentence and the stretch of the sentence it speaks for."""

    start: int
    end: int
    text: str
    scope_start: int
    scope_end: int
    refers_to: str = ""  # "" for a name; org | person | any | same for a word to resolve
    phrase: str = ""  # the words it was read from when they name a document ("a report by X")
    cited: bool = False  # read after "according to"


def _owner(sentence: str, tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """For a document phrase ("a report by X", "X's figures"), the span of its author."""
    words = source_words()
    for i in range(start, end - 1):  # "a 2014 study by Loyola professor Justin Levitt"
        if tokens[i].low in words.documents and tokens[i + 1].low in ("by", "from"):
            return tokens[i + 2].start, tokens[end].end
    if tokens[end].low not in words.documents:
        return None
    for i in range(start, end):
        if possessor := _possessor(tokens, i):
            return possessor
    j = end + 1
    while j < len(tokens) and j <= end + 4 and tokens[j].low not in ("by", "from"):
        if not (is_time(tokens[j]) or tokens[j].low in ("released", "issued", "published", "on")):
            return None
        j += 1
    if j < len(tokens) and j <= end + 4 and j + 1 < len(tokens):
        last = phrase_after(tokens, j + 1)
        if last is not None:
            return tokens[j + 1].start, tokens[last].end
    return None


def _possessor(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The span of the owner when token `i` is a possessive ("the Observatory's"), else None."""
    if not tokens[i].text.endswith(("'s", "’s")):
        return None
    first = phrase_before(tokens, i)
    return (tokens[first].start, tokens[i].end - 2) if first is not None else None


def _author_frame(
    sentence: str, owner: tuple[int, int], scope: tuple[int, int], phrase: str = ""
) -> Attribution:
    """A frame whose source is the author of a document, at `owner` in the sentence."""
    text = " ".join(sentence[owner[0] : owner[1]].split())
    return Attribution(owner[0], owner[1], text, *scope, "", phrase)


# --- attribution frames -------------------------------------------------------------------


def _refers_to(sentence: str, tokens: list[Token], start: int, end: int) -> str:
    """What a subject stands for if it is a pronoun or a description without a name."""
    words = source_words()
    if start == end and tokens[start].low in words.pronouns:
        return words.pronouns[tokens[start].low]
    named = [t for t in tokens[start : end + 1] if t.capitalised and t.low not in DETERMINERS]
    if any("-" not in t.text or t.text.split("-")[-1][:1].isupper() for t in named):
        return ""
    head = tokens[end].low
    pair = f"{tokens[end - 1].low} {head}" if end > start else head
    return words.generics.get(pair) or words.generics.get(head, "")


def _attribution(sentence, tokens, start, end, scope) -> Attribution:
    owner = _owner(sentence, tokens, start, end)
    if owner:
        return _author_frame(sentence, owner, scope, phrase_text(sentence, tokens, start, end))
    text = phrase_text(sentence, tokens, start, end)
    return Attribution(
        tokens[start].start, tokens[end].end, text, *scope, _refers_to(sentence, tokens, start, end)
    )


def _according_to(sentence: str, tokens: list[Token]) -> list[Attribution]:
    found = []
    for i, token in enumerate(tokens[:-2]):
        if token.low == "according" and tokens[i + 1].low == "to":
            last = phrase_after(tokens, i + 2)
            if last is not None:
                scope = _semicolon_clause(sentence, token.start)
                frame = _attribution(sentence, tokens, i + 2, last, scope)
                found.append(replace(frame, cited=True))
    return found


def _semicolon_clause(sentence: str, position: int) -> tuple[int, int]:
    """The part of the sentence between the semicolons around `position`: "A holds $5 billion;
    B holds $3 billion, according to its website" cites the website for B's figure only."""
    start = sentence.rfind(";", 0, position) + 1
    end = sentence.find(";", position)
    return start, len(sentence) if end < 0 else end


def _inverted(sentence: str, tokens: list[Token], v: int) -> Attribution | None:
    """ "..., said the Pentagon." / "..., says NPR's reporter, who ...": subject after the verb."""
    if v == 0 or tokens[v].low not in source_words().inverts or v + 1 >= len(tokens):
        return None
    if tokens[v - 1].text not in (",", "”", '"', "’", "'") or (
        tokens[v + 1].low in NOT_SUBJECT and tokens[v + 1].low not in DETERMINERS
    ):
        return None
    last = phrase_after(tokens, v + 1)
    if last is None:
        return None
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and nxt.is_word and not is_time(nxt) and nxt.low not in ("on", "in"):
        return None  # "said the strikes killed ...": the phrase is the said clause's subject
    return _attribution(sentence, tokens, v + 1, last, (0, tokens[v].start))


def _adverb(tokens: list[Token], j: int) -> bool:
    """ "repeatedly" in "officials repeatedly said" (not "family" in "the family said")."""
    token = tokens[j]
    return (
        token.low.endswith("ly")
        and not token.capitalised
        and len(token.text) > 4
        and (j == 0 or tokens[j - 1].low not in DETERMINERS)
    )


def _aside_opens(token: Token) -> bool:
    """An aside after a subject opens "a London-based group", "which ...", "who ..."."""
    return token.low in DETERMINERS or token.low in _PRONOUN_WHO or not token.capitalised


def _subject_end(tokens: list[Token], v: int) -> int | None:
    """Index where the subject of the verb at `v` ends (past adverbs, times and asides)."""
    j = v - 1
    while j >= 0 and (tokens[j].low in _AUXILIARIES or _adverb(tokens, j)):
        j -= 1
    while j >= 0 and is_time(tokens[j]):  # "the Pentagon on Friday said"
        j -= 1
        if j >= 0 and tokens[j].low in ("on", "last", "this", "early", "late", "earlier"):
            j -= 1
    if j >= 0 and tokens[j].text == ")":
        opening = next((k for k in range(j - 1, -1, -1) if tokens[k].text == "("), None)
        j = opening - 1 if opening is not None else -1
    if j >= 0 and tokens[j].low in _PRONOUN_WHO and j > 0 and tokens[j - 1].text == ",":
        j -= 2  # "the group, which said ..."
    elif j >= 0 and tokens[j].text in (",", "—", "–"):
        opening = next(
            (k for k in range(j - 1, max(-1, j - 30), -1) if tokens[k].text in (",", "—", "–")),
            None,
        )
        if opening is None:
            return None
        aside = tokens[opening + 1 : j]  # "Democrat of California" may open with a capital
        if not _aside_opens(aside[0]) and (
            len(aside) > 8 or any(t.text in source_words().verbs for t in aside)
        ):
            return None
        j = opening - 1  # "The Observatory, a monitoring group, said"
    return j if j >= 0 else None


def _subject_frame(sentence: str, tokens: list[Token], v: int) -> Attribution | None:
    """ "X said ...", "..., X said.", "the five sites X says are ...": subject before the verb."""
    end = _subject_end(tokens, v)
    if end is None:
        return None
    start = phrase_before(tokens, end)
    if start is None:
        if tokens[end].low in source_words().pronouns:
            start = end
        else:
            return None
    end = trim_phrase(tokens, start, end)
    while end > start and tokens[end].low in PREPOSITIONS:
        end -= 1
    while start < end and tokens[start].low in SENTENCE_OPENERS:
        start += 1
    if start > end or all(t.low in DETERMINERS for t in tokens[start : end + 1]):
        return None
    before = tokens[start - 1] if start > 0 else None
    if before is not None and before.low in PREPOSITIONS:
        return None  # "at other diplomatic posts": a noun after a preposition, not a subject
    if (
        before is not None
        and before.is_word
        and before.low not in _CONJUNCTION_BEFORE | _PRONOUN_WHO
        and not tokens[start].capitalised
        and tokens[start].low not in DETERMINERS
    ):
        return None  # "the experts I interviewed said": the phrase starts mid-clause
    verb_end = tokens[v].end
    if before is None or before.low in _CONJUNCTION_BEFORE:
        clause_end = sentence.find(";", verb_end)  # the said clause follows, to a semicolon
        scope = (verb_end, clause_end if clause_end >= 0 else len(sentence))
    elif before.text in (",", "”", '"', "’", "'", "—", "–", "-") and not _NUMBER_WORDS.search(
        sentence, verb_end
    ):
        scope = (0, tokens[start].start)  # "..., the White House said on Thursday."
    else:
        scope = (0, len(sentence))  # an aside ("Officially, the Pentagon says ...") or relative
    return _attribution(sentence, tokens, start, end, scope)


def _document_frames(sentence: str, tokens: list[Token]) -> list[Attribution]:
    """ "the Observatory's tally", "figures released by the UN": the author speaks for it all."""
    words = source_words()
    found = []
    for i, token in enumerate(tokens):
        if token.low in words.documents and i > 0:
            owner = _owner(sentence, tokens, i, i)
            if owner is None:
                owner = _possessor(tokens, i - 1)
            if owner:
                found.append(_author_frame(sentence, owner, (0, len(sentence))))
    return found


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    """Words (lower case) one of which every frame holds: reporting verbs, documents and
    "according". Each is a whole word token, so a sentence without any has no frame."""
    words = source_words()
    return frozenset(verb.lower() for verb in words.verbs) | words.documents | {"according"}


def attributions(sentence: str) -> list[Attribution]:
    """Every source frame of one sentence, with the stretch of the sentence each speaks for."""
    lower = sentence.lower()
    words = _WORD_RUN.findall(lower)
    if _frame_words().isdisjoint(words):
        return []  # four in ten sentences with a figure: no need to read their tokens
    tokens = sentence_tokens(sentence)
    verbs = source_words().verbs
    # A token "according" or "report" is a whole run of word characters: without the run,
    # no such token.
    found = _according_to(sentence, tokens) if "according" in lower else []
    for v in [v for v, token in enumerate(tokens) if token.text in verbs]:
        if (
            not tokens[v].text.endswith("ing")  # "saying ...": no subject of its own
            and not (v and tokens[v - 1].low in DETERMINERS)  # "the estimated 31,000"
            and not (v + 1 < len(tokens) and tokens[v + 1].text in verbs)  # "reports show"
        ):
            frame = _inverted(sentence, tokens, v) or _subject_frame(sentence, tokens, v)
            if frame is not None:
                found.append(frame)
    if source_words().documents.isdisjoint(words):
        return found
    return found + _document_frames(sentence, tokens)


def source_for(found: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The frame that speaks for the figure at [start, end): "according to" first, then the
    narrowest scope holding it, then the nearest."""
    holding = [
        a
        for a in found
        if a.scope_start <= start
        and end <= a.scope_end
        and (end <= a.start or a.end <= start)  # a figure is not its own source
    ]
    return min(  # "X reports that ..., according to Y": Y is the nearer source
        holding,
        key=lambda a: (
            not a.cited,
            a.scope_end - a.scope_start,
            min(abs(a.start - start), abs(a.end - end)),
        ),
        default=None,
    )
