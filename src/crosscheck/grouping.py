"""Which figures count "the same thing": a transparent key per figure.

The key has six parts: category / subject / qualifier / outcome / movement / place. Each
part comes from the figure's own words or its clause, using the terms in
data/lexicon/comparison.csv and data/lexicon/movement.csv (see movement.py); a qualifier,
outcome or place a figure leaves unstated is filled from its group when the group states
exactly one value, and the filled parts are reported so a reader can see what was assumed.
Movement is never filled: a figure without a movement cue counts what is in place.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .articles import segment
from .errors import CrosscheckError
from .movement import MOVING_CATEGORIES, movement_of, resolve_definites
from .paths import LEXICON_DIR
from .text import normalise

FIGURE_COLUMNS = [
    "article_id", "sentence_no", "start", "end", "text", "number", "low", "high",
    "hedge", "noun", "category", "source", "when",
]  # fmt: skip
LEXICON = LEXICON_DIR / "comparison.csv"

# How each category reads in a group label when the noun just names the category.
CATEGORY_WORDS = {
    "troops": "troops",
    "militants": "militants",
    "strikes": "strikes",
    "targets": "targets",
    "casualties": "people",
    "displaced": "displaced people",
    "money": "money",
    "other": "things",
}
# Number words and hedges that can end a figure whose noun is left out ("killed four").
_NOT_NOUNS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens hundred "
    "hundreds thousand thousands million millions billion billions more than least about "
    "nearly some another other".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\.\s")
_DIRECTIONS = r"(?:(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"  # noqa: E501
_PLACE = re.compile(
    r"\b(?:in|inside|from|out of|across|into|throughout|within|near)\s+(?:the\s+)?"
    + _DIRECTIONS
    + r"([A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*)*)"
)
# A movement names its place without "in": "sent to Iraq", "leaving Syria"; elsewhere "to"
# and a bare verb are too loose to mark a place.
_CAPITALISED = r"([A-Z][\w'-]*(?:\s+(?:and\s+)?[A-Z][\w'-]*)*)"
_MOVEMENT_PLACE = {
    "in": re.compile(r"\b(?:to|into)\s+(?:the\s+)?" + _DIRECTIONS + _CAPITALISED),
    "out": re.compile(
        r"\b(?:leave|leaves|leaving|exit|exits|exiting|quit|quits|quitting|depart|departs|departing)"
        r"\s+(?:the\s+)?" + _DIRECTIONS + _CAPITALISED
    ),
}
# How a movement reads in a group label, before the place and without one.
MOVEMENT_WORDS = {"stock": ("in", ""), "out": ("leaving", "leaving"),
                  "in": ("sent to", "sent"), "remain": ("staying in", "staying")}  # fmt: skip
_NOT_PLACES = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def figures_frame(figures: pd.DataFrame, categories: list[str] | None = None) -> pd.DataFrame:
    """The figures with `article_id` as a column (it may arrive as the index), checked and
    narrowed to `categories`; a missing column or an unknown category is a CrosscheckError."""
    if "article_id" not in figures.columns and figures.index.name == "article_id":
        figures = figures.reset_index()
    missing = [c for c in FIGURE_COLUMNS if c not in figures.columns]
    if missing:
        raise CrosscheckError(f"figures frame lacks column(s): {', '.join(missing)}")
    if categories is None:
        return figures.reset_index(drop=True)
    if isinstance(categories, str):
        categories = [categories]
    unknown = [c for c in categories if c not in CATEGORY_WORDS]
    if unknown:
        raise CrosscheckError(
            f"unknown figure categor{'y' if len(unknown) == 1 else 'ies'} "
            f"{', '.join(map(repr, unknown))}; choose from {', '.join(CATEGORY_WORDS)}"
        )
    return figures[figures["category"].isin(categories)].reset_index(drop=True)


@dataclass(frozen=True)
class GroupKey:
    """A figure's group: the key parts, a readable label, and the parts that were assumed."""

    key: str
    label: str
    assumed: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON) -> dict[str, dict[str, object]]:
    """The comparison terms: generic nouns per category, qualifiers, casualty outcomes."""
    generic: dict[str, set[str]] = defaultdict(set)
    qualifiers: dict[str, str] = {}
    outcomes: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            kind, term, value = row["kind"].strip(), row["term"].strip(), row["value"].strip()
            if kind == "generic":
                generic[value].add(term.lower())
            elif kind == "qualifier":
                qualifiers[term] = value
            elif kind == "outcome":
                outcomes[term.lower()] = value
    return {"generic": dict(generic), "qualifiers": qualifiers, "outcomes": outcomes}


