"""Who said a quotation: cue verbs, speaker phrases, titles and roles.

quotes.py hands this module short stretches of report text next to a quotation. This
module splits the speaker phrase after or before a cue ("said", "wrote", "according to")
into a name or description, a role and an organisation; `names` resolves bare surnames and
titles, `pronouns` he/she, against the people the same report names. The lexicon and the
name-token tests are in `attribution_words`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .attribution_words import (
    CLAUSE_BREAKERS,
    FUNCTION_WORDS,
    PARTICLES,
    PRONOUNS,
    RELATIVE_OPENERS,
    SUFFIXES,
    TENS,
    bare,
    drop_article,
    is_name_token,
    join_words,
    lexicon,
    strip_possessive,
    tokens,
)

ARTICLES = {"the", "a", "an"}
PREPOSITIONS = {"in", "of", "at", "from", "for", "with", "on", "near", "to", "by"}
DOCUMENTS = {
    "letter", "statement", "tweet", "tweets", "post", "email", "speech", "remarks", "words",
    "memo", "message", "note", "book", "interview", "testimony", "op-ed", "column",
}  # fmt: skip
DETERMINERS = {
    "other", "some", "many", "several", "all", "both", "his", "her", "their", "its", "our",
    "another", "each", "few", "two", "three", "four", "one", "senior", "top", "most", "these",
    "those", "this", "that",
}  # fmt: skip
DESCRIPTION_HEADS = {"one", "two", "three", "several", "some", "many", "officials", "sources"}
# Nouns for people or bodies that speak for an owner: "Temple-Raston's sources", "Mahdi's office".
SPOKESPEOPLE = {
    "sources", "source", "officials", "official", "aides", "aide", "advisers", "adviser",
    "lawyers", "lawyer", "attorneys", "attorney", "allies", "supporters", "critics", "office",
    "campaign", "staff", "team", "spokesman", "spokeswoman", "spokesperson", "representatives",
    "government", "ministry", "administration", "friends", "family",
}  # fmt: skip
CONTRACTED_PRONOUNS = re.compile(r"^(he|she|it|they|we)['’](?:s|re|ve|d|ll)$", re.IGNORECASE)
NUMBER_WORDS = TENS | {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "hundred", "thousand", "million", "dozen", "dozens", "hundreds", "thousands",
}  # fmt: skip
STATEMENT_WORDS = re.compile(
    r"\b(?:statements?|tweets?|tweeted|twitter|posts?|posted|release|letter|e-?mail|facebook|"
    r"instagram|communiqu[eé]|memo|op-ed|wrote|written|writes)\b",
    re.IGNORECASE,
)
# The same words matched case-sensitively: on ASCII text lowered, what STATEMENT_WORDS finds
# (ASCII has no letter that ignoring case adds, as "ſ" for "s"), at a third of the cost.
_LOWER_STATEMENT_WORDS = re.compile(STATEMENT_WORDS.pattern)


def names_statement(text: str) -> bool:
    """Whether `text` names a written statement (a tweet, letter, post; "wrote")."""
    if text.isascii():
        return _LOWER_STATEMENT_WORDS.search(text.lower()) is not None
    return STATEMENT_WORDS.search(text) is not None


_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z]")


class Speaker(NamedTuple):
    """A parsed speaker phrase: `name` for a person, else `description` (or a `pronoun`).
    A named tuple: immutable like a frozen dataclass, and quicker to build."""

    text: str
    name: str = ""
    description: str = ""
    role: str = ""
    organisation: str = ""
    pronoun: str = ""
    gender: str = ""


_ORG_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|for|at|with|from)\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of|to|for|and|on|the|[A-Z][\w.'’-]*))*)"
)
_ORG_LOWER = re.compile(r"\b(?:of|for|at)\s+(the\s+[a-z][\w-]*)\s*$")


@lru_cache(maxsize=16384)
def organisation_in(role: str) -> str:
    """The organisation a role names: after of/for/at, or its leading capitalised words (a pure
    function of a short string, asked for every speaker: its answers are kept)."""
    if not role:
        return ""
    match = _ORG_AFTER_PREPOSITION.search(role)
    if match:
        words = match.group(1).split()
        while words and words[-1] in {"of", "to", "for", "and", "on", "the"}:
            words.pop()
        return " ".join(words)
    match = _ORG_LOWER.search(role)
    if match:
        return match.group(1)
    titles = lexicon().titles
    words = role.split(",")[0].split()
    lead = []
    for word in words:
        if not word[:1].isupper() or word in titles:
            break
        lead.append(word)
    return " ".join(lead) if lead and len(lead) < len(words) else ""


def _is_apposition(part: str) -> bool:
    """A comma part that describes the speaker named before it ("who …", "the director of …")."""
    first = part.split()[0].lower() if part.split() else ""
    if first in {"and", "but", "or", "so", "yet", "then"}:
        return False
    return (
        part.lower().startswith(RELATIVE_OPENERS)
        or part.isdigit()  # an age: "Quina Jones, 25, said"
        or bool(_PARTY_STATE.match(part))
        or first in PREPOSITIONS
    )


_AFFILIATION = re.compile(r"^(?:of|for|at|with|from)\s+(?:the\s+)?[A-Z]")


def _is_circumstance(part: str) -> bool:
    """A comma part saying when, where or how ("in a statement Wednesday"), not who the speaker is.

    Only "of/for/at/with/from" + a proper name is an affiliation ("of the Brookings Institution").
    """
    first = part.split()[0].lower()
    return first in PREPOSITIONS and not _AFFILIATION.match(part)


def _is_role(part: str) -> bool:
    """A comma part that reads as a role ("the director of …", "legal director", "R-Neb.")."""
    words = part.split()
    if not words:
        return False
    titles = lexicon().titles
    first = words[0].lower()
    return (
        first in ARTICLES
        or words[0] in titles
        or " of " in part
        or any(w.capitalize() in titles for w in words[:3] if w.islower())
        or first.endswith(("ing", "ed"))
        or first in {"also", "now", "then", "himself", "herself", "itself", "themselves"}
    )


def _ends_with_name(part: str) -> bool:
    words = tokens(part)
    if not words:
        return False
    last = bare(words[-1])
    return is_name_token(last) and lexicon().org_words.get(last) != "time"


@lru_cache(maxsize=16384)
def parse_speaker(phrase: str, head_first: bool = False) -> Speaker | None:
    """Split a subject phrase into name or description, role and organisation; None if none.

    `head_first`: the phrase follows its cue ("said X, the Y of Z"), so its first comma part
    is the speaker and the rest describes them. A pure function of a short phrase (the same
    phrases, "he said", "the official", come back report after report), so its answers are
    kept; a Speaker is immutable, so a kept answer cannot be changed by a caller.
    """
    phrase = _PARENTHESIS.sub("", phrase).strip(" ,;:-\u2014\u2013\"'\u201c\u201d\u2018\u2019")
    if not phrase or len(phrase) > 250:
        return None
    last = phrase.split()[-1]
    if last.endswith(".") and bare(last) != last:
        phrase = phrase[:-1]
    parts = [part.strip() for part in phrase.split(",") if part.strip()]
    head_index = 0 if head_first else len(parts) - 1
    while head_index > 0 and (
        _is_apposition(parts[head_index])
        or (_is_role(parts[head_index]) and _ends_with_name(parts[head_index - 1]))
    ):
        head_index -= 1
    appositions = [
        drop_article(p)
        for p in parts[head_index + 1 :]
        if not p.lower().startswith(RELATIVE_OPENERS)
        and not _PARTY_STATE.match(p)
        and not p.isdigit()
        and not p.split()[0].endswith("ing")
        and not _is_circumstance(p)
    ]
    words = tokens(parts[head_index])
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if (word.lower() in CLAUSE_BREAKERS and (word.islower() or index == 0)) or word in {
            '"',
            "“",
            "”",
        }:
            words = words[index + 1 :]
            break
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Speaker(phrase, pronoun=words[0].lower())
    contracted = CONTRACTED_PRONOUNS.match(words[0])
    if len(words) == 1 and contracted:
        return Speaker(phrase, pronoun=contracted.group(1).lower())  # "He's claiming …"
    words[-1] = bare(words[-1])
    if (
        len(words) >= 2
        and words[-1].lower() in DOCUMENTS
        and strip_possessive(words[-2]) != words[-2]
    ):
        words = [*words[:-2], strip_possessive(words[-2])]  # "Mr. Mattis's letter" → Mattis
    elif len(words) >= 2 and words[-1].lower() in DOCUMENTS and words[-2][:1].isupper():
        words = words[:-1]  # "A White House statement" → the White House
        if words[0].lower() in {"a", "an"}:
            words[0] = "the"
    elif strip_possessive(words[-1]) != words[-1]:
        words[-1] = strip_possessive(words[-1])  # "Mr. Mattis's core complaint was …" → Mattis
    speaker = _named(phrase, words, appositions)
    if speaker is None and len(words) > 3 and words[-2] == "of":
        speaker = _named(
            phrase, words[:-2], [join_words(words[-2:]), *appositions]
        )  # X of Virginia
        if speaker is not None and speaker.name and len(speaker.name.split()) < 2:
            speaker = None
    return speaker or _described(phrase, words, appositions)


def _named(phrase: str, words: list[str], appositions: list[str]) -> Speaker | None:
    lex = lexicon()
    run_start = len(words)
    while run_start > 0 and is_name_token(words[run_start - 1]):
        run_start -= 1
    name_words = words[run_start:]
    while name_words and (name_words[0].lower() in PARTICLES or name_words[0] in SUFFIXES):
        name_words = name_words[1:]
    prefix = words[: len(words) - len(name_words)]
    if not name_words or len(prefix) > 6 or any(w in lex.org_words for w in name_words):
        return None
    if prefix and prefix[-1].lower() in PREPOSITIONS:
        return None
    gender = ""
    if prefix and prefix[-1] in lex.honorifics:
        gender = lex.titles[prefix[-1]]
        prefix = prefix[:-1]
    while prefix and prefix[0].lower() in ARTICLES:
        prefix = prefix[1:]
    if prefix:
        gender = gender or lex.titles.get(prefix[-1], "")
    role = ", ".join(([join_words(prefix)] if prefix else []) + appositions)
    return Speaker(
        phrase,
        name=join_words(name_words),
        role=role,
        organisation=organisation_in(role),
        gender=gender,
    )


def _described(phrase: str, words: list[str], appositions: list[str]) -> Speaker | None:
    """An unnamed or collective speaker ("a U.S. official", "the coalition", "Centcom")."""
    lex = lexicon()
    if not words or len(words) > 10 or not words[-1][:1].isalpha():
        return None
    lowered = [w.lower() for w in words]
    if all(part in NUMBER_WORDS for w in lowered for part in w.split("-")):
        return None  # "Twenty-two" (years ago) is a number, not a speaker
    if lowered[0] in PREPOSITIONS or lowered[-1] in FUNCTION_WORDS or lowered[-1].endswith("ly"):
        return None
    has_proper = any(w[:1].isupper() for w in words[1:]) or (
        words[0][:1].isupper() and lowered[0] not in ARTICLES | DETERMINERS
    )
    if not has_proper:
        opener = lowered[0] in ARTICLES | DETERMINERS | DESCRIPTION_HEADS
        plural = len(words) <= 3 and lowered[-1].endswith("s") and not lowered[-1].endswith("ss")
        if not (opener or plural):
            return None
    if any(w in lex.not_names and w not in {"The", "A", "An"} for w in words[:1]):
        return None
    role = ", ".join(appositions)
    return Speaker(
        phrase, description=join_words(words), role=role, organisation=organisation_in(role)
    )


def written_cue(cue: str) -> bool:
    """True for cues that mean written words (wrote, tweeted, posted)."""
    return lexicon().cues.get(" ".join(cue.lower().split()), False)
