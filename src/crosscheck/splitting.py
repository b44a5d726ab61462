"""Sentences with offsets: NLTK's Punkt, configured in code with news abbreviations.

No trained model is downloaded: Punkt runs with the abbreviations in
`data/lexicon/abbreviations.txt` ("Gen.", "U.S.", "Sept.") and the sentence starters in
`data/lexicon/sentence_starters.txt` ("… the U.S. The next day …" still splits). A paragraph
always ends a sentence; offsets point into the raw text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from .errors import CrosscheckError
from .furniture import content_lines
from .paths import LEXICON_DIR

# Reports whose sentences `segment` remembers: more than one chunk of reports that the
# extractors map over in turn; full, it holds about 2.5 MB of sentences (reports of 18
# sentences) plus the texts it keeps alive.
SEGMENT_CACHE_SIZE = 1024


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of kept report text, with offsets into the raw `text`."""

    start: int
    end: int
    paragraph_no: int
    sentence_no: int


_new_object = object.__new__
_set_start = Sentence.start.__set__  # the slots' own setters, which a frozen class's
_set_end = Sentence.end.__set__  # `__setattr__` (called by its `__init__`) stands in front of
_set_paragraph_no = Sentence.paragraph_no.__set__
_set_sentence_no = Sentence.sentence_no.__set__


