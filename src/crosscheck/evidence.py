"""Numbers and quotes tied to the sentences they came from, as safe HTML for the notebooks.

Every piece of report text goes through `html.escape`; markup is only ever ours. A sentence
gets the anchor `<article_id>-s<sentence_no>`, so any finding can link to it, and
`context_html` shows each cited sentence between its neighbours with the cited words marked.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import pandas as pd
from IPython.display import HTML

from .articles import segment

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.:-]+")


def anchor_id(article_id: str, sentence_no: int) -> str:
    """The HTML id of a sentence: `<article_id>-s<sentence_no>` (unsafe characters → '-')."""
    return f"{_UNSAFE_ID.sub('-', str(article_id))}-s{int(sentence_no)}"


def link(text: str, article_id: str, sentence_no: int) -> str:
    """`text`, escaped, as a link to its sentence's anchor on the same page."""
    return f'<a href="#{anchor_id(article_id, sentence_no)}">{html.escape(str(text))}</a>'


def marked(text: str, spans: Iterable[tuple[int, int]], offset: int = 0) -> str:
    """`text` escaped, with each (start, end) span (offsets minus `offset`) wrapped in <mark>."""
    pieces, position = [], 0
    for start, end in sorted({(s - offset, e - offset) for s, e in spans}):
        start, end = max(start, position), min(end, len(text))
        if start >= end:
            continue
        pieces.append(html.escape(text[position:start]))
        pieces.append(f'<mark class="cc-mark">{html.escape(text[start:end])}</mark>')
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def _label(articles: pd.DataFrame, article_id: str) -> str:
    row = articles.loc[article_id]
    outlet = str(row.get("outlet") or "") or str(article_id)
    published = row.get("published")
    return outlet if published is None or pd.isna(published) else f"{outlet}, {published:%d %b %Y}"


def context_html(articles: pd.DataFrame, cited: pd.DataFrame, neighbours: int = 1) -> str:
    """Each cited sentence, anchored, between `neighbours` sentences of context, cited spans marked.

    `cited` has article_id, sentence_no, start, end (offsets into the article's `text`); one
    block per sentence, in report then sentence order.
    """
    if cited.empty:
        return "<p><em>No sentences cited.</em></p>"
    if "article_id" not in cited.columns:
        cited = cited.reset_index()
    blocks = []
    for article_id, rows in cited.groupby("article_id", sort=False):
        text = articles.loc[article_id, "text"]
        sentences = segment(text)
        spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
        for sentence_no, start, end in zip(
            rows["sentence_no"], rows["start"], rows["end"], strict=True
        ):
            spans_by_sentence.setdefault(int(sentence_no), []).append((int(start), int(end)))
        blocks.append(f"<h4>{html.escape(_label(articles, article_id))}</h4>")
        for sentence_no in sorted(spans_by_sentence):
            if not 0 <= sentence_no < len(sentences):
                continue
            here = sentences[sentence_no]
            before = sentences[max(0, sentence_no - neighbours) : sentence_no]
            after = sentences[sentence_no + 1 : sentence_no + 1 + neighbours]
            context_before = " ".join(text[s.start : s.end] for s in before)
            context_after = " ".join(text[s.start : s.end] for s in after)
            body = marked(text[here.start : here.end], spans_by_sentence[sentence_no], here.start)
            blocks.append(
                f'<p class="cc-sentence" id="{anchor_id(article_id, sentence_no)}">'
                f'<span class="cc-context">{html.escape(context_before)}</span> '
                f"<strong>{body}</strong> "
                f'<span class="cc-context">{html.escape(context_after)}</span> '
                f'<span class="cc-source">({html.escape(_label(articles, article_id))}, '
                f"sentence {sentence_no + 1})</span></p>"
            )
    return "\n".join(blocks)


def show_context(articles: pd.DataFrame, cited: pd.DataFrame, neighbours: int = 1) -> HTML:
    """Display `context_html` in a notebook."""
    return HTML(context_html(articles, cited, neighbours))


def bullet_html(items: Iterable[str], escape: bool = True) -> str:
    """A bulleted list; items are escaped unless they are already our own safe HTML."""
    lines = [f'<li class="cc-finding">{html.escape(i) if escape else i}</li>' for i in items]
    return "<ul>" + "".join(lines) + "</ul>" if lines else "<p><em>Nothing to report.</em></p>"


def show_bullets(items: Iterable[str], escape: bool = True) -> HTML:
    """Display a bulleted list of findings in a notebook."""
    return HTML(bullet_html(items, escape))


def linked_table_html(frame: pd.DataFrame, link_column: str, caption: str = "") -> str:
    """An escaped table whose `link_column` cells link to their sentence.

    `frame` carries `article_id` and `sentence_no` (used for the links, not shown).
    """
    from .display import TABLE_STYLE

    if "article_id" not in frame.columns:
        frame = frame.reset_index()
    shown = [c for c in frame.columns if c not in ("article_id", "sentence_no")]
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown)
    body = []
    for _, row in frame.iterrows():
        cells = []
        for column in shown:
            value = "" if pd.isna(row[column]) else row[column]
            if column == link_column and value != "":
                cells.append(f"<td>{link(value, row['article_id'], row['sentence_no'])}</td>")
            else:
                cells.append(f"<td>{html.escape(str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    title = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (
        f'{TABLE_STYLE}<table class="crosscheck">{title}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def show_linked_table(frame: pd.DataFrame, link_column: str, caption: str = "") -> HTML:
    """Display `linked_table_html` in a notebook."""
    if frame.empty:
        return HTML("<p><em>No rows.</em></p>")
    return HTML(linked_table_html(frame, link_column, caption))
