"""Show an evaluation: a summary table and item lists for the terminal, eval.json, eval.html.

The HTML page is self-contained (inline style, no scripts, nothing fetched) and every piece of
article text in it is escaped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import textwrap
from html import escape
from pathlib import Path

import pandas as pd

from .eval_review import review_note

SECTIONS = {
    "figures": ("Figures", "value", "category"),
    "quotes": ("Quotes", "speaker"),
}
LIST_TITLES = {
    "misses": "missed (in gold, not found)",
    "spurious": "spurious (found, not in gold)",
    "wrong": "matched but wrong",
}


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _bound(value: float | None) -> str:
    if value is None:
        return "open"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def describe(item: dict, section: str) -> str:
    """One item in words: its text and what it was labelled with."""
    if section == "figures":
        interval = _bound(item.get("low"))
        if item.get("high") != item.get("low"):
            interval += f"–{_bound(item.get('high'))}"
        return f"“{item.get('text') or ''}” [{interval}, {item.get('category') or '?'}]"
    return f"“{item.get('quote') or ''}” — {item.get('speaker') or '(no speaker)'}"


def _sentence_marked(item: dict, width: int = 320) -> str:
    sentence, (start, end) = item["sentence"], item["mark"]
    marked = f"{sentence[:start]}»{sentence[start:end]}«{sentence[end:]}"
    marked = " ".join(marked.split())
    return marked if len(marked) <= width else marked[: width - 1] + "…"


def format_items(result: dict) -> str:
    """Every miss, spurious item and wrong match, with its sentence (the span between » «)."""
    lines = []
    for name in SECTIONS:
        section = result.get(name, {})
        if "unavailable" in section or not section.get("scored_articles"):
            continue
        for key, title in LIST_TITLES.items():
            items = section[key]
            lines.append(f"\n{SECTIONS[name][0]}: {title}: {len(items)}")
            for item in items:
                if key == "wrong":
                    gold, got = describe(item["gold"], name), describe(item["predicted"], name)
                    what = f"gold {gold}  got {got}  ({', '.join(item['wrong'])} wrong)"
                else:
                    what = describe(item, name)
                lines.append(f"  {item['article_id']}  {what}")
                lines.append(f"      {_sentence_marked(item)}")
    return "\n".join(lines)


def summary_rows(result: dict, name: str) -> list[tuple[str, ...]]:
    """Rows (measure, gold, predicted, right, P, R, F1 or accuracy) of one section."""
    section = result[name]
    rows = [
        (
            "detection",
            str(section["gold"]),
            str(section["predicted"]),
            str(section["matched"]),
            *(_num(section["detection"][k]) for k in ("precision", "recall", "f1")),
        )
    ]
    for check in SECTIONS[name][1:]:
        scored = section[f"{check}_scored"]
        right = section[f"{check}_right"]
        rows.append(
            (
                f"{check} accuracy (of matched)",
                "",
                str(scored),
                str(right),
                "",
                "",
                _num(section[f"{check}_accuracy"]),
            )
        )
    strict = section["strict"]
    rows.append(
        (
            "strict",
            str(section["gold"]),
            str(section["predicted"]),
            str(section["strict_right"]),
            *(_num(strict[k]) for k in ("precision", "recall", "f1")),
        )
    )
    return rows


HEADER = ("", "gold", "pred", "right", "P", "R", "F1/acc")


def set_aside_note(section: dict) -> str:
    """Why some predicted quotes were not scored (the gold annotates direct quotes only)."""
    return (
        f"{section['partial_not_scored']} predicted partial quote(s) not scored: "
        "this gold annotates direct quotes only."
    )


def format_summary(result: dict) -> str:
    """The summary table for the terminal."""
    lines = [f"\nEvaluation of {result['corpus']} ({result['articles']} articles)"]
    for name, (title, *_checks) in SECTIONS.items():
        section = result.get(name, {})
        if "unavailable" in section:
            lines.append(f"\n{title}: not scored ({section['unavailable']})")
            continue
        if not section["scored_articles"]:
            lines.append(f"\n{title}: not scored (the gold annotates no {name} in this corpus)")
            continue
        lines.append(f"\n{title} ({section['scored_articles']} articles scored)")
        if section.get("partial_not_scored"):
            lines.append(f"  {set_aside_note(section)}")
        rows = [HEADER, *summary_rows(result, name)]
        widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
        for row in rows:
            cells = [row[0].ljust(widths[0])] + [
                c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
            ]
            lines.append("  " + "  ".join(cells))
        if note := review_note(section):
            lines.extend("  " + line for line in textwrap.wrap(note, 96))
    return "\n".join(lines)


def write_atomically(path: Path, content: str) -> None:
    """Write `content` to a temporary file beside `path`, then rename: whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(content, encoding="utf-8")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _plain(value: object) -> object:
    """JSON for the odd values frames hold: numpy scalars become numbers, pd.NA null."""
    if hasattr(value, "item"):
        return value.item()
    return None if value is pd.NA else str(value)


