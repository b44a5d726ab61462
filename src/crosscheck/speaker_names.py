"""A speaker string read as a name, and whether two names can be one person.

parse_speaker reads a speaker string as a person (title, name, apposition), several people
or an unnamed source; name_match says whether two full names can be one person, and how
sure that is ("McConnell", "Sen. Mitch McConnell", "Addison Mitchell McConnell").
speaker_merge uses both to merge the names across reports.

The words are data in data/lexicon/: titles.csv (ranks and offices before a name),
organisations.csv (words that make a capitalised run an organisation or a place),
aliases.csv (given-name variants and full-name aliases) and affiliations.csv.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from nltk.metrics.distance import edit_distance

from .errors import ArticleError
from .paths import LEXICON_DIR
from .text import normalise

PERSON, PEOPLE, UNNAMED = "person", "people", "unnamed"
NAMED, ANONYMOUS, INSTITUTIONAL, UNKNOWN = "named", "anonymous", "institutional", "unknown"
SOURCE_TYPES = (NAMED, ANONYMOUS, INSTITUTIONAL, UNKNOWN)
CERTAIN, UNCERTAIN = "certain", "uncertain"

_CUT = re.compile(r",|;|\s\(|\s[-\u2013\u2014]\s|\s(?:who|which|whose)\s")
_PARTICLES = {
    "al", "el", "bin", "ibn", "abu", "bint", "de", "van", "von", "der", "den", "da", "di", "du",
    "la", "le", "ter",
}  # fmt: skip
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|ar)-(?=\w)", re.IGNORECASE)
_CONNECTORS = {"of", "for", "from", "in", "at", "to", "on", "with", "and", "&", "by"}
_PREPOSITIONS = _CONNECTORS - {"and", "&"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def read_lexicon(name: str, columns: list[str], folder: Path | None = None) -> pd.DataFrame:
    """One lexicon CSV of data/lexicon, '#' lines skipped; a clear error if it is malformed."""
    path = (folder or LEXICON_DIR) / name
    try:
        table = pd.read_csv(
            path, dtype=str, keep_default_na=False, comment="#", skipinitialspace=True
        )
    except FileNotFoundError:
        raise ArticleError(path, "lexicon file not found") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise ArticleError(path, f"cannot read lexicon ({type(err).__name__})") from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ArticleError(path, f"lexicon lacks column(s): {', '.join(missing)}")
    table = table[columns].apply(lambda col: col.str.strip())
    return table[(table != "").all(axis=1)]


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in read_lexicon("titles.csv", ["title"])["title"])


@lru_cache(maxsize=1)
def _word_kinds() -> dict[str, str]:
    table = read_lexicon("organisations.csv", ["word", "kind"])
    return dict(zip(table["word"].str.rstrip("."), table["kind"], strict=True))


@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, frozenset[int]], dict[str, str]]:
    """Given-name variant groups (folded name → group numbers) and full-name aliases."""
    groups: dict[str, set[int]] = {}
    full: dict[str, str] = {}
    for number, (alias, name) in enumerate(read_lexicon("aliases.csv", ["alias", "name"]).values):
        if len(alias.split()) == 1 and len(name.split()) == 1:
            for word in (fold(alias), fold(name)):
                groups.setdefault(word, set()).add(number)
        else:
            full[fold(alias)] = name
    return {k: frozenset(v) for k, v in groups.items()}, full


@dataclass(frozen=True)
class Keyword:
    """One affiliations.csv row, compiled: capitalised keywords match only as written."""

    keyword: str
    group: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def affiliation_keywords() -> tuple[Keyword, ...]:
    """The affiliation lexicon (data/lexicon/affiliations.csv) as compiled keywords."""
    table = read_lexicon("affiliations.csv", ["keyword", "group"])
    keywords = []
    for keyword, group in table.values:
        flags = re.IGNORECASE if keyword == keyword.lower() else 0
        pattern = re.compile(r"(?<!\w)" + re.escape(keyword) + r"(?!\w)", flags)
        keywords.append(Keyword(keyword, group, pattern))
    return tuple(keywords)


def keywords_in(text: str) -> list[Keyword]:
    """Every affiliation keyword found in `text`."""
    text = normalise(text)
    return [k for k in affiliation_keywords() if k.pattern.search(text)]


def fold(word: str) -> str:
    """Lower case without accents, dots or apostrophes: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", normalise(word))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[.'\u2019]", "", plain).lower()