@lru_cache(maxsize=1)
def _qualifier_pattern() -> re.Pattern[str]:
    terms = sorted(lexicon()["qualifiers"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, terms)) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _outcome_pattern() -> re.Pattern[str]:
    terms = sorted(lexicon()["outcomes"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")\b", re.IGNORECASE)


def singular(word: str) -> str:
    """A crude English singular for noun heads: 'casualties' → 'casualty', 'men' → 'man'."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def noun_head(noun: object, text: str) -> str:
    """The last word of the counted noun (or of the figure text when the noun is missing)."""
    source = noun if isinstance(noun, str) and noun.strip() else text
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", source)
    if not words or words[-1].lower() in _NOT_NOUNS:
        return ""
    return words[-1]


def subject_of(head: str, category: str) -> tuple[str, str]:
    """(key, display word): the category itself for generic nouns, else the noun head."""
    terms = lexicon()
    base = singular(head)
    qualifier_words = {q.lower() for q in terms["qualifiers"]} | {
        singular(q) for q in terms["qualifiers"]
    }
    generic = terms["generic"].get(category, set())
    if not base or base in generic or base in qualifier_words:
        return category, CATEGORY_WORDS.get(category, category)
    return base, head.lower()


@lru_cache(maxsize=16)
def category_nouns(category: str) -> frozenset[str]:
    """The words that name a category's things, singular and plural ("troop", "troops")."""
    generic = lexicon()["generic"].get(category, set())
    plurals = {f"{g[:-3]}men" if g.endswith("man") else f"{g}s" for g in generic}
    return frozenset(generic | plurals)


def qualifier_of(text: str, noun: object) -> str:
    """A nationality or party named inside the figure ("2,000 US troops" → "US")."""
    words = f"{text} {noun}" if isinstance(noun, str) else text
    match = _qualifier_pattern().search(normalise(words))
    return lexicon()["qualifiers"][match.group(1)] if match else ""


def outcome_of(sentence: str, start: int, end: int) -> str:
    """Killed or wounded: the outcome word nearest the figure within its sentence."""
    best, distance = "", None
    for match in _outcome_pattern().finditer(sentence):
        gap = max(match.start() - end, start - match.end(), 0)
        if distance is None or gap < distance:
            best, distance = lexicon()["outcomes"][match.group(1).lower()], gap
    return best


def place_of(sentence: str, start: int, end: int, movement: str = "") -> str:
    """A capitalised place after in/from/out of… in the figure's clause, after it first;
    a figure on the move also takes the place it is sent to or leaving ("leaving Syria")."""
    text = normalise(sentence)
    after = _CLAUSE_BREAK.split(text[end:], maxsplit=1)[0][:100]
    before = _CLAUSE_BREAK.split(text[:start])[-1][-100:]
    moving = _MOVEMENT_PLACE.get(movement)
    patterns = (moving, _PLACE) if moving else (_PLACE,)
    for window in (after, before):
        for match in (m for pattern in patterns for m in pattern.finditer(window)):
            name = match.group(1)
            words = name.split()
            if words[0] in _NOT_PLACES or name in lexicon()["qualifiers"]:
                continue
            return name
    return ""


@lru_cache(maxsize=64)
def _segments(text: str) -> tuple:
    return tuple(segment(text))


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding offset `start`, and the figure's offsets within it."""
    for s in _segments(text):
        if s.start <= start < s.end:
            return text[s.start : s.end], start - s.start, min(end, s.end) - s.start
    return text[start:end], 0, end - start


def _fill(parts: list[dict], by: tuple[str, ...], field: str) -> None:
    """Give figures that leave `field` unstated the group's value, when it has exactly one."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for part in parts:
        groups[tuple(part[k] for k in by)].append(part)
    for members in groups.values():
        stated = {p[field] for p in members if p[field]}
        if len(stated) == 1:
            value = stated.pop()
            for p in members:
                if not p[field]:
                    p[field] = value
                    p["assumed"].append(f"{field} {value}")


def _label(part: dict) -> str:
    word, outcome, place, qualifier = (
        part["word"],
        part["outcome"],
        part["place"],
        part["qualifier"],
    )
    people = part["subject"] in {"casualties", "displaced"}
    label = word if people or not qualifier else f"{qualifier} {word}"
    if outcome:
        label += f" {outcome}"
    with_place, alone = MOVEMENT_WORDS.get(part["movement"], MOVEMENT_WORDS["stock"])
    if place:
        label += f" {with_place} {place}"
    elif alone:
        label += f" {alone}"
    if people and qualifier:
        label += f" ({qualifier})"
    return label


def _figure_parts(figures: pd.DataFrame, texts: pd.Series) -> list[dict]:
    """The parts of each figure's key, read from its sentence, in row order (before filling)."""
    parts, cues = [], []
    for fig in figures.itertuples(index=False):
        text = texts[fig.article_id]
        sentence, s, e = sentence_around(text, int(fig.start), int(fig.end))
        head = noun_head(fig.noun, fig.text)
        subject, word = subject_of(head, fig.category)
        moving = fig.category in MOVING_CATEGORIES
        cue = movement_of(sentence, s, e, category_nouns(fig.category)) if moving else None
        cues.append((fig.article_id, fig.category, cue, fig.low, fig.high))
        parts.append(
            {
                "category": fig.category,
                "subject": subject,
                "word": word,
                "qualifier": qualifier_of(fig.text, fig.noun),
                "outcome": outcome_of(sentence, s, e) if fig.category == "casualties" else "",
                "place": place_of(sentence, s, e, cue.value if cue else ""),
                "assumed": [],
            }
        )
    movements = resolve_definites([item for item in cues if item[2] is not None])
    resolved = iter(movements)
    for part, item in zip(parts, cues, strict=True):
        part["movement"] = next(resolved) if item[2] is not None else ""
    return parts


def figure_movements(figures: pd.DataFrame, texts: pd.Series) -> list[str]:
    """Per row of `figures`: stock, out, in or remain for troops and fighters, else ""."""
    return [part["movement"] for part in _figure_parts(figures, texts)]


def group_keys(figures: pd.DataFrame, texts: pd.Series) -> list[GroupKey]:
    """One GroupKey per row of `figures` (in row order); `texts` maps article_id to text."""
    parts = _figure_parts(figures, texts)
    _fill(parts, ("category", "subject"), "qualifier")
    _fill(parts, ("category", "subject", "qualifier"), "outcome")
    _fill(parts, ("category", "subject", "qualifier", "outcome"), "place")
    keys = []
    for part in parts:
        fields = ("category", "subject", "qualifier", "outcome", "movement", "place")
        key = " / ".join(part[f] or "-" for f in fields)
        keys.append(GroupKey(key, _label(part), tuple(part["assumed"])))
    return keys