def _new_sentence(start: int, end: int, paragraph_no: int, sentence_no: int) -> Sentence:
    """`Sentence(start, end, paragraph_no, sentence_no)`, a third faster: its slots are set
    directly, not through the frozen class's `__setattr__` (a report makes dozens)."""
    sentence = _new_object(Sentence)
    _set_start(sentence, start)
    _set_end(sentence, end)
    _set_paragraph_no(sentence, paragraph_no)
    _set_sentence_no(sentence, sentence_no)
    return sentence


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
# After spaces comes a word (`next`: what Punkt's sentence-starter rule reads; Punkt's word
# pattern splits an ASCII "'s" off it: "Obama's" is "Obama" and "'s") or any other token
# ("“We"): a plain word before the period breaks before either, an abbreviation before the
# other is left to Punkt.
_WORD_THEN_PERIOD = re.compile(
    rf"""(?P<token>[“‘]?[A-Za-z]+(?:\.[A-Za-z]+)*)\.
        (?:{_NON_WORD}|[\ \xa0]+(?P<spaced>(?P<next>[A-Za-z]+)(?:'[A-Za-z]+)?,?|[^\s]+))""",
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

# Punkt's own candidates: ".", "?" or "!" before punctuation, or before white space and a
# token. `re` and Punkt's `regex` agree on white space but for the separator controls
# \x1c-\x1f; a paragraph holding one is left to Punkt.
_CANDIDATE = re.compile(rf"[.?!](?=(?P<after>{_NON_WORD}|\s+(?P<next>\S+)))")
_ENGINES_DISAGREE = re.compile("[\x1c-\x1f]")
# The controls a paragraph is checked for: those above, and the word separators below.
_UNUSUAL_CONTROL = re.compile("[\t\n\r\x0b\x0c\x1c-\x1f]")
# Where Punkt starts the word before a candidate: after the last of these (ASCII only).
_OTHER_WORD_SEPARATORS = "\t\n\r\x0b\x0c"
_HAS_OTHER_WORD_SEPARATOR = re.compile(f"[{_OTHER_WORD_SEPARATORS}]")
# The controls of `_UNUSUAL_CONTROL` but "\n", looked for once in a report's whole text: then
# a paragraph of it holds one of the unusual controls only when it holds a "\n".
_UNUSUAL_BUT_NEWLINE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"


# Punkt's realignment of closing marks ("He left.) Then" keeps the ")"), compiled with `re`,
# which agrees with Punkt's `regex` on it for text without the controls \x1c-\x1f. It can
# only match a sentence that starts with one of its closing marks.
_REALIGNMENT_PATTERN = PunktLanguageVars.re_boundary_realignment.pattern
_REALIGNMENT = re.compile(_REALIGNMENT_PATTERN, re.MULTILINE)
_CLOSING_MARKS = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")  # its first character


# Punkt's own token rules, for `NewsPunkt._untrained_sentbreak`.
_SENTENCE_END_MARKS = frozenset(PunktLanguageVars.sent_end_chars)
_PUNKT_PUNCTUATION = frozenset(PunktSentenceTokenizer.PUNCTUATION)
_PUNKT_ELLIPSIS = PunktToken._RE_ELLIPSIS
_PUNKT_INITIAL = PunktToken._RE_INITIAL
_PUNKT_NUMERIC = PunktToken._RE_NUMERIC


_PUNKT_WORDS = re.compile(
    PunktLanguageVars._word_tokenize_fmt
    % {
        "NonWord": _NON_WORD,
        "MultiChar": PunktLanguageVars._re_multi_char_punct,
        "WordStart": PunktLanguageVars._re_word_start,
    },
    re.VERBOSE,
)


def _is_punkt_number(word: str) -> bool:
    """True when Punkt types the period-final `word` as a number ("2019.", "4.5."), by
    Punkt's pattern; as Punkt compares the type without its period, "##number##." is one."""
    first = word[0]
    if first == "#":
        return word[:-1].lower() == "##number##"
    if first.isascii() and first not in "-.," and not first.isdigit():
        return False  # no number starts so: spare the pattern
    return _PUNKT_NUMERIC.match(word.lower()) is not None


class NewsPunkt(PunktSentenceTokenizer):
    """Punkt, untrained, that decides its break contexts without building Punkt's tokens.

    Punkt asks `text_contains_sentbreak()` about every candidate boundary: the word before
    a ".", "?" or "!" and the token after it. For the shapes matched above its answer follows
    from the abbreviation and sentence-starter lists alone (no collocations, no orthographic
    statistics: nothing is trained), so it is computed here with a pattern; every other
    context gets Punkt's own rules applied to plain strings (`_untrained_sentbreak`). Same
    sentences, a fraction of the time.
    """

    def _slices_from_text(self, text: str) -> Iterator[slice]:
        """Punkt's sentence slices (before closing marks are realigned), in one pass."""
        bounds = self._plain_bounds(text)
        if bounds is None:
            return super()._slices_from_text(text)
        return iter([slice(start, stop) for start, stop in bounds])

    def _plain_bounds(self, text: str) -> list[tuple[int, int]] | None:
        """Punkt's slices of `text` as (start, stop), or None where its word rule is odd."""
        return self.paragraph_bounds(text, 0, len(text))

    def paragraph_bounds(
        self,
        text: str,
        start: int,
        end: int,
        first: int | None = None,
        *,
        newline_only: bool = False,
    ) -> list[tuple[int, int]] | None:
        """Punkt's slices of the paragraph `text[start:end]` as (start, stop) offsets into
        `text` (before closing marks are realigned), or None where its word rule is odd.
        `first`, when known, is where the first ".", "?" or "!" before punctuation or white
        space is: no candidate comes before it. `newline_only` says that `text` holds no
        control of `_UNUSUAL_CONTROL` but "\\n" (see `has_unusual_controls`), so the paragraph
        need not be searched for them.

        For each candidate Punkt reads the word before it, from the last ASCII white space
        after the previous candidate; with none there ("Why?!", "U.S.\u00a0Army. More") it
        joins the two words and drops the earlier candidate. Such texts are left to Punkt.
        The paragraph is read in place: no slice of it is built.
        """
        if newline_only:  # "\n" is the only unusual control the paragraph may hold
            other_separators = text.find("\n", start, end) >= 0
        elif _UNUSUAL_CONTROL.search(text, start, end):  # the usual text has none of these
            if _ENGINES_DISAGREE.search(text, start, end):
                return None
            other_separators = _HAS_OTHER_WORD_SEPARATOR.search(text, start, end) is not None
        else:
            other_separators = False
        abbreviations = self._params.abbrev_types
        rfind = text.rfind  # the loop's calls, looked up once per paragraph
        word_then_period = _WORD_THEN_PERIOD.fullmatch
        bounds: list[tuple[int, int]] = []
        append = bounds.append
        last_break, previous = start, None
        for match in _CANDIDATE.finditer(text, start if first is None else first, end):
            at = match.start()
            low = start if previous is None else previous
            space = rfind(" ", low, at)
            if other_separators:
                space = max(space, *(rfind(mark, low, at) for mark in _OTHER_WORD_SEPARATORS))
            if space > low:
                word_start = space + 1
            elif previous is None:
                word_start = start
            else:
                return None
            previous = at
            # The context Punkt is asked about: the word, the mark and what follows it.
            context_end = match.end(1)
            if text[at] != ".":  # "?" and "!": their own token, a break when a token follows
                breaks = _QUESTION_OR_EXCLAMATION.fullmatch(text, word_start, context_end) and True
            else:  # the commonest shape: a word and its period, decided here
                found = word_then_period(text, word_start, context_end)
                if found is None:
                    breaks = None
                else:
                    token = found[1]  # the group "token"
                    if len(token) > 1 and token.lower() not in abbreviations:
                        # `_period_decision`'s commonest answer, without the call
                        following = match.start(2)
                        append((last_break, match.end()))
                        last_break = following if following >= 0 else match.end()
                        continue
                    breaks = self._period_decision(token, found["next"], found["spaced"])
            if breaks is None:
                breaks = self._untrained_sentbreak(text[word_start:context_end])
            if breaks:
                append((last_break, match.end()))
                following = match.start(2)
                last_break = following if following >= 0 else match.end()
        stop = end
        if end > start and text[end - 1].isspace():
            stop = start + len(text[start:end].rstrip())
        bounds.append((last_break, stop))
        return bounds

    def _realign_boundaries(self, text: str, slices: Iterator[slice]) -> Iterator[slice]:
        """Punkt's realignment of closing marks, its pattern tried only where it can match."""
        pattern = (
            self._lang_vars.re_boundary_realignment
            if _ENGINES_DISAGREE.search(text)
            else _REALIGNMENT
        )
        bounds = [(current.start, current.stop) for current in slices]
        return iter([slice(start, stop) for start, stop in _realigned(text, bounds, pattern)])

    def text_contains_sentbreak(self, text: str) -> bool:
        """True when Punkt would break inside `text`, one candidate's context."""
        decided = self._plain_decision(text)
        return self._untrained_sentbreak(text) if decided is None else decided

    def _untrained_sentbreak(self, text: str) -> bool:
        """Punkt's `text_contains_sentbreak(text)`, its annotation rules for untrained
        parameters (no collocations, no orthographic statistics) read off plain strings.

        Punkt builds a token object per word and runs it through two generator passes,
        several times the cost of the rules themselves; this applies them to the words of
        Punkt's own word pattern (compiled with `re`, which agrees with Punkt's `regex` on
        it for text without the controls \x1c-\x1f), in the same order.
        """
        if _ENGINES_DISAGREE.search(text):
            return super().text_contains_sentbreak(text)
        if "\n" in text:  # Punkt tokenizes line by line; line starts change no decision
            lines = text.split("\n")
            words = [word for line in lines if line.strip() for word in _PUNKT_WORDS.findall(line)]
        else:
            words = _PUNKT_WORDS.findall(text)
        if len(words) < 2:
            return False  # a break only counts when a token follows it
        abbreviations = self._params.abbrev_types
        # First pass: which words are breaks, abbreviations or ellipses by their type alone.
        breaks: list[bool] = []
        abbreviated: list[bool] = []  # an abbreviation or an ellipsis
        for word in words:
            if word in _SENTENCE_END_MARKS:
                breaks.append(True)
                abbreviated.append(False)
            elif word.startswith("..") and _PUNKT_ELLIPSIS.match(word):
                breaks.append(False)
                abbreviated.append(True)
            elif word.endswith(".") and not word.endswith(".."):
                lowered = word[:-1].lower()
                abbreviation = lowered in abbreviations or (lowered.split("-")[-1] in abbreviations)
                breaks.append(not abbreviation)
                abbreviated.append(abbreviation)
            else:
                breaks.append(False)
                abbreviated.append(False)
        # Second pass: a period-final word reconsidered in the light of the word after it.
        for index in range(len(words) - 1):
            word = words[index]
            if word.endswith("."):
                # The next word's `breaks` is still its first-pass value, as in Punkt.
                breaks[index] = self._second_pass_break(
                    word, breaks[index], abbreviated[index], words[index + 1], breaks[index + 1]
                )
            if breaks[index]:
                return True
        return False

    def _second_pass_break(
        self, word: str, breaks: bool, abbreviated: bool, following: str, following_breaks: bool
    ) -> bool:
        """Punkt's second-pass decision on a period-final `word` before `following`."""
        initial = len(word) == 2 and _PUNKT_INITIAL.match(word) is not None
        if abbreviated and not initial:
            # Untrained, the orthographic heuristic never says "starts a sentence"; only a
            # capitalised frequent sentence starter does (a capitalised word is no number,
            # so its type is its lower case, a final period dropped if it is a break).
            if following[0].isupper():
                kind = following.lower()
                if kind.endswith(".") and len(kind) > 1 and following_breaks:
                    kind = kind[:-1]
                if kind in self._params.sent_starters:
                    return True
        if initial or _is_punkt_number(word):
            # Untrained, the orthographic heuristic says "no sentence start" before
            # punctuation or a lower-case word, and "unknown" otherwise; an initial before
            # a capitalised word is no break either.
            if following in _PUNKT_PUNCTUATION or following[0].islower():
                return False
            if initial and following[0].isupper():
                return False
        return breaks

    def _plain_decision(self, text: str, start: int = 0, end: int | None = None) -> bool | None:
        """Punkt's answer for the context `text[start:end]` by pattern, or None when the
        context needs Punkt's rules in full."""
        end = len(text) if end is None else end
        if _QUESTION_OR_EXCLAMATION.fullmatch(text, start, end):
            return True  # "?" and "!" are their own token, always a break, and a token follows
        found = _WORD_THEN_PERIOD.fullmatch(text, start, end)
        if found is None:
            return None
        return self._period_decision(found["token"], found["next"], found["spaced"])

    def _period_decision(self, token: str, follower: str | None, spaced: str | None) -> bool | None:
        """Punkt's answer for `token` and its period before a word `follower` (None: before
        punctuation, or after spaces (`spaced`) before a token that is no word), or None."""
        if len(token) == 1:  # an initial ("J. Smith"): no break before a word, whatever
            # its case (Punkt's initial rules); before any other token Punkt decides
            return False if follower else None
        if token.lower() not in self._params.abbrev_types:
            return True  # a word ending in a period, followed by a token: a break
        if follower is None and spaced:
            return None  # an abbreviation before a token that is no word ("Gen. “We")
        # An abbreviation ends a sentence only before a capitalised frequent sentence starter.
        return bool(follower and follower[0].isupper()) and (
            follower.lower() in self._params.sent_starters
        )


def _realigned(
    text: str, bounds: list[tuple[int, int]], pattern: re.Pattern
) -> list[tuple[int, int]]:
    """Punkt's `_realign_boundaries` on (start, stop) bounds: closing marks that open a
    sentence ("He left.) Then") go back to the sentence before; empty sentences go."""
    spans: list[tuple[int, int]] = []
    realign = 0
    last = len(bounds) - 1
    for index, (start, stop) in enumerate(bounds):
        start += realign
        realign = 0
        if index < last:
            following, following_stop = bounds[index + 1]
            if following < following_stop and text[following] in _CLOSING_MARKS:
                closing = pattern.match(text[following:following_stop])
                if closing:
                    spans.append((start, following + len(closing.group(0).rstrip())))
                    realign = closing.end()
                    continue
        if start < stop:
            spans.append((start, stop))
    return spans


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


def has_unusual_controls(text: str) -> bool:
    """True when `text` holds a control character that is rare in reports (tab, "\\r",
    form feed, …; not "\\n"): one look at a report spares each paragraph a search."""
    for mark in _UNUSUAL_BUT_NEWLINE:
        if mark in text:
            return True
    return False


def split_paragraph(
    text: str, start: int, end: int, *, newline_only: bool = False
) -> list[tuple[int, int]]:
    """Sentence spans of `text[start:end]`, a paragraph without surrounding white space.

    `newline_only`: the caller found that `has_unusual_controls(text)` is False.
    """
    candidate = _BREAK_CANDIDATE.search(text, start, end)
    if candidate is None or _CLOSING_TAIL.match(text, candidate.start(), end):
        return [(start, end)]  # no candidate, or only the closing one
    return _spans_from(text, start, end, candidate.start(), newline_only)


def _spans_from(
    text: str, start: int, end: int, first: int, newline_only: bool
) -> list[tuple[int, int]]:
    """`split_paragraph(text, start, end, …)` of a paragraph whose first break candidate is
    at `first` and is not only the closing one."""
    tokenizer = punkt()
    bounds = tokenizer.paragraph_bounds(text, start, end, first, newline_only=newline_only)
    if bounds is None:
        return [(start + s, start + e) for s, e in tokenizer.span_tokenize(text[start:end])]
    return _realigned(text, bounds, _REALIGNMENT)


# Breaks untrained Punkt makes that news prose never has: after a run of capital initials
# before a name that is no sentence starter ("Rep. G.K. | Butterfield said"), and after "No."
# before a number ("the No. | 2 official"). Checked after Punkt, so Punkt stays as it is.
_ENDS_WITH_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}$")
_ENDS_WITH_NUMBER_SIGN = re.compile(r"(?:^|[\s(])No\.$")
_STARTS_WITH_WORD = re.compile(r"[A-Z][A-Za-z'’-]*")
_BEFORE_FINAL_PERIOD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZo")  # before either one's "."


