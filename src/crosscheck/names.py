"""The people one report names, so a bare surname, a title or a pronoun resolves to a name.

"Dunford" → "Joseph Dunford" (the fullest name with that surname, nearest before), "the
president" → the person last named with that title, "he"/"she" → the most recent speaker or
sentence subject whose gender fits, "Centcom" → "US Central Command" where the report gave
the long form in front of the acronym in parentheses. Roles are looked up lazily.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .attribution_words import (
    FUNCTION_WORDS,
    PARTICLES,
    PRONOUNS,
    RELATIVE_OPENERS,
    SUBJECT_FILLERS,
    SUFFIXES,
    bare,
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


SUBORDINATORS = {
    "while", "although", "though", "because", "if", "when", "as", "since", "after", "before",
    "unless", "whether", "until", "once", "whereas", "but",
}  # fmt: skip
_ADVERB_LEAD = re.compile(r"^,?\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?")


@lru_cache(maxsize=1)
def _cue_before_name(cue_pattern: re.Pattern) -> re.Pattern:
    """A clause ending in a cue and capitalised words: "…, noted NBC's " before the name."""
    return re.compile(rf"(?:{cue_pattern.pattern})\s+(?:[A-Z][\w.'’-]*\s+)*$")


# Capitalised words after "in"/"at" name a place ("in Colorado Springs"), and after a
# capitalised word + of/on/for the rest of a body's name ("Commission on Presidential Debates").
_NOT_A_PERSON_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|across)\s+(?:the\s+)?|\b([A-Z][\w'’-]*)\s+(?:of|on|for)\s+(?:the\s+)?)$"
)


def _not_a_person_before(text: str, start: int, floor: int) -> bool:
    """Place or body context before a run; a title before "of" ("Secretary of State X") is fine."""
    found = _NOT_A_PERSON_BEFORE.search(text, max(floor, start - 40), start)
    return bool(found) and not (found.group(1) and found.group(1) in lexicon().titles)


_CIRCUMSTANCE_OPENERS = {
    "in", "at", "from", "for", "with", "on", "near", "to", "by", "over", "about", "after",
    "before", "during", "against", "into", "amid", "despite", "under", "while", "when", "as",
}  # fmt: skip


def _introduces_role(after: str, titles: dict[str, str]) -> bool:
    """ ", president of the …" / ", a senior fellow at …" right after a name: the person is
    being introduced, usually to be quoted next."""
    match = _APPOSITIVE_ROLE.match(after)
    if not match or match.group(1).split()[0] in _CIRCUMSTANCE_OPENERS:
        return False  # ", over the email server she used as secretary of state" is no role
    words = re.sub(r"^(?:the|a|an)\s+", "", match.group(1)).split()
    return bool(words) and any(
        w.capitalize() in titles or w.rstrip("s").capitalize() in titles for w in words[:4]
    )


_WORD_TOKEN = re.compile(r"\w[\w'’.\-]*|\S")


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
    r"(?:[A-Z][\w'’.\-]*\s+(?:(?:al|bin|ibn|de|da|van|von|del|der|la|le|di|du|el)[\-\s])?)*[A-Z][\w'’\-]*\.?"
)
_ALIAS = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+)(?:(?:of|the|for|and|on)\s+|[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)"
    r"\s+\(([A-Z][\w.-]{1,15})\)"
)
_CLAUSE_END = re.compile(r"[.!?][\"”’']*\s+|[\"”]\s+|;\s+")
# Role words before a name stay on its line and in its sentence ("USA TODAY.\n\nWhite House
# press secretary Sarah Sanders": the role is "White House press secretary").
_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*[ \t]+)*(?:[a-z][\w-]*[ \t]+){1,3})$")
_APPOSITIVE_ROLE = re.compile(r",[ \t]+((?:the[ \t]+)?[a-zA-Z][^,.;\"“”\n]{2,80}?)(?=,|\.\s|\.$|$)")
_TITLE_OF = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+)+of[ \t]+(?:the[ \t]+)?)$")


class NameIndex:
    """People one report names, so "Dunford" and "he" resolve to "Joseph Dunford"."""

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
        self._subjects: dict[int, bool] = {}
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
            after = _APPOSITIVE_ROLE.match(text, end, min(len(text), end + 120))
            if after and not after.group(1).lower().startswith(RELATIVE_OPENERS):
                appositive = re.sub(r"^(?:the|a|an)\s+", "", after.group(1))
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

    def _is_subject(self, mention: Mention) -> bool:
        """A mention likely to be the subject of what follows: it opens its clause (after at most
        a short introductory phrase or role words), stands just before a cue ("…, Mr. Obama said"),
        follows one ("noted NBC's Dante Chinni") or is introduced with a role (", president of …").
        A possessive counts only when it opens the clause ("Mr. Mattis's letter said"), not
        inside it ("citing Diamond's best seller"); a clause opened by a subordinator never."""
        position = mention.position
        if position in self._subjects:
            return self._subjects[position]
        self._subjects[position] = self._subject_test(position, mention.end)
        return self._subjects[position]

    def _subject_test(self, position: int, end: int) -> bool:
        lex = lexicon()
        after = self.text[end : end + 120] if end >= 0 else ""
        possessive = after.startswith(("'s", "’s", "'", "’")) or self.text[end - 2 : end] in {
            "'s",
            "’s",
        }
        if (
            after
            and not possessive
            and (
                lex.cue_pattern.match(_ADVERB_LEAD.sub("", after))
                or _introduces_role(after, lex.titles)
            )
        ):
            return True
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[index] if index >= 0 else 0
        prefix = _CLAUSE_END.split(self.text[start:position])[-1]
        if not possessive and _cue_before_name(lex.cue_pattern).search(prefix):
            return True
        words = prefix.split()
        if words and words[0].lower() in SUBORDINATORS:
            return False
        if "," in prefix and len(prefix.split(",")[0]) < 45:
            words = prefix.split(",", 1)[1].split()
        role_words = [w for w in words if w[:1].islower() and w not in SUBJECT_FILLERS]
        return len(role_words) <= 2 and all(
            w[:1].isupper()
            or w in SUBJECT_FILLERS
            or w.capitalize() in lex.titles
            or (w.isalpha() and w not in FUNCTION_WORDS and not w.endswith(("ed", "ly", "ing")))
            for w in words
        )

    def is_quoted(self, position: int) -> bool:
        """True inside a quotation of the report."""
        return _inside(self._quoted, self._quoted_starts, position)

    def add_speaker(self, name: str, position: int) -> None:
        """Record that `name` was quoted at `position`: the likeliest referent of a later he/she."""
        index = bisect.bisect_left(self.positions, position)
        self.mentions.insert(index, Mention(position, name, "", "", True))
        self.positions.insert(index, position)

    def resolve_pronoun(self, pronoun: str, position: int, window_start: int) -> str:
        """The most recent speaker or sentence subject before `position` that fits the pronoun."""
        wanted = PRONOUNS.get(pronoun, "")
        if wanted not in {"m", "f"}:
            return ""
        last = bisect.bisect_left(self.positions, position) - 1
        fallback = ""
        for index in range(last, -1, -1):
            mention = self.mentions[index]
            if mention.position < window_start:
                break
            if self.gender.get(mention.name, wanted) != wanted:
                continue
            if mention.subject or self._is_subject(mention):
                return mention.name
            fallback = fallback or mention.name
        return fallback

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

    def learn_gender(self, name: str, pronoun: str) -> None:
        """Remember that `name` was referred to as he/she."""
        wanted = PRONOUNS.get(pronoun, "")
        if wanted in {"m", "f"} and name:
            self.gender.setdefault(name, wanted)


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _within_sentences(run: str, start: int) -> list[tuple[int, int]]:
    """A run of capitalised words cut where a word ends its sentence ("in July. Cruz said")."""
    pieces, piece_start = [], start
    for match in _WORD_TOKEN.finditer(run):
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
    for match in _WORD_TOKEN.finditer(run):
        if match.group()[:1].isupper():
            yield start + match.start(), match.group()
