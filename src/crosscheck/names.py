"""The people one report names, so a bare surname or a title resolves to a name.

"Dunford" → "Joseph Dunford" (the fullest name with that surname, nearest before), "the
president" → the person last named with that title, "Centcom" → "US Central Command" where
the report gave the long form in front of the acronym in parentheses. Roles are looked up
lazily. "he"/"she" → a person is `pronouns.Referents`, built on this index.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .attribution_words import (
    PARTICLES,
    RELATIVE_OPENERS,
    SUFFIXES,
    WORD_TOKEN,
    bare,
    drop_article,
    is_name_token,
    join_words,
    lexicon,
    lexicon_rows,
    strip_possessive,
    tokens,
)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Common English first names and the gender they usually go with (first_names.csv).

    Only names that are rarely anything else are listed, so "Susan Collins … she said" can skip
    a man named in between; names given to both sexes are left out.
    """
    return {row["name"]: row.get("gender", "") for row in lexicon_rows("first_names.csv", "name")}


# Capitalised words after "in"/"at" name a place ("in Colorado Springs"), and after a
# capitalised word + of/on/for the rest of a body's name ("Commission on Presidential Debates").
_NOT_A_PERSON_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|across)\s+(?:the\s+)?|\b([A-Z][\w'’-]*)\s+(?:of|on|for)\s+(?:the\s+)?)$"
)


def _not_a_person_before(text: str, start: int, floor: int) -> bool:
    """Place or body context before a run; a title before "of" ("Secretary of State X") is fine."""
    found = _NOT_A_PERSON_BEFORE.search(text, max(floor, start - 40), start)
    return bool(found) and not (found.group(1) and found.group(1) in lexicon().titles)


@dataclass(frozen=True)
class Mention:
    """A person named in the report: where, the full name, the role written with it."""

    position: int
    name: str
    role: str
    gender: str
    subject: bool = False
    end: int = -1  # end of the words that name the person, when known


_CAPITAL_RUN = re.compile(
    rf"(?:[A-Z][\w'’.\-]*\s+(?:(?:{'|'.join(sorted(PARTICLES))})[\-\s])?)*[A-Z][\w'’\-]*\.?"
)
_ALIAS = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+)(?:(?:of|the|for|and|on)\s+|[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)"
    r"\s+\(([A-Z][\w.-]{1,15})\)"
)
# Role words before a name stay on its line and in its sentence ("USA TODAY.\n\nWhite House
# press secretary Sarah Sanders": the role is "White House press secretary").
_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*[ \t]+)*(?:[a-z][\w-]*[ \t]+){1,3})$")
APPOSITIVE_ROLE = re.compile(r",[ \t]+((?:the[ \t]+)?[a-zA-Z][^,.;\"“”\n]{2,80}?)(?=,|\.\s|\.$|$)")
_TITLE_OF = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+)+of[ \t]+(?:the[ \t]+)?)$")


