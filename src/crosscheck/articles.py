"""Reports into pandas frames: load a manifest, a folder or a file; clean; split sentences.

Every offset in the project points into the `text` column, the file's content decoded and
unchanged. Cleaning never edits `text`: it decides which lines are page furniture and
records them in `dropped`, and `segment()` only yields sentences from the kept lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .errors import ArticleError

MANIFEST_COLUMNS = ["article_id", "path", "outlet", "published", "headline", "url"]
REQUIRED_MANIFEST_COLUMNS = ["article_id", "path"]
ARTICLE_COLUMNS = ["outlet", "published", "headline", "url", "path", "text", "body", "words", "dropped"]

# Abbreviations Punkt must not end a sentence on (lower case, without the final period).
NEWS_ABBREVIATIONS = {
    "u.s", "u.n", "u.k", "e.u", "d.c", "u.s.a", "n.y", "l.a",
    "gen", "lt", "col", "maj", "capt", "cpl", "sgt", "pvt", "adm", "cmdr", "brig", "lt.gen",
    "sen", "rep", "gov", "lt. gov", "pres", "amb", "sec", "atty", "supt", "insp",
    "mr", "mrs", "ms", "dr", "prof", "st", "rev", "fr", "jr", "sr", "messrs",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "no", "nos", "vs", "etc", "approx", "est", "dept", "govt", "corp", "inc", "co", "ltd",
    "a.m", "p.m", "ft", "mt", "ave", "blvd",
}


@dataclass(frozen=True)
class Sentence:
    """A sentence of kept report text, with offsets into the raw `text`."""

    start: int
    end: int
    paragraph_no: int
    sentence_no: int


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_LINE = re.compile(r"[^\n]+")
_FURNITURE = re.compile(
    r"""^(?:
        show\ (?:comments|thumbnails|captions)
      | you\ may\ also\ like.*
      | (?:read|more|related|see\ also|watch|listen)\s*:.*
      | contributing\s*:.*
      | advertisement | sponsored | slideshow\ \(\d+\ images?\)
      | (?:[a-z]+\s*/\s*){2,}[a-z]+\s*$
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def line_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every non-blank line, stripped of surrounding white space."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        spans.append((start, end))
    return spans


def is_furniture(line: str) -> bool:
    """True for a line of page furniture (promos, switchers, comment buttons)."""
    return bool(_FURNITURE.match(line.strip()))


def content_lines(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Split `text` into kept line spans and the dropped lines (repeated headline, furniture)."""
    kept: list[tuple[int, int]] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for start, end in line_spans(text):
        line = text[start:end]
        key = " ".join(line.split()).lower()
        if is_furniture(line) or (key in seen and len(key.split()) >= 3):
            dropped.append(line)
            continue
        seen.add(key)
        kept.append((start, end))
    return kept, dropped


def segment(text: str) -> list[Sentence]:
    """Sentences of the kept lines of `text`; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    tokenizer = _punkt()
    kept, _ = content_lines(text)
    for paragraph_no, (p_start, p_end) in enumerate(kept):
        for s_start, s_end in tokenizer.span_tokenize(text[p_start:p_end]):
            sentences.append(Sentence(p_start + s_start, p_start + s_end, paragraph_no, len(sentences)))
    return sentences


def read_text(path: Path) -> str:
    """Decode one report file; UTF-8 first, then Windows-1252 with a warning."""
    if not path.exists():
        raise ArticleError(path, "file not found")
    if path.is_dir():
        raise ArticleError(path, "is a folder, not a report file")
    raw = path.read_bytes()
    if not raw.strip():
        raise ArticleError(path, "file is empty")
    if b"\x00" in raw[:4096]:
        raise ArticleError(path, "looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleError(path, f"not UTF-8 (byte {err.start}); save it as UTF-8") from None


def _article_row(article_id: str, path: Path, meta: dict) -> dict:
    text = read_text(path)
    kept, dropped = content_lines(text)
    body = "\n\n".join(text[s:e] for s, e in kept)
    first_line = text[kept[0][0] : kept[0][1]] if kept else ""
    return {
        "article_id": article_id,
        "outlet": meta.get("outlet") or "",
        "published": meta.get("published") or "",
        "headline": meta.get("headline") or first_line,
        "url": meta.get("url") or "",
        "path": str(path),
        "text": text,
        "body": body,
        "words": len(body.split()),
        "dropped": dropped,
    }


def _read_manifest(path: Path) -> list[tuple[str, Path, dict]]:
    try:
        manifest = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise ArticleError(path, f"cannot read manifest ({type(err).__name__})") from None
    missing = [c for c in REQUIRED_MANIFEST_COLUMNS if c not in manifest.columns]
    if missing:
        raise ArticleError(path, f"manifest lacks required column(s): {', '.join(missing)}")
    rows = []
    for record in manifest.to_dict("records"):
        file_path = (path.parent / record["path"]).resolve()
        if not file_path.exists():
            raise ArticleError(path, f"row {record['article_id']!r}: file {record['path']} not found")
        rows.append((record["article_id"], file_path, record))
    return rows


def _files_in(folder: Path) -> list[tuple[str, Path, dict]]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".txt", ".html", ".htm"})
    if not files:
        raise ArticleError(folder, "no .txt or .html reports in this folder")
    return [(p.stem, p, {}) for p in files]


def load_articles(source: str | Path) -> pd.DataFrame:
    """Load reports from a manifest CSV, a folder of .txt/.html files, or one file."""
    path = Path(source)
    if not path.exists():
        raise ArticleError(path, "no such manifest, folder or file")
    if path.is_dir():
        entries = _files_in(path)
    elif path.suffix.lower() == ".csv":
        entries = _read_manifest(path)
    else:
        entries = [(path.stem, path, {})]
    records = [_article_row(article_id, file_path, meta) for article_id, file_path, meta in entries]
    frame = pd.DataFrame.from_records(records, columns=["article_id", *ARTICLE_COLUMNS])
    duplicated = frame["article_id"][frame["article_id"].duplicated()].tolist()
    if duplicated:
        raise ArticleError(path, f"duplicate article id(s): {', '.join(duplicated)}")
    published = pd.to_datetime(frame["published"].replace("", None), errors="coerce", format="ISO8601")
    bad_dates = frame.loc[published.isna() & (frame["published"] != ""), "published"].tolist()
    if bad_dates:
        raise ArticleError(path, f"cannot parse published date(s): {', '.join(bad_dates)}")
    frame["published"] = published
    frame["words"] = frame["words"].astype("int64")
    return frame.set_index("article_id")


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_no, paragraph_no, start, end, text."""
    rows = []
    for article_id, text in articles["text"].items():
        for s in segment(text):
            rows.append((article_id, s.sentence_no, s.paragraph_no, s.start, s.end, text[s.start : s.end]))
    frame = pd.DataFrame(
        rows, columns=["article_id", "sentence_no", "paragraph_no", "start", "end", "text"]
    )
    return frame.astype(
        {"sentence_no": "int64", "paragraph_no": "int64", "start": "int64", "end": "int64"}
    )