def write_reports(result: dict, out: Path) -> list[Path]:
    """Write eval.json and eval.html into `out`; each file appears whole or not at all."""
    stamped = {"generated": dt.datetime.now().isoformat(timespec="seconds"), **result}
    json_path, html_path = out / "eval.json", out / "eval.html"
    write_atomically(json_path, json.dumps(stamped, indent=1, ensure_ascii=False, default=_plain))
    write_atomically(html_path, render_html(stamped))
    return [html_path, json_path]


STYLE = """
body{font:15px/1.45 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{padding:.2rem .6rem;border-bottom:1px solid #eee}
th{text-align:left;background:#f4f4f4}th.n,td.n{text-align:right;font-variant-numeric:tabular-nums}
li{margin:.4rem 0}.ctx{color:#555;font-size:.92em}mark{background:#ffe28a}
.what{font-weight:600}.id{color:#777;font-size:.85em}p.note{color:#555}
"""


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    head = "".join(
        f'<th class="{"" if i == 0 else "n"}">{escape(h)}</th>' for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"" if i == 0 else "n"}">{escape(c)}</td>' for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _item_html(item: dict, name: str, key: str) -> str:
    sentence, (start, end) = item["sentence"], item["mark"]
    before, marked, after = sentence[:start], sentence[start:end], sentence[end:]
    context = f"{escape(before)}<mark>{escape(marked)}</mark>{escape(after)}"
    if key == "wrong":
        gold, got = escape(describe(item["gold"], name)), escape(describe(item["predicted"], name))
        what = f"gold {gold}<br>got {got} <em>({escape(', '.join(item['wrong']))} wrong)</em>"
    else:
        what = escape(describe(item, name))
    return (
        f'<li><span class="what">{what}</span> <span class="id">{escape(item["article_id"])}</span>'
        f'<div class="ctx">{context}</div></li>'
    )


def _section_html(result: dict, name: str) -> str:
    title = SECTIONS[name][0]
    section = result[name]
    if "unavailable" in section:
        return f"<h2>{title}</h2><p>Not scored: {escape(section['unavailable'])}.</p>"
    if not section["scored_articles"]:
        return f"<h2>{title}</h2><p>Not scored: the gold annotates no {name} in this corpus.</p>"
    parts = [
        f"<h2>{title}</h2>",
        f"<p class=note>{section['scored_articles']} articles scored.</p>",
    ]
    if section.get("partial_not_scored"):
        parts.append(f"<p class=note>{escape(set_aside_note(section))}</p>")
    parts.append(_table(HEADER, summary_rows(result, name)))
    if note := review_note(section):
        parts.append(f"<p class=note>{escape(note)}</p>")
    breakdown = section.get("by_category") or section.get("by_kind") or {}
    label = "category" if "by_category" in section else "kind"
    parts.append(f"<h3>Recall by gold {label}</h3>")
    parts.append(
        _table(
            (label, "gold", "found", "recall"),
            [
                (k, str(v["gold"]), str(v["matched"]), _num(v["recall"]))
                for k, v in breakdown.items()
            ],
        )
    )
    parts.append("<h3>Per article</h3>")
    parts.append(
        _table(
            ("article", "gold", "pred", "matched", "strict right"),
            [
                (a, str(c["gold"]), str(c["predicted"]), str(c["matched"]), str(c["strict_right"]))
                for a, c in sorted(section["per_article"].items())
            ],
        )
    )
    for key, list_title in LIST_TITLES.items():
        items = section[key]
        parts.append(f"<h3>{escape(title)} {escape(list_title)}: {len(items)}</h3>")
        if items:
            parts.append("<ul>" + "".join(_item_html(item, name, key) for item in items) + "</ul>")
    return "\n".join(parts)


def render_html(result: dict) -> str:
    """The whole evaluation as one offline HTML page."""
    sections = "\n".join(_section_html(result, name) for name in SECTIONS if name in result)
    corpus = escape(result["corpus"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>crosscheck evaluation: {corpus}</title>
<style>{STYLE}</style></head><body>
<h1>crosscheck evaluation: {corpus}</h1>
<p class=note>{result["articles"]} articles · generated {escape(result.get("generated", ""))}.
Matching rules: figures match when their spans overlap by at least 30% of the shorter one, quotes
when the overlap covers at least 50% of the gold quote, one to one. Strict: figure interval and
category right; quote speaker right. The marked span is the item in its sentence.</p>
{sections}
</body></html>
"""
