"""How reports word things: the names they give a group, the words distinctive of each report,
their verbs of attribution, and the hedges they put on figures.

Word lists are data in data/lexicon/ (group_names.csv, attribution_verbs.csv,
function_words.txt). Everything is counted on the kept sentences of `articles.segment`, so
page furniture never counts, and every match keeps its article id and offsets.

Distinctive words use the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi and Quinn 2008, "Fightin' Words", Political Analysis 16(4)): each report
against all the others, with the pooled counts of every loaded report as the prior.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from functools import lru_cache

import pandas as pd
from nltk.tokenize.destructive import NLTKWordTokenizer

from .articles import segment
from .errors import ArticleError
from .overview import report_labels
from .paths import LEXICON_DIR
from .text import normalise

MENTION_COLUMNS = ["article_id", "sentence_no", "start", "end", "text", "name"]
VERB_COLUMNS = ["article_id", "sentence_no", "start", "end", "text", "verb"]
DISTINCTIVE_COLUMNS = ["article_id", "word", "count", "rest_count", "log_odds", "z"]
Z_95 = 1.96  # |z| above this: the difference is unlikely to be chance at the 95% level


def with_article_column(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with `article_id` as a column, whether it came as a column or as the index."""
    if "article_id" not in frame.columns and frame.index.name == "article_id":
        return frame.reset_index()
    return frame


def _lexicon_rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    path = LEXICON_DIR / name
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                raise ArticleError(path, f"lexicon lacks column(s): {', '.join(missing)}")
            rows = [{c: (row.get(c) or "").strip() for c in columns} for row in reader]
    except FileNotFoundError:
        raise ArticleError(path, "lexicon file not found") from None
    return [row for row in rows if all(row.values())]


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Words the distinctive-words chart leaves out (data/lexicon/function_words.txt)."""
    path = LEXICON_DIR / "function_words.txt"
    if not path.exists():
        raise ArticleError(path, "lexicon file not found")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _form_pattern(forms: list[str]) -> re.Pattern:
    """One regex for many literal forms: longest first; all-capital forms match case exactly."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        body = re.escape(normalise(form)).replace(r"\ ", r"\s+")
        parts.append(body if form.isupper() else f"(?i:{body})")
    return re.compile(r"(?<![\w'-])(?:" + "|".join(parts) + r")(?![\w-])")


def _match_forms(
    articles: pd.DataFrame, form_to_label: dict[str, str], columns: list[str]
) -> pd.DataFrame:
    """Every match of the forms in the kept sentences, labelled, with offsets into `text`."""
    pattern = _form_pattern(list(form_to_label))
    folded = {normalise(form).lower(): label for form, label in form_to_label.items()}
    rows = []
    for article_id, text in articles["text"].items():
        plain = normalise(text)
        for sentence in segment(text):
            for match in pattern.finditer(plain, sentence.start, sentence.end):
                key = " ".join(match.group().split()).lower()
                label = folded.get(key)
                if label is not None:
                    rows.append(
                        (
                            article_id,
                            sentence.sentence_no,
                            *match.span(),
                            text[match.start() : match.end()],
                            label,
                        )
                    )
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"sentence_no": "int64", "start": "int64", "end": "int64"})


def group_names(group: str = "Islamic State") -> list[str]:
    """The names data/lexicon/group_names.csv lists for `group`, in file order."""
    rows = _lexicon_rows("group_names.csv", ("group", "name", "form"))
    return list(dict.fromkeys(r["name"] for r in rows if r["group"].lower() == group.lower()))


def group_mentions(articles: pd.DataFrame, group: str = "Islamic State") -> pd.DataFrame:
    """Every mention of `group` under any of its names (ISIS, ISIL, Islamic State, Daesh …)."""
    rows = _lexicon_rows("group_names.csv", ("group", "name", "form"))
    forms = {row["form"]: row["name"] for row in rows if row["group"].lower() == group.lower()}
    if not forms:
        known = sorted({row["group"] for row in rows})
        raise ArticleError(
            LEXICON_DIR / "group_names.csv",
            f"no names for group {group!r} (known: {', '.join(known)})",
        )
    return _match_forms(articles, forms, MENTION_COLUMNS)


