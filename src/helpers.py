"""The front door notebooks import: the public functions of crosscheck, in one place.

    from helpers import load_articles, sentences

The logic lives in the modules of the `crosscheck` package beside this file.
"""

from crosscheck.articles import load_articles, sentences, tokens
from crosscheck.compare import compare_figures, describe_disagreements, figure_pairs, findings_html
from crosscheck.display import show_table, table_html
from crosscheck.errors import ArticleError, CrosscheckError
from crosscheck.overview import (
    date_gap_sentence,
    describe_gap,
    dropped_lines,
    overview,
    plot_timeline,
    select_articles,
)
from crosscheck.plots import plot_figures

__all__ = [
    "ArticleError",
    "CrosscheckError",
    "compare_figures",
    "describe_disagreements",
    "figure_pairs",
    "findings_html",
    "date_gap_sentence",
    "describe_gap",
    "dropped_lines",
    "load_articles",
    "overview",
    "plot_figures",
    "plot_timeline",
    "select_articles",
    "sentences",
    "show_table",
    "table_html",
    "tokens",
]
