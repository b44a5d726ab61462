"""The people one run of capitalised words names ("Marine Gen. Joseph Dunford", "Maria Lopez
Takes On Her Rivals"), read on its own so `names.NameIndex` reads only the runs a question
about a name needs, not every run of the report.

A run is cut where a word ends its sentence; each piece is a person's full name (with the title
words in front of it as role and gender), or, failing that, headline names and single words a
surname or first name may later resolve.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .attribution_words import (
    PARTICLES,
    SUFFIXES,
    WORD_TOKEN,
    bare,
    is_name_token,
    join_words,
    lexicon,
    lexicon_rows,
    strip_possessive,
)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Common English first names and the gender they usually go with (first_names.csv).

    Only names that are rarely anything else are listed, so "Susan Collins … she said" can skip
    a man named in between; names given to both sexes are left out.
    """
    return {row["name"]: row.get("gender", "") for row in lexicon_rows("first_names.csv", "name")}


class Mention(NamedTuple):
    """A person named in the report: where, the full name, the role written with it.

    A named tuple rather than a frozen dataclass: as immutable, and several times quicker to
    build (a report's pronoun searches build thousands)."""

    position: int
    name: str
    role: str
    gender: str
    subject: bool = False
    end: int = -1  # end of the words that name the person, when known


class RunReading(NamedTuple):
    """What one run of capitalised words names (a named tuple, quick to build, like Mention)."""

    people: tuple[Mention, ...]  # full names, in order (a headline's names included)
    spans: tuple[tuple[str, int, int, str], ...]  # name, start, end, role (outside headlines)
    singles: tuple[tuple[int, str], ...]  # offset and word of every other capitalised word


# Capitalised words joined by spaces (a particle may come between: "Bashar al-Assad"); the last
# word keeps only a final period ("the U.S." is "U." then "S."). Written to open with its first
# capital letter, so the regex engine skips straight to candidates: the same matches as
# (?:[A-Z][\w'’.\-]*\s+(?:particle[\-\s])?)*[A-Z][\w'’\-]*\.? but several times faster. A word's
# letters are taken possessively (*+): giving some back can never let a space follow.
_RUN = r"[A-Z](?:[\w'’.\-]*+\s+(?:(?:{particles})[\-\s])?[A-Z]){repeat}[\w'’\-]*+\.?"
_PARTICLES = "|".join(sorted(PARTICLES))
CAPITAL_RUN = re.compile(_RUN.format(particles=_PARTICLES, repeat="*"))
# Only the runs of two words or more, the ones that can name a person: each match of this is a
# match of CAPITAL_RUN (same place, same length); every other match of CAPITAL_RUN is one word.
SEVERAL_WORD_RUN = re.compile(_RUN.format(particles=_PARTICLES, repeat="+"))
# A word is one of a run of several only with a neighbour in it: the run goes on after the word
# (this, matched at the word's end), or a capitalised word or particle ends, spaces apart, just
# before it (PREVIOUS_WORD, matched on the reversed text at the word's start: the word before).
RUN_GOES_ON = re.compile(rf"[\w'’.\-]*+\s+(?:(?:{_PARTICLES})[\-\s])?[A-Z]")
PREVIOUS_WORD = re.compile(r"\s+([\w'’.\-]+)")
# Capitalised words after "in"/"at" name a place ("in Colorado Springs"), and after a
# capitalised word + of/on/for the rest of a body's name ("Commission on Presidential Debates").
_NOT_A_PERSON_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|across)\s+(?:the\s+)?|\b([A-Z][\w'’-]*)\s+(?:of|on|for)\s+(?:the\s+)?)$"
)
_TITLE_OF = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+)+of[ \t]+(?:the[ \t]+)?)$")


def read_run(text: str, start: int, run: str, p_start: int) -> RunReading:
    """The people and single words of the run `run` found at `start` in a paragraph at `p_start`."""
    word = single_word(run)
    if word is not None:
        return RunReading((), (), ((start, word),))
    people: list[Mention] = []
    spans: list[tuple[str, int, int, str]] = []
    singles: list[tuple[int, str]] = []
    for piece in _pieces_of(run):
        piece_start, piece_end = start + piece.start, start + piece.end
        named = piece.named
        if named and _not_a_person_before(text, piece_start, p_start):
            named = None
        if named:
            name, role, gender = named
            position, role = _with_title_of(text, piece_start, p_start, role)
            people.append(Mention(position, name, role, gender, end=piece_end))
            spans.append((name, piece_start, piece_end, role))
        else:
            people.extend(
                Mention(start + offset, name, "", gender) for offset, name, gender in piece.headline
            )
            singles.extend((start + offset, word) for offset, word in piece.singles)
    return RunReading(tuple(people), tuple(spans), tuple(singles))


@lru_cache(maxsize=16384)
def single_word(run: str) -> str | None:
    """The word a run of one word writes, None for a run of several. One word never names a
    person on its own: it is a single word, its full stop cut when the stop ends a sentence,
    as the pieces of a longer run would cut it."""
    if len(run.split()) != 1:
        return None
    return bare(run[:-1] if run.endswith(".") and bare(run) != run else run)


