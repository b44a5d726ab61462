"""Furniture: the cheap word tests in front of the slow patterns never skip a match."""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import furniture
from crosscheck.furniture import (
    _CASE_TWINS,
    _CONTRIBUTOR_START,
    _CONTRIBUTORS,
    _CREDIT_END,
    _CREDIT_WORDS,
    _NEWSLETTER,
    _NEWSLETTER_WORDS,
    _ends_sentence,
    _lowered,
    _mentions,
)

WORDS = [
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
    lowered, exotic = _lowered(line)
    if _NEWSLETTER.search(line):
        assert exotic or _mentions(lowered, _NEWSLETTER_WORDS)
    if _CREDIT_END.search(line[-160:]):
        assert exotic or _mentions(lowered[-160:], _CREDIT_WORDS)
    if _CONTRIBUTORS.match(line):
        assert exotic or "contributed" in lowered or _CONTRIBUTOR_START.match(lowered)


def test_the_patterns_ignore_case_as_the_word_tests_need() -> None:
    assert _NEWSLETTER.search("Sign up for our newsletter")
    assert _NEWSLETTER.search(_twinned("Sign up for our newsletter"))  # ı, ſ count as i, s
    assert _lowered(_twinned("sign up"))[1] and not _lowered("sign up")[1]


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