def attribution_verbs(articles: pd.DataFrame) -> pd.DataFrame:
    """Every verb of attribution (said, told, claimed, announced, according to …) in the text.

    All occurrences count, not only those attached to a quote: this measures word choice.
    """
    rows = _lexicon_rows("attribution_verbs.csv", ("verb", "form"))
    return _match_forms(articles, {row["form"]: row["verb"] for row in rows}, VERB_COLUMNS)


def count_table(
    matches: pd.DataFrame,
    articles: pd.DataFrame,
    column: str,
    per_words: int = 0,
    labels: list[str] | None = None,
) -> pd.DataFrame:
    """Reports × labels: how often each report uses each label (per `per_words` words if set).

    Rows follow the reports' publication order; columns go from most to least used overall,
    then any of `labels` no report used, so a name nobody uses still shows as a zero.
    """
    matches = with_article_column(matches)
    order = articles.sort_values("published", na_position="last", kind="stable").index
    counts = pd.crosstab(matches["article_id"], matches[column]) if len(matches) else pd.DataFrame()
    counts = counts.reindex(order, fill_value=0)
    if len(counts.columns):
        counts = counts[counts.sum().sort_values(ascending=False, kind="stable").index]
    missing = [label for label in labels or [] if label not in counts.columns]
    counts = counts.reindex(columns=[*counts.columns, *missing], fill_value=0)
    if per_words:
        words = articles["words"].reindex(order).clip(lower=1)
        counts = counts.div(words, axis=0).mul(per_words).round(1)
    counts.index = report_labels(articles).reindex(order).to_numpy()
    counts.index.name = "report"
    counts.columns.name = None
    return counts


_TOKENIZER = NLTKWordTokenizer()
# A word: letters, maybe inner apostrophes, periods or hyphens; not a clitic like "n't".
_WORDLIKE = re.compile(r"^(?!n't$)(?:[a-z][a-z'.-]*[a-z]|[a-z])$", re.IGNORECASE)
_ACRONYM = re.compile(r"^[A-Z][A-Z.]*[A-Z]$")


def words(text: str) -> list[str]:
    """NLTK (Treebank-style) word tokens of the kept sentences, words only.

    Words are lower-cased, except acronyms ("US", "ISIS"), so "US" never merges with "us".
    """
    plain = normalise(text)
    found = []
    for sentence in segment(text):
        for token in _TOKENIZER.tokenize(plain[sentence.start : sentence.end]):
            if _WORDLIKE.match(token):
                found.append(token if _ACRONYM.match(token) else token.lower())
    return found


def word_counts(articles: pd.DataFrame) -> dict[str, Counter]:
    """Word counts per report (NLTK tokens of the kept text)."""
    return {article_id: Counter(words(text)) for article_id, text in articles["text"].items()}


def log_odds(
    counts_i: Counter, counts_j: Counter, prior: Counter, prior_scale: float = 1.0
) -> pd.DataFrame:
    """Weighted log-odds of every word in `counts_i` against `counts_j`, informative prior.

    delta = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w)),
    var ~ 1/(y_i + a_w) + 1/(y_j + a_w), z = delta / sqrt(var), with a_w = prior_scale * prior[w].
    """
    n_i, n_j = sum(counts_i.values()), sum(counts_j.values())
    a_0 = prior_scale * sum(prior.values())
    rows = []
    for word, y_i in counts_i.items():
        a_w = prior_scale * prior.get(word, 0)
        if a_w <= 0:
            continue
        y_j = counts_j.get(word, 0)
        rest_i, rest_j = n_i + a_0 - y_i - a_w, n_j + a_0 - y_j - a_w
        if rest_i <= 0 or rest_j <= 0:  # the word is the whole vocabulary: odds are undefined
            continue
        delta = math.log((y_i + a_w) / rest_i) - math.log((y_j + a_w) / rest_j)
        z = delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
        rows.append((word, y_i, y_j, delta, z))
    return pd.DataFrame(rows, columns=["word", "count", "rest_count", "log_odds", "z"])


