"""The reports side by side: who published what, when, and how far apart in time."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from .errors import CrosscheckError


def select_articles(articles: pd.DataFrame, ids: Sequence[str] | None) -> pd.DataFrame:
    """The rows of `articles` named in `ids` (all when None), with a clear error for unknown ids."""
    if ids is None:
        return articles
    if isinstance(ids, str):
        ids = [ids]
    unknown = [article_id for article_id in ids if article_id not in articles.index]
    if unknown:
        known = ", ".join(articles.index)
        raise CrosscheckError(f"unknown article id(s): {', '.join(unknown)} (known: {known})")
    return articles.loc[list(ids)]


def report_labels(articles: pd.DataFrame) -> pd.Series:
    """One short, unique label per report, "Outlet (19 Dec 2018)", in publication order.

    Every page names reports the same way. Undated reports come last, as "Outlet (date
    unknown)"; a report with no outlet is named by its article id; two reports of one outlet
    and day are told apart by "#2", "#3".
    """
    if articles.empty:
        return pd.Series(dtype=str, name="report")
    if "published" in articles:
        published = pd.to_datetime(articles["published"], errors="coerce")
    else:
        published = pd.Series(pd.NaT, index=articles.index)
    ids = pd.Series(articles.index.astype(str), index=articles.index)
    order = pd.DataFrame({"published": published, "id": ids}).sort_values(
        ["published", "id"], na_position="last", kind="stable"
    )
    labels: dict = {}
    taken: dict[str, int] = {}
    for article_id, date in order["published"].items():
        outlet = articles.at[article_id, "outlet"] if "outlet" in articles else ""
        outlet = outlet if isinstance(outlet, str) and outlet else str(article_id)
        day = "date unknown" if pd.isna(date) else f"{date.day} {date:%b %Y}"
        label = f"{outlet} ({day})"
        taken[label] = taken.get(label, 0) + 1
        labels[article_id] = label if taken[label] == 1 else f"{label} #{taken[label]}"
    return pd.Series(labels, dtype=str, name="report")


def describe_gap(days: int) -> str:
    """A span of days in words a reader takes in at once: '384 days (1 year and 19 days)'."""
    if days < 0:
        raise ValueError("a gap cannot be negative")
    years, rest = divmod(days, 365)
    if years == 0:
        return f"{days} day{'s' if days != 1 else ''}"
    parts = [f"{years} year{'s' if years != 1 else ''}"]
    if rest:
        parts.append(f"{rest} day{'s' if rest != 1 else ''}")
    return f"{days} days ({' and '.join(parts)})"


def overview(articles: pd.DataFrame, date_format: str = "%Y-%m-%d") -> pd.DataFrame:
    """One row per report in date order: outlet, date, headline, words, days after the first."""
    ordered = articles.sort_values("published", kind="stable", na_position="last")
    first = ordered["published"].min()
    days_after = (ordered["published"] - first).dt.days
    table = pd.DataFrame(
        {
            "outlet": ordered["outlet"],
            "published": ordered["published"].dt.strftime(date_format).fillna("unknown"),
            "headline": ordered["headline"],
            "words": ordered["words"],
            "days after first report": days_after.astype("Int64"),
        },
        index=ordered.index,
    )
    return table


def date_gap_sentence(articles: pd.DataFrame, date_format: str = "%Y-%m-%d") -> str:
    """One sentence on the dates: which report came first and how long before the last."""
    dated = articles.dropna(subset=["published"]).sort_values("published", kind="stable")
    undated = len(articles) - len(dated)
    note = f" {undated} report(s) have no known date." if undated else ""
    if len(dated) == 0:
        return "No report has a known publication date." if len(articles) else "No reports."
    if len(dated) == 1:
        only = dated.iloc[0]
        name = only["outlet"] or dated.index[0]
        return f"{name} published on {only['published']:{date_format}}.{note}"
    first, last = dated.iloc[0], dated.iloc[-1]
    gap = describe_gap(int((last["published"] - first["published"]).days))
    return (
        f"The reports span {gap}: the earliest is {first['outlet'] or dated.index[0]} "
        f"({first['published']:{date_format}}), the latest {last['outlet'] or dated.index[-1]} "
        f"({last['published']:{date_format}}).{note}"
    )


def plot_timeline(
    articles: pd.DataFrame,
    title: str = "When each report was published",
    date_format: str = "%Y-%m-%d",
) -> plt.Figure:
    """A timeline with one labelled dot per report and the gap between the first and last."""
    dated = articles.dropna(subset=["published"]).sort_values("published", kind="stable")
    fig, ax = plt.subplots(figsize=(9, 2.2 + 0.45 * max(len(dated), 1)))
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    if dated.empty:
        ax.text(0.5, 0.5, "No report has a known publication date", ha="center", va="center")
        ax.set_axis_off()
        return fig
    positions = list(range(len(dated)))
    ax.hlines(positions, dated["published"].min(), dated["published"], color="#bbbbbb", lw=1)
    ax.scatter(dated["published"], positions, s=60, color="#1f5f8b", zorder=3)
    for y, (article_id, row) in zip(positions, dated.iterrows(), strict=True):
        label = f"  {row['outlet'] or article_id}, {row['published']:{date_format}}"
        ax.annotate(label, (row["published"], y), va="center", fontsize=9)
    ax.set_yticks([])
    ax.set_ylim(-0.8, len(dated) - 0.2)
    span = dated["published"].max() - dated["published"].min()
    pad = max(span * 0.35, pd.Timedelta(days=30))
    ax.set_xlim(dated["published"].min() - pad * 0.2, dated["published"].max() + pad)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    ax.set_xlabel("publication date")
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    if len(dated) > 1:
        gap = describe_gap(int(span.days))
        ax.set_title(f"First to last report: {gap}", loc="left", fontsize=10)
    fig.text(
        0.01,
        0.005,
        "Source: report manifest (publication dates as given by each outlet)",
        fontsize=8,
        color="#555555",
    )
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return fig


def dropped_lines(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per line that cleaning set aside as page furniture, per report."""
    rows = [
        (article_id, line) for article_id, lines in articles["dropped"].items() for line in lines
    ]
    return pd.DataFrame(rows, columns=["article_id", "dropped line"])
