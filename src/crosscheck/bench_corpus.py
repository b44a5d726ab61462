"""The benchmark's synthetic corpus: reports assembled, deterministically, from a real corpus.

Each synthetic report is a headline and paragraphs drawn (seeded) from the source corpus's
kept sentences, with every number and every two-word capitalised name replaced by another,
so the reports read like news yet differ from one another.
"""

from __future__ import annotations

import csv
import math
import random
import re
from pathlib import Path

import pandas as pd

from .articles import segment
from .errors import CrosscheckError

_NUMBER = re.compile(r"\b\d[\d,]*\d\b|\b\d\b")
_NAME = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
_NOT_FIRST_NAMES = {
    "The",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "For",
    "With",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "Last",
    "Next",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
}


def source_paragraphs(articles: pd.DataFrame) -> tuple[list[str], list[str], list[int]]:
    """Headlines, body paragraphs (runs of sentences of one kept line) and paragraph counts."""
    headlines, paragraphs, counts = [], [], []
    for text in articles["text"]:
        by_paragraph: dict[int, list] = {}
        for sentence in segment(text):
            by_paragraph.setdefault(sentence.paragraph_no, []).append(sentence)
        runs = [text[group[0].start : group[-1].end] for group in by_paragraph.values()]
        if len(runs) < 2:
            continue
        headlines.append(runs[0])
        paragraphs.extend(runs[1:])
        counts.append(len(runs) - 1)
    return headlines, paragraphs, counts


def name_pool(paragraphs: list[str]) -> list[str]:
    """Two-word capitalised names found in the paragraphs, to swap one for another."""
    found = {m.group(0) for p in paragraphs for m in _NAME.finditer(p)}
    return sorted(name for name in found if name.split()[0] not in _NOT_FIRST_NAMES)


def _vary_number(match: re.Match, rng: random.Random) -> str:
    token = match.group(0)
    digits = token.replace(",", "")
    if len(digits) == 4 and "," not in token and 1900 <= int(digits) <= 2099:
        return token  # a year: keep the text plausible
    size = len(digits)
    number = rng.randint(10 ** (size - 1) if size > 1 else 1, 10**size - 1)
    return f"{number:,}" if "," in token else str(number)


def synthetic_reports(articles: pd.DataFrame, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """`n` (article_id, text) reports assembled from `articles`; the same inputs give the same."""
    headlines, paragraphs, counts = source_paragraphs(articles)
    if not paragraphs:
        raise CrosscheckError("bench: the source corpus has no report with a headline and a body")
    names = name_pool(paragraphs)
    swap = (
        re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        if names
        else None
    )
    rng = random.Random(seed)

    def vary(text: str) -> str:
        text = _NUMBER.sub(lambda m: _vary_number(m, rng), text)
        return swap.sub(lambda m: rng.choice(names), text) if swap else text

    reports = []
    width = len(str(n))
    for index in range(n):
        body = [vary(rng.choice(paragraphs)) for _ in range(rng.choice(counts))]
        reports.append(
            (
                f"synthetic-{index:0{width}d}",
                vary(rng.choice(headlines)) + "\n\n" + "\n\n".join(body) + "\n",
            )
        )
    return reports


def write_corpus(
    reports: list[tuple[str, str]], folder: Path, chunks: int
) -> tuple[Path, list[Path]]:
    """Write the reports, a manifest of all and one manifest per chunk (for parallel loading)."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for article_id, text in reports:
        (folder / "articles" / f"{article_id}.txt").write_text(text, encoding="utf-8")

    def manifest(path: Path, rows: list[tuple[str, str]]) -> Path:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["article_id", "path"])
            writer.writerows((article_id, f"articles/{article_id}.txt") for article_id, _ in rows)
        return path

    parts = [
        manifest(folder / f"chunk-{i:03d}.csv", part)
        for i, part in enumerate(split(reports, chunks))
    ]
    return manifest(folder / "articles.csv", reports), parts


def split(items: list, chunks: int) -> list[list]:
    """`items` in at most `chunks` consecutive, nearly equal, non-empty parts."""
    size = max(1, math.ceil(len(items) / max(1, chunks)))
    return [items[i : i + size] for i in range(0, len(items), size)]
