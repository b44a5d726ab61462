"""Charts of who the reports quote: a speaker × report matrix, words quoted per speaker, and
each report's mix of named, anonymous and institutional sources.

They take the frame from officials.officials(); no extraction happens here.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .officials import source_shares
from .overview import report_labels
from .speaker_merge import ANONYMOUS, INSTITUTIONAL, NAMED, UNCERTAIN, UNKNOWN

REPORT_COLOURS = plt.get_cmap("tab10").colors
SOURCE_COLOURS = {
    NAMED: "#1f77b4",
    INSTITUTIONAL: "#9aa9b8",
    ANONYMOUS: "#d62728",
    UNKNOWN: "#dddddd",
}
LABEL_WIDTH = 34
UNCERTAIN_MARK = " (?)"


def _caption(fig: plt.Figure, articles: pd.DataFrame, extra: str = "") -> None:
    sources = "; ".join(report_labels(articles)) or "no reports"
    text = (
        f"Sources: {sources}. Quotes extracted by crosscheck; one person, one name across reports."
    )
    if extra:
        text += " " + extra
    fig.text(
        0.01, 0.005, textwrap.fill(text, 130), ha="left", va="bottom", fontsize=7.5, color="#555555"
    )


def _empty(title: str, message: str, articles: pd.DataFrame) -> plt.Figure:
    fig, ax = plt.subplots(figsize=(9, 2.4))
    ax.set_title(title, loc="left", fontweight="bold")
    ax.text(0.5, 0.55, message, ha="center", va="center", fontsize=11, color="#555555")
    ax.set_axis_off()
    _caption(fig, articles)
    return fig


def _speaker_labels(officials_frame: pd.DataFrame) -> pd.Series:
    """One unique, short label per person_id; '(?)' marks an uncertain merge."""
    first = officials_frame.drop_duplicates("person_id").set_index("person_id")
    uncertain = officials_frame.groupby("person_id")["merge"].agg(lambda m: (m == UNCERTAIN).any())
    labels = {}
    counts = first["speaker"].value_counts()
    for person_id, row in first.iterrows():
        label = textwrap.shorten(str(row["speaker"]), LABEL_WIDTH, placeholder="…")
        if counts[row["speaker"]] > 1:  # anonymous sources of several reports
            label = f"{label} [{str(row['report']).split(',')[0]}]"
        labels[person_id] = label + (UNCERTAIN_MARK if uncertain[person_id] else "")
    return pd.Series(labels, dtype=str)


def _ranked(officials_frame: pd.DataFrame) -> pd.DataFrame:
    """Persons by number of reports, then words quoted, then name: the chart's row order."""
    totals = officials_frame.groupby("person_id").agg(
        reports=("article_id", "nunique"), words=("words", "sum"), speaker=("speaker", "first")
    )
    return totals.sort_values(["reports", "words", "speaker"], ascending=[False, False, True])


def _words_table(
    officials_frame: pd.DataFrame, persons: pd.Index, reports: pd.Index
) -> tuple[pd.DataFrame, pd.Series]:
    """Words quoted per person (rows, in the given order) and report (columns), and row labels."""
    words = officials_frame.pivot_table(
        index="person_id", columns="article_id", values="words", aggfunc="sum", fill_value=0
    ).reindex(index=persons, columns=reports, fill_value=0)
    return words, _speaker_labels(officials_frame).reindex(persons)


