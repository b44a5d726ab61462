"""The words attribution reads, and whether a word can be part of a person's name.

The lexicon (data/lexicon/cues.csv, titles.csv, organisations.csv, not_names.csv, loaded
once), the fixed word lists speaker phrases are cut at, the tokens of a short phrase, and the
test that a capitalised token can belong to a name ("Ki-moon" can, "Iranian-backed" cannot).
Shared by quote attribution (`attribution`, `names`) and figure sources (`figure_sources`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import ArticleError
from .paths import LEXICON_DIR

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": "s"}
RELATIVE_OPENERS = ("who ", "which ", "whose ", "whom ", "where ", "when ")
# Lower-case words at which a subject phrase is cut ("Despite that Smith" → "Smith").
CLAUSE_BREAKERS = {
    "that", "and", "but", "when", "while", "because", "after", "before", "since", "if",
    "despite", "although", "though", "where", "then", "so", "as", "than", "whether", "until",
    "also", "later", "earlier", "has", "have", "had", "is", "was", "were", "are", "be",
    "what", "how", "why", "not", "this", "ago", "week", "month", "year", "day", "night",
}  # fmt: skip
PARTICLES = {
    "al", "bin", "ibn", "de", "da", "van", "von", "del", "der", "la", "le", "di", "du", "el",
}  # fmt: skip
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
SUBJECT_FILLERS = {"of", "the", "for", "and", "to", "former", "then", "late", "ex", "a", "an"}
FUNCTION_WORDS = {
    "to", "of", "the", "a", "an", "and", "or", "but", "that", "this", "it", "in", "on", "at",
    "for", "with", "by", "as", "is", "was", "be", "been", "not", "also", "would", "could",
    "will", "can", "may", "might", "should", "must", "has", "have", "had", "do", "did", "does",
}  # fmt: skip
TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
# Lower-case second parts of adjective compounds ("Iranian-backed", "Kurdish-led", "U.S.-style"),
# unlike the lower-case parts of names ("Ban Ki-moon", "Moon Jae-in").
_COMPOUND_PARTS = {
    "born", "based", "run", "led", "made", "style", "era", "like", "wide", "free", "friendly",
    "type", "owned", "class", "level", "old", "long", "term", "time", "state", "american",
}  # fmt: skip
_PREFIXES = {
    "anti", "post", "pre", "pro", "non", "ex", "mid", "self", "co", "multi", "semi", "neo",
    "pan", "sub", "inter", "trans", "counter", "cross", "all", "half", "well",
}  # fmt: skip


def lexicon_rows(name: str, key: str) -> list[dict[str, str]]:
    """The rows of data/lexicon/<name> with a value under `key`, stripped; a clear error if none."""
    path = LEXICON_DIR / name
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if (row.get(key) or "").strip()]
    except FileNotFoundError:
        raise ArticleError(path, "lexicon file not found") from None
    if not rows:
        raise ArticleError(path, f"lexicon has no rows with a '{key}' column")
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in rows]


@dataclass(frozen=True)
class Lexicon:
    """The word lists quote attribution needs, loaded once from data/lexicon."""

    cues: dict[str, bool]  # cue → means written words
    titles: dict[str, str]  # title word → gender it implies ("" if none)
    honorifics: frozenset[str]
    spelled: dict[str, str]  # abbreviated title (lower case) → the word it stands for
    org_words: dict[str, str]  # word → org | place | time
    not_names: frozenset[str]
    cue_pattern: re.Pattern = field(repr=False)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Cue verbs, titles, organisation words and non-name words from data/lexicon/*.csv."""
    cues = {
        " ".join(r["cue"].lower().split()): r.get("written") == "yes"
        for r in lexicon_rows("cues.csv", "cue")
    }
    titles = {r["title"]: r.get("gender", "") for r in lexicon_rows("titles.csv", "title")}
    title_rows = lexicon_rows("titles.csv", "title")
    honorifics = frozenset(r["title"] for r in title_rows if r.get("honorific") == "yes")
    spelled = {r["title"].lower(): r["spelled"].lower() for r in title_rows if r.get("spelled")}
    org_words = {r["word"]: r.get("kind", "org") for r in lexicon_rows("organisations.csv", "word")}
    not_names = frozenset(r["word"] for r in lexicon_rows("not_names.csv", "word"))
    cue_pattern = re.compile(rf"\b(?:{_alternatives(cues)}|According\s+to)\b")
    return Lexicon(cues, titles, honorifics, spelled, org_words, not_names, cue_pattern)


def _alternatives(phrases: dict[str, bool]) -> str:
    """The phrases as regex alternatives, longest first, grouped by first letter ("s(?:aid|ays)"):
    the same matches as a flat list, but the engine tries only the phrases that start with the
    letter in front of it."""
    groups: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        rest = re.escape(phrase[1:]).replace(r"\ ", r"\s+")
        groups.setdefault(re.escape(phrase[0]), []).append(rest)
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


WORD_TOKEN = re.compile(r"\w[\w'’.\-]*|\S")  # a word with its periods, or one mark
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def tokens(phrase: str) -> list[str]:
    """Words of a short phrase; abbreviations keep their periods ("Gen.", "U.S.")."""
    return WORD_TOKEN.findall(phrase)


def drop_article(phrase: str) -> str:
    """A phrase without its leading lower-case article ("the director of …" → "director of …")."""
    return _ARTICLE.sub("", phrase)


@lru_cache(maxsize=65536)
def bare(token: str) -> str:
    """A token without a sentence-final period (initials, titles and "U.S." keep theirs)."""
    if token.endswith(".") and len(token) > 2 and "." not in token[:-1]:
        if token not in lexicon().titles and token not in SUFFIXES:
            return token[:-1]
    return token


@lru_cache(maxsize=65536)
def is_name_token(token: str) -> bool:
    """A capitalised word that can be part of a person's name (not a title, acronym or org word)."""
    lex = lexicon()
    if token in SUFFIXES:
        return True
    if token.lower() in PARTICLES or token.lower().split("-")[0] in PARTICLES and "-" in token:
        return True
    if not token[:1].isupper() or token in lex.titles or token in lex.not_names:
        return False
    if token.split("-")[0].lower() in TENS:
        return False  # Twenty-two
    core = token.rstrip(".")
    if len(core) == 1:
        return token.endswith(".")  # an initial
    if "." in core or core.isupper() or core.endswith(("'s", "’s", "'", "’")):
        return False  # U.S., ISIS, Trump's
    pieces = core.split("-")
    if any(_adjective_part(p) for p in pieces[1:]) or (
        pieces[0].lower() in _PREFIXES and not pieces[-1][:1].isupper()
    ):
        return False  # Iranian-backed, Kurdish-led
    return any(ch.islower() for ch in core)


def _adjective_part(piece: str) -> bool:
    """A lower-case word after a hyphen that makes an adjective compound, not a name part."""
    if piece[:1].isupper() or piece.lower() in PARTICLES:
        return False
    return piece in _COMPOUND_PARTS or piece.endswith(("ed", "ing", "en")) or len(piece) > 5


def strip_possessive(token: str) -> str:
    """ "Trump's" → "Trump"."""
    for ending in ("'s", "’s"):
        if token.endswith(ending):
            return token[: -len(ending)]
    return token


def join_words(words: list[str]) -> str:
    """Words back into a phrase, hyphens closed up again ("Ki - moon" → "Ki-moon")."""
    return " ".join(words).replace(" - ", "-")
