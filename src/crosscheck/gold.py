"""Gold annotations: read and check `gold/<article_id>.json`, and place each item in its text.

Gold files carry no offsets. Items are listed in text order, so each one is located at its
first occurrence after the end of the previous item of the same list (figures and quotes are
two separate lists). Locating tries, in turn: the exact string; the string after
`text.normalise()` on both sides (curly and straight quotes, dashes, odd spaces; one-for-one,
so offsets still hold); and the normalised string with any run of white space allowed to
match any other run (line breaks, double spaces). An item found by none of these is a gold
error naming the file, the item and its text.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import GoldError
from .text import normalise

FIGURE_CATEGORIES = (
    "troops",
    "militants",
    "strikes",
    "targets",
    "casualties",
    "displaced",
    "money",
    "other",
)
QUOTE_KINDS = ("direct", "partial", "statement")
GOLD_FIGURE_COLUMNS = [
    "article_id",
    "item_no",
    "start",
    "end",
    "text",
    "low",
    "high",
    "hedge",
    "category",
]
GOLD_QUOTE_COLUMNS = ["article_id", "item_no", "start", "end", "quote", "speaker", "kind"]


@dataclass
class GoldArticle:
    """One article's checked gold: `figures` is None when figures were not annotated."""

    article_id: str
    path: Path
    figures: list[dict] | None
    quotes: list[dict]


class GoldProblems(GoldError):
    """Several gold problems at once; the message is the first, `problems` holds them all."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more gold problem(s))" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _figure_problems(index: int, item: object) -> list[str]:
    where = f"figures[{index}]"
    if not isinstance(item, dict):
        return [f"{where} is not an object"]
    problems = []
    if not isinstance(item.get("text"), str) or not item["text"].strip():
        problems.append(f"{where} has no 'text'")
    for bound in ("low", "high"):
        if item.get(bound) is not None and not _is_number(item[bound]):
            problems.append(f"{where} '{bound}' must be a number or null, not {item[bound]!r}")
    low, high = item.get("low"), item.get("high")
    if _is_number(low) and _is_number(high) and low > high:
        problems.append(f"{where} has low {low} above high {high}")
    if item.get("category") not in FIGURE_CATEGORIES:
        problems.append(
            f"{where} category {item.get('category')!r} is not one of "
            + ", ".join(FIGURE_CATEGORIES)
        )
    if not isinstance(item.get("hedge", ""), str):
        problems.append(f"{where} 'hedge' must be a string")
    return problems


def _quote_problems(index: int, item: object) -> list[str]:
    where = f"quotes[{index}]"
    if not isinstance(item, dict):
        return [f"{where} is not an object"]
    problems = []
    if not isinstance(item.get("quote"), str) or not item["quote"].strip():
        problems.append(f"{where} has no 'quote'")
    speaker = item.get("speaker")
    if speaker is not None and (not isinstance(speaker, str) or not speaker.strip()):
        problems.append(f"{where} 'speaker' must be a name or null, not {speaker!r}")
    if "kind" in item and item["kind"] not in QUOTE_KINDS:
        problems.append(f"{where} kind {item['kind']!r} is not one of {', '.join(QUOTE_KINDS)}")
    return problems


def read_gold(path: str | Path, article_id: str | None = None) -> GoldArticle:
    """Read and check one gold file; raise GoldProblems listing everything wrong with it."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"{path}: gold file not found")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}: not valid JSON (line {err.lineno}, column {err.colno})") from None
    if not isinstance(data, dict):
        raise GoldError(f"{path}: must hold a JSON object with 'figures' and 'quotes'")
    problems = []
    found_id = data.get("article_id", article_id)
    if article_id is not None and found_id != article_id:
        problems.append(f"article_id {found_id!r} does not match the manifest's {article_id!r}")
    figures = data.get("figures", None)
    if figures is not None and not isinstance(figures, list):
        problems.append("'figures' must be a list, or null when figures were not annotated")
    elif figures is not None:
        for index, item in enumerate(figures):
            problems.extend(_figure_problems(index, item))
    quotes = data.get("quotes")
    if not isinstance(quotes, list):
        problems.append("'quotes' must be a list (empty when the report quotes no one)")
    else:
        for index, item in enumerate(quotes):
            problems.extend(_quote_problems(index, item))
    if problems:
        raise GoldProblems([f"{path}: {problem}" for problem in problems])
    return GoldArticle(str(found_id or path.stem), path, figures, quotes)


