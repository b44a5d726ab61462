"""Who said a quotation: cue verbs, speaker phrases, titles and roles, names and pronouns.

quotes.py hands this module short stretches of report text next to a quotation. This
module finds the cue ("said", "wrote", "according to"), splits the speaker phrase into a
name or description, a role and an organisation, and resolves bare surnames and pronouns
against the people the same report names. Word lists are data in data/lexicon/ (cues.csv,
titles.csv, organisations.csv, not_names.csv), loaded once.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import ArticleError

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicon"

PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": "s"}
ARTICLES = {"the", "a", "an"}
RELATIVE_OPENERS = ("who ", "which ", "whose ", "whom ", "where ", "when ")
# Lower-case words at which a subject phrase is cut ("Despite that Smith" → "Smith").
CLAUSE_BREAKERS = {
    "that", "and", "but", "when", "while", "because", "after", "before", "since", "if",
    "despite", "although", "though", "where", "then", "so", "as", "than", "whether", "until",
    "also", "later", "earlier", "has", "have", "had", "is", "was", "were", "are", "be",
    "what", "how", "why", "not", "this", "ago", "week", "month", "year", "day", "night",
}  # fmt: skip
PARTICLES = {
    "al",
    "bin",
    "ibn",
    "de",
    "da",
    "van",
    "von",
    "del",
    "der",
    "la",
    "le",
    "di",
    "du",
    "el",
}
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
PREPOSITIONS = {"in", "of", "at", "from", "for", "with", "on", "near", "to", "by"}
DESCRIPTION_HEADS = {"one", "two", "three", "several", "some", "many", "officials", "sources"}
STATEMENT_WORDS = re.compile(
    r"\b(?:statements?|tweets?|tweeted|twitter|posts?|posted|release|letter|e-?mail|facebook|"
    r"instagram|communiqu[eé]|memo|op-ed|wrote|written|writes)\b",
    re.IGNORECASE,
)


def _rows(name: str, key: str) -> list[dict[str, str]]:
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
    org_words: dict[str, str]  # word → org | place | time
    not_names: frozenset[str]
    cue_pattern: re.Pattern = field(repr=False)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Cue verbs, titles, organisation words and non-name words from data/lexicon/*.csv."""
    cues = {
        " ".join(r["cue"].lower().split()): r.get("written") == "yes"
        for r in _rows("cues.csv", "cue")
    }
    titles = {r["title"]: r.get("gender", "") for r in _rows("titles.csv", "title")}
    honorifics = frozenset(
        r["title"] for r in _rows("titles.csv", "title") if r.get("honorific") == "yes"
    )
    org_words = {r["word"]: r.get("kind", "org") for r in _rows("organisations.csv", "word")}
    not_names = frozenset(r["word"] for r in _rows("not_names.csv", "word"))
    alternatives = "|".join(
        re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True)
    )
    cue_pattern = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    return Lexicon(cues, titles, honorifics, org_words, not_names, cue_pattern)


_TOKEN = re.compile(r"\w[\w'’.\-]*|\S")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z]")


def tokens(phrase: str) -> list[str]:
    """Words of a short phrase; abbreviations keep their periods ("Gen.", "U.S.")."""
    return _TOKEN.findall(phrase)


def bare(token: str) -> str:
    """A token without a sentence-final period (initials, titles and "U.S." keep theirs)."""
    if token.endswith(".") and len(token) > 2 and "." not in token[:-1]:
        if token not in lexicon().titles and token not in SUFFIXES:
            return token[:-1]
    return token


def is_name_token(token: str) -> bool:
    """A capitalised word that can be part of a person's name (not a title, acronym or org word)."""
    lex = lexicon()
    if token in SUFFIXES:
        return True
    if token.lower() in PARTICLES or token.lower().split("-")[0] in PARTICLES and "-" in token:
        return True
    if not token[:1].isupper() or token in lex.titles or token in lex.not_names:
        return False
    core = token.rstrip(".")
    if len(core) == 1:
        return token.endswith(".")  # an initial
    if "." in core or core.isupper() or core.endswith(("'s", "’s", "'", "’")):
        return False  # U.S., ISIS, Trump's
    return any(ch.islower() for ch in core)


