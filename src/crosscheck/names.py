"""The people one report names, so a bare surname or a title resolves to a name.

"Dunford" → "Joseph Dunford" (the fullest name with that surname, nearest before), "the
president" → the person last named with that title, "Centcom" → "US Central Command" where
the report gave the long form in front of the acronym in parentheses. "he"/"she" → a person
is `pronouns.Referents`, built on this index.

The index is read lazily: a question about a word reads only the runs of capitalised words
that hold it (`name_runs.read_run`), and the people named in a paragraph are listed only when a
search for the person last named with a title or gender reaches that paragraph. Each answer
is the one a reading of every run up front would give.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from .attribution_words import (
    PARTICLES,
    RELATIVE_OPENERS,
    SUFFIXES,
    bare,
    drop_article,
    is_name_token,
    lexicon,
)
from .name_runs import (
    CAPITAL_RUN,
    PREVIOUS_WORD,
    RUN_GOES_ON,
    SEVERAL_WORD_RUN,
    Mention,
    RunReading,
    first_name_genders,
    read_run,
    single_word,
)

__all__ = ["APPOSITIVE_ROLE", "Mention", "NameIndex", "first_name_genders"]

# An acronym in parentheses after its long form: "US Central Command (Centcom)". The long form
# is capitalised words (of/the/for/and/on may join them) ending right before the label; it is
# read backwards from the label, on the reversed text, so only the text at labels is looked at.
_ALIAS_LABEL = re.compile(r"\(([A-Z][\w.-]{1,15})\)")
_CONNECTORS = ("of", "the", "for", "and", "on")
# A word of a long form, reversed: a capitalised word ([A-Z][\w.'’-]*) or a connector. Read
# backwards, a capitalised word starts at the first capital of its run of word characters.
_LONG_FORM_WORD = r"(?:[\w.'’-]*[A-Z]|{})".format("|".join(w[::-1] for w in _CONNECTORS))
_LONG_FORM_BACKWARDS = re.compile(rf"{_LONG_FORM_WORD}(?:\s+{_LONG_FORM_WORD})*")
_LEADING_CONNECTORS = re.compile(r"(?:(?:{})\s+)*".format("|".join(_CONNECTORS)))
# Role words before a name stay on its line and in its sentence ("USA TODAY.\n\nWhite House
# press secretary Sarah Sanders": the role is "White House press secretary").
# (Up to 60 characters before the name: capitalised words, then one to three lower-case words,
# spaces or tabs after each, read back from the name by `_role_words_before`.)
_ROLE_BEFORE_REACH = 60
_ROLE_AFTER_REACH = 120  # an apposition after a name ends within 120 characters of it
_LOWER_TAIL = re.compile(r"[a-z][\w-]*\Z")  # a lower-case role word ending where searched to
_CAPITAL_TAIL = re.compile(r"[A-Z][\w.'’-]*\Z")
_EITHER_TAIL = re.compile(rf"(?:{_LOWER_TAIL.pattern[:-2]}|{_CAPITAL_TAIL.pattern[:-2]})\Z")
# "The county sheriff, Dana Whitfield, said": a role set off by a comma right before a name.
_ROLE_SET_BEFORE = re.compile(
    r"(?:^|[\s(])(?:[Tt]he|[Aa]n?)\s+((?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*),\s*\Z"
)
APPOSITIVE_ROLE = re.compile(r",[ \t]+((?:the[ \t]+)?[a-zA-Z][^,.;\"“”\n]{2,80}?)(?=,|\.\s|\.$|$)")


class _Word(NamedTuple):
    """A capitalised word not yet looked up: a person if it resolves to one (or is a first name)."""

    position: int
    word: str


@lru_cache(maxsize=65536)
def _may_name(word: str) -> bool:
    """Whether a capitalised word can be a word of a person's name: a known first name, or a
    name token that is no organisation, place or time word ("Iraq", "Monday" name no one)."""
    return bool(word) and (
        word in first_name_genders() or (is_name_token(word) and word not in lexicon().org_words)
    )


def _name_words(name: str) -> list[str]:
    return [w for w in name.split() if w not in SUFFIXES]


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
        self._reversed = text[::-1]  # for the word before a position (name_runs.PREVIOUS_WORD)
        self.sentence_starts = sentence_starts
        self._paragraphs = spans
        self._paragraph_starts = [start for start, _ in spans]
        self._quoted, self._quoted_starts = quoted, [start for start, _ in quoted]
        # (paragraph, several words only) → starts and texts of the runs of capitalised words
        self._runs: dict[tuple[int, bool], tuple[list[int], list[str]]] = {}
        self._readings: dict[int, RunReading] = {}  # run start → what the run names
        self._holding: dict[tuple[str, bool], list[RunReading]] = {}  # the same for runs of a word
        self._named: dict[tuple[str, int], list[Mention]] = {}  # (word, -1 or 0) → people
        self._initial_gender: dict[str, str | None] = {}
        self._learnt_gender: dict[str, str] = {}
        self._roles: dict[str, str] = {}
        self._aliases: dict[str, str] | None = None
        self._titles_given: dict[str, bool] = {}  # title word → whether anyone may hold it
        self._lowered: str | None = None  # the text in lower case, when first needed
        # paragraph → its mentions (people, words, speakers) by position, and their positions
        self._listed: dict[int, tuple[list, list[int]]] = {}
        self._speakers_waiting: dict[int, list[Mention]] = {}

    # -- reading runs on demand ----------------------------------------------------------
    def _runs_of(self, number: int, several: bool = False) -> tuple[list[int], list[str]]:
        """The runs of capitalised words (of two words or more if `several`: the ones that can
        name a person) of paragraph `number`, outside quotations."""
        found = self._runs.get((number, several))
        if found is None:
            p_start, p_end = self._paragraphs[number]
            pattern = SEVERAL_WORD_RUN if several else CAPITAL_RUN
            matches = list(pattern.finditer(self.text, p_start, p_end))
            if self._quotes_reach(p_start, p_end):
                quoted, starts = self._quoted, self._quoted_starts
                matches = [m for m in matches if not _inside(quoted, starts, m.start())]
            found = self._runs[number, several] = (
                [m.start() for m in matches],
                [m.group() for m in matches],
            )
        return found

    def _quotes_reach(self, start: int, end: int) -> bool:
        """Whether `is_quoted` can be true somewhere from `start` to `end`: the last quotation
        opening at or before `start`, or one opening before `end`, reaches past `start`."""
        starts = self._quoted_starts
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        last = bisect.bisect_left(starts, end)
        return any(span_end > start for _, span_end in self._quoted[first:last])

    def _reading(self, number: int, start: int, run: str) -> RunReading:
        reading = self._readings.get(start)
        if reading is None:
            p_start = self._paragraphs[number][0]
            reading = self._readings[start] = read_run(self.text, start, run, p_start)
        return reading

    def _readings_holding(self, word: str, several: bool = True) -> list[RunReading]:
        """Readings of every run (of two words or more if `several`) that holds `word` as one of
        its words, or the start of one up to a full stop or possessive ('s), in the order of the
        report: the only runs that can name a person with that word in the name (or, all runs,
        write it as a single word)."""
        found = self._holding.get((word, several))
        if found is not None:
            return found
        found = []
        if _may_name(word):
            text, last_run, size = self.text, (-1, -1), len(word)
            ends_run_word = not word.endswith(".")  # a word to which no run word can add
            paragraph_starts, paragraphs = self._paragraph_starts, self._paragraphs
            position = text.find(word)
            while position >= 0:
                number = bisect.bisect_right(paragraph_starts, position) - 1
                if (
                    number >= 0
                    and position < paragraphs[number][1]
                    and not (ends_run_word and _WORD_GOES_ON.match(text, position + size))
                ):  # "Syria" in "Syrian …" is no word of a run
                    paragraph_runs = self._runs.get((number, several))
                    if paragraph_runs is None and several:
                        # a lone word is in no run of several: its paragraph's runs stay unread
                        if self._has_neighbour(number, position, size):
                            paragraph_runs = self._runs_of(number, several)
                    elif paragraph_runs is None:
                        paragraph_runs = self._runs_of(number, several)
                    if paragraph_runs is not None:
                        starts, runs = paragraph_runs
                        index = bisect.bisect_right(starts, position) - 1
                        if (
                            index >= 0
                            and (number, index) != last_run
                            and _run_word_at(text, position, size, starts[index], len(runs[index]))
                        ):
                            found.append(self._reading(number, starts[index], runs[index]))
                            last_run = (number, index)
                position = text.find(word, position + 1)
        self._holding[word, several] = found
        return found

    def _has_neighbour(self, number: int, position: int, size: int) -> bool:
        """Whether the word of `size` characters at `position` (in paragraph `number`) has a
        neighbour it could form a run of several words with: without one, no such run holds it,
        and the paragraph's runs need not be read for it."""
        p_start, p_end = self._paragraphs[number]
        if RUN_GOES_ON.match(self.text, position + size, p_end):
            return True
        length = len(self.text)
        before = PREVIOUS_WORD.match(self._reversed, length - position, length - p_start)
        if before is None:
            return False
        word = before.group(1)[::-1]
        return word in PARTICLES or _HAS_CAPITAL.search(word) is not None

    def _people_named(self, key: str, which: int) -> list[Mention]:
        """People whose name's last (which=-1) or first (which=0) word is `key`."""
        found = self._named.get((key, which))
        if found is None:
            found = self._named[key, which] = [
                person
                for reading in self._readings_holding(key)
                for person in reading.people
                if (words := _name_words(person.name)) and words[which] == key
            ]
        return found

    # -- names, roles, genders -----------------------------------------------------------
    def resolve_single(self, word: str, position: int) -> str:
        """The full name a lone surname (or first name) stands for, nearest before `position`."""
        for which in (-1, 0):
            candidates = self._people_named(word, which)
            if candidates:
                full = [m for m in candidates if " " in m.name] or candidates
                before = [m for m in full if m.position <= position]
                return (before[-1] if before else full[0]).name
        return ""

    def gender_of(self, name: str, default: str) -> str:
        """The gender the report gives `name` (a title, a known first name), else the one a
        pronoun for it showed, else `default`."""
        given = self._given_gender(name)
        return given if given is not None else self._learnt_gender.get(name, default)

    def remember_gender(self, name: str, gender: str) -> None:
        """Remember that `name` was referred to as "m" or "f", unless the report gave a gender."""
        if self._given_gender(name) is None:
            self._learnt_gender.setdefault(name, gender)

    def _given_gender(self, name: str) -> str | None:
        """The gender the first naming of `name` with one gives, else None."""
        if name in self._initial_gender:
            return self._initial_gender[name]
        given = self._initial_gender[name] = self._gender_named(name)
        return given

    def _gender_named(self, name: str) -> str | None:
        words = _name_words(name)
        if not words:
            return None
        genders = first_name_genders()
        for reading in self._readings_holding(words[-1]):
            for person in reading.people:
                if person.name != name:
                    continue
                person_words = _name_words(person.name)
                given = next((w for w in person_words if len(w.rstrip(".")) > 1), person_words[0])
                gender = person.gender or genders.get(given, "")  # "J. Christopher Stevens"
                if gender:
                    return gender
        if name in genders and not self.resolve_single(name, 0):
            for reading in self._readings_holding(name, several=False):
                if any(word == name for _, word in reading.singles):
                    return genders[name]  # a person called by first name only ("Melanie")
        return None

    def role_of(self, name: str) -> str:
        """The role the report gives a person: title, apposition or words before the name."""
        if name in self._roles:
            return self._roles[name]
        text = self.text
        found = ""
        words = _name_words(name)
        spans = [
            (start, end, title_role)
            for reading in (self._readings_holding(words[-1]) if words else [])
            for named, start, end, title_role in reading.spans
            if named == name
        ]
        for start, end, title_role in spans:
            found = self._role_at(text, start, end, title_role)
            if found:
                break
        self._roles[name] = found
        return found

    def _role_at(self, text: str, start: int, end: int, title_role: str) -> str:
        """The role a person named from `start` to `end` (title words `title_role`) is given
        there: a role set off before the name, else the title words and an apposition after it,
        else role words written before it; "" if none."""
        set_before = self._role_set_before(text, start)
        if set_before:  # "the sheriff, Dana Whitfield, spoke": what follows is no role
            return ", ".join(r for r in (title_role, set_before) if r)
        role = title_role
        after = APPOSITIVE_ROLE.match(text, end, min(len(text), end + _ROLE_AFTER_REACH))
        if after and not after.group(1).lower().startswith(RELATIVE_OPENERS):
            appositive = drop_article(after.group(1))
            lex = lexicon()
            if not lex.cue_pattern.match(appositive) and (
                appositive[:1].islower() or appositive.split()[0] in lex.titles
            ):
                role = ", ".join(r for r in (role, appositive) if r)
        return role or self._role_before(text, start)

    @staticmethod
    def _role_before(text: str, start: int) -> str:
        """Lower-case role words written just before a name ("press secretary Sarah Sanders")."""
        written = _role_words_before(text, start)
        if not written:
            return ""
        titles = lexicon().titles
        words = written.split()
        ends = [i for i, w in enumerate(words) if w[:1].isupper() and bare(w) != w]
        if ends:  # a sentence ended inside the match: the role starts after it
            words = words[ends[-1] + 1 :]
        lower = [w for w in words if w[:1].islower()]
        if all(w.capitalize() in titles or w in {"of", "the", "for"} for w in lower):
            return " ".join(words)
        return ""

    @staticmethod
    def _role_set_before(text: str, start: int) -> str:
        """The role in "the county sheriff, Dana Whitfield": lower-case words after "the" or
        "a", set off by a comma right before the name, whose last word is a title."""
        found = _ROLE_SET_BEFORE.search(text, max(0, start - _ROLE_BEFORE_REACH), start)
        if not found or found.end() != start:
            return ""
        head = found.group(1).split()[-1]
        return found.group(1) if head.capitalize() in lexicon().titles else ""

    @property
    def aliases(self) -> dict[str, str]:
        """Acronym → long form, where the report wrote "US Central Command (Centcom)"."""
        if self._aliases is None:
            self._aliases = {}
            if "(" in self.text:  # no "(", no label
                for match in _ALIAS_LABEL.finditer(self.text):
                    long_form = self._long_form_before(match.start())
                    if long_form:
                        self._aliases[match.group(1)] = long_form
        return self._aliases

    def _long_form_before(self, label_start: int) -> str:
        """The long form written right before the "(" at `label_start`, if any: two or more
        capitalised words (connectors between them), spaces apart, the last one before the
        spaces in front of the "(" (so "Department of (DOD)" has none). The words are read
        backwards from the label, as far as they go; the long form starts at the first
        capitalised word."""
        text, length = self.text, len(self.text)
        end = label_start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == label_start:
            return ""  # no space before the "("
        words = _LONG_FORM_BACKWARDS.match(self._reversed, length - end)
        if words is None:
            return ""
        chain = text[end - len(words.group()) : end]
        long_form = chain[_LEADING_CONNECTORS.match(chain).end() :]
        kept = long_form.split()
        if len(kept) < 2 or kept[-1][:1].islower():
            return ""  # one word, or a connector before the label
        return long_form

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
        if not self._title_given(head):
            return ""  # no one holds it: the search of every earlier paragraph would find no one
        for mention in self.mentions_before(position):
            if _holds_title(mention.role or self.role_of(mention.name), head):
                return mention.name  # "Gov. Lee Park" holds the title "the governor"
        return ""

    def _title_given(self, head: str) -> bool:
        """Whether anyone in the report may hold the title `head` (False only when no one
        does): a role is written within `_ROLE_BEFORE_REACH` characters before a person's name
        or `_ROLE_AFTER_REACH` after it, so only the people named by the runs of capitalised
        words near where the title (or an abbreviation of it) is written can hold it; the
        roles written at each of them are tested as `resolve_title` tests a role. Answered once
        per title word for the report."""
        given = self._titles_given.get(head)
        if given is None:
            given = self._titles_given[head] = self._title_written_near_a_name(head)
        return given

    def _title_written_near_a_name(self, head: str) -> bool:
        lowered = self._lowered
        if lowered is None:
            lowered = self._lowered = self.text.lower()
        if len(lowered) != len(self.text) or not head.isascii():
            return True  # lowering moved characters: no position-wise search, assume it may
        text, paragraphs = self.text, self._paragraphs
        for form in {head, *_abbreviations().get(head, ())}:
            position = lowered.find(form)
            while position >= 0:
                # a name whose role reaches this place starts before `low` and ends after `high`
                low = position + len(form) - _ROLE_AFTER_REACH
                high = position + _ROLE_BEFORE_REACH
                first = max(bisect.bisect_right(self._paragraph_starts, high) - 1, 0)
                for number in range(first, -1, -1):
                    if paragraphs[number][1] < low:
                        break
                    for start, run in zip(*self._runs_of(number, True), strict=True):
                        if start > high or start + len(run) < low:
                            continue
                        for _, span_start, end, title_role in self._reading(
                            number, start, run
                        ).spans:
                            if _holds_title(self._role_at(text, span_start, end, title_role), head):
                                return True
                position = lowered.find(form, position + 1)
        return False

    # -- the people named, paragraph by paragraph ------------------------------------------
    def _paragraph_at(self, position: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, position) - 1, 0)

    def _listing(self, number: int) -> tuple[list, list[int]]:
        """Paragraph `number`'s people and capitalised words by position, speakers recorded."""
        listed = self._listed.get(number)
        if listed is None:
            people: list = []
            words: list = []
            if number < len(self._paragraphs):
                for start, run in zip(*self._runs_of(number), strict=True):
                    word = single_word(run)
                    if word is not None:  # a run of one word: at most a word to look up
                        if _may_name(word):
                            words.append(_Word(start, word))
                        continue
                    reading = self._reading(number, start, run)
                    people.extend(reading.people)
                    words.extend(
                        _Word(offset, word) for offset, word in reading.singles if _may_name(word)
                    )  # a word that cannot name anyone would only be skipped by mentions_before
            entries = sorted(people + words, key=lambda entry: entry.position)
            listed = self._listed[number] = (entries, [entry.position for entry in entries])
            for speaker in self._speakers_waiting.pop(number, []):
                _insert(listed, speaker)
        return listed

    def add_speaker(self, name: str, position: int) -> None:
        """Record that `name` was quoted at `position`: the likeliest referent of a later he/she."""
        speaker = Mention(position, name, "", "", True)
        number = self._paragraph_at(position)
        if number in self._listed:
            _insert(self._listed[number], speaker)
        else:
            self._speakers_waiting.setdefault(number, []).append(speaker)

    def mentions_before(self, position: int, floor: int = 0) -> Iterator[Mention]:
        """People named or quoted before `position` and at or after `floor`, nearest first."""
        for number in range(self._paragraph_at(position), -1, -1):
            entries, positions = self._listing(number)
            for index in range(bisect.bisect_left(positions, position) - 1, -1, -1):
                entry = entries[index]
                if entry is None:  # a word that named nobody
                    continue
                if entry.position < floor:
                    return
                if isinstance(entry, _Word):
                    entry = entries[index] = self._person_of(entry)
                if entry is not None:
                    yield entry
            if number and self._paragraph_starts[number] <= floor:
                return

    def _person_of(self, entry: _Word) -> Mention | None:
        """A capitalised word as a person: the full name it resolves to, or a first name."""
        end = entry.position + len(entry.word)
        resolved = self.resolve_single(entry.word, entry.position)
        if resolved:
            return Mention(entry.position, resolved, "", "", end=end)
        genders = first_name_genders()
        if entry.word in genders:
            return Mention(entry.position, entry.word, "", genders[entry.word], end=end)
        return None


