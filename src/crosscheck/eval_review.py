"""A person's verdicts on spurious items, to tell gaps in a gold from errors of the extractor.

A gold annotation can leave out real quotes (a converted corpus that skipped an interview
transcript, say). The evaluation's own score stays the headline; a review file adds a second
line that counts the reviewed "gold omits" items as gold, so a reader sees how much of the
precision loss is the gold's. The file is CSV, one row per spurious item, found by its span:

    section,article_id,start,end,verdict,reason
    quotes,some-article,412,853,gold omits,interview transcript paragraph

`verdict` is one of REVIEW_VERDICTS; `reason` is free text in the reviewer's own words.
Rows that match no spurious item of the current run are listed, so a review cannot go stale
unnoticed when the extractor changes.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .errors import CrosscheckError
from .eval_scoring import ratios

REVIEW_COLUMNS = ("section", "article_id", "start", "end", "verdict", "reason")
REVIEW_VERDICTS = {
    "gold omits": "a real item by the guidelines that the gold leaves out",
    "not an item": "the extractor's error (not a quote or not a figure)",
    "unsure": "the guidelines do not settle it (e.g. a quote inside a quote)",
}
SECTIONS = ("figures", "quotes")


def load_review(path: str | Path) -> list[dict]:
    """The rows of a review file, checked; a CrosscheckError names the file, line and problem."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REVIEW_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CrosscheckError(f"{path}: review file lacks column(s) {', '.join(missing)}")
            rows = []
            for line_no, row in enumerate(reader, start=2):
                rows.append(_checked_row(path, line_no, row))
    except FileNotFoundError:
        raise CrosscheckError(f"{path}: review file not found") from None
    except UnicodeDecodeError:
        raise CrosscheckError(f"{path}: review file is not UTF-8 text") from None
    return rows


def _checked_row(path: Path, line_no: int, row: dict) -> dict:
    where = f"{path}, line {line_no}"
    if row["section"] not in SECTIONS:
        raise CrosscheckError(f"{where}: section must be one of {', '.join(SECTIONS)}")
    if row["verdict"] not in REVIEW_VERDICTS:
        raise CrosscheckError(f"{where}: verdict must be one of {', '.join(REVIEW_VERDICTS)}")
    try:
        start, end = int(row["start"]), int(row["end"])
    except (TypeError, ValueError):
        raise CrosscheckError(f"{where}: start and end must be whole numbers") from None
    if not 0 <= start < end:
        raise CrosscheckError(f"{where}: start must be at least 0 and below end")
    return {**row, "start": start, "end": end}


def apply_review(result: dict, review: list[dict], source: str) -> None:
    """Add a `review` entry to each scored section of `result` that the review covers."""
    for name in SECTIONS:
        section = result.get(name)
        rows = [row for row in review if row["section"] == name]
        if not rows or not isinstance(section, dict) or "spurious" not in section:
            continue
        spurious = {(s["article_id"], int(s["start"]), int(s["end"])) for s in section["spurious"]}
        counts = dict.fromkeys(REVIEW_VERDICTS, 0)
        unmatched = []
        for row in rows:
            if (row["article_id"], row["start"], row["end"]) in spurious:
                counts[row["verdict"]] += 1
            else:
                unmatched.append(row)
        omitted = counts["gold omits"]
        section["review"] = {
            "file": source,
            "rows": len(rows),
            "verdicts": counts,
            "unmatched": unmatched,
            "spurious": len(section["spurious"]),
            "detection": ratios(
                section["matched"] + omitted, section["predicted"], section["gold"] + omitted
            ),
        }


def review_note(section: dict) -> str | None:
    """One paragraph on the review of a section, or None when it was not reviewed."""
    review = section.get("review")
    if not review:
        return None
    counts = review["verdicts"]
    scores = {k: "n/a" if v is None else f"{v:.3f}" for k, v in review["detection"].items()}
    reviewed = sum(counts.values())
    note = (
        f"Reviewed ({review['file']}): {reviewed} of {review['spurious']} spurious items; "
        f"{counts['gold omits']} real by the guidelines and missing from the gold, "
        f"{counts['not an item']} extractor error(s), {counts['unsure']} unsure. "
        "Counting the missing ones as gold: detection "
        f"P {scores['precision']} R {scores['recall']} F1 {scores['f1']}."
    )
    if review["unmatched"]:
        note += f" {len(review['unmatched'])} review row(s) match no spurious item of this run."
    return note
