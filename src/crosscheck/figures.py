"""Figures in reports: every count of people, events, things or money, as an interval with its
counted noun, category, hedge, source and time expression.

`figures_in_text` reads one report (a pure function, so a corpus maps in parallel);
`extract_figures` maps it over an articles frame. The counted noun is read by `figure_nouns`,
the words around a figure that say what it counts by `figure_context`, its source by
`figure_sources` and its time by `times`. Nouns, categories and context cues are data in
data/lexicon/ (categories.csv, context.csv, non_counts.csv, hedges.csv).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .articles import Sentence, segment
from .errors import ArticleError
from .figure_context import context_category
from .figure_nouns import (
    NAME_WORD,
    STOP,
    counted_noun,
    extend_coordination,
    is_singular,
    lexicon_entry,
    load_categories,
)
from .figure_sources import source_for
from .gold import FIGURE_CATEGORIES
from .numbers import (
    NumberPhrase,
    find_number_phrases,
    load_hedges,
    number_anchors,
)
from .source_resolution import ParagraphSources
from .text import normalise
from .times import DAYS, MONTHS, nearest, time_expressions

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

_TEMPORAL_BEFORE = frozenset(
    "in since by until till from of during before after early late mid".split()
)
_MONTH_WORD = re.compile(rf"{MONTHS}\Z")
_DAY_OR_MONTH = re.compile(rf"(?:{DAYS}|{MONTHS})\Z")
# A capitalised word before a bare number names something ("Fortune 500 companies", "Resolution
# 2254 was"), unless it is a place or time after a preposition ("in Mosul 300 people").
_PLACE_OR_TIME_LEAD = frozenset(
    """in at on near across throughout around inside outside from since by after before during
    until""".split()
)


class _Ending:
    """A pattern that ends at the end of the text (`\\Z`), tried only when the text's last word
    is one it can end on: searched for at every position, it costs far more than that test."""

    def __init__(self, pattern: str, last_words: str, flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.last_words = tuple(last_words.split())

    def search(self, text: str) -> re.Match | None:
        tail = text.rstrip()[-12:]  # case folding of a non-ASCII letter may match ASCII
        if tail.isascii() and not tail.lower().endswith(self.last_words):
            return None
        return self.pattern.search(text)


# "people under 30", "voters over 65": an age limit, not a count.
_AGE_LIMIT_BEFORE = _Ending(
    r"\b(?P<who>[A-Za-z]+)\s+(?:under|over|above|below|older\s+than|younger\s+than)\s+\Z",
    "under over above below than",
)
_AGE_GROUPS = frozenset("those anyone everyone kids adults youths ages aged age".split())
_NOT_A_COUNT_BEFORE = _Ending(
    r"(?:\b(?:father|mother|parent|parents|mum|mom|dad)\s+of|\baged?|\bages|\bNo\.|\bnumber|#)\s*\Z",
    "of age aged ages no. number #",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"\s+of\s+(the|his|her|their|its|our|these|those|them|whom|which|us)\b", re.IGNORECASE
)
_PARTITIVE_PRONOUNS = frozenset("them whom which us".split())
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_CONJUNCTION_BEFORE = _Ending(
    r"(?:\band|\bor|\bbut|\bwhile|\bplus|\bas well as|\balong with|\bincluding|\banother)\s*\Z",
    "and or but while plus as with including another",
    re.IGNORECASE,
)
# "seven brackets, compared with two", "10 judges rather than 11", "3,000 more troops, bringing
# the total to 14,000": the noun is left out.
_COMPARISON_BEFORE = _Ending(
    r"(?:\bcompared\s+(?:with|to)|\brather\s+than|\bthan|\bversus|\bvs\.?|\bup\s+from|"
    r"\bdown\s+from|\btotal\s+(?:to|of|at))\s*\Z",
    "with to than versus vs vs. from of at",
    re.IGNORECASE,
)
# "The number of troops will fall from 2,000 to 400": what a bare number counts.
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally)\s+of\s+(?:[A-Z.]+\s+)?([a-z]+)\b")
_MONEY_VERB_BEFORE = re.compile(
    r"\b(?:lent|loaned|lend|paid|pay|pays|raised|raise|raises|spent|spend|spends|owed|owe|owes|"
    r"costs?|costing|donated|donate|invested|invest|earned|earn|borrowed|borrow|fined|charged|"
    r"cost\s+taxpayers)(?:\s+[A-Za-z.'’]+){0,3}\s+\Z",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    r"\s+(?:in|of)\s+(?:cash|funding|donations|contributions|debt|loans|revenue|taxes|fees|"
    r"fines|profits|damages|aid|assets|spending|salary|bonuses)\b",
    re.IGNORECASE,
)
# Between the two numbers of a ratio: "one in five", "two out of three", "eight of 10", "one of
# every nine". "Of" alone makes a ratio only over 10, 100 or 1,000 ("one of 12 soldiers killed"
# is a count of 12).
_RATIO_LINK = re.compile(
    r"\s+(?:out\s+of|in|(?P<of>of))\s+(?:(?P<every>every|each)\s+)?", re.IGNORECASE
)
_RATIO_EACH = re.compile(
    r"(?:\s+of|(?:\s+[a-z]+)?\s+out\s+of)\s+(?:every|each)\s+(?!\d)[a-z]", re.IGNORECASE
)
_ONE_OR_ANOTHER = re.compile(r"\s+(?:than|or|to|after)\s+(?:another|the\s+other)\b", re.I)
_NUMBER_SIGN_END = re.compile(r"\b(?:No|Nos|no|nos)\.\s*\Z")
# "Of the 10 judges who will hear it, six were appointed by ...": six of those judges.
_OF_THE_OPENING = re.compile(r"\W{0,2}Of\s+(?:the|these|those|its|their)\s", re.IGNORECASE)
_COLLECTIVE_OF = _Ending(r"((?:\S+\s+){1,3})of\s*\Z", "of")  # "a team of" before a number
LOOK_BEHIND = 80  # characters before a number that the patterns ending at it may need
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_IN = re.compile(r"\b\d{4}\b")


def _year_like(phrase: NumberPhrase) -> bool:
    return bool(_FOUR_DIGITS.fullmatch(phrase.number)) and 1000 <= phrase.raw_low <= 2100


def _before(sentence: str, start: int) -> str:
    """The few words before `start`: enough for patterns anchored at the end (`\\Z`), and
    cheap, since those patterns would otherwise be tried at every earlier position."""
    return sentence[max(0, start - LOOK_BEHIND) : start]


def _previous_word(sentence: str, start: int) -> str:
    words = _before(sentence, start).split()
    return words[-1] if words else ""


def _next_word(sentence: str, end: int) -> str:
    words = sentence[end : end + 40].split()
    return words[0].strip(",;:.") if words else ""


def _is_not_a_count(sentence: str, phrase: NumberPhrase) -> bool:
    """Dates, years, numbers in names and personal descriptors."""
    before = _before(sentence, phrase.start)
    previous = _previous_word(sentence, phrase.start)
    if _MONTH_WORD.match(previous) or _MONTH_WORD.fullmatch(_next_word(sentence, phrase.end)):
        return True
    if _NOT_A_COUNT_BEFORE.search(before):
        return True
    if not phrase.hedge and phrase.number.isdigit() and _in_a_name(sentence, phrase, before):
        return True
    if phrase.bound == "range" and _YEAR_IN.search(phrase.number):
        low, high = phrase.raw_low, phrase.raw_high
        if 1000 <= low <= 2100 and 1000 <= high <= 2100 and "," not in phrase.number:
            return True
    return False


def _in_a_name(sentence: str, phrase: NumberPhrase, before: str) -> bool:
    """A plain number right after a capitalised word inside a sentence, with a lower-case word
    (or nothing) after it: "the Fortune 500 companies", "Resolution 2254 was adopted"."""
    words = before.rsplit(None, 2)
    if len(words) < 2 or not before[-1:].isspace() or not NAME_WORD.fullmatch(words[-1]):
        return False
    word, lead = words[-1], words[-2]
    if not lead[-1].isalnum() or lead.lower() in _PLACE_OR_TIME_LEAD or _DAY_OR_MONTH.match(word):
        return False
    low = word.lower()
    if low in STOP or low in load_categories() or low in load_hedges():
        return False
    following = _next_word(sentence, phrase.end)
    return not following[:1].isupper()


def _sentence_figures(
    raw: str, sentence: str, offset: int, sentence_no: int, anchors: Sequence[int] | None = None
) -> list[dict]:
    phrases = list(find_number_phrases(sentence, anchors))
    ratios = _ratio_parts(sentence, phrases)
    rows: list[dict] = []
    for index, phrase in enumerate(phrases):
        if index in ratios:
            continue
        stop = phrases[index + 1].start if index + 1 < len(phrases) else len(sentence)
        row = _figure(sentence, phrase, stop, rows)
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


def _ratio_parts(sentence: str, phrases: Sequence[NumberPhrase]) -> set[int]:
    """Indexes of the phrases that make a ratio ("one in five", "eight of 10 voters", "one of
    every nine", "37 cents out of each dollar"): a proportion, not a count."""
    parts: set[int] = set()
    for index, phrase in enumerate(phrases):
        if phrase.bound == "range":
            continue
        if _RATIO_EACH.match(sentence, phrase.end):
            parts.add(index)
        if index + 1 == len(phrases):
            break
        nxt = phrases[index + 1]
        link = _RATIO_LINK.fullmatch(sentence, phrase.end, nxt.start)
        if not link or nxt.bound == "range" or phrase.money != nxt.money:
            continue
        smaller = phrase.raw_high < nxt.raw_low
        if link.group("every") or (
            smaller
            and not phrase.money
            and (link.group("of") is None or nxt.raw_low in (10, 100, 1000))
        ):
            parts.update((index, index + 1))
    return parts


def _figure(sentence: str, phrase: NumberPhrase, stop: int, earlier: list[dict]) -> dict | None:
    """One figure from a number phrase, or None when the number is not a count."""
    if _is_not_a_count(sentence, phrase):
        return None
    one = phrase.words and phrase.raw_low == 1 and phrase.bound != "range"
    if phrase.money:
        noun, category, end = "", "money", phrase.end
        following = counted_noun(sentence, phrase.end, one=False)[0]
        if following and following.known and following.category == "money":
            end = following.end
        return _row(phrase, phrase.start, end, noun, category)
    pos = phrase.end
    partitive = _PARTITIVE.match(sentence, pos)
    if partitive:
        if one:
            return None
        pos = partitive.end() if partitive.group(1).lower() not in ("them", "whom", "us") else pos
    elif _OF.match(sentence, pos) and (phrase.vague or phrase.raw_low >= 1e6):
        pos = _OF.match(sentence, pos).end()
    noun, not_a_count = counted_noun(sentence, pos, one)
    if not_a_count:
        return None
    if noun and _year_like(phrase):
        previous = _previous_word(sentence, phrase.start).lower()
        if not noun.known or previous in _TEMPORAL_BEFORE or is_singular(noun.word):
            return None  # "since 2014 fighters", "the 2011 raid", "the 1951 Refugee Convention"
    if noun is None:
        row = _bare_figure(sentence, phrase, stop, earlier)
        if row is None and partitive and partitive.group(1).lower() in _PARTITIVE_PRONOUNS:
            row = _row(phrase, phrase.start, phrase.end, "", "other")  # "537 of which are"
        return row
    if one and (not noun.known or _ONE_OR_ANOTHER.match(sentence, noun.end)):
        return None  # "more for one school than another": a contrast, not a count
    end = extend_coordination(sentence, noun) if noun.person else noun.end
    category = noun.category
    # A noun outside the lexicon may name people ("worshippers") or things ("segments").
    kinds = ("person",) if noun.person else ("thing",) if noun.known else ("person", "thing")
    cue = context_category(sentence, phrase.start, end, stop, kinds)
    living = noun.person or not noun.known
    if living and cue == "casualties" and category != "displaced":
        category = "casualties"
    elif living and cue == "displaced" and category == "other":
        category = "displaced"
    elif not noun.person and cue == "targets" and category == "other":
        category = "targets"
    elif noun.person and category != "casualties" and earlier:
        if earlier[-1]["category"] == "casualties" and _CONJUNCTION_BEFORE.search(
            _before(sentence, phrase.start)
        ):
            category = "casualties"
    return _row(phrase, phrase.start, end, noun.word, category)


def _bare_figure(sentence, phrase: NumberPhrase, stop, earlier: list[dict]) -> dict | None:
    """A number with no counted noun: a figure only when its context says what it counts."""
    one = phrase.words and phrase.raw_low == 1
    if one or _year_like(phrase):
        return None
    previous = _previous_word(sentence, phrase.start)
    if previous[:1].isupper() and previous.lower() not in load_categories():
        return None  # a number inside a name: "Resolution 2254"
    age = _AGE_LIMIT_BEFORE.search(_before(sentence, phrase.number_start))
    if age and phrase.hedge:
        who = age.group("who").lower()
        if who in _AGE_GROUPS or load_categories().get(who, ("", False))[1]:
            return None
    cue = context_category(sentence, phrase.start, phrase.end, stop, ("person",))
    if cue in ("casualties", "displaced"):
        return _row(phrase, phrase.start, phrase.end, "", cue)
    collective = _COLLECTIVE_OF.search(_before(sentence, phrase.start))
    if collective:
        for word in reversed(collective.group(1).split()):
            entry = lexicon_entry(word, None)
            if entry:
                return _row(phrase, phrase.start, phrase.end, "", entry[1][0])
    before = _before(sentence, phrase.start)
    counted = _NUMBER_OF.search(sentence, 0, phrase.start)
    if counted and (entry := lexicon_entry(counted.group(1), None)):
        return _row(phrase, phrase.start, phrase.end, "", entry[1][0])  # "number of troops"
    if earlier and (_CONJUNCTION_BEFORE.search(before) or _COMPARISON_BEFORE.search(before)):
        return _row(phrase, phrase.start, phrase.end, "", earlier[-1]["category"])
    if earlier and before.rstrip().endswith(",") and _OF_THE_OPENING.match(sentence):
        return _row(phrase, phrase.start, phrase.end, "", earlier[0]["category"])
    if phrase.vague and phrase.bound != "range" or phrase.bound not in ("=", "range"):
        return _row(phrase, phrase.start, phrase.end, "", _money_or_other(sentence, phrase))
    return None


def _money_or_other(sentence: str, phrase: NumberPhrase) -> str:
    """ "Lent the company millions", "released millions in cash": a bare amount in millions
    that is lent, paid or spent is money."""
    if phrase.raw_low < 1e6:
        return "other"
    if _MONEY_AFTER.match(sentence, phrase.end) or _MONEY_VERB_BEFORE.search(
        _before(sentence, phrase.start)
    ):
        return "money"
    return "other"


def _row(phrase: NumberPhrase, start: int, end: int, noun: str, category: str) -> dict:
    return {
        "_start": start,
        "_end": end,
        "number": phrase.number,
        "low": float(phrase.low),
        "high": float(phrase.high),
        "hedge": phrase.hedge,
        "noun": noun,
        "category": category,
        "source": "",
        "when": "",
    }


def figures_in_text(text: str, sentences: Sequence[Sentence] | None = None) -> list[dict]:
    """Every figure of one report's raw text, in text order, with offsets into `text`.

    `sentences` may pass `segment(text)` when the caller has it already (the quotes need it
    too), so a pipeline splits each report once.
    """
    clean = normalise(text)
    sentences = segment(text) if sentences is None else sentences
    anchors = number_anchors(clean)
    rows: list[dict] = []
    paragraph_start = 0  # index of the first sentence of the current paragraph
    sources: ParagraphSources | None = None  # its sentences' frames, read when first needed
    for index, sentence in enumerate(sentences):
        if index and sentence.paragraph_no != sentences[index - 1].paragraph_no:
            paragraph_start, sources = index, None
        first, last = bisect_left(anchors, sentence.start), bisect_left(anchors, sentence.end)
        if first == last:
            continue  # no digit, currency sign or number word: no figure
        sentence_text = clean[sentence.start : sentence.end]
        inside = [at - sentence.start for at in anchors[first:last]]
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


def empty_figures() -> pd.DataFrame:
    """A figures frame with no rows but every column and dtype."""
    return _frame([], [])


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
