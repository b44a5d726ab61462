"""Quotations in a report: the words inside quotation marks, who said them, and how.

`quotes_in_text(text)` works on one report's kept lines (page furniture is skipped), pairs
straight and curly quotation marks paragraph by paragraph, drops scare quotes and titles,
and attributes each quotation segment to a speaker through the cue next to it ("…," X said /
said X / X said: "…" / according to X), the quotation it continues, or the previous
paragraph's speaker. Speaker phrases and name resolution live in speakers.py.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

from .articles import content_lines, segment
from .attribution import (
    STATEMENT_WORDS,
    NameIndex,
    Speaker,
    lexicon,
    parse_speaker,
    written_cue,
)
from .text import normalise

QUOTE_COLUMNS = [
    "sentence_no",
    "start",
    "end",
    "quote",
    "speaker",
    "role",
    "organisation",
    "kind",
    "cue",
]
FRAME_COLUMNS = ["article_id", *QUOTE_COLUMNS]
MIN_WORDS = 3

_DOUBLE_MARKS = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]')
_OPENERS = "\u201c\u201e\u201f\u00ab"
_CLOSERS = "\u201d\u00bb"
_OPEN_AFTER = "([{\u2014\u2013-/"
_CLOSE_BEFORE = ",.;:!?)]}\u2014\u2013-\u2026"
_SINGLE_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013]))[\u2018'](?=[A-Za-z0-9])((?:[^\u2018\u2019'\n]|[\u2019'](?=[A-Za-z]))+?[^\s])[\u2019'](?=[\s,.;:!?)\]\u2014\u2013]|$)"
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_WORK_WORDS = re.compile(
    r"\b(?:operation|book|film|movie|documentary|song|album|show|series|program|programme|"
    r"titled|entitled|headlined|headline|article|column|essay|novel|play|hashtag|slogan|"
    r"nicknamed|known as|memoir|report|podcast|episode)\W*$",
    re.IGNORECASE,
)
_LEAD_ATTRIBUTION = re.compile(r"\S.*(?:[:,]|\u2014|--)\s*$", re.DOTALL)


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


def _pair_paragraph(text: str, p_start: int, p_end: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark or -1) pairs of double quotation marks in one paragraph."""
    pairs = []
    open_at = -1
    for match in _DOUBLE_MARKS.finditer(text, p_start, p_end):
        position = match.start()
        role = _mark_roles(text, position, p_start, p_end)
        if open_at < 0:
            if role != "close":
                open_at = position
        elif role == "open":
            open_at = position  # the earlier opening mark was never closed: drop it
        else:
            pairs.append((open_at, position))
            open_at = -1
    if open_at >= 0:
        pairs.append((open_at, -1))
    return pairs


def _single_quoted(
    text: str, p_start: int, p_end: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
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


def _starts_with_opening(text: str, p_start: int, p_end: int) -> bool:
    first = text[p_start] if p_start < p_end else ""
    return first in _OPENERS or (
        first == '"' and _mark_roles(text, p_start, p_start, p_end) != "close"
    )


def find_segments(text: str, paragraphs: list[tuple[int, int]]) -> list[Segment]:
    """Quotation segments of every kept paragraph, scare quotes and titles left out."""
    segments: list[Segment] = []
    carried = False
    for number, (p_start, p_end) in enumerate(paragraphs):
        if (
            not _DOUBLE_MARKS.search(text, p_start, p_end)
            and "'" not in text[p_start:p_end]
            and "\u2018" not in text[p_start:p_end]
        ):
            carried = False
            continue
        pairs = _pair_paragraph(text, p_start, p_end)
        pairs = sorted(pairs + _single_quoted(text, p_start, p_end, pairs))
        next_opens = number + 1 < len(paragraphs) and _starts_with_opening(
            text, *paragraphs[number + 1]
        )
        was_carried, carried = carried, False
        for open_mark, close_mark in pairs:
            if close_mark < 0:
                if not (next_opens or open_mark == p_start):
                    continue
                carried = next_opens
                end = p_end
            else:
                end = close_mark
            start = open_mark + 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            content = text[start:end]
            if len(_WORD.findall(content)) < MIN_WORDS or _is_title(
                text, p_start, open_mark, content
            ):
                continue
            continues = was_carried and open_mark == p_start
            segments.append(Segment(start, end, open_mark, close_mark, number, continues))
    return segments


def _is_title(text: str, p_start: int, open_mark: int, content: str) -> bool:
    """Titles of works and operations: Title Case words after "the book", "Operation"…"""
    words = _WORD.findall(content)
    small = {
        "of",
        "the",
        "a",
        "an",
        "and",
        "in",
        "on",
        "for",
        "to",
        "at",
        "by",
        "with",
        "from",
        "or",
    }
    title_case = all(w[:1].isupper() or w in small or w[:1].isdigit() for w in words)
    if not title_case or re.search(r"[.!?,]\W*$", content):
        return False
    return bool(_WORK_WORDS.search(text[max(p_start, open_mark - 40) : open_mark]))


@dataclass
class Attribution:
    """Who said a segment, by which cue, and whether the cue says it was written."""

    speaker: Speaker
    cue: str
    written: bool
    position: int


_ADVERBS = (
    r"(?:(?:also|later|then|once|again|further|earlier|previously|recently"
    r"|has|have|had|would|will|\w+ly)\s+){0,2}"
)


class _Report:
    """The state shared by the segments of one report."""

    def __init__(self, text: str):
        self.text = text
        self.flat = normalise(text)
        self.paragraphs, _ = content_lines(text)
        self.sentences = segment(text)
        self.sentence_starts = [s.start for s in self.sentences]
        self.segments = find_segments(text, self.paragraphs)
        quoted = [(s.open_mark, s.end + 1) for s in self.segments]
        self.names = NameIndex(text, self.paragraphs, quoted)
        self.cue = lexicon().cue_pattern

    def sentence_of(self, position: int):
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        return self.sentences[max(index, 0)] if self.sentences else None

    # -- attribution zones -------------------------------------------------------------
    def after(self, seg: Segment, next_open: int) -> Attribution | None:
        if seg.close_mark < 0:
            return None
        sentence = self.sentence_of(seg.close_mark)
        stop = min(next_open, self.paragraphs[seg.paragraph][1])
        if sentence is not None and sentence.end > seg.close_mark:
            stop = min(stop, sentence.end)
        zone_start = seg.close_mark + 1
        zone = self.flat[zone_start:stop]
        lead = len(zone) - len(zone.lstrip(" ,;:-"))
        zone = zone[lead:]
        if not zone:
            return None
        match = self.cue.match(zone)
        if match:
            cue = match.group()
            if cue.lower().startswith("according"):
                return self._make(zone[match.end() :], cue, zone_start + lead)
            rest = re.split(
                r"\s+(?:on|in|at|during|after|before|while|when|as|to|via|from|about|last|this|earlier|later|because|and|but|that|of)\s",
                zone[match.end() :],
                maxsplit=1,
            )[0]
            found = self._make(rest, cue, zone_start + lead)
            if found:
                found.written = found.written or bool(STATEMENT_WORDS.search(zone))
                return found
            return None
        for match in self.cue.finditer(zone):
            if match.start() > 200:
                break
            subject = zone[: match.start()]
            subject = re.sub(_ADVERBS + r"$", "", subject + " ").strip()
            found = self._make(subject, match.group(), zone_start + lead)
            if found and not match.group().lower().startswith("according"):
                found.written = found.written or bool(STATEMENT_WORDS.search(zone))
                return found
            if match.group().lower().startswith("according"):
                return self._according(zone, match, zone_start + lead)
            break
        match = re.search(r"\baccording\s+to\b", zone, re.IGNORECASE)
        if match:
            return self._according(zone, match, zone_start + lead)
        return None

    def _according(self, zone: str, match: re.Match, offset: int) -> Attribution | None:
        rest = re.split(r"[.;]\s|,\s+(?=[a-z])", zone[match.end() :], maxsplit=1)[0]
        return self._make(rest, "according to", offset)

    def before(self, seg: Segment, zone_start: int) -> Attribution | None:
        zone = self.flat[zone_start : seg.open_mark]
        if not zone.strip():
            return None
        match = re.search(r"\baccording\s+to\b", zone, re.IGNORECASE)
        if match:
            found = self._according(zone, match, zone_start)
            if found:
                return found
        for match in self.cue.finditer(zone):
            if match.group().lower().startswith("according"):
                continue
            subject = re.split(r"[.;:!?]\s|\"", zone[: match.start()])[-1]
            subject = re.sub(_ADVERBS + r"$", "", subject + " ").strip()
            found = self._make(subject, match.group(), zone_start + match.start())
            if found:
                found.written = found.written or bool(STATEMENT_WORDS.search(zone))
                return found
        return None

    def _make(self, phrase: str, cue: str, position: int) -> Attribution | None:
        speaker = parse_speaker(phrase)
        if speaker is None:
            return None
        return Attribution(speaker, " ".join(cue.lower().split()), written_cue(cue), position)

    # -- speaker resolution --------------------------------------------------------------
    def resolve(self, attribution: Attribution) -> tuple[str, str, str]:
        speaker = attribution.speaker
        position = attribution.position
        if speaker.pronoun:
            window = self.paragraphs[max(0, self._paragraph_of(position) - 3)][0]
            name = self.names.resolve_pronoun(speaker.pronoun, position, window)
            if not name and speaker.pronoun in {"they", "it"}:
                name = self.last_collective or ""
            if not name:
                return "", "", ""
            self.names.learn_gender(name, speaker.pronoun)
            role = self.names.role.get(name, "")
            return name, role, _organisation(role)
        if speaker.name:
            name = self.names.resolve_name(speaker.name, position)
            if speaker.gender:
                self.names.learn_gender(name, "he" if speaker.gender == "m" else "she")
            role = speaker.role or self.names.role.get(name, "")
            return name, role, speaker.organisation or _organisation(role)
        self.last_collective = speaker.description
        return speaker.description, speaker.role, speaker.organisation

    def _paragraph_of(self, position: int) -> int:
        starts = [p[0] for p in self.paragraphs]
        return max(bisect.bisect_right(starts, position) - 1, 0)

    last_collective: str | None = None


def _organisation(role: str) -> str:
    from .attribution import organisation_in

    return organisation_in(role) if role else ""


def _kind(report: _Report, seg: Segment, zone_start: int, attribution: Attribution | None) -> str:
    before = report.flat[zone_start : seg.open_mark]
    partial = False
    if before.strip():
        lead = before.rstrip()
        if not (
            lead.endswith((":", "\u2014", "--"))
            or (lead.endswith(",") and report.cue.search(lead[-60:]))
        ):
            partial = True
    elif seg.close_mark >= 0:
        follow = report.flat[seg.close_mark + 1 : seg.close_mark + 30].lstrip()
        content = report.flat[seg.start : seg.end].rstrip()
        if (
            follow[:1].isalpha()
            and follow[:1].islower()
            and not content.endswith((",", ".", "!", "?"))
        ):
            if not report.cue.match(follow) and not re.match(r"(?:he|she|they|it|we|i)\b", follow):
                partial = True
    if partial:
        return "partial"
    if attribution is not None and attribution.written:
        return "statement"
    return "direct"


def quotes_in_text(text: str) -> list[dict]:
    """Every quotation segment of one report with speaker, role, organisation, kind and cue."""
    report = _Report(text)
    rows: list[dict] = []
    previous: tuple[int, Attribution | None, str] | None = None  # paragraph, attribution, speaker
    segments = report.segments
    for index, seg in enumerate(segments):
        p_start, _ = report.paragraphs[seg.paragraph]
        next_open = (
            segments[index + 1].open_mark
            if index + 1 < len(segments) and segments[index + 1].paragraph == seg.paragraph
            else len(text)
        )
        same_para_prev = index > 0 and segments[index - 1].paragraph == seg.paragraph
        sentence = report.sentence_of(seg.open_mark)
        zone_start = max(sentence.start if sentence else p_start, p_start)
        if same_para_prev:
            zone_start = max(zone_start, segments[index - 1].end + 1)
        attribution = report.after(seg, next_open) or report.before(seg, zone_start)
        inherited = None
        if attribution is None and previous is not None and previous[0] == seg.paragraph:
            inherited = previous[1]
        if attribution is None and inherited is None:
            attribution = _later_in_paragraph(report, segments, index)
        if attribution is None and inherited is None:
            start_of_para = segments[index - 1].end + 1 if same_para_prev else p_start
            attribution = report.before(seg, start_of_para)
        if (
            attribution is None
            and inherited is None
            and previous is not None
            and seg.paragraph - previous[0] <= 2
        ):
            inherited = previous[1]
        if attribution is not None:
            speaker, role, organisation = report.resolve(attribution)
            cue = attribution.cue
        elif inherited is not None:
            speaker, role, organisation = previous[2], previous[3], previous[4]
            cue = inherited.cue if previous[0] == seg.paragraph or seg.continues else ""
        else:
            speaker, role, organisation, cue = "", "", "", ""
        used = attribution or inherited
        kind = _kind(report, seg, zone_start, used)
        sentence_no = sentence.sentence_no if sentence else 0
        rows.append(
            {
                "sentence_no": sentence_no,
                "start": seg.start,
                "end": seg.end,
                "quote": text[seg.start : seg.end],
                "speaker": speaker or None,
                "role": role,
                "organisation": organisation,
                "kind": kind,
                "cue": cue,
            }
        )
        if used is not None:
            previous = (seg.paragraph, used, speaker, role, organisation)
    return rows


def _later_in_paragraph(report: _Report, segments: list[Segment], index: int) -> Attribution | None:
    seg = segments[index]
    for later_index in range(index + 1, len(segments)):
        later = segments[later_index]
        if later.paragraph != seg.paragraph and not later.continues:
            return None
        nxt = (
            segments[later_index + 1].open_mark
            if later_index + 1 < len(segments)
            and segments[later_index + 1].paragraph == later.paragraph
            else len(report.text)
        )
        found = report.after(later, nxt)
        if found:
            return found
    return None


def extract_quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per quotation segment of every report in `articles` (indexed by article_id)."""
    rows = []
    for article_id, text in articles["text"].items():
        for row in quotes_in_text(text):
            rows.append({"article_id": article_id, **row})
    frame = pd.DataFrame.from_records(rows, columns=FRAME_COLUMNS)
    return frame.astype(
        {
            "article_id": "string",
            "sentence_no": "int64",
            "start": "int64",
            "end": "int64",
            "quote": "string",
            "speaker": "string",
            "role": "string",
            "organisation": "string",
            "kind": "string",
            "cue": "string",
        }
    )
