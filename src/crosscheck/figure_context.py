"""The words around a figure that say what it counts: "were killed" makes 40 people
casualties, "were hit" makes 12 sites targets.

The cues are data (data/lexicon/context.csv: cue, category, side, applies_to). A cue counts
before a figure within its clause's last four words, or after its noun within the clause's
next `CONTEXT_WORDS` words unless an object follows ("killed 30 civilians": the figure did it).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

from .paths import LEXICON_DIR

CONTEXT_WORDS = 7  # how far context cues ("were killed") may stand after the noun
BEFORE_WORDS = 4  # how far before the figure
_CLAUSE_BREAK = re.compile(r"[,;:()\"!?]|\.(?:\s|\Z)| - ")
_AGENT_NEXT = re.compile(
    r"\s*(?:\d|the\b|a\b|an\b|his\b|her\b|their\b|its\b|at least\b|more than\b|some\b|about\b|"
    r"nearly\b|dozens\b|hundreds\b|thousands\b|scores\b|several\b|many\b|two\b|three\b|four\b|"
    r"five\b|six\b|seven\b|eight\b|nine\b|ten\b)",
    re.IGNORECASE,
)
_LETTER_RUN = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def load_context() -> dict[tuple[str, str], tuple[re.Pattern, frozenset[str]]]:
    """(side, applies_to) -> one pattern of the context cues from data/lexicon/context.csv, and
    the cues' first words (a window holding none of them holds no cue)."""
    cues: dict[tuple[str, str], list[tuple[str, str]]] = {}
    with open(LEXICON_DIR / "context.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cue, category = " ".join(row["cue"].lower().split()), row["category"].strip()
            sides = ("before", "after") if row["side"].strip() == "both" else (row["side"].strip(),)
            for side in sides:
                cues.setdefault((side, row["applies_to"].strip()), []).append((cue, category))
    patterns = {}
    for key, entries in cues.items():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        alternatives = "|".join(
            f"(?P<c{i}_{category}>{re.escape(cue)})" for i, (cue, category) in enumerate(entries)
        )
        openers = frozenset(cue.split(" ", 1)[0] for cue, _ in entries)
        patterns[key] = (re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), openers)
    return patterns


def _cue(cues: tuple[re.Pattern, frozenset[str]] | None, text: str, after: bool) -> str | None:
    if cues is None:
        return None
    pattern, openers = cues
    if text.isascii() and openers.isdisjoint(_LETTER_RUN.findall(text.lower())):
        return None  # no word a cue opens with: the (slow) pattern cannot match
    for match in pattern.finditer(text):
        if after and _AGENT_NEXT.match(text, match.end()):
            continue
        name = match.lastgroup or ""
        return name.split("_", 1)[1]
    return None


def _before_window(sentence: str, start: int) -> str:
    before = sentence[max(0, start - 80) : start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    return " ".join(before[cut:].split()[-BEFORE_WORDS:])


def _after_window(sentence: str, end: int, stop: int) -> str:
    after = sentence[end:stop]
    cut = _CLAUSE_BREAK.search(after)
    after = after[: cut.start()] if cut else after
    return " ".join(after.split()[:CONTEXT_WORDS])


def context_category(sentence, start, end, stop, kinds: tuple[str, ...]) -> str | None:
    """Category the words around a figure give it ("were killed" -> casualties), if any.

    `kinds` says which cues apply: "person" (killed, displaced) and/or "thing" (hit, destroyed).
    """
    return _window_category(
        _before_window(sentence, start), _after_window(sentence, end, stop), kinds
    )


@lru_cache(maxsize=1 << 12)
def _window_category(before: str, after: str, kinds: tuple[str, ...]) -> str | None:
    """The cue category of the few words before a figure and after its noun. Remembered: the
    same windows ("were killed", "the army said") come back figure after figure."""
    patterns = load_context()
    for kind in kinds:
        cue = _cue(patterns.get(("before", kind)), before, False) or _cue(
            patterns.get(("after", kind)), after, True
        )
        if cue:
            return cue
    return None
