"""The scorer: extracted figures and quotes matched to gold annotations, P/R/F1, the items.

evaluate.py runs it on a corpus (make eval); eval_report.py prints and writes the result.

Matching rules (the scorer is pure: prediction frames + gold frames + article texts)
-------------------------------------------------------------------------------------
Gold items are placed in the text by `gold.gold_frames` (first occurrence after the previous
item of the same list). Spans are half-open [start, end) character offsets into the raw text;
`overlap` is the number of characters two spans share. Matching is done per article.

Figures
  * A prediction can match a gold figure when overlap >= 30% of the shorter of the two spans
    (and overlap > 0).
  * Pairs are one to one: a maximum matching (as many pairs as possible); each gold item tries
    the predictions it overlaps most first. Unpaired gold = misses, unpaired predictions =
    spurious. Detection P = matched / predicted, R = matched / gold.
  * Value right: low and high both equal (open bounds, null/NaN, equal only to open bounds;
    numbers compared with a tolerance of 1e-6). Category right: same category string.
  * Value and category accuracy are over the matched figures. Strict P/R/F1 counts a pair as
    right only when value and category are both right.
  * Articles whose gold has "figures": null are not scored for figures; their predicted
    figures are ignored.

Quotes
  * A prediction can match a gold quote when overlap >= 50% of the gold quote's span.
  * One to one, as for figures.
  * Speakers match when the normalised names are equal, or when one side's surname is a word
    of the other ("Dunford" ~ "Marine Gen. Joseph Dunford"). Normalising: Unicode NFKC and
    `text.normalise`, lower case, parentheses dropped, cut at the first comma (an apposition:
    "Helena Marsh, a history professor" -> "helena marsh"), periods dropped ("U.S." ->
    "us"), a leading "the" dropped. The surname is the last word that is not a suffix (Jr.,
    Sr., II, III, IV) nor a pronoun or article; "Mahdi's office" has the word "mahdi's", so
    it does not match "Mahdi".
  * A corpus whose gold has no partial quote at all annotates direct quotes only (e.g. the
    PolNeAR conversion). There, predicted quotes of kind "partial" are set aside, neither
    right nor spurious, and their number is reported as `partial_not_scored`.
  * Speaker accuracy is over matched quotes whose gold speaker is not null. Strict P/R/F1
    counts a pair as right when the speaker matches, or when the gold speaker is null
    (those quotes are scored for detection only).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

import pandas as pd

from .articles import Sentence, segment
from .text import normalise

FIGURE_OVERLAP = 0.3  # of the shorter span
QUOTE_OVERLAP = 0.5  # of the gold span
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NOT_SURNAMES = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "mr",
    "mrs",
    "ms",
    "dr",
}

Span = tuple[int, int]


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def figure_spans_match(gold: Span, predicted: Span) -> bool:
    """Figure rule: overlap of at least 30% of the shorter of the two spans."""
    shared = overlap(gold, predicted)
    shorter = min(gold[1] - gold[0], predicted[1] - predicted[0])
    return shared > 0 and shared >= FIGURE_OVERLAP * shorter


def quote_spans_match(gold: Span, predicted: Span) -> bool:
    """Quote rule: overlap of at least 50% of the gold quote."""
    shared = overlap(gold, predicted)
    return shared > 0 and shared >= QUOTE_OVERLAP * (gold[1] - gold[0])


def one_to_one(
    gold: list[Span], predicted: list[Span], accept: Callable[[Span, Span], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold to predicted spans; pairs (gold index, pred index)."""
    candidates = [
        sorted(
            (j for j, p in enumerate(predicted) if accept(g, p)),
            key=lambda j, g=g: (-overlap(g, predicted[j]), j),
        )
        for g in gold
    ]
    owner: dict[int, int] = {}

    def assign(i: int, tried: set[int]) -> bool:
        for j in candidates[i]:
            if j in tried:
                continue
            tried.add(j)
            if j not in owner or assign(owner[j], tried):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


def _name_words(name: str) -> list[str]:
    flat = unicodedata.normalize("NFKC", normalise(name)).lower()
    flat = re.sub(r"\([^)]*\)", " ", flat).split(",")[0]
    words = [w.replace(".", "") for w in re.findall(r"\w[\w'.-]*", flat)]
    words = [w.strip("'-") for w in words if w.strip("'-")]
    return words[1:] if words[:1] == ["the"] else words


