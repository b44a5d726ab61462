"""Normalisation for matching that keeps every offset valid.

Each replacement maps one character to exactly one character, so an offset into the
normalised text is also an offset into the raw text.
"""

from __future__ import annotations

_ONE_FOR_ONE = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\r": "\n",
}
_TABLE = str.maketrans(_ONE_FOR_ONE)


def normalise(text: str) -> str:
    """Return `text` with spaces, quotes, apostrophes and dashes unified, same length."""
    return text.translate(_TABLE)