def distinctive_words(
    articles: pd.DataFrame,
    top: int = 12,
    min_count: int = 2,
    prior_scale: float = 0.1,
    skip_function_words: bool = True,
) -> pd.DataFrame:
    """The `top` words most distinctive of each report against all the others (highest z).

    The prior is the pooled counts of all reports times `prior_scale`: 0.1 weighs it as a
    tenth of the text, enough to damp rare words without hiding real differences.
    Needs two reports or more; with fewer there is nothing to compare, and the frame is empty.
    Ties are broken by word, so the result never depends on dictionary order.
    """
    empty = pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    if len(articles) < 2:
        return empty
    counts = word_counts(articles)
    pooled: Counter = Counter()
    for counter in counts.values():
        pooled.update(counter)
    skip = function_words() if skip_function_words else frozenset()
    frames = []
    for article_id, counter in counts.items():
        rest: Counter = Counter()
        for other, other_counts in counts.items():
            if other != article_id:
                rest.update(other_counts)
        scored = log_odds(counter, rest, pooled, prior_scale)
        scored = scored[(scored["count"] >= min_count) & ~scored["word"].isin(skip)]
        scored = scored.sort_values(["z", "word"], ascending=[False, True], kind="stable").head(top)
        frames.append(scored.assign(article_id=article_id))
    if not frames:
        return empty
    result = pd.concat(frames, ignore_index=True)[DISTINCTIVE_COLUMNS]
    return result.astype({"count": "int64", "rest_count": "int64"})


def hedge_table(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Reports × hedges: how each report qualifies its figures ("more than", "about", none)."""
    figures = with_article_column(figures)
    hedges = figures.assign(
        hedge=figures["hedge"].fillna("").astype(str).replace("", "(exact, no hedge)")
    )
    return count_table(hedges, articles, "hedge")


def hedge_examples(
    figures: pd.DataFrame, articles: pd.DataFrame, per_hedge: int = 3
) -> pd.DataFrame:
    """A few figures for each hedge, as the reports wrote them, with their report."""
    labels = report_labels(articles)
    figures = with_article_column(figures)
    hedged = figures[figures["hedge"].fillna("").astype(str) != ""]
    rows = []
    for hedge, group in hedged.groupby("hedge", sort=True):
        shown = group.sort_values(["article_id", "start"], kind="stable").head(per_hedge)
        phrases = [
            f"{text} ({labels.get(a, a)})"
            for a, text in zip(shown["article_id"], shown["text"], strict=True)
        ]
        rows.append((hedge, len(group), "; ".join(phrases)))
    return pd.DataFrame(rows, columns=["hedge", "figures", "as written"])


def first_uses(matches: pd.DataFrame, articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """Per report and label: how many uses, and the first one as written (with its sentence)."""
    labels = report_labels(articles)
    order = {a: n for n, a in enumerate(articles.sort_values("published", kind="stable").index)}
    rows = []
    ordered = with_article_column(matches).sort_values(["article_id", "start"], kind="stable")
    for (article_id, label), group in ordered.groupby(["article_id", column], sort=False):
        first = group.iloc[0]
        rows.append(
            (
                order.get(article_id, 0),
                labels.get(article_id, article_id),
                label,
                len(group),
                first["text"],
                article_id,
                int(first["sentence_no"]),
            )
        )
    columns = ["_order", "report", column, "uses", "first use", "article_id", "sentence_no"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(
        ["_order", "uses", column], ascending=[True, False, True], kind="stable"
    )
    return frame.drop(columns="_order").reset_index(drop=True)


def _times(value: float, unit: str) -> str:
    if unit:
        return f"{value:g} {unit}"
    return {1: "once", 2: "twice"}.get(int(value), f"{value:g} times")


MAX_LISTED_SILENT = 5  # past this many, reports that use no label get one sentence together


def describe_counts(table: pd.DataFrame, unit: str = "") -> list[str]:
    """One sentence per report from a count table: what it uses, how often, and what it never uses.

    `unit` names a rate ("per 1,000 words"); without it the values are counts ("3 times").
    """
    sentences = []
    silent = [str(report) for report, row in table.iterrows() if not (row > 0).any()]
    for report, row in table.iterrows():
        used = row[row > 0].sort_values(ascending=False, kind="stable")
        unused = [str(label) for label in row.index if row[label] == 0]
        if used.empty:
            if len(silent) <= MAX_LISTED_SILENT:
                sentences.append(f"{report} uses none of them.")
            continue
        parts = [f"{label} {_times(value, unit)}" for label, value in used.items()]
        sentence = f"{report}: " + ", ".join(parts)
        if unused:
            sentence += "; never " + (
                unused[0] if len(unused) == 1 else ", ".join(unused[:-1]) + " or " + unused[-1]
            )
        sentences.append(sentence + ".")
    if len(silent) > MAX_LISTED_SILENT:
        sentences.append(f"The other {len(silent)} reports use none of them.")
    return sentences
