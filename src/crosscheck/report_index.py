"""index.html: the reports analysed and every page of the build, with its parameters."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from .report_pages import Page, PageResult

EVAL_PAGE = "eval.html"


def _format_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_INDEX_CSS = """
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d;
  margin: 0; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; background: #fff; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
.built { color: #666; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem;
  border-bottom: 1px solid #e3e3e3; overflow-wrap: anywhere; }
th { background: #f2f2f2; font-weight: 600; }
td.date { white-space: nowrap; }
.page { margin: 0 0 1.2rem; padding: 0.6rem 0.9rem; border: 1px solid #e3e3e3; border-radius: 4px; }
.page h3 { margin: 0 0 0.25rem; font-size: 1.1rem; }
.page p { margin: 0.25rem 0; }
.params { color: #444; font-size: 13px; }
.params code { background: #f4f4f4; padding: 0 0.25em; overflow-wrap: anywhere; }
.failed { color: #a40000; }
"""


def index_html(
    pages: list[Page],
    results: dict[str, PageResult],
    manifest_rows: list[dict[str, str]],
    manifest_label: str,
    out: Path,
    built: str,
) -> str:
    """The index page: title, build date, reports analysed, pages with parameters, eval link."""
    esc = html.escape
    rows = []
    for row in sorted(manifest_rows, key=lambda r: r.get("published") or "9999"):
        cells = [row.get("outlet") or "", row.get("published") or "", row.get("headline") or ""]
        url = (row.get("url") or "").strip()
        headline = esc(cells[2] or row["article_id"])
        if url.startswith(("http://", "https://")):
            headline = f'<a href="{esc(url)}">{headline}</a>'
        rows.append(
            f'<tr><td>{esc(cells[0])}</td><td class="date">{esc(cells[1])}</td><td>{headline}</td>'
            f"<td><code>{esc(row['article_id'])}</code></td></tr>"
        )
    items = []
    for page in pages:
        result = results.get(page.name)
        if not (out / f"{page.name}.html").exists():
            items.append(
                f'<section class="page"><h3>{esc(page.name)}</h3>'
                f'<p class="failed">Not built: {esc(result.error if result else "")}</p></section>'
            )
            continue
        title = (result.title if result and result.ok else "") or page.name
        if isinstance(page.parameters.get("title"), str) and page.parameters["title"]:
            title = f"{title}: {page.parameters['title']}"  # one notebook, several pages
        summary = result.summary if result and result.ok else ""
        parameters = {**page.parameters, "manifest": manifest_label}
        shown = ", ".join(
            f"<code>{esc(key)} = {esc(_format_value(value))}</code>"
            for key, value in parameters.items()
        )
        note = ""
        if result is not None and not result.ok:
            note = (
                f'<p class="failed">This build failed ({esc(result.error)}); '
                "the page shown is the last good one.</p>"
            )
        items.append(
            f'<section class="page"><h3><a href="{esc(page.name)}.html">{esc(title)}</a></h3>'
            f"<p>{esc(summary)}</p>{note}"
            f'<p class="params">Parameters: {shown}</p>'
            f'<p class="params"><a href="{esc(page.name)}.html">Read</a> · '
            f'<a href="{esc(page.name)}-code.html">with code</a> · '
            f'<a href="{esc(page.name)}.ipynb">notebook</a> · '
            f"<code>{esc(page.notebook.name)}</code></p>"
            "</section>"
        )
    evaluation = ""
    if (out / EVAL_PAGE).exists():
        evaluation = (
            f'<h2>Evaluation</h2><p><a href="{EVAL_PAGE}">How well the extraction matches the '
            "hand annotations</a> (written by <code>make eval</code>).</p>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>crosscheck: how the reports compare</title>\n"
        f"<style>{_INDEX_CSS}</style>\n</head>\n<body>\n<main>\n"
        "<h1>crosscheck: how the reports compare</h1>\n"
        f'<p class="built">Built {esc(built)} from <code>{esc(manifest_label)}</code>.</p>\n'
        f"<h2>Reports analysed ({len(manifest_rows)})</h2>\n"
        "<table><thead><tr><th>Outlet</th><th>Published</th><th>Headline</th><th>Id</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>\n"
        f"<h2>Pages</h2>\n{''.join(items)}\n{evaluation}\n"
        "</main>\n</body>\n</html>\n"
    )
