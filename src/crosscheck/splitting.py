"""Sentences with offsets: NLTK's Punkt, configured in code with news abbreviations.

No trained model is downloaded: Punkt runs with the abbreviations in
`data/lexicon/abbreviations.txt` ("Gen.", "U.S.", "Sept.") and the sentence starters in
`data/lexicon/sentence_starters.txt` ("… the U.S. The next day …" still splits). A paragraph
always ends a sentence; offsets point into the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .errors import CrosscheckError
from .furniture import content_lines

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicon"

# A paragraph without a period, "?" or "!" before its last character is one sentence:
# no need to run Punkt on it (headlines, subheads, most quotes end-of-paragraph).
_INNER_END = re.compile(r"[.?!…]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of kept report text, with offsets into the raw `text`."""

    start: int
    end: int
    paragraph_no: int
    sentence_no: int


def read_word_list(name: str) -> set[str]:
    """Words of a `data/lexicon/<name>` list: one per line, `#` starts a comment."""
    path = LEXICON_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        raise CrosscheckError(f"{path}: word list not found (is data/lexicon complete?)") from None
    return {line.split("#")[0].strip().lower() for line in lines} - {""}


@lru_cache(maxsize=1)
def punkt() -> PunktSentenceTokenizer:
    """The project's Punkt tokenizer, built once: news abbreviations, no training, no download."""
    params = PunktParameters()
    params.abbrev_types = read_word_list("abbreviations.txt")
    params.sent_starters = read_word_list("sentence_starters.txt")
    return PunktSentenceTokenizer(params)


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, a paragraph without surrounding white space."""
    if not _INNER_END.search(text, start, end - 1):
        return [(start, end)]
    return [(start + s, start + e) for s, e in punkt().span_tokenize(text[start:end])]


def segment(text: str) -> list[Sentence]:
    """Sentences of the kept paragraphs of `text` (furniture removed), in text order."""
    sentences: list[Sentence] = []
    kept, _ = content_lines(text)
    for paragraph_no, (p_start, p_end) in enumerate(kept):
        for s_start, s_end in split_paragraph(text, p_start, p_end):
            sentences.append(Sentence(s_start, s_end, paragraph_no, len(sentences)))
    return sentences
