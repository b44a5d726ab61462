"""Figures in reports: every count of people, events, things or money, as an interval with its
counted noun, category, hedge, source and time expression.

`figures_in_text` reads one report (a pure function, so a corpus maps in parallel);
`extract_figures` maps it over an articles frame. Which number phrases are figures, and what
they count, is judged by `figure_checks` (with the counted noun from `figure_nouns` and the
words around a figure from `figure_context`); a figure's source is read by `figure_sources`
and its time by `times`. Nouns, categories and context cues are data in
data/lexicon/ (categories.csv, context.csv, non_counts.csv, hedges.csv).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .articles import Sentence, segment
from .errors import ArticleError
from .figure_checks import figure_row, ratio_parts
from .figure_sources import source_for
from .gold import FIGURE_CATEGORIES
from .number_phrases import find_number_phrases, number_anchors
from .source_resolution import ParagraphSources
from .text import normalise
from .times import nearest, time_expressions

FIGURE_COLUMNS = [
    "article_id", "sentence_no", "start", "end", "text", "number", "low", "high", "hedge",
    "noun", "category", "source", "when",
]  # fmt: skip
FIGURE_DTYPES = {
    "article_id": str, "sentence_no": "int64", "start": "int64", "end": "int64", "text": str,
    "number": str, "low": "float64", "high": "float64", "hedge": str, "noun": str,
    "category": str, "source": str, "when": str,
}  # fmt: skip
CATEGORIES = FIGURE_CATEGORIES

_NUMBER_SIGN_END = re.compile(r"\b(?:No|Nos|no|nos)\.\s*\Z")


def _sentence_figures(
    raw: str, sentence: str, offset: int, sentence_no: int, anchors: Sequence[int] | None = None
) -> list[dict]:
    phrases = list(find_number_phrases(sentence, anchors))
    ratios = ratio_parts(sentence, phrases)
    rows: list[dict] = []
    for index, phrase in enumerate(phrases):
        if index in ratios:
            continue
        stop = phrases[index + 1].start if index + 1 < len(phrases) else len(sentence)
        row = figure_row(sentence, phrase, stop, rows)
        if row is None:
            continue
        start, end = row.pop("_start"), row.pop("_end")
        row.update(
            sentence_no=sentence_no,
            start=offset + start,
            end=offset + end,
            text=raw[offset + start : offset + end],
        )
        rows.append(row)
    return rows


def figures_in_text(text: str, sentences: Sequence[Sentence] | None = None) -> list[dict]:
    """Every figure of one report's raw text, in text order, with offsets into `text`.

    `sentences` may pass `segment(text)` when the caller has it already (the quotes need it
    too), so a pipeline splits each report once. Only the sentences holding a number anchor
    (a digit, currency sign or number word) are read: they are found from the anchors, as
    most sentences of a report hold none.
    """
    clean = normalise(text)
    sentences = segment(text) if sentences is None else sentences
    anchors = number_anchors(clean)
    ends = [sentence.end for sentence in sentences]  # in text order, as `segment` gives them
    rows: list[dict] = []
    paragraph_start = 0  # index of the first sentence of the current paragraph
    sources: ParagraphSources | None = None  # its sentences' frames, read when first needed
    at = 0  # the first anchor not yet read
    while at < len(anchors):
        index = bisect_right(ends, anchors[at])  # the first sentence ending after the anchor
        if index == len(sentences):
            break
        sentence = sentences[index]
        first = bisect_left(anchors, sentence.start, at)
        at = bisect_left(anchors, sentence.end, first)
        if first == at:
            continue  # the anchor lies between sentences
        run = _paragraph_start(sentences, index, paragraph_start)
        if run != paragraph_start:
            paragraph_start, sources = run, None
        sentence_text = clean[sentence.start : sentence.end]
        inside = [anchor - sentence.start for anchor in anchors[first:at]]
        found = _sentence_figures(text, sentence_text, sentence.start, sentence.sentence_no, inside)
        if found and found[0]["start"] == sentence.start:
            if _NUMBER_SIGN_END.search(clean, max(0, sentence.start - 8), sentence.start):
                del found[0]  # "the No. | 2 official": a sentence split after "No."
        if found:
            if sources is None:
                sources = ParagraphSources(_paragraph(clean, sentences, paragraph_start))
            _attribute(found, sources, index - paragraph_start, sentence.start)
            rows.extend(found)
    return rows


def _paragraph_start(sentences: Sequence[Sentence], index: int, floor: int) -> int:
    """Index of the first sentence of the paragraph of sentence `index`, not looking before
    `floor` (the first sentence of an earlier paragraph, or of the same)."""
    number = sentences[index].paragraph_no
    while index > floor and sentences[index - 1].paragraph_no == number:
        index -= 1
    return index


def _paragraph(clean: str, sentences: Sequence[Sentence], first: int) -> list[str]:
    """The texts of the sentences of the paragraph that starts at sentence index `first`."""
    number = sentences[first].paragraph_no
    texts = []
    for sentence in sentences[first:]:
        if sentence.paragraph_no != number:
            break
        texts.append(clean[sentence.start : sentence.end])
    return texts


def _attribute(rows: list[dict], sources: ParagraphSources, index: int, offset: int) -> None:
    """Fill `source` and `when` of the figures of sentence `index` of a paragraph."""
    frames = sources.frames(index)
    times = time_expressions(sources.sentences[index])
    for row in rows:
        start, end = row["start"] - offset, row["end"] - offset
        frame = source_for(frames, start, end) if frames else None
        row["source"] = sources.resolve(index, frame) if frame else ""
        row["when"] = nearest(times, start)


def _frame(rows: list[dict], article_ids: list[str]) -> pd.DataFrame:
    """The contract's columns and dtypes, on a plain RangeIndex (article_id is a column).

    Built column by column: `astype` on a whole frame costs a millisecond a call, more than
    the figures of a dozen reports."""
    data = {"article_id": pd.array(article_ids, dtype="str")}
    for column in FIGURE_COLUMNS[1:]:
        values = [row[column] for row in rows]
        dtype = FIGURE_DTYPES[column]
        data[column] = pd.array(values, dtype="str") if dtype is str else np.array(values, dtype)
    return pd.DataFrame(data, columns=FIGURE_COLUMNS)


def extract_figures(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per figure of every report in `articles` (its `text`), in report order.

    `article_id` (the articles frame's index) is the first column, like the quotes frame.
    """
    if "text" not in articles.columns:
        raise ArticleError(
            None, "articles frame has no 'text' column; load it with load_articles()"
        )
    rows: list[dict] = []
    article_ids: list[str] = []
    for article_id, text in articles["text"].items():
        found = figures_in_text(text if isinstance(text, str) else "")
        rows.extend(found)
        article_ids.extend([str(article_id)] * len(found))
    return _frame(rows, article_ids)