@dataclass
class Speaker:
    """A parsed speaker phrase: `name` for a person, else `description` (or a `pronoun`)."""

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


def organisation_in(role: str) -> str:
    """The organisation a role names: after of/for/at, or its leading capitalised words."""
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
    return (
        part.lower().startswith(RELATIVE_OPENERS + ("the ", "a ", "an ", "one of "))
        or part[:1].islower()
        or bool(_PARTY_STATE.match(part))
    )


def _join(words: list[str]) -> str:
    return " ".join(words).replace(" - ", "-")


def parse_speaker(phrase: str) -> Speaker | None:
    """Split a subject phrase into name or description, role and organisation; None if none."""
    phrase = _PARENTHESIS.sub("", phrase).strip(" ,;:-\u2014\u2013\"'\u201c\u201d\u2018\u2019")
    if not phrase or len(phrase) > 250:
        return None
    parts = [part.strip() for part in phrase.split(",") if part.strip()]
    head_index = len(parts) - 1
    while head_index > 0 and _is_apposition(parts[head_index]):
        head_index -= 1
    head = parts[head_index]
    appositions = [
        re.sub(r"^(?:the|a|an)\s+", "", p)
        for p in parts[head_index + 1 :]
        if not p.lower().startswith(RELATIVE_OPENERS) and not _PARTY_STATE.match(p)
    ]
    words = tokens(head)
    for index in range(len(words) - 1, -1, -1):
        if words[index] in CLAUSE_BREAKERS or words[index] in {'"', "“", "”"}:
            words = words[index + 1 :]
            break
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Speaker(phrase, pronoun=words[0].lower())
    lex = lexicon()
    words[-1] = bare(words[-1])
    run_start = len(words)
    while run_start > 0 and is_name_token(words[run_start - 1]):
        run_start -= 1
    name_words = words[run_start:]
    while name_words and (name_words[0].lower() in PARTICLES or name_words[0] in SUFFIXES):
        name_words = name_words[1:]
    prefix = words[: len(words) - len(name_words)]
    gender = ""
    if prefix and prefix[-1] in lex.honorifics:
        gender = lex.titles[prefix[-1]]
        prefix = prefix[:-1]
    while prefix and prefix[0].lower() in ARTICLES and name_words:
        prefix = prefix[1:]
    role_parts = [_join(prefix)] if prefix and name_words else []
    if prefix and name_words:
        gender = gender or lex.titles.get(prefix[-1], "")
    role_parts.extend(appositions)
    role = ", ".join(role_parts)
    is_org = any(w in lex.org_words for w in name_words) or bool(
        prefix and prefix[-1] in PREPOSITIONS
    )
    if name_words and not is_org and len(prefix) <= 6:
        return Speaker(
            phrase,
            name=_join(name_words),
            role=role,
            organisation=organisation_in(role),
            gender=gender,
        )
    if not any(ch.isalpha() for ch in head) or len(words) > 10:
        return None
    lowered = [w.lower() for w in words]
    if not is_org and not any(w[:1].isupper() for w in words):
        if lowered[0] not in ARTICLES | DESCRIPTION_HEADS and len(words) > 3:
            return None
        if len(words) == 1 and lowered[0] not in DESCRIPTION_HEADS:
            return None
    description = _join(words)
    return Speaker(
        phrase,
        description=description,
        role=", ".join(appositions),
        organisation=organisation_in(", ".join(appositions)),
    )


def written_cue(cue: str) -> bool:
    """True for cues that mean written words (wrote, tweeted, posted)."""
    return lexicon().cues.get(" ".join(cue.lower().split()), False)


@dataclass(frozen=True)
class Mention:
    """A person named in the report: where, the full name, the role written with it."""

    position: int
    name: str
    role: str
    gender: str


_CAPITAL_RUN = re.compile(
    r"(?:[A-Z][\w'’.\-]*\s+(?:(?:al|bin|ibn|de|da|van|von|del|der|la|le|di|du|el)[\-\s])?)*[A-Z][\w'’\-]*\.?"
)
_APPOSITIVE_ROLE = re.compile(r",\s+((?:the\s+)?[a-zA-Z][^,.;\"“”]{2,80}?)(?=,|\.\s|\.$|$)")


