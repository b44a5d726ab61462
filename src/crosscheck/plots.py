"""Charts of the figures frame: one interval per figure, coloured by report, in date order.

No extraction happens here; the functions take the frames built elsewhere.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from .compare import APPROXIMATE_TOLERANCE, format_interval, is_approximate
from .grouping import CATEGORY_WORDS, MOVEMENT_WORDS, figure_movements, figures_frame
from .overview import report_labels

REPORT_COLOURS = plt.get_cmap("tab10").colors
LOG_SCALE_RATIO = 10  # a log axis once the largest value is more than 10 times the smallest
LABEL_WIDTH = 48
ROW_HEIGHT = 0.42
REPORT_GAP = 0.6
TOLERANCE = f"{APPROXIMATE_TOLERANCE:.0%}"


def _unit(categories: list[str]) -> str:
    words = list(dict.fromkeys(CATEGORY_WORDS.get(c, c) for c in categories))
    if not words:
        return "count"
    return "number of " + (
        words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
    )


def _rows(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    meta = articles.reindex(figures["article_id"])
    rows = figures.reset_index(drop=True).assign(
        outlet=meta["outlet"].fillna("").astype(str).to_numpy()
        if "outlet" in meta
        else [""] * len(figures),
        published=pd.to_datetime(meta["published"]).to_numpy() if "published" in meta else pd.NaT,
    )
    rows["outlet"] = rows["outlet"].where(rows["outlet"] != "", rows["article_id"])
    texts = articles["text"] if "text" in articles else None
    rows["movement"] = figure_movements(rows, texts) if texts is not None else ""
    return rows.sort_values(
        ["published", "article_id", "start"], na_position="last", kind="stable"
    ).reset_index(drop=True)


def _label(row: pd.Series) -> str:
    """The figure's words, its source in brackets, and where it moves when it is not a stock."""
    source = row["source"] if isinstance(row["source"], str) and row["source"] else ""
    label = f"{row['text']} ({source})" if source else str(row["text"])
    moving = MOVEMENT_WORDS.get(row.get("movement") or "stock", ("", ""))[1]
    if moving:
        return (
            textwrap.shorten(label, LABEL_WIDTH - len(moving) - 3, placeholder="…") + f" · {moving}"
        )
    return textwrap.shorten(label, LABEL_WIDTH, placeholder="…")


def _scale(values: np.ndarray) -> tuple[bool, float, float]:
    """(log scale?, left limit, right limit) for the finite values of the chart."""
    finite = values[np.isfinite(values)]
    positive = finite[finite > 0]
    if positive.size == 0:
        return False, 0.0, 1.0
    smallest, largest = positive.min(), positive.max()
    if largest / smallest > LOG_SCALE_RATIO:
        return True, smallest / 2.5, largest * 3.0
    return False, 0.0, largest * 1.3 if largest > 0 else 1.0


def _empty(message: str, title: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(9, 2.2))
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555")
    ax.set_axis_off()
    return fig


def _draw(ax: plt.Axes, y: float, row: pd.Series, colour: tuple, left: float, right: float) -> None:
    low, high = row["low"], row["high"]
    approximate = is_approximate(row["hedge"])
    face = "white" if approximate else colour
    arrow = {"arrowstyle": "-|>", "color": colour, "lw": 2, "mutation_scale": 14}
    if pd.isna(low) and pd.isna(high):
        ax.text(left, y, " no value", va="center", fontsize=8, color="#777777")
        return
    if pd.isna(high):
        ax.annotate("", xy=(right, y), xytext=(low, y), arrowprops=arrow)
        ax.plot([low], [y], "|", color=colour, ms=12, mew=2.5)
    elif pd.isna(low):
        ax.annotate("", xy=(left, y), xytext=(high, y), arrowprops=arrow)
        ax.plot([high], [y], "|", color=colour, ms=12, mew=2.5)
    elif low < high:
        ax.barh(y, high - low, left=low, height=0.5, color=colour, alpha=0.85)
    else:
        if approximate:
            spread = [[low * APPROXIMATE_TOLERANCE], [low * APPROXIMATE_TOLERANCE]]
            ax.errorbar([low], [y], xerr=spread, fmt="none", ecolor=colour, elinewidth=1, capsize=3)
        ax.plot([low], [y], "o", ms=8, mfc=face, mec=colour, mew=2)
    reading = format_interval(low, high, row["hedge"])
    anchor = low if pd.isna(high) else high
    ax.annotate(f" {reading}", (anchor, y), xytext=(6, 5), textcoords="offset points", fontsize=8)


