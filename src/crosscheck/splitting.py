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

from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from .errors import CrosscheckError
from .furniture import content_lines

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicon"

# Reports whose sentences `segment` remembers: more than one chunk of reports that the
# extractors map over in turn (about 4 MB of sentences, plus the texts it keeps alive).
SEGMENT_CACHE_SIZE = 1024


@dataclass(frozen=True, slots=True)
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


# The break contexts Punkt asks about most, in the only shapes `NewsPunkt` decides itself.
# Separators are spaces or no-break spaces, white space for Punkt's tokenizer and for `re`;
# `[^\s]` is narrower under `re` than under Punkt's `regex`, so it never admits a context
# that Punkt would tokenize differently.
_NON_WORD = PunktLanguageVars()._re_non_word_chars  # punctuation that ends a Punkt token
_WORD_THEN_PERIOD = re.compile(
    rf"""(?P<token>[“‘]?[A-Za-z]+(?:\.[A-Za-z]+)*)\.
        (?:{_NON_WORD}|[\ \xa0]+(?P<next>[A-Za-z]+),?)""",
    re.VERBOSE,
)
_QUESTION_OR_EXCLAMATION = re.compile(rf"[^\s]*[?!](?:{_NON_WORD}|[\ \xa0]+[^\s]+)")

# Where Punkt may end a sentence: ".", "?" or "!" before punctuation or white space (`re`
# counts a few more characters as white space than Punkt does: more candidates, never fewer).
# A paragraph without one is a single sentence, and Punkt need not run on it.
_BREAK_CANDIDATE = re.compile(rf"[.?!](?:{_NON_WORD}|\s)")
# The paragraph's last ".", "?" or "!" with only closing quotes or brackets after it: Punkt
# may cut there, but it gives the marks back to the sentence they close.
_CLOSING_TAIL = re.compile(r"""[.?!]["')\]}‘’“”«»]+$""")


class NewsPunkt(PunktSentenceTokenizer):
    """Punkt, untrained, that decides its commonest break contexts without tokenizing them.

    Punkt asks `text_contains_sentbreak()` about every candidate boundary: the word before
    a ".", "?" or "!" and the token after it. For the shapes matched above its answer follows
    from the abbreviation and sentence-starter lists alone (no collocations, no orthographic
    statistics: nothing is trained), so it is computed here; every other context goes to
    Punkt. Same sentences, a fraction of the time.
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        """True when Punkt would break inside `text`, one candidate's context."""
        decided = self._plain_decision(text)
        return super().text_contains_sentbreak(text) if decided is None else decided

    def _plain_decision(self, context: str) -> bool | None:
        if _QUESTION_OR_EXCLAMATION.fullmatch(context):
            return True  # "?" and "!" are their own token, always a break, and a token follows
        found = _WORD_THEN_PERIOD.fullmatch(context)
        if found is None:
            return None
        token = found["token"]
        if len(token) == 1:
            return None  # an initial ("J. Smith"): Punkt's initial rules apply
        if token.lower() not in self._params.abbrev_types:
            return True  # a word ending in a period, followed by a token: a break
        follower = found["next"]
        # An abbreviation ends a sentence only before a capitalised frequent sentence starter.
        return bool(follower and follower[0].isupper()) and (
            follower.lower() in self._params.sent_starters
        )


@lru_cache(maxsize=1)
def punkt() -> PunktSentenceTokenizer:
    """The project's Punkt tokenizer, built once: news abbreviations, no training, no download."""
    params = PunktParameters()
    params.abbrev_types = read_word_list("abbreviations.txt")
    params.sent_starters = read_word_list("sentence_starters.txt")
    return NewsPunkt(params)


@lru_cache(maxsize=1)
def reference_punkt() -> PunktSentenceTokenizer:
    """NLTK's own Punkt with the same parameters, to check `NewsPunkt` against."""
    return PunktSentenceTokenizer(punkt()._params)


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, a paragraph without surrounding white space."""
    candidate = _BREAK_CANDIDATE.search(text, start, end)
    if candidate is None or _CLOSING_TAIL.match(text, candidate.start(), end):
        return [(start, end)]  # no candidate, or only the closing one
    return [(start + s, start + e) for s, e in punkt().span_tokenize(text[start:end])]


@lru_cache(maxsize=SEGMENT_CACHE_SIZE)
def segment(text: str) -> tuple[Sentence, ...]:
    """Sentences of the kept paragraphs of `text` (furniture removed), in text order.

    Figures, quotes and the language pages all need the sentences of the same report, so
    the result is remembered for the last `SEGMENT_CACHE_SIZE` texts and shared: a tuple of
    frozen sentences, which no caller can change. `segment.cache_clear()` forgets them.
    """
    sentences: list[Sentence] = []
    kept, _ = content_lines(text)
    for paragraph_no, (p_start, p_end) in enumerate(kept):
        for s_start, s_end in split_paragraph(text, p_start, p_end):
            sentences.append(Sentence(s_start, s_end, paragraph_no, len(sentences)))
    return tuple(sentences)