class NameIndex:
    """People one report names, so "Dunford" and "he" resolve to "Joseph Dunford"."""

    def __init__(self, text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]):
        self.by_surname: dict[str, list[Mention]] = {}
        self.by_first: dict[str, list[Mention]] = {}
        self.gender: dict[str, str] = {}
        self.role: dict[str, str] = {}
        full: list[Mention] = []
        singles: list[tuple[int, str]] = []
        quoted_starts = [s for s, _ in quoted]
        for p_start, p_end in spans:
            for match in _CAPITAL_RUN.finditer(text, p_start, p_end):
                if _inside(quoted, quoted_starts, match.start()):
                    continue
                mention = self._person(tokens(match.group()), match.start(), text, match.end())
                if mention:
                    full.append(mention)
                else:
                    for offset, word in _capitalised(match.group(), match.start()):
                        singles.append((offset, bare(word)))
        for mention in full:
            name_words = [w for w in mention.name.split() if w not in SUFFIXES]
            self.by_surname.setdefault(name_words[-1], []).append(mention)
            self.by_first.setdefault(name_words[0], []).append(mention)
            if mention.gender:
                self.gender.setdefault(mention.name, mention.gender)
            if mention.role:
                self.role.setdefault(mention.name, mention.role)
        self.mentions = list(full)
        for offset, word in singles:
            resolved = self.resolve_single(word, offset)
            if resolved:
                self.mentions.append(Mention(offset, resolved, "", ""))
        self.mentions.sort(key=lambda m: m.position)
        self.positions = [m.position for m in self.mentions]

    def _person(self, words: list[str], start: int, text: str, end: int) -> Mention | None:
        lex = lexicon()
        words = [w for w in words if w != "-"]
        if words:
            words[-1] = bare(words[-1])
        title_words: list[str] = []
        while words and (words[0] in lex.titles or words[0] in lex.not_names):
            title_words = [] if words[0] in lex.not_names else [*title_words, words[0]]
            words = words[1:]
        if not 2 <= len(words) <= 5:
            return None
        if not all(is_name_token(w) for w in words) or any(w in lex.org_words for w in words):
            return None
        gender = next((lex.titles[w] for w in title_words if lex.titles.get(w)), "")
        role = " ".join(w for w in title_words if w not in lex.honorifics)
        after = _APPOSITIVE_ROLE.match(text, end, min(len(text), end + 120))
        if after and not after.group(1).lower().startswith(RELATIVE_OPENERS):
            appositive = re.sub(r"^(?:the|a|an)\s+", "", after.group(1))
            if not lex.cue_pattern.match(appositive) and (
                appositive[:1].islower() or appositive.split()[0] in lex.titles
            ):
                role = ", ".join(r for r in (role, appositive) if r)
        return Mention(start, _join(words), role, gender)

    def resolve_single(self, word: str, position: int) -> str:
        """The full name a lone surname (or first name) stands for, nearest before `position`."""
        for table in (self.by_surname, self.by_first):
            candidates = table.get(word)
            if candidates:
                before = [m for m in candidates if m.position <= position]
                return (before[-1] if before else candidates[0]).name
        return ""

    def resolve_name(self, name: str, position: int) -> str:
        """A speaker's name as fully as the report gives it."""
        words = name.split()
        if len(words) == 1:
            return self.resolve_single(words[0], position) or name
        return name

    def resolve_pronoun(self, pronoun: str, position: int, window_start: int) -> str:
        """The most recent person named before `position` whose gender fits the pronoun."""
        wanted = PRONOUNS.get(pronoun, "")
        if wanted not in {"m", "f"}:
            return ""
        index = bisect.bisect_left(self.positions, position) - 1
        while index >= 0 and self.mentions[index].position >= window_start:
            mention = self.mentions[index]
            if self.gender.get(mention.name, wanted) == wanted:
                return mention.name
            index -= 1
        return ""

    def learn_gender(self, name: str, pronoun: str) -> None:
        """Remember that `name` was referred to as he/she."""
        wanted = PRONOUNS.get(pronoun, "")
        if wanted in {"m", "f"} and name:
            self.gender.setdefault(name, wanted)


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _capitalised(run: str, start: int):
    for match in _TOKEN.finditer(run):
        if match.group()[:1].isupper():
            yield start + match.start(), match.group()
