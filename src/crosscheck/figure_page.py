"""The pieces of the figures notebook that are not analysis: its question and its tables."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from .findings import findings_html
from .grouping import CATEGORY_WORDS
from .overview import report_labels

SENTENCE_COLUMNS = ["outlet", "date", "figure", "interval", "hedge", "source", "sentence"]
TABLE_COLUMNS = [
    "group", "outlet", "date", "figure", "interval", "hedge", "source", "when", "status",
    "disagrees_with", "assumed", "group_key",
]  # fmt: skip


def figures_question(title: str) -> str:
    """'Troops' → 'How many troops do the reports count, and do they agree?'"""
    subject = title.strip() or "figures"
    if subject[:1].isupper() and subject[1:2].islower():
        subject = subject[0].lower() + subject[1:]
    return f"How many {subject} do the reports count, and do they agree?"


def _date(value: object) -> str:
    return "date unknown" if pd.isna(value) else f"{value:%Y-%m-%d}"


def show_question(title: str, categories: list[str], articles: pd.DataFrame) -> HTML:
    """The page's heading: its question, the categories it covers and the reports compared."""
    words = ", ".join(categories) if categories else ", ".join(CATEGORY_WORDS)
    reports = "; ".join(report_labels(articles))  # every page names the reports alike
    return HTML(
        f"<h2>{html.escape(figures_question(title))}</h2>"
        f"<p><b>Categories:</b> {html.escape(words)}.<br>"
        f"<b>Reports:</b> {html.escape(reports)}.</p>"
    )


def _dated(comparison: pd.DataFrame) -> pd.DataFrame:
    return comparison.assign(date=comparison["published"].map(_date))


def figure_sentences(comparison: pd.DataFrame) -> pd.DataFrame:
    """Every figure with its sentence (the figure in [brackets]), in report and date order."""
    frame = _dated(comparison).sort_values(["published", "article_id", "start"], na_position="last")
    return frame[SENTENCE_COLUMNS].reset_index(drop=True)


def comparison_view(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison table as a reader scans it: group, report, interval, verdict."""
    return _dated(comparison)[TABLE_COLUMNS].reset_index(drop=True)


def show_findings(sentences: list[str]) -> HTML:
    """The findings as an escaped bullet list for the notebook."""
    return HTML(findings_html(sentences))
