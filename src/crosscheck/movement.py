"""Whether a figure counts a force in place or a force on the move: the key's `movement` part.

"There are 503 troops in Syria" counts a stock; "more than 400 Marines are leaving Syria"
counts a subset on the move. Set side by side they look like a contradiction, but they
count different things, so the movement is part of a figure's group key. Values:

  stock   in place: "there are N in X", "N stationed / based / remain", "has N"; also any
          figure with no movement cue, and a definite figure that a movement acts on ("the
          withdrawal of the 2,000 troops", "pull all 2,000 troops out", "keep its 2,000
          troops"): that counts the whole force, not a part of it on the move;
  out     leaving: withdraw(n), pull out, send home, leaving, cut, reduced by, drawdown of;
  in      arriving: deploy, send, dispatch, add, arriving, increased by;
  remain  what a movement leaves in place: "leave 200 behind", "keep 200", "200 will remain".

The cues are data, data/lexicon/movement.csv, by position: `before` cues govern a figure
that follows them (its verb or "withdrawal of"), `after` cues follow a figure that is their
subject ("N troops are leaving"), `particle` cues finish a verb before the figure ("sent N
troops home"), and `definite` words just before a figure make it the whole force. The
nearest cue in the figure's clause decides; "cut to N" and "reduced by N" differ on purpose.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import CrosscheckError
from .paths import LEXICON_DIR
from .text import normalise

LEXICON = LEXICON_DIR / "movement.csv"
MOVEMENTS = ("stock", "out", "in", "remain")
# Categories whose figures can be on the move; strikes, casualties, targets, money cannot.
MOVING_CATEGORIES = frozenset({"troops", "militants", "displaced", "other"})
# Words allowed between a cue and its figure ("withdraw [its roughly] 2,000 troops").
MAX_GAP_WORDS = 6
MAX_PARTICLE_GAP_WORDS = 2
_POSITIONS = ("before", "after", "particle", "definite")
# Clause ends; a comma inside a number ("14,000") is not one.
_CLAUSE_BREAK = re.compile(r",(?!\d)|[;:()]|\s-+\s|--|\.\s")
_WORD = re.compile(r"[\w']+(?:-[\w']+)*")
# A gap holding one of these words belongs to another clause or another subject.
_STOP_BEFORE = frozenset(
    "and or but that which who whom whose said says say told after before while when if "
    "because since until than whether".split()
)
_STOP_AFTER = _STOP_BEFORE - {"and"} | frozenset(
    "he she they it we i you them as so though although where according".split()
)
# A relative pronoun followed by one of these keeps the figure as the subject ("who are").
_AUXILIARIES = frozenset(
    "are were is was will would have has had be been being could may might should must can".split()
)
_RELATIVES = frozenset({"that", "which", "who"})


@dataclass(frozen=True)
class MovementCue:
    """What moves a figure: the cue's movement, the cue as written, and whether the figure
    is definite ("the 2,000 troops"), which makes a movement act on the whole stock."""

    movement: str = "stock"
    cue: str = ""
    definite: bool = False

    @property
    def value(self) -> str:
        """The movement as the group key uses it: a definite figure ("the 2,000 troops")
        that a movement or a stay acts on is the whole force, so a stock."""
        return "stock" if self.definite else self.movement


@lru_cache(maxsize=1)
def movement_lexicon(path: Path = LEXICON) -> dict[str, dict[str, str]]:
    """The cues per position: {position: {term (lower case): movement}}."""
    cues: dict[str, dict[str, str]] = defaultdict(dict)
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            position, term = row["position"].strip(), row["term"].strip().lower()
            movement = (row["movement"] or "").strip()
            if position not in _POSITIONS or (position != "definite" and movement not in MOVEMENTS):
                raise CrosscheckError(f"{path}: line {line}: bad position or movement {row}")
            cues[position][term] = movement
    return {position: dict(cues[position]) for position in _POSITIONS}


@lru_cache(maxsize=4)
def _cue_pattern(position: str) -> re.Pattern[str]:
    terms = sorted(movement_lexicon()[position], key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, term.split())) for term in terms)
    return re.compile(r"(?<![\w'-])(" + alternatives + r")(?![\w'-])", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _before_gap_ok(words: list[str], nouns: frozenset[str]) -> bool:
    """Nothing between the cue and the figure that gives the cue another object."""
    if len(words) > MAX_GAP_WORDS or _STOP_BEFORE.intersection(words):
        return False
    # "withdraw troops from Syria … 200 soldiers": the cue's object is the first noun,
    # unless it introduces the figure ("a force of 200 troops", "cut the force by 200").
    return all(
        word not in nouns or (n + 1 < len(words) and words[n + 1] in {"of", "by"})
        for n, word in enumerate(words)
    )


def _after_gap_ok(words: list[str]) -> bool:
    """The figure is still the subject when the cue comes: no new subject or clause."""
    if len(words) > MAX_GAP_WORDS:
        return False
    for n, word in enumerate(words):
        if word in _RELATIVES and n + 1 < len(words) and words[n + 1] in _AUXILIARIES:
            continue
        if word in _STOP_AFTER:
            return False
    return True


def _is_definite(before: str) -> bool:
    words = _words(before[-40:])
    if not words:
        return False
    last = words[-1]
    definite = movement_lexicon()["definite"]
    return last in definite or ("'s" in definite and last.endswith("'s"))


def movement_of(
    sentence: str, start: int, end: int, nouns: frozenset[str] = frozenset()
) -> MovementCue:
    """The movement of the figure at sentence[start:end], from the nearest cue in its clause.

    `nouns` are the words for the figure's category ("troops", "soldiers"): a cue whose
    object is another such noun does not govern the figure.
    """
    text = normalise(sentence)
    before = _CLAUSE_BREAK.split(text[:start])[-1]
    after = _CLAUSE_BREAK.split(text[end:], maxsplit=1)[0]
    found: list[tuple[int, int, str, str]] = []  # (gap words, side, movement, cue)
    lexicon = movement_lexicon()
    for match in _cue_pattern("before").finditer(before):
        gap = _words(before[match.end() :])
        if _before_gap_ok(gap, nouns):
            term = " ".join(match.group(1).lower().split())
            found.append((len(gap), 0, lexicon["before"][term], match.group(1)))
    governed = bool(found)
    for position, limit in (("after", MAX_GAP_WORDS), ("particle", MAX_PARTICLE_GAP_WORDS)):
        if position == "particle" and not governed:
            continue
        for match in _cue_pattern(position).finditer(after):
            gap = _words(after[: match.start()])
            if len(gap) <= limit and _after_gap_ok(gap):
                term = " ".join(match.group(1).lower().split())
                side = -1 if position == "particle" else 1
                found.append((len(gap), side, lexicon[position][term], match.group(1)))
                break  # the first acceptable cue after the figure is the nearest
    if not found:
        return MovementCue()
    _, _, movement, cue = min(found, key=lambda item: (item[0], item[1]))
    return MovementCue(movement, cue, _is_definite(text[:start]))


def resolve_definites(items: list[tuple[str, str, MovementCue, float, float]]) -> list[str]:
    """The key value per figure, given (article_id, category, cue, low, high) in row order.

    A definite figure with a cue counts the whole force ("the withdrawal of the 2,000
    troops"), unless its report already gives that number, without "the", with the same
    movement: then "the 400 troops" points back to "400 troops are leaving" and stays on
    the move, and "the 200 troops" points back to "200 troops will remain".
    """

    def said(article: str, category: str, cue: MovementCue, low: float, high: float) -> tuple:
        return (article, category, cue.movement, _bound(low), _bound(high))

    moving = {said(*item) for item in items if item[2].movement != "stock" and not item[2].definite}
    return [item[2].movement if said(*item) in moving else item[2].value for item in items]


def _bound(value: float) -> float | None:
    return None if value is None or math.isnan(value) else float(value)
