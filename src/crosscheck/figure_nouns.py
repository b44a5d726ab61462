"""The noun a number counts: "400 soldiers", "47 Tomahawk Land Attack Missiles", "1,500 coal-
and gas-fired power plants", and its category from data/lexicon/categories.csv.

Nouns and the words that make a number not a count ("years", "percent") are data in
data/lexicon/ (categories.csv, non_counts.csv). `figures` decides what a figure is.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .gold import FIGURE_CATEGORIES
from .paths import LEXICON_DIR

# How far after a number its counted noun may stand ("47 Tomahawk Land Attack Missiles").
WINDOW_WORDS = 5
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.'&-]*[A-Za-z0-9.]|[A-Za-z]|[^\sA-Za-z]")
STOP = frozenset(
    """the a an this that these those his her their its our my your of in on at to for from with
    by and or but as than who which whom whose were was is are be been being have has had will
    would could should may might can must do did does not no said says say told tell it they them
    he she we you i there here when where while after before since during into over under about
    against between through across per each all both including such so if then also only just
    still already now up out off down near toward towards via like amid among within without upon
    onto what how why whether remains""".split()
)
_SINGULAR_IN_S = frozenset(
    """news series species means politics economics always perhaps sometimes whereas unless
    besides afterwards towards thanks overseas""".split()
)
_SUSPENDED_HYPHEN = re.compile(r"-\s+(?:and|or|to)\s+(?=[A-Za-z]+-[A-Za-z])")
_NAME_NUMBER = re.compile(r"(?<= )\d+(?= [A-Za-z])")
NAME_WORD = re.compile(r"[A-Z][a-z]+")
_LIST_NEXT = re.compile(r"(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)([A-Za-z]+)\b")


@dataclass(frozen=True)
class Noun:
    """A counted noun as found after a number: the word, its lexicon entry, where it ends."""

    word: str
    category: str
    person: bool
    known: bool  # found in the categories lexicon (not just a plural-looking word)
    end: int


@lru_cache(maxsize=1)
def load_categories() -> dict[str, tuple[str, bool]]:
    """Counted noun (lowercase, may be two words) -> (category, names people?)."""
    lexicon = {}
    with open(LEXICON_DIR / "categories.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            noun = " ".join(row["noun"].lower().split())
            if noun and row["category"].strip() in FIGURE_CATEGORIES:
                person = row.get("person", "").strip().lower() in ("yes", "y", "true", "1")
                lexicon[noun] = (row["category"].strip(), person)
    return lexicon


@lru_cache(maxsize=1)
def load_non_counts() -> frozenset[str]:
    """Words after a number that make it a duration, time, percentage or measurement."""
    with open(LEXICON_DIR / "non_counts.csv", encoding="utf-8", newline="") as handle:
        return frozenset(row["word"].strip().lower() for row in csv.DictReader(handle))


def lexicon_entry(word: str, previous: str | None) -> tuple[str, tuple[str, bool]] | None:
    lexicon = load_categories()
    low = word.lower().rstrip(".")
    if previous:
        pair = f"{previous.lower()} {low}"
        if pair in lexicon:
            return pair, lexicon[pair]
    return (low, lexicon[low]) if low in lexicon else None


def is_singular(word: str) -> bool:
    """A lexicon noun whose plural is in the lexicon too ("raid" of "raids")."""
    low, lexicon = word.lower().rstrip("."), load_categories()
    return f"{low}s" in lexicon or f"{low}es" in lexicon or f"{low[:-1]}ies" in lexicon


def looks_plural(word: str) -> bool:
    low = word.lower()
    return (
        len(low) > 3
        and low.endswith("s")
        and low not in _SINGULAR_IN_S
        and not low.endswith(("ss", "us", "is", "'s"))
        and not word.isupper()
        and low.isalpha()
    )


def bare_word(word: str) -> str:
    """A word without a sentence-final period ("troops." -> "troops"; "U.S." stays)."""
    return word[:-1] if word.endswith(".") and word.count(".") == 1 and len(word) > 1 else word


def counted_noun(sentence: str, pos: int, one: bool) -> tuple[Noun | None, bool]:
    """The counted noun after position `pos`, and whether the number is not a count at all."""
    non_counts, lexicon = load_non_counts(), load_categories()
    weak: Noun | None = None
    previous: str | None = None
    words, skip_to = 0, pos
    for match in _WORD.finditer(sentence, pos):
        if match.start() < skip_to:
            continue
        word = bare_word(match.group())
        if not word[0].isalpha():
            suspended = _SUSPENDED_HYPHEN.match(sentence, match.start())
            if suspended and previous:  # "2,300 oil- and wood-fired heating plants"
                skip_to = suspended.end()
                continue
            named = _NAME_NUMBER.match(sentence, match.start())
            name = previous and NAME_WORD.fullmatch(previous)
            if named and name and previous.lower() not in lexicon:
                skip_to, previous, words = named.end(), named.group(), words + 1
                continue  # "58 Fortune 500 companies": the number belongs to a name
            break
        low = word.lower()
        if low in non_counts or low.rstrip(".") in non_counts:
            return None, True
        entry = lexicon_entry(word, previous)
        if entry:
            noun, (category, person) = entry
            end = match.start() + len(word)
            # Noun compounds: the head is the last noun ("staff members", "drone strikes").
            while not looks_plural(word) and sentence[end : end + 1] == " ":
                nxt = _WORD.match(sentence, end + 1)
                following = nxt and lexicon_entry(bare_word(nxt.group()), word)
                if not following:
                    break
                noun, (category, person) = following
                word = bare_word(nxt.group())
                end = nxt.start() + len(word)
            if not one and is_singular(word):  # "two American cable news hosts"
                head = _plural_head(sentence, end)
                if head:
                    return head, False
            return Noun(word, category, person, True, end), False
        if low in STOP and not (word.isupper() and len(word) > 1):
            break
        if not one and looks_plural(word):
            found = Noun(word, "other", False, False, match.start() + len(word))
            if word[0].islower():  # "special operations forces": a lexicon noun may follow
                return _known_head_after(sentence, found) or found, False
            weak = weak or found
        previous = word
        words += 1
        if words >= WINDOW_WORDS:
            break
    return weak, False


def _known_head_after(sentence: str, noun: Noun) -> Noun | None:
    """The lexicon plural right after a plural-looking modifier ("operations forces")."""
    nxt = _WORD.match(sentence, noun.end + 1) if sentence[noun.end : noun.end + 1] == " " else None
    if not nxt:
        return None
    word = bare_word(nxt.group())
    entry = lexicon_entry(word, None)
    if not entry or not looks_plural(word) or is_singular(word):
        return None
    category, person = entry[1]
    return Noun(word, category, person, True, nxt.start() + len(word))


def _plural_head(sentence: str, pos: int) -> Noun | None:
    """The plural noun a few words after a singular modifier ("American ... hosts"), if any."""
    for count, match in enumerate(_WORD.finditer(sentence, pos)):
        word = bare_word(match.group())
        low = word.lower()
        if count >= 3 or not word[0].isalpha() or low in STOP or low in load_non_counts():
            return None
        entry = lexicon_entry(word, None)
        if entry and not is_singular(word):
            category, person = entry[1]
            return Noun(word, category, person, True, match.start() + len(word))
        if looks_plural(word) and word[0].islower():
            return Noun(word, "other", False, False, match.start() + len(word))
    return None


def extend_coordination(sentence: str, noun: Noun) -> int:
    """End of "men, women and children": a list of people nouns after the head."""
    end = noun.end
    while True:
        match = _LIST_NEXT.match(sentence, end)
        if not match:
            return end
        entry = load_categories().get(match.group(1).lower())
        if not entry or not entry[1] or entry[0] != noun.category:
            return end
        end = match.end()