def load_gold(articles: pd.DataFrame, gold_dir: str | Path) -> dict[str, GoldArticle]:
    """Gold for every article of the frame (indexed by article_id); all problems in one error."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: gold folder not found")
    gold: dict[str, GoldArticle] = {}
    problems: list[str] = []
    for article_id in articles.index:
        try:
            gold[article_id] = read_gold(gold_dir / f"{article_id}.json", article_id)
        except GoldProblems as err:
            problems.extend(err.problems)
        except GoldError as err:
            problems.append(str(err))
    if problems:
        raise GoldProblems(problems)
    return gold


_SPACE_RUN = re.compile(r"\s+")


def locate(text: str, needle: str, start_from: int = 0) -> tuple[int, int] | None:
    """(start, end) in `text` of the first occurrence of `needle` at or after `start_from`."""
    position = text.find(needle, start_from)
    if position >= 0:
        return position, position + len(needle)
    flat_text, flat_needle = normalise(text), normalise(needle)
    position = flat_text.find(flat_needle, start_from)
    if position >= 0:
        return position, position + len(flat_needle)
    words = flat_needle.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    match = pattern.search(flat_text, start_from)
    return match.span() if match else None


def _located(
    article_id: str, text: str, items: list[dict], key: str, label: str, path: Path
) -> tuple[list[tuple[int, int, dict]], list[str]]:
    placed, problems, cursor = [], [], 0
    for index, item in enumerate(items):
        span = locate(text, item[key], cursor)
        if span is None:
            anywhere = locate(text, item[key], 0)
            why = (
                "is out of text order (it occurs only before the previous item)"
                if anywhere
                else "is not in the article text"
            )
            snippet = _SPACE_RUN.sub(" ", item[key])[:60]
            problems.append(f"{path}: {label}[{index}] {snippet!r} {why}")
            continue
        placed.append((span[0], span[1], item))
        cursor = span[1]
    return placed, problems


def gold_frames(
    gold: dict[str, GoldArticle], texts: dict[str, str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Gold figures and quotes as frames with offsets into each article's text.

    Articles whose figures are null contribute no figure rows. Raises GoldProblems with
    every item that cannot be located.
    """
    figure_rows, quote_rows, problems = [], [], []
    for article_id, article in gold.items():
        text = texts[article_id]
        if article.figures is not None:
            placed, found = _located(
                article_id, text, article.figures, "text", "figures", article.path
            )
            problems.extend(found)
            for item_no, (start, end, item) in enumerate(placed):
                figure_rows.append(
                    (
                        article_id,
                        item_no,
                        start,
                        end,
                        item["text"],
                        item.get("low"),
                        item.get("high"),
                        item.get("hedge", ""),
                        item["category"],
                    )
                )
        placed, found = _located(article_id, text, article.quotes, "quote", "quotes", article.path)
        problems.extend(found)
        for item_no, (start, end, item) in enumerate(placed):
            quote_rows.append(
                (
                    article_id,
                    item_no,
                    start,
                    end,
                    item["quote"],
                    item.get("speaker"),
                    item.get("kind"),
                )
            )
    if problems:
        raise GoldProblems(problems)
    figures = pd.DataFrame(figure_rows, columns=GOLD_FIGURE_COLUMNS)
    figures[["low", "high"]] = figures[["low", "high"]].astype("float64")
    quotes = pd.DataFrame(quote_rows, columns=GOLD_QUOTE_COLUMNS)
    return figures, quotes
