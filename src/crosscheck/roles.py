"""Where a report introduces a speaker: the title before the name and the apposition after it.

'Marine Gen. Joseph Dunford, chairman of the Joint Chiefs of Staff, said' → 'Marine Gen.,
chairman of the Joint Chiefs of Staff'. Used when the quotes frame carries no role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .speaker_names import ANONYMOUS, _titles, affiliation_keywords
from .text import normalise

_OPENERS = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "then", "when", "after",
    "before", "as", "while", "if", "still", "however", "meanwhile", "also", "earlier", "later",
    "said", "says", "told", "according", "to", "by", "with", "from", "for", "of",
}  # fmt: skip
_CLAUSE_END = re.compile(r"[,.;:()\n\"\u201c\u201d]")
_PHRASE_END = re.compile(r"[,;:()\n\"\u201c\u201d]")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    words = {t.lower() for t in _titles()}
    for keyword in affiliation_keywords():
        if keyword.group != ANONYMOUS:
            words.update(w.lower().rstrip(".") for w in keyword.keyword.split())
    return frozenset(words - _OPENERS)


def role_in_text(text: str, names: Iterable[str]) -> str:
    """The title before a name and the apposition after it, where the report introduces them.

    'Marine Gen. Joseph Dunford, chairman of the Joint Chiefs of Staff, said' gives
    'Marine Gen., chairman of the Joint Chiefs of Staff'. Used when the quotes frame has no role.
    """
    flat = normalise(text)
    names = sorted({n for n in names if n}, key=len, reverse=True)
    surnames = [n.split()[-1] for n in names if len(n.split()) > 1 and len(n.split()[-1]) > 2]
    for name in names + surnames:
        for match in re.finditer(r"(?<!\w)" + re.escape(normalise(name)) + r"(?!\w)", flat):
            before = _title_before(flat[max(0, match.start() - 80) : match.start()])
            last = before.split()[-1].lower().rstrip(".") if before else ""
            if name in surnames and last not in _role_words():
                before = ""  # "William V. Roebuck" is a name, "President Trump" a title
            after = _apposition_after(flat[match.end() : match.end() + 160])
            role = ", ".join(p for p in (before, after) if p)
            if role:
                return role
    return ""


def _title_before(window: str) -> str:
    words = _PHRASE_END.split(window)[-1].split()
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word, bare = words[i], words[i].lower().rstrip(".")
        if len(kept) == 8:
            break
        if bare in ("of", "for") and kept and i > 0 and _is_role_word(words[i - 1]):
            kept.insert(0, word)  # "Secretary of State", "Special Representative for Iran"
            continue
        if bare in _OPENERS or not _is_role_word(word):
            break
        if word.endswith(".") and bare not in _role_words() and len(bare) > 1:
            break  # the end of the previous sentence
        kept.insert(0, word)
    return " ".join(kept)


def _is_role_word(word: str) -> bool:
    bare = word.lower().rstrip(".")
    return bare not in _OPENERS and (word[:1].isupper() or bare in _role_words())


def _apposition_after(window: str) -> str:
    if not window.startswith(", "):
        return ""
    clause = _CLAUSE_END.split(window[2:])[0].strip()
    words = clause.split()
    if not words or len(words) > 12:
        return ""
    head = words[1] if words[0].lower() in ("the", "a", "an") and len(words) > 1 else words[0]
    return clause if head.lower().rstrip(".") in _role_words() else ""