def is_false_break(text: str, before_end: int, after_start: int) -> bool:
    """True when a break between `text[:before_end]` and `text[after_start:]` must be joined."""
    before = text[max(0, before_end - 12) : before_end]
    if before.endswith(".") and before[-2:-1] not in _BEFORE_FINAL_PERIOD:
        return False  # the usual break: both patterns end in "o." or a capital and "."
    if _ENDS_WITH_NUMBER_SIGN.search(before):
        return text[after_start : after_start + 1].isdigit()
    if _ENDS_WITH_INITIALS.search(before):
        word = _STARTS_WITH_WORD.match(text, after_start)
        return bool(word) and word.group().lower() not in punkt()._params.sent_starters
    return False


def join_false_breaks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans with the breaks of `is_false_break` joined."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            before_end = joined[-1][1]
            # The usual break, a period after neither a capital nor an "o", is no false one:
            # decided here, without the call and its slice.
            usual = (
                before_end >= 2
                and text[before_end - 1] == "."
                and text[before_end - 2] not in _BEFORE_FINAL_PERIOD
            )
            if not usual and is_false_break(text, before_end, start):
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


# The sentences of every text split inside `sentences_held()`, while it lasts (else None).
_held: dict[str, tuple[Sentence, ...]] | None = None


@contextmanager
def sentences_held() -> Iterator[None]:
    """Inside the block `segment` keeps the sentences of every text it splits, not only the
    last `SEGMENT_CACHE_SIZE`.

    For a frame of more reports than that, which several extractors map over in turn
    (figures, then quotes): each report is then split once, not once per extractor. The
    sentences go when the block ends; until then they take about half the memory of the
    texts, which the frame holds anyway. Blocks may nest: the outermost one decides.
    """
    global _held
    outer = _held
    if outer is None:
        _held = {}
    try:
        yield
    finally:
        _held = outer


