"""The front door notebooks import: the public functions of crosscheck, in one place.

    from helpers import load_articles, sentences

The logic lives in the modules of the `crosscheck` package beside this file.
"""

from crosscheck.articles import load_articles, sentences, tokens
from crosscheck.compare import compare_figures, figure_pairs
from crosscheck.display import show_table, table_html
from crosscheck.errors import ArticleError, CrosscheckError
from crosscheck.evidence import (
    anchor_id,
    concat_citations,
    contested_first,
    context_html,
    escape,
    heading,
    link,
    link_figures_html,
    show_bullets,
    show_context,
    show_linked_table,
    show_side_by_side,
    side_by_side_html,
)
from crosscheck.figure_page import (
    comparison_view,
    figure_sentences,
    figures_question,
    show_findings,
    show_question,
)
from crosscheck.figures import FIGURE_COLUMNS, extract_figures, figures_in_text
from crosscheck.findings import describe_disagreements, findings_html
from crosscheck.language import (
    attribution_verbs,
    count_table,
    describe_counts,
    distinctive_words,
    first_uses,
    group_mentions,
    group_names,
    hedge_examples,
    hedge_table,
)
from crosscheck.language_plots import plot_counts, plot_distinctive_words
from crosscheck.officials import (
    officials,
    officials_across_reports,
    officials_findings,
    quotes_side_by_side,
    source_shares,
)
from crosscheck.overview import (
    date_gap_sentence,
    describe_gap,
    dropped_lines,
    overview,
    plot_timeline,
    report_labels,
    select_articles,
)
from crosscheck.plots import plot_figures
from crosscheck.plots_quotes import plot_source_shares, plot_speaker_matrix, plot_words_by_speaker
from crosscheck.quotes import QUOTE_COLUMNS, extract_quotes, quotes_in_text
from crosscheck.speaker_merge import merge_speakers

__all__ = [
    "QUOTE_COLUMNS",
    "quotes_in_text",
    "extract_quotes",
    "merge_speakers",
    "officials",
    "officials_across_reports",
    "officials_findings",
    "plot_source_shares",
    "plot_speaker_matrix",
    "plot_words_by_speaker",
    "quotes_side_by_side",
    "source_shares",
    "anchor_id",
    "concat_citations",
    "contested_first",
    "escape",
    "heading",
    "link_figures_html",
    "side_by_side_html",
    "show_side_by_side",
    "attribution_verbs",
    "context_html",
    "count_table",
    "describe_counts",
    "group_names",
    "distinctive_words",
    "first_uses",
    "group_mentions",
    "hedge_examples",
    "hedge_table",
    "link",
    "plot_counts",
    "plot_distinctive_words",
    "report_labels",
    "show_bullets",
    "show_context",
    "show_linked_table",
    "ArticleError",
    "CrosscheckError",
    "FIGURE_COLUMNS",
    "compare_figures",
    "comparison_view",
    "describe_disagreements",
    "figure_pairs",
    "figures_in_text",
    "figure_sentences",
    "figures_question",
    "findings_html",
    "date_gap_sentence",
    "describe_gap",
    "dropped_lines",
    "extract_figures",
    "load_articles",
    "overview",
    "plot_figures",
    "plot_timeline",
    "select_articles",
    "sentences",
    "show_findings",
    "show_question",
    "show_table",
    "table_html",
    "tokens",
]
