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
from .overview import report_labels

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


def context_html(articles: pd.DataFrame, cited: pd.DataFrame, neighbours: int = 1) -> str:
    """Each cited sentence, anchored, between `neighbours` sentences of context, cited spans marked.

    `cited` has article_id, sentence_no, start, end (offsets into the article's `text`); one
    block per sentence, reports in publication order, sentences in text order.
    """
    if cited.empty:
        return "<p><em>No sentences cited.</em></p>"
    if "article_id" not in cited.columns:
        cited = cited.reset_index()
    blocks = []
    labels = report_labels(articles)  # reports named as on every page
    by_date = articles.sort_values("published", na_position="last", kind="stable").index
    rank = {article_id: number for number, article_id in enumerate(by_date)}
    cited = cited.assign(_rank=cited["article_id"].map(rank)).sort_values(
        ["_rank", "sentence_no"], kind="stable"
    )
    for article_id, rows in cited.groupby("article_id", sort=False):
        text = articles.loc[article_id, "text"]
        sentences = segment(text)
        spans_by_sentence: dict[int, list[tuple[int, int]]] = {}
        for sentence_no, start, end in zip(
            rows["sentence_no"], rows["start"], rows["end"], strict=True
        ):
            spans_by_sentence.setdefault(int(sentence_no), []).append((int(start), int(end)))
        label = html.escape(labels[article_id])
        blocks.append(f"<h4>{label}</h4>")
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
                f'<span class="cc-source">— {label}, sentence {sentence_no + 1}</span></p>'
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


def link_figures_html(sentence: str, comparison: pd.DataFrame) -> str:
    """A finding about figures, escaped, with each figure's number linked to its sentence.

    A number followed by "(its source" or ", according to its source" is matched first, so
    two reports giving the same number to different sources link to their own sentences;
    rows are tried in table order and each occurrence in the finding links once.
    """
    taken: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in taken)

    placed: set[int] = set()
    # First every "number (source)", then bare numbers for the figures still unplaced.
    for with_source in (True, False):
        for index, row in enumerate(comparison.itertuples(index=False)):
            number = str(getattr(row, "number", "") or "")
            source = str(getattr(row, "source", "") or "")
            if index in placed or not number or (with_source and not source):
                continue
            pattern = r"(?<![\d,.])" + re.escape(number)
            credited = r"(?:\s*\(|,\s+according\s+to\s+)" + re.escape(source) + r"(?![\w'-])"
            pattern += r"(?=" + credited + r")" if with_source else r"(?!\d|,\d)"
            spans = [m.span() for m in re.finditer(pattern, sentence) if free(*m.span())]
            if spans:
                taken.append((*spans[0], anchor_id(row.article_id, row.sentence_no)))
                placed.add(index)
    pieces, position = [], 0
    for start, end, anchor in sorted(taken):
        pieces.append(html.escape(sentence[position:start]))
        pieces.append(f'<a href="#{anchor}">{html.escape(sentence[start:end])}</a>')
        position = end
    pieces.append(html.escape(sentence[position:]))
    return "".join(pieces)


def side_by_side_html(comparison: pd.DataFrame, order: list[str], labels: pd.Series) -> str:
    """Things counted (rows) by report (columns, in `order`): each figure, linked, with source.

    Conflicting figures are flagged; a dash marks a report that does not count the thing.
    """
    from .display import TABLE_STYLE

    reports = [a for a in order if a in set(comparison["article_id"])]
    head = "<th>counted</th>" + "".join(
        f"<th>{html.escape(str(labels.get(a, a)))}</th>" for a in reports
    )
    rows = []
    for group, members in comparison.groupby("group", sort=False):
        cells = [f"<td><strong>{html.escape(str(group))}</strong></td>"]
        for article_id in reports:
            mine = members[members["article_id"] == article_id]
            items = []
            for row in mine.itertuples(index=False):
                flag = " ⚠" if row.status == "conflict" else ""
                source = (
                    f' <span class="cc-source">({html.escape(row.source)})</span>'
                    if row.source
                    else ""
                )
                items.append(f"{link(row.figure, row.article_id, row.sentence_no)}{source}{flag}")
            cells.append(f"<td>{'<br>'.join(items) if items else '–'}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'{TABLE_STYLE}<table class="crosscheck"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def escape(text: object) -> str:
    """Report text made safe to place in HTML (`html.escape`, quotes included)."""
    return html.escape(str(text))


def heading(text: str, level: int = 3) -> HTML:
    """A heading shown from code (for sections made in a loop), escaped."""
    return HTML(f"<h{level}>{html.escape(str(text))}</h{level}>")


def concat_citations(*frames: pd.DataFrame) -> pd.DataFrame:
    """The article_id, sentence_no, start, end of every row of the given frames, in one frame."""
    columns = ["article_id", "sentence_no", "start", "end"]
    parts = [
        (frame if "article_id" in frame.columns else frame.reset_index())[columns]
        for frame in frames
        if not frame.empty
    ]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)


def show_side_by_side(comparison: pd.DataFrame, order: list[str], labels: pd.Series) -> HTML:
    """Display `side_by_side_html` in a notebook."""
    return HTML(side_by_side_html(comparison, order, labels))


def contested_first(comparison: pd.DataFrame) -> list[str]:
    """The categories of a comparison, those with conflicts or time gaps first, then by reach."""
    order = []
    for category, rows in comparison.groupby("category", sort=True):
        disputed = rows["status"].isin(["conflict", "time gap"]).any()
        order.append((not disputed, -rows["article_id"].nunique(), str(category)))
    return [category for _, _, category in sorted(order)]