@lru_cache(maxsize=SEGMENT_CACHE_SIZE)
def segment(text: str) -> tuple[Sentence, ...]:
    """Sentences of the kept paragraphs of `text` (furniture removed), in text order.

    Figures, quotes and the language pages all need the sentences of the same report, so
    the result is remembered for the last `SEGMENT_CACHE_SIZE` texts and shared: a tuple of
    frozen sentences, which no caller can change. `segment.cache_clear()` forgets them.
    Inside `sentences_held()` every text's sentences are remembered until the block ends.
    """
    if _held is None:
        return _split_report(text)
    sentences = _held.get(text)
    if sentences is None:
        sentences = _held[text] = _split_report(text)
    return sentences


def _split_report(text: str) -> tuple[Sentence, ...]:
    """`segment(text)`, computed.

    `split_paragraph` and `_new_sentence` are spelled out in the loop: a report has dozens
    of paragraphs, most of one sentence, and the calls cost as much as their work.
    """
    sentences: list[Sentence] = []
    append = sentences.append
    kept, _ = content_lines(text)
    newline_only = not has_unusual_controls(text)
    find_candidate = _BREAK_CANDIDATE.search
    closing_tail = _CLOSING_TAIL.match
    for paragraph_no, (p_start, p_end) in enumerate(kept):
        candidate = find_candidate(text, p_start, p_end)
        if candidate is None or closing_tail(text, candidate.start(), p_end):
            spans = ((p_start, p_end),)  # no candidate, or only the closing one
        else:
            spans = _spans_from(text, p_start, p_end, candidate.start(), newline_only)
            if len(spans) > 1:
                spans = join_false_breaks(text, spans)
        for s_start, s_end in spans:
            sentence = _new_object(Sentence)
            _set_start(sentence, s_start)
            _set_end(sentence, s_end)
            _set_paragraph_no(sentence, paragraph_no)
            _set_sentence_no(sentence, len(sentences))
            append(sentence)
    return tuple(sentences)