def surname(name: str) -> str | None:
    """The last word of a name that is not a suffix, pronoun or article (lower case)."""
    for word in reversed(_name_words(name)):
        if word not in NAME_SUFFIXES and word not in NOT_SURNAMES and len(word) > 1:
            return word
    return None


def speakers_match(gold: str | None, predicted: str | None) -> bool:
    """Equal normalised names, or one side's surname is a word of the other."""
    if not isinstance(gold, str) or not isinstance(predicted, str):
        return False
    gold_words, predicted_words = _name_words(gold), _name_words(predicted)
    if not gold_words or not predicted_words:
        return False
    if gold_words == predicted_words:
        return True
    gold_surname, predicted_surname = surname(gold), surname(predicted)
    return bool(
        (gold_surname and gold_surname in predicted_words)
        or (predicted_surname and predicted_surname in gold_words)
    )


def _missing(value: object) -> bool:
    """None, NaN, pd.NA or NaT: a value the frame does not have."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers are values
        return False


def same_bound(gold: object, predicted: object) -> bool:
    """Interval bounds agree: both open, or both numbers within 1e-6."""
    if _missing(gold) or _missing(predicted):
        return _missing(gold) and _missing(predicted)
    return math.isclose(float(gold), float(predicted), rel_tol=1e-9, abs_tol=1e-6)


def ratios(matched: int, predicted: int, gold: int) -> dict[str, float | None]:
    """Precision, recall and F1; None where a denominator is zero."""
    precision = matched / predicted if predicted else None
    recall = matched / gold if gold else None
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision is not None and recall is not None and precision + recall
        else (0.0 if precision is not None and recall is not None else None)
    )
    return {"precision": precision, "recall": recall, "f1": f1}


class _Context:
    """The sentence(s) around a span, from `segment`, or the line when the span is furniture."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.sentences: dict[str, list[Sentence]] = {}

    def __call__(self, article_id: str, start: int, end: int) -> dict:
        text = self.texts[article_id]
        if article_id not in self.sentences:
            self.sentences[article_id] = segment(text)
        around = [
            s for s in self.sentences[article_id] if s.start < max(end, start + 1) and s.end > start
        ]
        if around:
            left, right = min(s.start for s in around), max(s.end for s in around)
        else:
            left = text.rfind("\n", 0, start) + 1
            right = text.find("\n", end)
            right = len(text) if right < 0 else right
        left, right = min(left, start), max(right, end)
        return {"sentence": text[left:right], "mark": [start - left, end - left]}


def _item(row: pd.Series, fields: list[str]) -> dict:
    item = {"start": int(row["start"]), "end": int(row["end"])}
    for field in fields:
        value = row.get(field)
        item[field] = (
            None if _missing(value) else (value.item() if hasattr(value, "item") else value)
        )
    return item


def _score(
    gold: pd.DataFrame,
    predicted: pd.DataFrame,
    accept: Callable[[Span, Span], bool],
    checks: dict[str, Callable[[pd.Series, pd.Series], bool | None]],
    fields: tuple[list[str], list[str]],
    context: _Context,
) -> dict:
    """Match per article, then tally detection, each check, strict, and list the items."""
    matched, right = 0, 0
    check_counts = {name: [0, 0] for name in checks}  # right, scored
    misses, spurious, wrong, pairs = [], [], [], []
    for article_id in gold["article_id"].drop_duplicates().tolist() + sorted(
        set(predicted["article_id"]) - set(gold["article_id"])
    ):
        g = gold[gold["article_id"] == article_id].sort_values("start")
        p = predicted[predicted["article_id"] == article_id].sort_values("start")
        g_spans = list(zip(g["start"].astype(int), g["end"].astype(int), strict=True))
        p_spans = list(zip(p["start"].astype(int), p["end"].astype(int), strict=True))
        links = one_to_one(g_spans, p_spans, accept)
        paired_g, paired_p = {i for i, _ in links}, {j for _, j in links}
        for i, j in links:
            g_row, p_row = g.iloc[i], p.iloc[j]
            outcome = {name: check(g_row, p_row) for name, check in checks.items()}
            for name, ok in outcome.items():
                if ok is not None:
                    check_counts[name][0] += int(ok)
                    check_counts[name][1] += 1
            matched += 1
            failed = [name for name, ok in outcome.items() if ok is False]
            right += not failed
            pair = {
                "article_id": article_id,
                "gold": _item(g_row, fields[0]),
                "predicted": _item(p_row, fields[1]),
                "wrong": failed,
            }
            pairs.append(pair)
            if failed:
                wrong.append({**pair, **context(article_id, g_spans[i][0], g_spans[i][1])})
        for i in sorted(set(range(len(g_spans))) - paired_g):
            misses.append(
                {
                    "article_id": article_id,
                    **_item(g.iloc[i], fields[0]),
                    **context(article_id, *g_spans[i]),
                }
            )
        for j in sorted(set(range(len(p_spans))) - paired_p):
            spurious.append(
                {
                    "article_id": article_id,
                    **_item(p.iloc[j], fields[1]),
                    **context(article_id, *p_spans[j]),
                }
            )
    n_gold, n_pred = len(gold), len(predicted)
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": matched,
        "strict_right": right,
        "detection": ratios(matched, n_pred, n_gold),
        **{f"{name}_accuracy": (ok / n if n else None) for name, (ok, n) in check_counts.items()},
        **{f"{name}_right": ok for name, (ok, _) in check_counts.items()},
        **{f"{name}_scored": n for name, (_, n) in check_counts.items()},
        "strict": ratios(right, n_pred, n_gold),
        "misses": misses,
        "spurious": spurious,
        "wrong": wrong,
        "pairs": pairs,
    }


