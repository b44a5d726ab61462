"""The fact-checker's table: figures of several reports grouped by the thing they count.

`compare_figures` groups the figures frame into "the same thing counted" (see its docstring),
puts each report's intervals, hedges, sources and dates side by side, and flags figures
that cannot both be true. `figure_pairs` lists the pairwise verdicts; findings.py writes
them out as plain sentences for the notebooks.
"""

from __future__ import annotations

import itertools
import math
import re

import pandas as pd

from .errors import CrosscheckError
from .grouping import GroupKey, figures_frame, group_keys, sentence_around

# A hedge that makes a point value approximate ("about 2,000") widens it by this share
# either side before intervals are compared: "closer to 2,000" covers 1,700 to 2,300.
APPROXIMATE_TOLERANCE = 0.15
APPROXIMATE_HEDGES = frozenset(
    {
        "about", "around", "approximately", "roughly", "nearly", "almost", "closer to",
        "close to", "some", "estimated", "an estimated", "an estimate", "just under",
        "just over", "more or less", "or so", "upwards of", "circa", "over", "under",
    }
)  # fmt: skip
# Reports further apart than this may both be right: the count can change in between.
TIME_GAP_DAYS = 90

COMPARISON_COLUMNS = [
    "group", "category", "article_id", "outlet", "published", "figure", "number", "interval",
    "hedge", "source", "when", "status", "disagrees_with", "sentence", "low", "high",
    "sentence_no", "start", "end", "assumed", "group_key",
]  # fmt: skip
PAIR_COLUMNS = ["group", "a", "b", "relation", "days_apart"]
STATUS_ORDER = ["conflict", "time gap", "agrees", "single"]
# A pair that is one report stating one number twice (headline and body): never a verdict.
REPEAT = "repeat"


def is_approximate(hedge: object) -> bool:
    """True when the hedge marks a point value as approximate ("about", "closer to")."""
    return isinstance(hedge, str) and hedge.strip().lower() in APPROXIMATE_HEDGES


def effective_interval(low: float, high: float, hedge: object) -> tuple[float, float]:
    """The interval a figure allows: open ends become 0 / infinity, approximations widen."""
    lo = 0.0 if pd.isna(low) else float(low)
    hi = math.inf if pd.isna(high) else float(high)
    if is_approximate(hedge):
        lo, hi = lo * (1 - APPROXIMATE_TOLERANCE), hi * (1 + APPROXIMATE_TOLERANCE)
    return lo, hi


