"""Furniture: the cheap word tests in front of the slow patterns never skip a match."""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import furniture
from crosscheck.furniture import (
    _CAPTION_PREFIX,
    _CAPTION_STARTS,
    _CASE_TWINS,
    _CONTRIBUTOR_START,
    _CONTRIBUTORS,
    _CREDIT_END,
    _NEWSLETTER,
    _NEWSLETTER_STARTS,
    _NEWSLETTER_WORDS,
    _TAG_PREFIX,
    _TAG_STARTS,
    _ends_sentence,
    _Hints,
    _may_end_with_credit,
    _mentions,
    _word_count_and_key,
)

WORDS = [
    "Photo: ",
    "Photograph |",
    "Image by",
    "File photo",
    "Media caption",
    "Pictured:",
    "Source :",
    "Credit:",
    "Tags:",
    "Topic :",
    "Filed under:",
    "Categories:",
    "Keywords:",
    "Sign up",
    "SIGNING UP",
    "Subscribe",
    "for our newsletter",
    " inbox",
    "Privacy Policy",
    "Terms of Use",
    "terms of service",
    "Copyright",
    "©",
    "(c) 2020",
    "Reprint permission",
    "All Rights Reserved",
    "(AP Photo/Evan Vucci)",
    "[US Army/Wikipedia]",
    "REUTERS/Name/File Photo",
    "Getty Images",
    "Shutterstock",
    "Wikimedia Commons",
    "(Photo: Jane Doe)",
    "(File)",
    "Contributing by",
    "Additional reporting by",
    "Reporting:",
    "Edited by",
    "With reporting by",
    "This story has been updated",
    "The article was first published",
    "Editor's note:",
    "contributed reporting",
    "contributed to this report",
    "- Writing by",
    "(—Research by",
]
TWINS = ["\u0130", "\u0131", "\u017f", "\u212a"]  # İ ı ſ and the Kelvin sign
PIECES = st.sampled_from(
    WORDS + TWINS + list("aeisk IS.,:/()-–—\u00a0\n") + ["The troops left.", "said 40", "x" * 90]
)
LINES = st.lists(PIECES, max_size=14).map("".join).map(str.strip)


def _twinned(text: str) -> str:
    """`text` with its letters i, s and k swapped for their case twins."""
    return text.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a")


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.booleans())
def test_word_tests_pass_every_line_the_patterns_match(line: str, twinned: bool) -> None:
    if twinned:
        line = _twinned(line)
    lowered = line.lower()
    exotic = _Hints.of(line, lowered).exotic
    if _NEWSLETTER.search(line):
        assert (
            exotic
            or lowered.startswith(_NEWSLETTER_STARTS)
            or _mentions(lowered, _NEWSLETTER_WORDS)
        )
    if _CAPTION_PREFIX.match(line):
        assert exotic or lowered.startswith(_CAPTION_STARTS)
    if _TAG_PREFIX.match(line):
        assert exotic or lowered.startswith(_TAG_STARTS)
    if _CREDIT_END.search(line[-160:]):
        assert exotic or _may_end_with_credit(line, lowered)
    if _CONTRIBUTORS.match(line):
        assert exotic or "contributed" in lowered or _CONTRIBUTOR_START.match(lowered)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=6), st.data())
def test_a_reports_hints_hold_for_each_of_its_paragraphs(lines: list[str], data) -> None:
    text = "\n\n".join(lines)
    report = _Hints.of(text, text.lower())
    start = data.draw(st.integers(0, len(text)))
    paragraph = text[start : data.draw(st.integers(start, len(text)))]
    own = _Hints.of(paragraph, paragraph.lower())
    assert report.exotic or not own.exotic
    assert report.newsletter or not own.newsletter


@given(LINES)
def test_word_count_and_key_without_split_agree_with_split(line: str) -> None:
    words, key = _word_count_and_key(line, line.lower())
    assert words == len(line.split())
    assert key == " ".join(line.lower().split()).strip(" .,:;!?\"'“”‘’")


def test_the_patterns_ignore_case_as_the_word_tests_need() -> None:
    assert _NEWSLETTER.search("Sign up for our newsletter")
    assert _NEWSLETTER.search(_twinned("Sign up for our newsletter"))  # ı, ſ count as i, s
    assert _Hints.of(_twinned("sign up"), "").exotic and not _Hints.of("sign up", "").exotic


def test_case_twins_are_every_letter_that_lower_case_does_not_map_to_ascii() -> None:
    every_character = "".join(
        chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
    )
    for match in re.finditer("[a-z]", every_character, re.IGNORECASE):
        letter = match.group()
        if not (letter.lower().isascii() and len(letter.lower()) == 1):
            assert letter in _CASE_TWINS, hex(ord(letter))


@given(LINES)
def test_sentence_end_is_the_last_character(line: str) -> None:
    assert _ends_sentence(line) == bool(re.search(r"""[.?!:;"”’)\]…]$""", line))


def test_furniture_still_found_behind_the_word_tests() -> None:
    assert furniture.furniture_kind("Sign up for our daily newsletter") == "newsletter"
    assert furniture.furniture_kind("Troops at the base (AP Photo/Evan Vucci)") == "caption"
    assert furniture.furniture_kind("Additional reporting by Jane Doe") == "contributors"
    assert furniture.furniture_kind("Troops left the base on Monday, officials said.") is None


def test_the_newsletter_hint_reads_only_paragraphs_short_enough_to_be_a_box() -> None:
    long_prose = " ".join(["The council met again"] * 12) + ", and readers can sign up for updates."
    box = "Sign up for our daily newsletter"
    text = f"Headline\n\n{long_prose}\n\nThe vote is on Friday.\n\n{box}\n\nIt ends here."
    kept, dropped = furniture.content_lines(text)
    assert dropped == [box]  # the box is dropped, the long paragraph that mentions it kept
    alone = text.replace(f"{box}\n\n", "")
    assert furniture.content_lines(alone)[1] == []