def _by(gold: pd.DataFrame, pairs: list[dict], column: str, field: str) -> dict[str, dict]:
    totals = Counter(gold[column].fillna("(none)"))
    found = Counter(pair["gold"][field] or "(none)" for pair in pairs)
    return {
        key: {"gold": n, "matched": found[key], "recall": found[key] / n}
        for key, n in sorted(totals.items())
    }


FIGURE_FIELDS = (
    ["text", "low", "high", "hedge", "category"],
    ["text", "low", "high", "hedge", "category", "noun", "source"],
)
QUOTE_FIELDS = (["quote", "speaker", "kind"], ["quote", "speaker", "kind", "cue"])


def score_figures(gold: pd.DataFrame, predicted: pd.DataFrame, texts: dict[str, str]) -> dict:
    """Figure scores; `gold` from `gold_frames`, `predicted` a figures frame of its articles."""
    checks = {
        "value": lambda g, p: same_bound(g["low"], p["low"]) and same_bound(g["high"], p["high"]),
        "category": lambda g, p: (
            str(g["category"]).strip().lower() == str(p["category"]).strip().lower()
        ),
    }
    result = _score(gold, predicted, figure_spans_match, checks, FIGURE_FIELDS, _Context(texts))
    result["by_category"] = _by(gold, result["pairs"], "category", "category")
    return result


def score_quotes(gold: pd.DataFrame, predicted: pd.DataFrame, texts: dict[str, str]) -> dict:
    """Quote scores; a gold speaker of None is scored for detection only."""
    checks = {
        "speaker": lambda g, p: (
            None if _missing(g["speaker"]) else speakers_match(g["speaker"], p["speaker"])
        )
    }
    result = _score(gold, predicted, quote_spans_match, checks, QUOTE_FIELDS, _Context(texts))
    result["by_kind"] = _by(gold, result["pairs"], "kind", "kind")
    return result


def direct_quotes_only(gold_quotes: pd.DataFrame) -> bool:
    """True when the gold has quotes but not one partial quote: it annotates direct ones only."""
    if gold_quotes.empty or "kind" not in gold_quotes.columns:
        return False
    return not (gold_quotes["kind"] == "partial").any()


def per_article(section: dict) -> dict[str, dict[str, int]]:
    """Gold, predicted, matched and strictly right counts of one section, per article."""
    counts: dict[str, Counter] = {}
    for pair in section["pairs"]:
        c = counts.setdefault(pair["article_id"], Counter())
        c["matched"] += 1
        c["strict_right"] += not pair["wrong"]
    for key, items in (("misses", section["misses"]), ("spurious", section["spurious"])):
        for item in items:
            counts.setdefault(item["article_id"], Counter())[key] += 1
    return {
        article_id: {
            "gold": c["matched"] + c["misses"],
            "predicted": c["matched"] + c["spurious"],
            "matched": c["matched"],
            "strict_right": c["strict_right"],
        }
        for article_id, c in counts.items()
    }
