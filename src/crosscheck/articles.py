"""Reports into pandas frames: load a manifest, a folder or a file; clean; split; tokenise.

Every offset in the project points into the `text` column: the file's content decoded and
unchanged (for a saved web page, the page's text as trafilatura extracts it). Cleaning
never edits `text`: `content_lines()` decides which paragraphs are page furniture and
lists them in `dropped`; `segment()` yields sentences from the kept paragraphs only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from .errors import ArticleError, CrosscheckError
from .furniture import content_lines, furniture_kind, paragraph_spans
from .manifest import read_manifest
from .splitting import Sentence, punkt, segment, sentences_held
from .text import WORD, decode_report, fold, read_text

__all__ = [
    "ARTICLE_COLUMNS",
    "Sentence",
    "content_lines",
    "furniture_kind",
    "load_articles",
    "paragraph_spans",
    "punkt",
    "read_text",
    "segment",
    "sentences",
    "sentences_held",
    "tokens",
]

ARTICLE_COLUMNS = [
    "outlet",
    "published",
    "headline",
    "url",
    "path",
    "text",
    "body",
    "words",
    "dropped",
]
SENTENCE_COLUMNS = ["article_id", "sentence_no", "paragraph_no", "start", "end", "text"]
TOKEN_COLUMNS = ["article_id", "sentence_no", "token_no", "start", "end", "text", "norm"]
REPORT_SUFFIXES = {".txt", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}

# "reuters-2019-02-22-us-leave-200-peacekeepers": outlet and date from a file name.
_NAMED_ID = re.compile(
    r"^(?P<outlet>[a-z][a-z0-9]*(?:-[a-z0-9]+)*?)-(?P<date>\d{4}-\d\d-\d\d)(?:-|$)"
)


def load_articles(source: str | Path) -> pd.DataFrame:
    """Load reports into a frame indexed by `article_id`, one row per report.

    `source` is a manifest CSV (columns article_id and path required; outlet, published,
    headline, url optional; extra columns are kept), a folder of .txt/.html reports (ids
    from file names, headline from the first line), or a single report file. Columns:
    outlet, published (datetime64, NaT where unknown), headline, url, path, text (the
    decoded file, unchanged), body (text without furniture), words, dropped (the removed
    paragraphs, for audit). Bad input raises `ArticleError` naming the file.
    """
    path = Path(source)
    if not path.exists():
        raise ArticleError(path, "no such manifest, folder or file")
    if path.is_dir():
        entries = _folder_entries(path)
    elif path.suffix.lower() == ".csv":
        entries = _manifest_entries(path)
    else:
        entries = [(path.stem, path, {})]
    _check_unique_ids(path, entries)
    records = [_article_record(article_id, file, meta) for article_id, file, meta in entries]
    extra = (
        [c for c in records[0] if c not in ARTICLE_COLUMNS and c != "article_id"] if records else []
    )
    frame = pd.DataFrame.from_records(records, columns=["article_id", *ARTICLE_COLUMNS, *extra])
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    frame["words"] = frame["words"].astype("int64")
    return frame.set_index("article_id")


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_no, paragraph_no, start, end, text."""
    columns: dict[str, list] = {name: [] for name in SENTENCE_COLUMNS}
    for article_id, text in _texts(articles, "sentences"):
        for s in segment(text):
            columns["article_id"].append(article_id)
            columns["sentence_no"].append(s.sentence_no)
            columns["paragraph_no"].append(s.paragraph_no)
            columns["start"].append(s.start)
            columns["end"].append(s.end)
            columns["text"].append(text[s.start : s.end])
    return _typed_frame(columns, ["sentence_no", "paragraph_no", "start", "end"])


