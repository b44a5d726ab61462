"""Characters and files: decode a report, normalise it for matching, find lines and words.

Offsets are sacred: `normalise()` maps each character to exactly one character, so an offset
found in the normalised text is also an offset into the raw text. `read_text()` decides what
"the raw text" of a file is, and its non-UTF-8 policy is documented there.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

from .errors import ArticleError, ArticleWarning

_ONE_FOR_ONE = {
    # spaces
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\t": " ",
    # single quotes and apostrophes
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u0060": "'",
    "\u00b4": "'",
    # double quotes
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    # dashes and minus
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2e3a": "-",
    # line breaks of every kind become "\n"
    "\r": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
# No replacement is itself replaced, so replacing one character after another is the same
# as translating all at once, and far faster than `str.translate` on non-ASCII text.
assert not set(_ONE_FOR_ONE) & set(_ONE_FOR_ONE.values())
_REPLACEMENTS = tuple(_ONE_FOR_ONE.items())
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'"})

# Line breaks as `normalise` sees them; `line_spans` splits on the same set.
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"
_OTHER_LINE_BREAKS = LINE_BREAKS[1:]
# A line without its surrounding white space (`re`'s \s is `str.isspace`): from its first
# to its last non-space character. `.` stops at "\n" only, and is much faster than a class.
_STRIPPED_LINE = re.compile(rf"\S(?:[^{LINE_BREAKS}]*\S)?")
_STRIPPED_NEWLINE_LINE = re.compile(r"\S(?:.*\S)?")

# A word: letters or digits, with inner apostrophes, hyphens, periods, commas or slashes
# ("don't", "U.S.-led", "2,000", "F-15", "9/11"); a trailing period or comma is not part of it.
WORD = re.compile(r"[^\W_]+(?:[-'’.,/&]{1,2}[^\W_]+)*")


def normalise(text: str) -> str:
    """`text` with spaces, quotes, apostrophes, dashes and line breaks unified; same length."""
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def fold(word: str) -> str:
    """Matching form of a word: lower case, curly and straight apostrophes unified."""
    return word.translate(_APOSTROPHES).lower()


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of `text`, without its surrounding white space."""
    pattern = _STRIPPED_NEWLINE_LINE
    for mark in _OTHER_LINE_BREAKS:
        if mark in text:  # rare: "\r\n" and the other breaks need the slower class
            pattern = _STRIPPED_LINE
            break
    return [match.span() for match in pattern.finditer(text)]


_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (a .docx or .xlsx?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x1f\x8b": "a gzip archive",
}


def decode_report(raw: bytes, path: str | Path) -> str:
    """Decode the bytes of a report file; see `read_text` for the policy."""
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise ArticleError(path, f"is {kind}, not a text report; save it as .txt or .html")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(path, "starts like UTF-16 text but cannot be decoded") from None
    elif b"\x00" in raw[:8192]:
        raise ArticleError(path, "looks like a binary file (it contains NUL bytes), not text")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise ArticleError(
                    path, f"is neither UTF-8 nor Windows-1252 text (bad byte at {err.start})"
                ) from None
            warnings.warn(
                f"{path}: not UTF-8 (byte {err.start}); read as Windows-1252. "
                "Save the file as UTF-8 to silence this warning.",
                ArticleWarning,
                stacklevel=3,
            )
    if not text.strip():
        raise ArticleError(path, "file is empty")
    return text


def read_text(path: str | Path) -> str:
    """Read one report file as text, the `text` every offset in crosscheck points into.

    Policy: UTF-8 (a byte-order mark is dropped). A file that is not valid UTF-8 is read as
    Windows-1252, the usual encoding of text saved on Windows, with an `ArticleWarning`
    naming the file. UTF-16 with a byte-order mark is decoded too. Missing, empty (or
    white-space only) and binary files (PDF, Word, images, anything with NUL bytes) raise
    `ArticleError` naming the file and the problem. The text is otherwise unchanged:
    line endings, non-breaking spaces and curly quotes stay as they are.
    """
    file = Path(path)
    if not file.exists():
        raise ArticleError(file, "file not found")
    if file.is_dir():
        raise ArticleError(file, "is a folder, not a report file")
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise ArticleError(file, f"cannot be read ({err.strerror or type(err).__name__})") from None
    if not raw.strip():
        raise ArticleError(file, "file is empty")
    return decode_report(raw, file)