def plot_speaker_matrix(
    officials_frame: pd.DataFrame, articles: pd.DataFrame, top: int = 30
) -> plt.Figure:
    """Who is quoted in which report: one row per speaker, one column per report, words quoted."""
    title = "Who is quoted in which report"
    if officials_frame.empty:
        return _empty(title, "No quotes found in these reports.", articles)
    labels = report_labels(articles)
    ranked = _ranked(officials_frame).head(top)
    words, names = _words_table(officials_frame, ranked.index, labels.index)
    height = 1.6 + 0.32 * len(ranked)
    fig, ax = plt.subplots(figsize=(2.6 + 1.5 * len(labels) + 2.2, height))
    values = words.to_numpy(dtype=float)
    ax.imshow(
        np.where(values > 0, values, np.nan),
        cmap="Blues",
        aspect="auto",
        vmin=0,
        vmax=max(values.max() * 1.15, 1),
    )
    for (i, j), value in np.ndenumerate(values):
        if value > 0:
            colour = "white" if value > values.max() * 0.6 else "#222222"
            ax.text(j, i, f"{int(value)}", ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(len(labels)), [textwrap.fill(x, 16) for x in labels], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(ranked)), names.tolist(), fontsize=8.5)
    ax.set_xticks(np.arange(-0.5, len(labels)), minor=True)
    ax.set_yticks(np.arange(-0.5, len(ranked)), minor=True)
    ax.grid(which="minor", color="#dddddd", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    ax.set_title(f"{title} (numbers: words quoted)", loc="left", fontweight="bold", pad=12)
    shown = (
        f"Top {top} of {officials_frame['person_id'].nunique()} speakers. "
        if (officials_frame["person_id"].nunique() > top)
        else ""
    )
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _caption(fig, articles, shown + "(?) marks a merge of names that may be two people.")
    return fig


def plot_words_by_speaker(
    officials_frame: pd.DataFrame, articles: pd.DataFrame, top: int = 20
) -> plt.Figure:
    """Words quoted per speaker, one bar per speaker, stacked and coloured by report."""
    title = "Words quoted per speaker"
    if officials_frame.empty:
        return _empty(title, "No quotes found in these reports.", articles)
    labels = report_labels(articles)
    ranked = _ranked(officials_frame).sort_values(["words", "speaker"], ascending=[False, True])
    ranked = ranked.head(top)
    words, names = _words_table(officials_frame, ranked.index, labels.index)
    fig, ax = plt.subplots(figsize=(10, 1.8 + 0.34 * len(ranked)))
    left = np.zeros(len(ranked))
    y = np.arange(len(ranked))
    for n, (article_id, label) in enumerate(labels.items()):
        values = words[article_id].to_numpy(dtype=float)
        if values.any():
            ax.barh(
                y,
                values,
                left=left,
                color=REPORT_COLOURS[n % len(REPORT_COLOURS)],
                label=label,
                edgecolor="white",
                linewidth=0.5,
            )
        left += values
    for yi, total in zip(y, left, strict=True):
        ax.text(total, yi, f" {int(total)}", va="center", fontsize=8, color="#333333")
    ax.set_yticks(y, names.tolist(), fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, left.max() * 1.12 if left.max() else 1)
    ax.set_xlabel("words quoted")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, loc="left", fontweight="bold")
    ax.legend(title="Report", fontsize=8, title_fontsize=8, loc="lower right", frameon=False)
    extra = f"Top {top} speakers by words quoted." if len(_ranked(officials_frame)) > top else ""
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    _caption(fig, articles, extra)
    return fig


def plot_source_shares(officials_frame: pd.DataFrame, articles: pd.DataFrame) -> plt.Figure:
    """Each report's quotes split into named, institutional and anonymous sources (percent)."""
    title = "Who the reports let speak: named, institutional and anonymous sources"
    shares = source_shares(officials_frame, articles)
    if shares.empty or shares["quotes"].sum() == 0:
        return _empty(title, "No quotes found in these reports.", articles)
    kinds = [k for k in (NAMED, INSTITUTIONAL, ANONYMOUS, UNKNOWN) if k in shares]
    fig, ax = plt.subplots(figsize=(10, 1.9 + 0.45 * len(shares)))
    y = np.arange(len(shares))
    left = np.zeros(len(shares))
    for kind in kinds:
        values = shares[kind].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=SOURCE_COLOURS[kind], edgecolor="white")
        for yi, start, value in zip(y, left, values, strict=True):
            if value >= 8:
                ax.text(
                    start + value / 2,
                    yi,
                    f"{value:.0f}%",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if kind != UNKNOWN else "#333333",
                )
        left += values
    names = [
        f"{r} ({q} quote{'s' if q != 1 else ''})"
        for r, q in zip(shares["report"], shares["quotes"], strict=True)
    ]
    ax.set_yticks(y, [textwrap.fill(n, 50) for n in names], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the report's quotes (%)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, loc="left", fontweight="bold")
    handles = [Patch(color=SOURCE_COLOURS[k], label=k) for k in kinds]
    ax.legend(
        handles=handles,
        ncols=len(kinds),
        fontsize=8,
        frameon=False,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        borderaxespad=0.2,
    )
    ax.set_title(title, loc="left", fontweight="bold", pad=22)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    unknown = "Unknown: the extraction found no speaker for the quote." if UNKNOWN in kinds else ""
    _caption(fig, articles, unknown)
    return fig