def intervals_conflict(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """True when two effective intervals share no value, so both cannot be true."""
    return a[1] < b[0] or b[1] < a[0]


def format_interval(low: float, high: float, hedge: object = "") -> str:
    """A short reading of an interval: '503', '≥ 401', '≤ 30', '20,000–30,000', '≈ 2,000'."""

    def num(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"

    if pd.isna(low) and pd.isna(high):
        return "?"
    if pd.isna(high):
        return f"≥ {num(low)}"
    if pd.isna(low):
        return f"≤ {num(high)}"
    if low == high:
        return f"≈ {num(low)}" if is_approximate(hedge) else num(low)
    return f"{num(low)}–{num(high)}"


def _marked_sentence(text: str, start: int, end: int) -> str:
    """The sentence holding the figure, with the figure in [brackets]."""
    sentence, a, b = sentence_around(text, start, end)
    return f"{sentence[:a]}[{sentence[a:b]}]{sentence[b:]}"


def _check_articles(figures: pd.DataFrame, articles: pd.DataFrame) -> None:
    unknown = sorted(set(figures["article_id"]) - set(articles.index))
    if unknown:
        raise CrosscheckError(f"figures name article(s) not in articles: {', '.join(unknown)}")


def compare_figures(
    figures: pd.DataFrame, articles: pd.DataFrame, categories: list[str] | None = None
) -> pd.DataFrame:
    """One row per figure, grouped by the thing counted, with a verdict against the others.

    Grouping ("the same thing counted") is deliberately simple and shown in `group_key`:
    category / subject / qualifier / outcome / movement / place, where
      - subject is the counted noun's head; nouns that just name the category ("troops",
        "soldiers", "Marines" for troops; "people", "deaths" for casualties) count as the
        category itself, other heads ("civilians", "votes") stay apart;
      - qualifier is a nationality or party named in the figure ("US", "Russian", "ISIS");
      - outcome (casualties only) is killed or wounded, from the nearest verb in the sentence;
      - movement is stock (in place), out (leaving), in (arriving) or remain (left behind by
        a movement), from the nearest cue in the figure's clause (movement.py);
      - place is a capitalised name after "in", "from", "out of"... in the figure's clause.
    A figure that does not state a qualifier, outcome or place takes the one value the rest
    of its group states, if exactly one; the `assumed` column lists what was filled in.
    The terms are data: data/lexicon/comparison.csv and data/lexicon/movement.csv.

    Movement (see movement.py) keeps figures of a force in place apart from figures of a
    force on the move: "there are 503 troops in Syria" (stock) is not compared with "more
    than 400 Marines are leaving Syria" (out), "200 will remain" (remain) or "sent 50
    Marines to Benghazi" (in). A definite figure that a movement acts on ("the withdrawal
    of the 2,000 troops") counts the whole force, so it stays with the stock.

    Verdicts (`status`): two figures of a group conflict when their intervals share no
    value, after approximate hedges ("about", "closer to") widen a point by
    APPROXIMATE_TOLERANCE and open ends run to 0 or infinity. A difference between reports
    published more than TIME_GAP_DAYS apart is a "time gap" instead: the count may have
    changed. One report stating the same number twice ("400 troops" in the headline, "more
    than 400 Marines" in the body) is one statement repeated, never a verdict. A figure's
    status is its worst verdict (conflict > time gap > agrees), or "single" when nothing
    else counts the same thing. Unknown dates never make a time gap.
    """
    frame = figures_frame(figures, categories)
    _check_articles(frame, articles)
    if frame.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    keys = group_keys(frame, articles["text"])
    meta = articles.reindex(frame["article_id"])
    rows = []
    for i, fig in frame.iterrows():
        key: GroupKey = keys[i]
        text = articles.at[fig["article_id"], "text"]
        rows.append(
            {
                "group": key.label,
                "category": fig["category"],
                "article_id": fig["article_id"],
                "outlet": meta["outlet"].iloc[i] if "outlet" in meta else "",
                "published": meta["published"].iloc[i] if "published" in meta else pd.NaT,
                "figure": fig["text"],
                "number": fig["number"] if isinstance(fig["number"], str) else "",
                "interval": format_interval(fig["low"], fig["high"], fig["hedge"]),
                "hedge": fig["hedge"] if isinstance(fig["hedge"], str) else "",
                "source": fig["source"] if isinstance(fig["source"], str) else "",
                "when": fig["when"] if isinstance(fig["when"], str) else "",
                "sentence": _marked_sentence(text, int(fig["start"]), int(fig["end"])),
                "low": fig["low"],
                "high": fig["high"],
                "sentence_no": fig["sentence_no"],
                "start": fig["start"],
                "end": fig["end"],
                "assumed": ", ".join(key.assumed),
                "group_key": key.key,
            }
        )
    table = pd.DataFrame(rows)
    table["published"] = pd.to_datetime(table["published"])
    table["outlet"] = table["outlet"].fillna("").astype(str)
    table["outlet"] = table["outlet"].where(table["outlet"] != "", table["article_id"])
    table = _order(table)
    status, disagrees = _verdicts(table)
    table["status"], table["disagrees_with"] = status, disagrees
    return table[COMPARISON_COLUMNS]


def _order(table: pd.DataFrame) -> pd.DataFrame:
    sizes = table.groupby("group")["group"].transform("size")
    table = table.assign(_size=-sizes)
    table = table.sort_values(
        ["category", "_size", "group", "published", "article_id", "start"], na_position="last"
    )
    return table.drop(columns="_size").reset_index(drop=True)


def days_apart(a: pd.Timestamp, b: pd.Timestamp) -> float:
    """Whole days between two dates, NaN when either is unknown."""
    if pd.isna(a) or pd.isna(b):
        return math.nan
    return abs((b - a).days)


def figure_pairs(comparison: pd.DataFrame) -> pd.DataFrame:
    """Every pair of figures in a group: a, b (row labels), relation, days_apart.

    relation is "conflict" (cannot both be true), "time gap" (disjoint but the reports are
    more than TIME_GAP_DAYS apart), "agrees" (the intervals overlap) or "repeat" (one
    report giving the same number twice, whatever the hedges).
    """
    rows = []
    for group, members in comparison.groupby("group", sort=False):
        for a, b in itertools.combinations(members.index, 2):
            ra, rb = comparison.loc[a], comparison.loc[b]
            days = days_apart(ra["published"], rb["published"])
            ia = effective_interval(ra["low"], ra["high"], ra["hedge"])
            ib = effective_interval(rb["low"], rb["high"], rb["hedge"])
            if _is_repeat(ra, rb):
                relation = REPEAT
            elif not intervals_conflict(ia, ib):
                relation = "agrees"
            elif days > TIME_GAP_DAYS:
                relation = "time gap"
            else:
                relation = "conflict"
            rows.append((group, a, b, relation, days))
    return pd.DataFrame(rows, columns=PAIR_COLUMNS).astype({"days_apart": "float64"})


def stated_number(row: pd.Series) -> str:
    """The number as the report wrote it, lower case and single-spaced ("" when unknown)."""
    number = row.get("number")
    return " ".join(number.lower().split()) if isinstance(number, str) else ""


def _is_repeat(a: pd.Series, b: pd.Series) -> bool:
    """One report stating the same number twice (a headline and its body, a recap)."""
    return a["article_id"] == b["article_id"] and stated_number(a) == stated_number(b) != ""


def _verdicts(table: pd.DataFrame) -> tuple[list[str], list[str]]:
    pairs = figure_pairs(table)
    pairs = pairs[pairs["relation"] != REPEAT]
    status = ["single"] * len(table)
    against: list[list[str]] = [[] for _ in range(len(table))]
    for pair in pairs.itertuples(index=False):
        for me, other in ((pair.a, pair.b), (pair.b, pair.a)):
            rank = STATUS_ORDER.index
            if rank(pair.relation) < rank(status[me]):
                status[me] = pair.relation
            if pair.relation != "agrees":
                row = table.loc[other]
                label = f"{row['outlet']}: {figure_phrase(row)}"
                if label not in against[me]:
                    against[me].append(label)
    return status, ["; ".join(items) for items in against]


_NUMBER_END = re.compile(r"[\d,.]*\d(?:\s*(?:million|billion|thousand|hundred))?", re.IGNORECASE)


def figure_phrase(row: pd.Series) -> str:
    """The figure as a reader would quote it: hedge and number, without the noun."""
    text = str(row["figure"])
    number = row.get("number") if "number" in row else None
    if isinstance(number, str) and number and number in text:
        phrase = text[: text.index(number) + len(number)]
    else:
        ends = [match.end() for match in _NUMBER_END.finditer(text)]
        phrase = text[: ends[-1]] if ends else text
    if row["hedge"] and phrase[:1].isupper() and phrase[1:2].islower():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase
