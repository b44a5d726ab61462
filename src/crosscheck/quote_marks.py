"""Quotation marks in a report: pair straight and curly marks paragraph by paragraph.

Handles marks mixed within one report, apostrophes inside words, quotations run together on
one line, quotations carried over several paragraphs (an opening mark on each, a closing
mark only at the end) and tweets broken over lines. Unbalanced marks never reach past their
paragraph. Scare quotes (under three words) and titles of works and operations are left out,
and so are quotations in Title Case inside a headline or subheading line ("Senator Hammers
Bank Chief: ‘You Should Resign’", "‘All Bets Are Off.’" alone on a line): headline style
recasts the words as a title, so the marks no longer hold anyone's words verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

MIN_WORDS = 3

_DOUBLE_MARKS = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]')
_OPENERS = "\u201c\u201e\u201f\u00ab"
_CLOSERS = "\u201d\u00bb"
_OPEN_AFTER = "([{\u2014\u2013-/"
_CLOSE_BEFORE = ",.;:!?)]}\u2014\u2013-\u2026"
# A single-quoted span: an opening mark at the start or after a space, bracket or dash (tested
# behind the mark, so the regex engine skips straight to the marks), words, a closing mark.
_SINGLE_QUOTE = re.compile(
    r"[\u2018'](?:(?<=^.)|(?<=[\s(\[\u2014\u2013].))(?=[A-Za-z0-9])((?:[^\u2018\u2019'\n]|[\u2019'](?=[A-Za-z]))+?[^\s])[\u2019'](?=[\s,.;:!?)\]\u2014\u2013]|$)"
)
# What may stand before the mark opening a single-quoted span, besides a space: a bracket or
# dash, or a double mark (a span may open right after a paired quotation closes).
_BEFORE_SINGLE_OPENING = '([\u2014\u2013"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'
# The marks a quotation is paired from: the double marks and the single marks that open one.
# A paragraph with none (an apostrophe ’ alone pairs with nothing) holds no quotation unless it
# carries on the previous paragraph's.
_PAIRED_MARK = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033'\u2018]")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# MIN_WORDS matches of _WORD: a word, then anything not starting one, MIN_WORDS times over.
_WORD_COUNT = re.compile(rf"(?:[\W_]*(?>{_WORD.pattern})){{{MIN_WORDS}}}")
_WORK_WORDS = re.compile(
    r"\b(?:operation|book|film|movie|documentary|song|album|show|series|program|programme|"
    r"titled|entitled|headlined|headline|article|column|essay|novel|play|hashtag|slogan|"
    r"nicknamed|known as|memoir|report|podcast|episode)\W*$",
    re.IGNORECASE,
)
_NAMED_THINGS = {"Operation", "Project", "Program", "Programme", "Exercise", "Mission"}


@dataclass
class Segment:
    """One quotation segment: content offsets, its marks, its paragraph."""

    start: int
    end: int
    open_mark: int
    close_mark: int  # -1 when the paragraph ends before a closing mark
    paragraph: int
    continues: bool = False  # opens a paragraph that carries on the previous one's quotation


def _mark_roles(text: str, position: int, p_start: int, p_end: int) -> str:
    mark = text[position]
    before = text[position - 1] if position > p_start else " "
    after = text[position + 1] if position + 1 < p_end else " "
    space_before = position == p_start or before.isspace() or before in _OPEN_AFTER
    space_after = position + 1 == p_end or after.isspace() or after in ")]}"
    if mark in _OPENERS:
        return "close" if space_after and not space_before else "open"
    if mark in _CLOSERS:
        return "open" if space_before and not space_after else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if after in _CLOSE_BEFORE:
        return "close"
    return "either"


def _pair_paragraph(
    text: str, p_start: int, p_end: int, inside: bool = False
) -> list[tuple[int, int]]:
    """(opening mark, closing mark or -1) pairs of double quotation marks in one paragraph.

    `inside`: the paragraph carries on a quotation left open by the previous one, so text up
    to the first closing mark is quoted (its opening is reported as p_start - 1).
    """
    pairs = []
    open_at: int | None = p_start - 1 if inside else None
    for match in _DOUBLE_MARKS.finditer(text, p_start, p_end):
        position = match.start()
        role = _mark_roles(text, position, p_start, p_end)
        if position == p_start and not inside:
            role = "open"  # a paragraph never opens with a closing mark ("” …,” he said.")
        if open_at is None:
            if role != "close":
                open_at = position
        elif role == "open":
            # An opening mark while a quotation is open: after a full stop it starts the next
            # paragraph of the same quotation run together on one line (the first part ends
            # there, reported as a negative closing position); otherwise the earlier mark was
            # never closed and is dropped.
            if text[open_at + 1 : position].rstrip()[-1:] in {".", "?", "!"}:
                pairs.append((open_at, -position))
            open_at = position
        else:
            pairs.append((open_at, position))
            open_at = None
    if open_at is not None:
        pairs.append((open_at, -1))
    return pairs


def _first_mark_closes(text: str, p_start: int, p_end: int) -> bool:
    match = _DOUBLE_MARKS.search(text, p_start, p_end)
    return bool(match) and _mark_roles(text, match.start(), p_start, p_end) == "close"


def _single_quoted(
    text: str, p_start: int, p_end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    if not (
        _may_open_single(text, "'", p_start, p_end)
        or _may_open_single(text, "\u2018", p_start, p_end)
    ):
        return []  # no mark that can open a single-quoted span (most paragraphs)
    pairs = []
    gaps, cursor = [], p_start
    for open_mark, close_mark in taken:
        gaps.append((cursor, open_mark))
        cursor = p_end if close_mark < 0 else close_mark + 1
    gaps.append((cursor, p_end))
    for g_start, g_end in gaps:
        for match in _SINGLE_QUOTE.finditer(text[g_start:g_end]):
            pairs.append((g_start + match.start(), g_start + match.end() - 1))
    return pairs


def _may_open_single(text: str, mark: str, p_start: int, p_end: int) -> bool:
    """Whether `mark` stands somewhere in the paragraph where a single-quoted span can open:
    at its start or after a space, bracket, dash or double mark, before a letter or digit.
    Without one the paragraph's single marks are all apostrophes ("it's") and _SINGLE_QUOTE
    need not be run; the test is looser than the pattern, never stricter."""
    position = text.find(mark, p_start, p_end)
    while position >= 0:
        before = text[position - 1] if position > p_start else " "
        if (before.isspace() or before in _BEFORE_SINGLE_OPENING) and text[
            position + 1 : position + 2
        ].isalnum():
            return True
        position = text.find(mark, position + 1, p_end)
    return False


def _starts_with_opening(text: str, p_start: int, p_end: int) -> bool:
    first = text[p_start] if p_start < p_end else ""
    return first in _OPENERS or (
        first == '"' and _mark_roles(text, p_start, p_start, p_end) != "close"
    )


def find_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Quotation segments of every kept paragraph, scare quotes and titles left out."""
    segments: list[Segment] = []
    carried = False  # the previous paragraph ended inside a quotation
    for number, (p_start, p_end) in enumerate(paragraphs):
        if not carried and not _PAIRED_MARK.search(text, p_start, p_end):
            continue
        inside = carried and not _starts_with_opening(text, p_start, p_end)
        pairs = _pair_paragraph(text, p_start, p_end, inside)
        pairs = sorted(pairs + _single_quoted(text, p_start, p_end, pairs))
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        was_carried, carried = carried, False
        for open_mark, close_mark in pairs:
            open_mark = max(open_mark, p_start - 1)
            if close_mark == -1:
                next_opens = following is not None and _starts_with_opening(text, *following)
                next_closes = following is not None and _first_mark_closes(text, *following)
                if not (next_opens or next_closes or open_mark == p_start):
                    continue
                carried = next_opens or next_closes
                end = p_end
            else:
                end = abs(close_mark)
            start = open_mark + 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            content = text[start:end]
            if _WORD_COUNT.match(content) is None:
                continue  # under MIN_WORDS words: a scare quote
            if _title_case(_WORD.finditer(content)) and (
                _is_title(text, p_start, open_mark, content) or _is_heading(text, p_start, p_end)
            ):
                continue
            continues = was_carried and open_mark <= p_start
            close = close_mark if close_mark > 0 else -1
            segments.append(Segment(start, end, max(open_mark, p_start), close, number, continues))
    return segments


_SMALL_WORDS = {
    "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "from", "or",
    "as", "vs", "via",
}  # fmt: skip


def _title_case(words: Iterator[re.Match]) -> bool:
    """Every word (matches of _WORD) capitalised, a number or a small word; read only up to the
    first that is not."""
    seen = False
    for match in words:
        word = match.group()
        if not (word[:1].isupper() or word in _SMALL_WORDS or word[:1].isdigit()):
            return False
        seen = True
    return seen


def _is_heading(text: str, p_start: int, p_end: int) -> bool:
    """A headline or subheading line: short, and every word capitalised in headline style."""
    return p_end - p_start <= 200 and _title_case(_WORD.finditer(text, p_start, p_end))


def _is_title(text: str, p_start: int, open_mark: int, content: str) -> bool:
    """Titles of works and operations after "the book", "Operation"…, for Title Case `content`."""
    if re.search(r"[.!?,]\W*$", content):
        return False
    first = _WORD.search(content)
    if first and first.group() in _NAMED_THINGS:
        return True
    return bool(_WORK_WORDS.search(text[max(p_start, open_mark - 40) : open_mark]))
