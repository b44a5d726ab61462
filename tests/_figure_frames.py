"""Small hand-made reports and figures frames for the comparison and plot tests."""

from __future__ import annotations

import math

import pandas as pd

from crosscheck.grouping import FIGURE_COLUMNS

NAN = math.nan


def reports(*specs: tuple[str, str, str | None, str]) -> pd.DataFrame:
    """An articles frame from (article_id, outlet, published or None, text) tuples."""
    frame = pd.DataFrame(
        [
            {"article_id": a, "outlet": o, "published": p, "headline": "", "text": t}
            for a, o, p, t in specs
        ]
    )
    frame["published"] = pd.to_datetime(frame["published"])
    return frame.set_index("article_id")


def figure(
    articles: pd.DataFrame,
    article_id: str,
    text: str,
    low: float,
    high: float,
    hedge: str = "",
    category: str = "troops",
    noun: str = "",
    source: str = "",
) -> dict:
    """One figures-frame row, its offsets found in the report text."""
    start = articles.at[article_id, "text"].find(text)
    assert start >= 0, f"{text!r} is not in {article_id}"
    return {
        "article_id": article_id,
        "sentence_no": 0,
        "start": start,
        "end": start + len(text),
        "text": text,
        "number": "",
        "low": float(low),
        "high": float(high),
        "hedge": hedge,
        "noun": noun,
        "category": category,
        "source": source,
        "when": "",
    }


def figures(*rows: dict) -> pd.DataFrame:
    """A figures frame with the contract's columns, even when empty."""
    return pd.DataFrame(list(rows), columns=FIGURE_COLUMNS)
