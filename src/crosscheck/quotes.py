"""Quotations in a report: the words inside quotation marks, who said them, and how.

`quotes_in_text(text)` works on one report's kept lines (page furniture is skipped), pairs
straight and curly quotation marks paragraph by paragraph, drops scare quotes and titles,
and attributes each quotation segment to a speaker through the cue next to it ("…," X said /
said X / X said: "…" / according to X), the quotation it continues, or the previous
paragraph's speaker.

A quoted transcript ("PENCE: Well, look, …" opening a quoted paragraph) is read as direct quotes
of the person the turn label names, resolved to the full name the report gives ("Mike Pence"),
and an unlabelled quoted paragraph after a turn continues it. The guidelines define a quote as
words inside quotation marks that a person said, one entry per paragraph when a quotation runs
over several paragraphs; a transcript in quotation marks is exactly that, so it is not excluded
(the PolNeAR gold leaves the one transcript it has unannotated, with the rest of that article).
The cue searches around a segment live in quote_context.py, speaker phrases in
attribution.py, name resolution in names.py.
"""

from __future__ import annotations

import re

import pandas as pd

from .quote_context import Attribution, Report
from .quote_marks import Segment

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


_CLOSING_MARKS = "'\"\u2019\u201d"
# A word of two or more lower-case letters ends a sentence and a capitalised word opens the next
# ("U.N. Security" and "St. Petersburg" are abbreviations, not breaks).
_SENTENCE_BREAK = re.compile(r"\b[a-z]{2,}[.!?][\"'\u2019\u201d]?\s+[A-Z][a-z]")
_THAT = re.compile(r"\bthat\b")
_PRONOUN_OPENS = re.compile(r"(?:he|she|they|it|we|i)\b")


def _full_sentence(content: str) -> bool:
    """A capitalised sentence closed by . ! or ? (a closing mark of a nested quote may follow)."""
    content = content.strip()
    return content[:1].isupper() and content.rstrip(_CLOSING_MARKS)[-1:] in {".", "!", "?"}


def _cue_ends(report: Report, lead: str) -> re.Match | None:
    """The cue that ends the reporter's words before a quotation ("Trump declared", "said,")."""
    tail = lead[-80:]
    last = None
    for match in report.cue.finditer(tail):
        last = match
    if last is not None and not tail[last.end() :].strip(" ,:"):
        return last
    return None


def _leads_in(report: Report, zone_start: int, seg: Segment) -> bool:
    """True when reporter's words run into the quotation (a partial quote), not "X said:".

    A whole sentence right after its cue ("Trump declared “I think …”", "tweeting, “… ?”") and a
    quotation holding more than one sentence are the speaker's own sentences, not a fragment
    of the reporter's; a lower-case quotation after "said that …," is the reporter's clause.
    """
    lead = report.flat[zone_start : seg.open_mark].rstrip()
    if not lead:
        return False
    content = report.flat[seg.start : seg.end]
    if lead.endswith((":", "\u2014", "--")):
        return False
    if content.strip()[:1].isupper() and _SENTENCE_BREAK.search(content):
        return False
    if _full_sentence(content) and _cue_ends(report, lead):
        return False
    if not lead.endswith(","):
        return True
    cues = list(report.cue.finditer(lead[-60:]))
    if not cues:
        return True
    after_cue = lead[-60:][cues[-1].end() :]
    return content.strip()[:1].islower() and bool(_THAT.search(after_cue))


def _kind(report: Report, seg: Segment, leads_in: bool, attribution: Attribution | None) -> str:
    """direct, partial or statement; `leads_in` is `_leads_in` for the segment."""
    partial = leads_in
    if not partial and seg.close_mark >= 0:
        follow = report.flat[seg.close_mark + 1 : seg.close_mark + 30].lstrip()
        content = report.flat[seg.start : seg.end].rstrip().rstrip(_CLOSING_MARKS)
        if (
            follow[:1].isalpha()
            and follow[:1].islower()
            and not content.endswith((",", ".", "!", "?"))
        ):
            if not report.cue.match(follow) and not _PRONOUN_OPENS.match(follow):
                partial = True
    if partial:
        return "partial"
    if attribution is not None and attribution.written:
        return "statement"
    return "direct"


def quotes_in_text(text: str) -> list[dict]:
    """Every quotation segment of one report with speaker, role, organisation, kind and cue."""
    report = Report(text)
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
        leads_in = _leads_in(report, zone_start, seg)
        attribution = report.transcript_turn(seg)
        if attribution is not None:
            pass
        elif leads_in:
            attribution = report.according_after(seg, next_open) or report.before(seg, zone_start)
            attribution = attribution or report.after(seg, next_open, strict=True)
            attribution = attribution or report.subject_at(zone_start, seg.open_mark)
        else:
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
        kind = _kind(report, seg, leads_in, used)
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


def _later_in_paragraph(report: Report, segments: list[Segment], index: int) -> Attribution | None:
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