def tokens(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per word of the kept text: offsets into `text`, and `norm` for matching.

    `norm` is the word in lower case with curly and straight apostrophes unified, so
    "Trump’s" and "Trump's" count as one word. Words keep inner hyphens, periods and
    apostrophes ("U.S", "F-15", "don't"); punctuation is not a token.
    """
    columns: dict[str, list] = {name: [] for name in TOKEN_COLUMNS}
    for article_id, text in _texts(articles, "tokens"):
        token_no = 0
        for s in segment(text):
            for match in WORD.finditer(text, s.start, s.end):
                word = match.group()
                columns["article_id"].append(article_id)
                columns["sentence_no"].append(s.sentence_no)
                columns["token_no"].append(token_no)
                columns["start"].append(match.start())
                columns["end"].append(match.end())
                columns["text"].append(word)
                columns["norm"].append(fold(word))
                token_no += 1
    return _typed_frame(columns, ["sentence_no", "token_no", "start", "end"])


def _texts(articles: pd.DataFrame, caller: str) -> Iterable[tuple[str, str]]:
    if not isinstance(articles, pd.DataFrame) or "text" not in articles.columns:
        raise CrosscheckError(
            f"{caller}(): expects the frame from load_articles (with a 'text' column)"
        )
    ids = articles["article_id"] if "article_id" in articles.columns else articles.index
    return zip(ids, articles["text"], strict=True)


def _typed_frame(columns: dict[str, list], integers: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(columns)
    return frame.astype({name: "int64" for name in integers})


# --- sources -------------------------------------------------------------------------


def _folder_entries(folder: Path) -> list[tuple[str, Path, dict]]:
    files = sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in REPORT_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )
    if not files:
        hint = " (there is a .csv: pass the manifest itself)" if any(folder.glob("*.csv")) else ""
        raise ArticleError(folder, f"no .txt or .html reports in this folder{hint}")
    return [(p.stem, p, {}) for p in files]


def _manifest_entries(manifest: Path) -> list[tuple[str, Path, dict]]:
    entries = []
    for row in read_manifest(manifest):
        meta = {k: (v or "").strip() for k, v in row.items() if k not in {"path", "resolved_path"}}
        meta["published"] = _parse_date(meta.get("published", ""), manifest, meta["article_id"])
        entries.append((meta["article_id"].strip(), Path(row["resolved_path"]), meta))
    return entries


def _check_unique_ids(source: Path, entries: list[tuple[str, Path, dict]]) -> None:
    files: dict[str, list[str]] = {}
    for article_id, file, _ in entries:
        files.setdefault(article_id, []).append(file.name)
    clashes = {k: v for k, v in files.items() if len(v) > 1}
    if clashes:
        listed = "; ".join(f"{k} ({', '.join(v)})" for k, v in list(clashes.items())[:5])
        raise ArticleError(source, f"duplicate article id(s): {listed}")


# --- one report ----------------------------------------------------------------------


def _article_record(article_id: str, file: Path, meta: dict) -> dict:
    if file.suffix.lower() in HTML_SUFFIXES:
        text, page = _read_html(file)
    else:
        text, page = read_text(file), {}
    kept, dropped = content_lines(text)
    if not kept:
        raise ArticleError(file, "no report text left after removing page furniture")
    body = "\n\n".join(text[s:e] for s, e in kept)
    named = _NAMED_ID.match(article_id.lower())
    from_name = {"outlet": named["outlet"], "published": _name_date(named["date"])} if named else {}
    record = {
        "article_id": article_id,
        "outlet": meta.get("outlet") or page.get("outlet") or from_name.get("outlet", ""),
        "published": _first_date(
            meta.get("published"), page.get("published"), from_name.get("published")
        ),
        "headline": meta.get("headline") or page.get("headline") or text[kept[0][0] : kept[0][1]],
        "url": meta.get("url") or page.get("url") or "",
        "path": str(file),
        "text": text,
        "body": body,
        "words": sum(1 for _ in WORD.finditer(body)),
        "dropped": dropped,
    }
    for key, value in meta.items():
        if key not in record:
            record[key] = value
    return record


def _first_date(*candidates: pd.Timestamp | None) -> pd.Timestamp:
    for value in candidates:
        if value is not None and not pd.isna(value):
            return value
    return pd.NaT


def _name_date(text: str) -> pd.Timestamp | None:
    try:
        return pd.Timestamp(date.fromisoformat(text))
    except ValueError:
        return None


def _parse_date(value: str, source: Path, article_id: str) -> pd.Timestamp:
    """A manifest's published date: ISO 8601 or a written date; NaT when blank."""
    if not value:
        return pd.NaT
    problem = f"row {article_id!r}: cannot parse published date {value!r} (use YYYY-MM-DD)"
    if not re.search(r"\d", value):
        raise ArticleError(source, problem)
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        raise ArticleError(source, problem) from None
    if pd.isna(stamp):
        raise ArticleError(source, problem)
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def _read_html(file: Path) -> tuple[str, dict]:
    """The text of a saved web page (headline first) and what its metadata says."""
    import trafilatura  # imported here: loading it costs time and only HTML needs it

    if not file.exists():
        raise ArticleError(file, "file not found")
    raw = file.read_bytes()
    decode_report(raw, file)  # same checks as a .txt: empty, binary, undecodable
    try:
        document = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    except Exception as err:  # trafilatura raises many kinds; the user needs the file name
        raise ArticleError(
            file, f"cannot extract text from this HTML ({type(err).__name__})"
        ) from None
    found = document.as_dict() if hasattr(document, "as_dict") else (document or {})
    body = (found.get("text") or "").strip()
    if not body:
        raise ArticleError(file, "no article text found in this HTML page")
    title = " ".join((found.get("title") or "").split())
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    published = None
    if found.get("date"):
        try:
            published = pd.Timestamp(found["date"])
        except ValueError:
            published = None
    page = {
        "outlet": found.get("sitename") or found.get("hostname") or "",
        "published": published,
        "headline": title,
        "url": found.get("url") or "",
    }
    return text, page
