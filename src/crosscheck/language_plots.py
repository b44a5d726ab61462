"""Charts of the language frames: counts per report (names, verbs, hedges) and distinctive words.

Every chart has a title, a unit on its axis and a source line, so it reads on its own.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .language import Z_95
from .overview import report_labels

REPORT_COLOURS = plt.get_cmap("tab10").colors


def _source_line(fig: plt.Figure, source: str) -> None:
    if source:
        fig.text(0.01, 0.005, textwrap.fill(source, 150), fontsize=8, color="#555", va="bottom")


def _empty(title: str, message: str, source: str) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(8, 1.6))
    ax.set_axis_off()
    ax.set_title(title, loc="left", fontsize=12)
    ax.text(0.0, 0.5, message, fontsize=10, color="#555", transform=ax.transAxes)
    _source_line(fig, source)
    return fig


MAX_GROUPED_REPORTS = 8  # more reports than this read better as a matrix than as bars


def _plot_count_matrix(table: pd.DataFrame, title: str, unit: str, source: str) -> plt.Figure:
    """Reports × labels as a shaded matrix with the counts written in: for many reports."""
    values = table.to_numpy(dtype=float)
    fig, ax = plt.subplots(
        figsize=(min(2.0 + 1.1 * table.shape[1], 12), 1.2 + 0.24 * table.shape[0])
    )
    ax.imshow(values, aspect="auto", cmap="Blues", vmin=0)
    ax.set_xticks(range(table.shape[1]), [textwrap.shorten(str(c), 18) for c in table.columns])
    ax.set_yticks(range(table.shape[0]), [textwrap.shorten(str(r), 45) for r in table.index])
    ax.tick_params(axis="both", labelsize=7)
    top = values.max() or 1
    for (row, column), value in np.ndenumerate(values):
        if value:
            colour = "white" if value > top / 2 else "black"
            ax.text(column, row, f"{value:g}", ha="center", va="center", fontsize=6, color=colour)
    ax.set_title(f"{title} ({unit})", loc="left", fontsize=12)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    _source_line(fig, source)
    return fig


def plot_counts(
    table: pd.DataFrame, title: str, unit: str, source: str = "", max_labels: int = 10
) -> plt.Figure:
    """Grouped horizontal bars: one group per label (column), one bar per report (row)."""
    table = table.iloc[:, :max_labels]
    if table.empty or not table.to_numpy().any():
        return _empty(title, "Nothing to count in these reports.", source)
    labels, reports = list(table.columns), list(table.index)
    if len(reports) > MAX_GROUPED_REPORTS:
        return _plot_count_matrix(table, title, unit, source)
    height = 0.8 / len(reports)
    fig, ax = plt.subplots(figsize=(8, 0.9 + 0.32 * len(labels) * len(reports) + 0.5))
    positions = np.arange(len(labels))
    for number, report in enumerate(reports):
        values = table.iloc[number].to_numpy(dtype=float)
        offsets = positions + (number - (len(reports) - 1) / 2) * height
        colour = REPORT_COLOURS[number % len(REPORT_COLOURS)]
        bars = ax.barh(offsets, values, height=height * 0.92, color=colour, label=report)
        ax.bar_label(bars, labels=[f"{v:g}" if v else "" for v in values], padding=3, fontsize=8)
    ax.set_yticks(positions, [textwrap.shorten(str(label), 30) for label in labels])
    ax.invert_yaxis()
    ax.set_xlabel(unit)
    ax.set_title(title, loc="left", fontsize=12)
    ax.margins(x=0.12)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    _source_line(fig, source)
    return fig


def plot_distinctive_words(
    distinctive: pd.DataFrame, articles: pd.DataFrame, source: str = ""
) -> plt.Figure:
    """One panel per report: its most distinctive words by z-score, the 95% line dashed."""
    title = "Words most distinctive of each report"
    if distinctive.empty:
        return _empty(title, "Two reports or more are needed to compare their words.", source)
    labels = report_labels(articles)
    order = [
        a
        for a in articles.sort_values("published", kind="stable").index
        if a in set(distinctive["article_id"])
    ]
    rows = max(len(distinctive[distinctive["article_id"] == a]) for a in order)
    fig, axes = plt.subplots(
        1,
        len(order),
        figsize=(4.2 * len(order), 0.9 + 0.28 * rows + 0.6),
        sharex=True,
        squeeze=False,
    )
    for number, (ax, article_id) in enumerate(zip(axes[0], order, strict=True)):
        words = distinctive[distinctive["article_id"] == article_id]
        colour = REPORT_COLOURS[number % len(REPORT_COLOURS)]
        ax.barh(np.arange(len(words)), words["z"], color=colour)
        ax.set_yticks(
            np.arange(len(words)),
            [f"{w} ({c})" for w, c in zip(words["word"], words["count"], strict=True)],
        )
        ax.invert_yaxis()
        ax.axvline(Z_95, color="#555", linestyle="--", linewidth=0.8)
        ax.set_title(textwrap.fill(labels.get(article_id, article_id), 40), fontsize=10, loc="left")
        ax.set_xlabel("z-score (dashed: 1.96, the 95% level)")
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(
        title + " (word and its count), against all the others", x=0.01, ha="left", fontsize=12
    )
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    _source_line(fig, source)
    return fig