def plot_figures(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    categories: list[str] | None = None,
    title: str | None = None,
) -> plt.Figure:
    """One interval per figure: bars for ranges, arrows for open ends, dots for points.

    Rows are grouped by report (one colour each) in publication order, labelled with the
    figure's words and its source. The x axis turns logarithmic when the values span more
    than a factor of LOG_SCALE_RATIO. Hollow dots with whiskers are approximate values
    (± APPROXIMATE_TOLERANCE). Returns the matplotlib Figure; an empty frame gives a chart
    that says so.
    """
    if isinstance(categories, str):
        categories = [categories]
    figures = figures_frame(figures, categories)
    present = list(dict.fromkeys(figures["category"].dropna()))
    chosen = [c for c in categories if c in present] if categories else sorted(present)
    chosen = chosen or list(categories or [])
    title = title or "Figures given by each report"
    if figures.empty:
        what = ", ".join(chosen) if chosen else "any category"
        return _empty(f"No figures to plot ({what}).", title)
    rows = _rows(figures, articles)
    values = pd.concat([rows["low"], rows["high"]]).to_numpy(dtype=float)
    log, left, right = _scale(values)
    positions, report_of = [], []
    y = 0.0
    for n, (_, row) in enumerate(rows.iterrows()):
        if n and row["article_id"] != rows["article_id"].iloc[n - 1]:
            y += REPORT_GAP
        positions.append(y)
        report_of.append(row["article_id"])
        y += 1
    reports = list(dict.fromkeys(report_of))
    colour_of = {r: REPORT_COLOURS[i % len(REPORT_COLOURS)] for i, r in enumerate(reports)}

    height = 1.9 + ROW_HEIGHT * y
    fig, ax = plt.subplots(figsize=(10, height))
    if log:
        ax.set_xscale("log")
    ax.set_xlim(left, right)
    for pos, (_, row) in zip(positions, rows.iterrows(), strict=True):
        _draw(ax, pos, row, colour_of[row["article_id"]], left, right)
    ax.set_yticks(positions, [_label(row) for _, row in rows.iterrows()], fontsize=9)
    for tick, article_id in zip(ax.get_yticklabels(), report_of, strict=True):
        tick.set_color(colour_of[article_id])
    ax.set_ylim(y - 0.4, -0.6)
    ax.set_xlabel(_unit(chosen) + (" (log scale)" if log else ""))
    ax.grid(axis="x", color="#e5e5e5", lw=0.8, which="major")
    ax.set_axisbelow(True)
    for side in ("right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, loc="left", fontweight="bold")

    names = report_labels(articles)
    handles = [
        Line2D(
            [],
            [],
            color=colour_of[r],
            lw=6,
            label=names.get(r, str(r)),
        )
        for r in reports
    ]
    grey = {"color": "#444444", "ms": 7}
    handles += [
        Line2D([], [], lw=6, alpha=0.85, label="range", **grey),
        Line2D([], [], marker="o", ls="", label="point value", **grey),
        Line2D([], [], marker="o", mfc="white", ls="", label=f"approximate (±{TOLERANCE})", **grey),
        Line2D([], [], marker=">", ls="-", label="open-ended (more than / up to)", **grey),
    ]
    ax.legend(
        handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False
    )
    outlets = "; ".join(h.get_label() for h in handles[: len(reports)])
    caption = f"Source: figures extracted from {outlets}."
    moves = sorted(
        {MOVEMENT_WORDS[m][1] for m in rows["movement"] if MOVEMENT_WORDS.get(m, ("", ""))[1]}
    )
    if moves:
        marks = ", ".join(f"'· {word}'" for word in moves)
        caption += f" {marks}: the figure counts a movement, not the force in place."
    caption = textwrap.fill(caption, 130)
    fig.text(0.01, 0.005, caption, fontsize=8, color="#555555", va="bottom")
    lines = caption.count("\n") + 1
    fig.tight_layout(rect=(0, min(0.35, 0.25 * lines / max(height, 1)), 1, 1))
    return fig