class _Piece(NamedTuple):
    """What one piece of a run (cut at sentence ends) names, offsets from the run's start,
    before the words in front of the run are read: the name, role and gender its words give
    (None if none), the headline names in it and its capitalised words, bare. (A named tuple,
    quick to build, like Mention.)"""

    start: int
    end: int
    named: tuple[str, str, str] | None
    headline: tuple[tuple[int, str, str], ...]  # offset, name, gender
    singles: tuple[tuple[int, str], ...]


@lru_cache(maxsize=16384)
def _pieces_of(run: str) -> tuple[_Piece, ...]:
    """The pieces of a run of several words, read from the run alone: a pure function of a short
    string (names recur within and across reports), so its answers are kept."""
    pieces = []
    for piece_start, piece_end, words in _within_sentences(run, 0):
        capitalised = [(offset, word) for offset, word in words if word[:1].isupper()]
        headline = _names_in_headline_run(capitalised)
        named = _named_by(tuple(word for _, word in words))
        if named and (headline and not named[1]):
            named = None  # "New Mitt Romney" cut from a headline
        pieces.append(
            _Piece(
                piece_start,
                piece_end,
                named,
                tuple((m.position, m.name, m.gender) for m in headline),
                tuple((offset, bare(word)) for offset, word in capitalised),
            )
        )
    return tuple(pieces)


_PLACE_OR_BODY_WORDS = ("in", "at", "near", "outside", "across", "of", "on", "for", "the")


def _not_a_person_before(text: str, start: int, floor: int) -> bool:
    """Place or body context before a run; a title before "of" ("Secretary of State X") is fine."""
    floor = max(floor, start - 40)
    before = text[floor:start]
    if not before[-1:].isspace() or not before.rstrip().endswith(_PLACE_OR_BODY_WORDS):
        return False  # the pattern ends in one of those words and a space
    found = _NOT_A_PERSON_BEFORE.search(text, floor, start)
    return bool(found) and not (found.group(1) and found.group(1) in lexicon().titles)


@lru_cache(maxsize=16384)
def _named_by(words: tuple[str, ...]) -> tuple[str, str, str] | None:
    """The name, role (its title words) and gender the words of a piece give a person, if any."""
    lex = lexicon()
    words = [w for w in words if w != "-"]
    if not words:
        return None
    words[-1] = strip_possessive(bare(words[-1]))
    cut = 0
    for index, word in enumerate(words):
        if word in lex.titles or word in lex.not_names or not is_name_token(word):
            cut = index + 1
    title_words = [w for w in words[:cut] if w in lex.titles]
    words = words[cut:]
    if not words or len(words) > 5 or (len(words) == 1 and not title_words):
        return None
    if all(w in SUFFIXES or w.lower() in PARTICLES for w in words):
        return None
    if len(words[-1].rstrip(".")) == 1:
        return None  # a name does not end in an initial ("Quoting U.")
    if any(w in lex.org_words for w in words):
        return None
    gender = next((lex.titles[w] for w in title_words if lex.titles.get(w)), "")
    role = " ".join(w for w in title_words if w not in lex.honorifics)
    return join_words(words), role, gender


def _with_title_of(text: str, position: int, p_start: int, role: str) -> tuple[int, str]:
    """ "Secretary of State Hillary Clinton": the role starts at the title before "of"."""
    floor = max(p_start, position - 60)
    before = text[floor:position]
    if before[-1:] not in {" ", "\t"} or not before.rstrip(" \t").endswith(("of", "the")):
        return position, role  # the pattern ends in "of" or "of the" and a space
    found = _TITLE_OF.search(text, floor, position)
    if found and found.group(1).split()[0] in lexicon().titles:
        return found.start(1), " ".join([*found.group(1).split(), *role.split()])
    return position, role


def _within_sentences(run: str, start: int) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """A run of capitalised words cut where a word ends its sentence ("in July. Cruz said"): each
    piece's start, end and words with their offsets (the sentence's full stop cut off)."""
    pieces, piece_start, words = [], start, []
    for match in WORD_TOKEN.finditer(run):
        word = match.group()
        if word.endswith(".") and word[:1].isupper() and bare(word) != word:
            words.append((start + match.start(), word[:-1]))
            pieces.append((piece_start, start + match.end() - 1, words))
            piece_start, words = start + match.end(), []
        else:
            words.append((start + match.start(), word))
    pieces.append((piece_start, start + len(run), words))
    return [piece for piece in pieces if piece[2]]


def _names_in_headline_run(words: list[tuple[int, str]]) -> list[Mention]:
    """ "Maria Lopez Takes On Her Rivals …": in a run of capitalised words too long to be
    one name (a Title Case headline), a known first name and the word after it are a name."""
    if len(words) <= 5:
        return []
    genders = first_name_genders()
    found = []
    for (offset, first), (_, last) in zip(words, words[1:], strict=False):
        last = strip_possessive(bare(last))
        if first in genders and is_name_token(last) and last not in lexicon().org_words:
            found.append(Mention(offset, f"{first} {last}", "", genders[first]))
    return found