class NameIndex:
    """People one report names, so "Dunford" and "the general" resolve to "Joseph Dunford"."""

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int]],
        quoted: list[tuple[int, int]],
        sentence_starts: list[int],
    ):
        self.text = text
        self.sentence_starts = sentence_starts
        self.by_surname: dict[str, list[Mention]] = {}
        self.by_first: dict[str, list[Mention]] = {}
        self.gender: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._spans: dict[str, list[tuple[int, int, str]]] = {}
        full: list[Mention] = []
        singles: list[tuple[int, str]] = []
        quoted_starts = [s for s, _ in quoted]
        self._quoted, self._quoted_starts = quoted, quoted_starts
        for p_start, p_end in spans:
            for match in _CAPITAL_RUN.finditer(text, p_start, p_end):
                if _inside(quoted, quoted_starts, match.start()):
                    continue
                for start, end in _within_sentences(match.group(), match.start()):
                    words = list(_capitalised(text[start:end], start))
                    headline = _names_in_headline_run(words)
                    mention = self._person(tokens(text[start:end]), start)
                    if mention and (headline and not mention.role):
                        mention = None  # "New Mitt Romney" cut from a headline
                    if mention and _not_a_person_before(text, start, p_start):
                        mention = None
                    if mention:
                        mention = replace(self._with_title_of(mention, p_start), end=end)
                        full.append(mention)
                        self._spans.setdefault(mention.name, []).append((start, end, mention.role))
                    else:
                        full.extend(headline)
                        singles.extend((offset, bare(word)) for offset, word in words)
        genders = first_name_genders()
        for mention in full:
            name_words = [w for w in mention.name.split() if w not in SUFFIXES]
            self.by_surname.setdefault(name_words[-1], []).append(mention)
            self.by_first.setdefault(name_words[0], []).append(mention)
            given = next((w for w in name_words if len(w.rstrip(".")) > 1), name_words[0])
            gender = mention.gender or genders.get(given, "")  # "J. Christopher Stevens"
            if gender:
                self.gender.setdefault(mention.name, gender)
        self.aliases = {
            m.group(2): m.group(1) for m in _ALIAS.finditer(text) if m.group(2) != m.group(1)
        }
        self.mentions = full
        for offset, word in singles:
            resolved = self.resolve_single(word, offset)
            if resolved:
                self.mentions.append(Mention(offset, resolved, "", "", end=offset + len(word)))
            elif word in genders:  # a person the report calls by first name only ("Melanie")
                self.mentions.append(
                    Mention(offset, word, "", genders[word], end=offset + len(word))
                )
                self.gender.setdefault(word, genders[word])
        self.mentions.sort(key=lambda m: m.position)
        self.positions = [m.position for m in self.mentions]

    def _person(self, words: list[str], start: int) -> Mention | None:
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
        return Mention(start, join_words(words), role, gender)

    def _with_title_of(self, mention: Mention, p_start: int) -> Mention:
        """ "Secretary of State Hillary Clinton": the role starts at the title before "of"."""
        found = _TITLE_OF.search(self.text, max(p_start, mention.position - 60), mention.position)
        if not found or found.group(1).split()[0] not in lexicon().titles:
            return mention
        role = " ".join([*found.group(1).split(), *mention.role.split()])
        return Mention(found.start(1), mention.name, role, mention.gender)

    def role_of(self, name: str) -> str:
        """The role the report gives a person: title, apposition or words before the name."""
        if name in self._roles:
            return self._roles[name]
        lex = lexicon()
        text = self.text
        found = ""
        for start, end, title_role in self._spans.get(name, []):
            role = title_role
            after = APPOSITIVE_ROLE.match(text, end, min(len(text), end + 120))
            if after and not after.group(1).lower().startswith(RELATIVE_OPENERS):
                appositive = drop_article(after.group(1))
                if not lex.cue_pattern.match(appositive) and (
                    appositive[:1].islower() or appositive.split()[0] in lex.titles
                ):
                    role = ", ".join(r for r in (role, appositive) if r)
            role = role or self._role_before(text, start)
            if role:
                found = role
                break
        self._roles[name] = found
        return found

    @staticmethod
    def _role_before(text: str, start: int) -> str:
        """Lower-case role words written just before a name ("press secretary Sarah Sanders")."""
        match = _ROLE_BEFORE.search(text, max(0, start - 60), start)
        if not match:
            return ""
        titles = lexicon().titles
        words = match.group(1).split()
        ends = [i for i, w in enumerate(words) if w[:1].isupper() and bare(w) != w]
        if ends:  # a sentence ended inside the match: the role starts after it
            words = words[ends[-1] + 1 :]
        lower = [w for w in words if w[:1].islower()]
        if all(w.capitalize() in titles or w in {"of", "the", "for"} for w in lower):
            return " ".join(words)
        return ""

    def resolve_single(self, word: str, position: int) -> str:
        """The full name a lone surname (or first name) stands for, nearest before `position`."""
        for table in (self.by_surname, self.by_first):
            candidates = table.get(word)
            if candidates:
                full = [m for m in candidates if " " in m.name] or candidates
                before = [m for m in full if m.position <= position]
                return (before[-1] if before else full[0]).name
        return ""

    def resolve_alias(self, label: str) -> str:
        """An acronym's long form, where the report wrote "US Central Command (Centcom)"."""
        bare_label = re.sub(r"^(?:the|The)\s+", "", label)
        return self.aliases.get(bare_label, "")

    def resolve_name(self, name: str, position: int) -> str:
        """A speaker's name as fully as the report gives it."""
        if name in self.aliases:
            return self.aliases[name]
        words = name.split()
        if len(words) == 1:
            return self.resolve_single(words[0], position) or name
        return name

    def is_quoted(self, position: int) -> bool:
        """True inside a quotation of the report."""
        return _inside(self._quoted, self._quoted_starts, position)

    def resolve_title(self, description: str, position: int) -> str:
        """ "the president" → the person last named with that title, if any."""
        words = description.lower().split()
        if len(words) < 2 or words[0] != "the":
            return ""
        head = words[-1]
        titles = lexicon().titles
        if not ({head.capitalize(), head.rstrip("s").capitalize()} & titles.keys()) or (
            head.capitalize() in lexicon().org_words
        ):
            return ""  # "the Pentagon" is a body, not a title held by a person
        last = bisect.bisect_left(self.positions, position) - 1
        for index in range(last, -1, -1):
            mention = self.mentions[index]
            role = (mention.role or self.role_of(mention.name)).lower()
            if head in role.replace(",", " ").split():
                return mention.name
        return ""


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _within_sentences(run: str, start: int) -> list[tuple[int, int]]:
    """A run of capitalised words cut where a word ends its sentence ("in July. Cruz said")."""
    pieces, piece_start = [], start
    for match in WORD_TOKEN.finditer(run):
        word = match.group()
        if word.endswith(".") and word[:1].isupper() and bare(word) != word:
            pieces.append((piece_start, start + match.end() - 1))
            piece_start = start + match.end()
    pieces.append((piece_start, start + len(run)))
    return [(a, b) for a, b in pieces if run[a - start : b - start].strip()]


def _names_in_headline_run(words: list[tuple[int, str]]) -> list[Mention]:
    """ "Hillary Clinton Goes After Donald Trump …": in a run of capitalised words too long to be
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


def _capitalised(run: str, start: int):
    for match in WORD_TOKEN.finditer(run):
        if match.group()[:1].isupper():
            yield start + match.start(), match.group()
