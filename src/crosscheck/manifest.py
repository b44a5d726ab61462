"""Check a manifest before anything runs: exists, has the required columns, every file is there.

Standard library only, so `make report` can validate in a fraction of a second:

    python -m crosscheck.manifest data/articles.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from .errors import ArticleError

REQUIRED_COLUMNS = ("article_id", "path")
OPTIONAL_COLUMNS = ("outlet", "published", "headline", "url")


def read_manifest(path: str | Path) -> list[dict[str, str]]:
    """Rows of the manifest at `path`, each with its `path` resolved next to the manifest."""
    manifest = Path(path)
    if not manifest.exists():
        raise ArticleError(manifest, "manifest not found")
    if manifest.is_dir():
        raise ArticleError(manifest, "is a folder; give the manifest CSV (e.g. articles.csv)")
    try:
        with manifest.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            rows = list(reader)
    except UnicodeDecodeError:
        raise ArticleError(manifest, "manifest is not UTF-8 text") from None
    except csv.Error as err:
        raise ArticleError(manifest, f"manifest is not valid CSV ({err})") from None
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise ArticleError(manifest, f"manifest lacks required column(s): {', '.join(missing)}")
    for line_no, row in enumerate(rows, start=2):
        if not (row.get("article_id") or "").strip():
            raise ArticleError(manifest, f"line {line_no}: empty article_id")
        file_path = manifest.parent / (row.get("path") or "")
        if not (row.get("path") or "").strip() or not file_path.is_file():
            raise ArticleError(
                manifest,
                f"line {line_no} ({row['article_id']}): file {row.get('path')!r} not found",
            )
        row["resolved_path"] = str(file_path.resolve())
    if not rows:
        raise ArticleError(manifest, "manifest lists no reports")
    return rows


def main(argv: list[str] | None = None) -> int:
    """Validate the manifest named on the command line; print one line and exit 2 if bad."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m crosscheck.manifest path/to/articles.csv", file=sys.stderr)
        return 2
    try:
        read_manifest(args[0])
    except ArticleError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