def _role_words_before(text: str, start: int) -> str:
    """The words in the 60 characters before `start` that may be a role written before a name:
    capitalised words, then one to three lower-case ones, each followed by spaces or tabs, up to
    `start` (or to a line break just before it), taken from as far back as they go. The words
    are read back from `start`, a chunk between spaces at a time; where a chunk is not a word
    as a whole, the words start at the earliest part of it that is."""
    floor = max(0, start - _ROLE_BEFORE_REACH)
    end = start - 1 if start > floor and text[start - 1] == "\n" else start
    if end <= floor or text[end - 1] not in " \t":
        return ""
    lowers, capitals, first = 0, False, -1
    chunk_end = end
    while True:
        while chunk_end > floor and text[chunk_end - 1] in " \t":
            chunk_end -= 1
        if chunk_end == floor:
            break  # the words never start with a space
        chunk_start = max(text.rfind(" ", floor, chunk_end), text.rfind("\t", floor, chunk_end))
        chunk_start = max(chunk_start + 1, floor)
        lower_ok, capital_ok = not capitals and lowers < 3, lowers > 0
        if lower_ok:
            tail = _EITHER_TAIL if capital_ok else _LOWER_TAIL
        else:
            tail = _CAPITAL_TAIL
        word = tail.search(text, chunk_start, chunk_end)
        if word is None:
            break
        first = word.start()
        if first > chunk_start or first == floor:
            break  # the end of a chunk: the earliest start
        if text[first].islower():
            lowers += 1
        else:
            capitals = True
        chunk_end = first
    return text[first:end] if first >= 0 else ""


