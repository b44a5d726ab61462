"""HTML for notebook pages: tables a person can scan, with every piece of report text escaped."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

TABLE_STYLE = """<style>
table.crosscheck {border-collapse: collapse; font-size: 0.9em; max-width: 100%; margin: 0.5em 0;
  table-layout: auto;}
table.crosscheck th, table.crosscheck td {text-align: left !important; vertical-align: top;
  padding: 4px 8px; white-space: normal; word-break: normal; overflow-wrap: break-word;
  hyphens: auto;}
table.crosscheck th {background: #f0f0f0;}
table.crosscheck td {max-width: 40em; border-top: 1px solid #ddd;}
</style>"""


def table_html(frame: pd.DataFrame, index: bool = True, max_rows: int | None = None) -> str:
    """The frame as an escaped HTML table whose long cells wrap instead of widening the page."""
    shown = frame if max_rows is None else frame.head(max_rows)
    body = shown.to_html(
        escape=True, index=index, classes="crosscheck", border=0, na_rep="", max_rows=None
    )
    note = ""
    if max_rows is not None and len(frame) > max_rows:
        note = f"<p><em>First {max_rows} of {len(frame)} rows.</em></p>"
    return TABLE_STYLE + body + note


def show_table(frame: pd.DataFrame, index: bool = True, max_rows: int | None = None) -> HTML:
    """Display a frame in a notebook as a wrapped, escaped table."""
    if frame.empty:
        return HTML("<p><em>No rows.</em></p>")
    return HTML(table_html(frame, index=index, max_rows=max_rows))