@dataclass(frozen=True)
class Speaker:
    """A speaker string read as a person, several people or an unnamed source."""

    raw: str
    kind: str  # PERSON, PEOPLE or UNNAMED
    name: str  # the name without title; for an unnamed source the words used
    title: str = ""  # what stood before the name ("White House press secretary")
    description: str = ""  # the apposition after it ("chairman of the Joint Chiefs of Staff")
    institution: str = ""  # an organisation named in the speaker ("White House")
    aliased: bool = False  # the name was replaced by an aliases.csv full-name alias

    @property
    def tokens(self) -> list[str]:
        return [t for t in self.name.split() if fold(t) not in _SUFFIXES]

    @property
    def surname(self) -> str:
        return _PARTICLE_PREFIX.sub("", fold(self.tokens[-1])) if self.tokens else ""

    @property
    def given(self) -> list[str]:
        return [fold(t) for t in self.tokens[:-1] if fold(t) not in _PARTICLES]


def _is_name_token(token: str) -> bool:
    return bool(token) and (token[0].isupper() or bool(_PARTICLE_PREFIX.match(token)))


def _runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of capitalised tokens; lower-case particles ("bin", "al") join a run they sit in."""
    runs, start = [], None
    for i, token in enumerate(tokens + [""]):
        inside = _is_name_token(token) or (
            start is not None
            and token.lower() in _PARTICLES
            and i + 1 < len(tokens)
            and _is_name_token(tokens[i + 1])
        )
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            runs.append((start, i))
            start = None
        if start is not None and token.endswith(("'s", "s'")):
            runs.append((start, i + 1))
            start = None
    return runs


@lru_cache(maxsize=4096)
def parse_speaker(raw: str) -> Speaker:
    """Read one speaker string: 'Marine Gen. Joseph Dunford' → person 'Joseph Dunford'."""
    text = " ".join(normalise(str(raw)).split()).strip(" .,;:\"'")
    cut = _CUT.search(text)
    head = text[: cut.start()].strip() if cut else text
    description = text[cut.end() :].strip(" ,;()-") if cut else ""
    tokens = [t.strip(':"') for t in head.split()]
    persons: list[tuple[int, list[str]]] = []
    institution = ""
    for start, end in _runs(tokens):
        run = tokens[start:end]
        before = tokens[start - 1].lower() if start else ""
        after = tokens[end] if end < len(tokens) else ""
        if run[-1].endswith(("'s", "s'")) or (after[:1].islower() and after not in _CONNECTORS):
            continue  # an owner ("Blair's spokesman") or a modifier ("U.S. official")
        lead = 0
        if before in _PREPOSITIONS and len(run) >= 3 and run[0].rstrip(".") not in _titles():
            lead = 1  # "representative for Iran Brian Hook": the first word is the object
        while lead < len(run) - 1 and run[lead].rstrip(".") in _titles():
            lead += 1
        name = run[lead:]
        if name[-1].rstrip(".") in _titles() or all(t.replace(".", "").isupper() for t in name):
            continue  # a title or an acronym alone ("President", "U.S.")
        kinds = [_word_kinds().get(t.rstrip(".")) for t in name]
        if "org" in kinds or any(k.group != ANONYMOUS for k in keywords_in(" ".join(name))):
            institution = institution or " ".join(run)
            continue
        if (
            kinds[-1] in {"place", "time"}
            or before == "the"
            or (before in _PREPOSITIONS and not lead)
        ):
            continue
        persons.append((start + lead, name))
    if not persons:
        return Speaker(str(raw), UNNAMED, head, description=description, institution=institution)
    if len(persons) > 1:
        joined = " and ".join(" ".join(name) for _, name in persons)
        return Speaker(str(raw), PEOPLE, joined, description=description)
    position, name = persons[0]
    full_name, aliased = " ".join(name), False
    target = _aliases()[1].get(fold(full_name))
    if target:
        full_name, aliased = target, True
    title = " ".join(tokens[:position]).strip()
    return Speaker(str(raw), PERSON, full_name, title, description, aliased=aliased)


def _given_match(a: str, b: str) -> str | None:
    """How two given names match: certain (same, initial, variant, prefix), uncertain, or None."""
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return CERTAIN
    groups = _aliases()[0]
    if groups.get(a, frozenset()) & groups.get(b, frozenset()):
        return CERTAIN
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return CERTAIN
    if min(len(a), len(b)) >= 4 and edit_distance(a, b) <= 1:
        return UNCERTAIN
    return None


def name_match(a: Speaker, b: Speaker) -> str | None:
    """Whether two full names can be one person: CERTAIN, UNCERTAIN or None (keep apart)."""
    if a.surname == b.surname:
        level = CERTAIN
    elif min(len(a.surname), len(b.surname)) >= 5 and edit_distance(a.surname, b.surname) <= 1:
        level = UNCERTAIN
    else:
        return None
    if not a.given or not b.given:
        return level if level == CERTAIN else None
    short, long = sorted((a.given, b.given), key=len)
    position = 0
    for word in short:  # every given name of the shorter form, in order, within the longer
        while position < len(long) and _given_match(word, long[position]) is None:
            position += 1
        if position == len(long):
            return None
        if _given_match(word, long[position]) == UNCERTAIN:
            level = UNCERTAIN
        position += 1
    return level
