"""Runs of capitalised words and the lazy name index: the fast patterns find what the plain
ones find, and an index that reads runs on demand answers as one that read them all."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.attribution_words import PARTICLES, lexicon
from crosscheck.name_runs import CAPITAL_RUN, SEVERAL_WORD_RUN, read_run
from crosscheck.names import NameIndex, _role_words_before
from crosscheck.pronouns import Referents

# The run pattern as first written (every repetition a whole word and its space).
PLAIN_RUN = re.compile(
    rf"(?:[A-Z][\w'’.\-]*\s+(?:(?:{'|'.join(sorted(PARTICLES))})[\-\s])?)*[A-Z][\w'’\-]*\.?"
)
# Words, particles, initials, abbreviations, possessives and the marks between them.
PIECES = st.sampled_from(
    ["Ban", "Ki-moon", "U.S.", "Gen.", "Trump's", "al", "bin", "de", "al-", "iPhone", "the"]
    + ["J.", "A", "said", "July.", "Smith", "O'Neil", "Jr.", " ", "  ", "\n", ", ", ".", "-", "’s"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_capital_runs_are_the_plain_patterns_runs(pieces):
    text = "".join(pieces)
    spans = [m.span() for m in PLAIN_RUN.finditer(text)]
    assert [m.span() for m in CAPITAL_RUN.finditer(text)] == spans
    several = [(a, b) for a, b in spans if len(text[a:b].split()) > 1]
    assert [m.span() for m in SEVERAL_WORD_RUN.finditer(text)] == several


def test_cue_pattern_prefers_the_longer_cue_as_a_flat_list_does():
    cues = lexicon().cues
    flat = "|".join(
        re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len, reverse=True)
    )
    plain = re.compile(rf"\b(?:{flat}|According\s+to)\b")
    text = (
        "Smith said on Monday, told reporters and added that, according to aides, he "
        "tweeted; According to the memo she wrote, they say, unsaid and resaid."
    )
    found = [m.span() for m in lexicon().cue_pattern.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert len(found) >= 5


def test_a_one_word_run_is_a_single_word_without_its_full_stop():
    text = "He went to Washington. Then"
    reading = read_run(text, 11, "Washington.", 0)
    assert reading.people == ()
    assert reading.singles == ((11, "Washington"),)


def test_a_run_names_the_person_with_title_and_role():
    text = "Marine Gen. Joseph Dunford, chairman, spoke."
    reading = read_run(text, 0, "Marine Gen. Joseph Dunford", 0)
    assert [(m.name, m.role, m.gender) for m in reading.people] == [
        ("Joseph Dunford", "Marine Gen.", "")
    ]
    assert reading.spans == (("Joseph Dunford", 0, 26, "Marine Gen."),)


def _index(text: str, cls=NameIndex) -> NameIndex:
    paragraphs, start = [], 0
    for line in text.split("\n"):
        if line:
            paragraphs.append((start, start + len(line)))
        start += len(line) + 1
    return cls(text, paragraphs, [], [s for s, _ in paragraphs])


def test_a_surname_before_the_full_name_resolves_to_the_name_given_later():
    text = "Dunford spoke first.\nLater Marine Gen. Joseph Dunford spoke again.\n"
    index = _index(text)
    assert index.resolve_single("Dunford", 0) == "Joseph Dunford"
    assert index.role_of("Joseph Dunford") == "Marine Gen."
    assert index.resolve_single("Spoke", 0) == ""


def test_a_title_resolves_to_the_person_last_named_with_it_in_an_earlier_paragraph():
    text = (
        "President Barack Obama spoke.\nThe crowd cheered loudly.\nSecretary John Kerry came."
        "\nThen it rained.\n"
    )
    index = _index(text)
    at = text.index("Then")
    assert index.resolve_title("the president", at) == "Barack Obama"
    assert index.resolve_title("the secretary", at) == "John Kerry"
    assert index.resolve_title("the secretary", text.index("The crowd")) == ""


def test_a_speaker_recorded_before_its_paragraph_is_read_comes_first_at_its_position():
    text = "Susan Collins met Joe Smith.\nShe left.\n"
    index = _index(text, Referents)
    index.add_speaker("Mary Jones", text.index("Joe"))
    index.learn_gender("Mary Jones", "she")
    # the recorded speaker stands before "Joe Smith" at the same place; Collins is a woman
    assert index.resolve_pronoun("she", text.index("She"), 0) == "Mary Jones"
    assert index.gender_of("Susan Collins", "") == "f"


# Words, names, and the marks a name word may be cut at (full stop, possessive, hyphen), with
# the spaces, breaks and marks between words.
NAME_WORDS = st.sampled_from(
    ["John", "Smith", "Smith's", "Smith.", "Smithson", "Syria", "Syria.", "Syrian", "U.S.", "S."]
    + ["Gen.", "Mr.", "President", "Ki-moon", "Ban", "al", "al-Assad", "Assad", "Jr.", "Mary"]
    + ["said", "in", "iSmith", "Smith-Jones", "July."]
)
BETWEEN_WORDS = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ". ", "-", "’s ", "'", ""])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(NAME_WORDS, BETWEEN_WORDS), max_size=12),
    st.sampled_from(["Smith", "Syria", "S.", "Assad", "John", "Mary", "Ban"]),
)
def test_the_runs_read_for_a_word_name_everyone_a_run_holding_it_names(pieces, word):
    text = "".join(w + between for w, between in pieces)
    index = _index(text)
    read = [p for r in index._readings_holding(word) for p in r.people]
    every = [
        read_run(text, m.start(), m.group(), p_start)
        for p_start, p_end in index._paragraphs
        for m in SEVERAL_WORD_RUN.finditer(text, p_start, p_end)
        if word in m.group()
    ]
    assert [p for p in read if word in p.name.split()] == [
        p for r in every for p in r.people if word in p.name.split()
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(NAME_WORDS, BETWEEN_WORDS | st.sampled_from([" al ", " (", "\t"])), max_size=12
    ),
    st.sampled_from(["Smith", "Syria", "S.", "Assad", "John", "Mary", "Ban", "Ki-moon"]),
)
def test_a_word_without_a_neighbour_is_passed_over_only_where_no_run_of_several_holds_it(
    pieces, word
):
    text = "".join(w + between for w, between in pieces)
    reading_every_paragraph = _index(text)
    reading_every_paragraph._has_neighbour = lambda *_: True
    assert _index(text)._readings_holding(word) == reading_every_paragraph._readings_holding(word)


def test_a_word_has_a_neighbour_when_a_capitalised_word_or_particle_stands_next_to_it():
    assert not _index("Smith said.")._has_neighbour(0, 0, 5)
    assert not _index("said, Smith")._has_neighbour(0, 6, 5)
    assert _index("Mr Smith said.")._has_neighbour(0, 3, 5)
    assert _index("Bashar al Assad")._has_neighbour(0, 10, 5)
    assert _index("John Smith")._has_neighbour(0, 0, 4)


# The alias and role-before patterns as first written, searched over the text.
PLAIN_ALIAS = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+)(?:(?:of|the|for|and|on)\s+|[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*)"
    r"\s+\(([A-Z][\w.-]{1,15})\)"
)
PLAIN_ROLE_BEFORE = re.compile(r"((?:[A-Z][\w.'’-]*[ \t]+)*(?:[a-z][\w-]*[ \t]+){1,3})$")
# Capitalised words, connectors, labels, and words only part of which is a capitalised word.
LONG_FORM_WORDS = st.sampled_from(
    ["US", "Central", "Command", "of", "the", "and", "(Centcom)", "(ABC)", "(A)", "(R-Ky.)"]
    + ["eBay", "1of", "theX", "O’Brien", "U.S.", "said", "press", "secretary", "ex-U.S.", "Sen."]
    + ["(former)", "iPhone", "Gov.", ",", "é"]
)
SPACES = st.sampled_from([" ", "  ", "\t", "\n", "", " \n", "\xa0", ". "])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(LONG_FORM_WORDS, SPACES), max_size=14))
def test_aliases_read_back_from_each_label_are_the_plain_patterns(pieces):
    text = "".join(w + space for w, space in pieces)
    expected = {m.group(2): m.group(1) for m in PLAIN_ALIAS.finditer(text)}
    assert _index(text).aliases == expected


def test_an_alias_needs_two_words_ending_in_a_capitalised_one_before_its_label():
    assert _index("US Central Command (Centcom) said").aliases == {"Centcom": "US Central Command"}
    assert _index("the Department of (DOD) said").aliases == {}


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(LONG_FORM_WORDS, SPACES), max_size=14), st.integers(0, 200))
def test_role_words_read_back_from_a_name_are_the_plain_patterns(pieces, at):
    text = "".join(w + space for w, space in pieces)
    start = min(at, len(text))
    match = PLAIN_ROLE_BEFORE.search(text, max(0, start - 60), start)
    assert _role_words_before(text, start) == (match.group(1) if match else "")