def _holds_title(role: str, head: str) -> bool:
    """Whether the role words `role` give the title `head` (lower case), spelled out or
    abbreviated ("Gov." holds "governor")."""
    spelled = lexicon().spelled
    return head in {spelled.get(word, word) for word in role.lower().replace(",", " ").split()}


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, ...]]:
    """Title word (lower case) → its abbreviations in lower case ("governor" → "gov.")."""
    found: dict[str, list[str]] = {}
    for abbreviation, spelled in lexicon().spelled.items():
        found.setdefault(spelled, []).append(abbreviation)
    return {spelled: tuple(forms) for spelled, forms in found.items()}


def _insert(listed: tuple[list, list[int]], mention: Mention) -> None:
    entries, positions = listed
    index = bisect.bisect_left(positions, mention.position)
    entries.insert(index, mention)
    positions.insert(index, mention.position)


_HAS_CAPITAL = re.compile(r"[A-Z]")
_WORD_GOES_ON = re.compile(r"[\w\-]")  # a word of a run goes on past a character like these
_IN_RUN_WORD = re.compile(r"[\w'’.\-]")  # the characters of a run's words


def _run_word_at(text: str, position: int, size: int, run_start: int, run_size: int) -> bool:
    """True when `size` characters at `position` are a word of the run at `run_start`, or the
    start of one before its full stop or possessive ("Smith" in "John Smith's"): the words a
    name or single word is read from."""
    end, run_end = position + size, run_start + run_size
    if position < run_start or end > run_end:
        return False
    if position > run_start and _IN_RUN_WORD.match(text, position - 1):
        return False  # inside a word ("S." in "U.S.")
    return end == run_end or not _WORD_GOES_ON.match(text, end)


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]
