"""The report as quotes.py sees it: paragraphs, sentences, quotation segments, the people it
names, and the searches for a cue and speaker around one segment.

`Report.after` reads the words after a quotation ("…," X said / said X / according to X),
`Report.before` the words before it ("X said: …", "X said that …"), `Report.subject_at` the
sentence's subject for a partial quotation with no cue near it, and `Report.resolve` turns the
speaker phrase into a name, role and organisation (surnames, titles, pronouns, aliases).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .articles import Sentence, segment
from .attribution import (
    CLAUSE_BREAKERS,
    DOCUMENTS,
    SPOKESPEOPLE,
    Speaker,
    lexicon,
    names_statement,
    organisation_in,
    parse_speaker,
    written_cue,
)
from .pronouns import Referents
from .quote_marks import Segment, find_segments
from .text import normalise


@dataclass
class Attribution:
    """Who said a segment, by which cue, and whether the cue says it was written."""

    speaker: Speaker
    cue: str
    written: bool
    position: int


_AFTER_CUE_END = re.compile(
    r"\s+(?:on|in|at|during|after|before|while|when|as|to|via|from|about|last|this|earlier"
    r"|later|because|and|but|that|of|with|for|before|told|said)\s"
)
_INTRO = re.compile(
    r"[\s\-\u2014\u2013]*(?:(?:In|On|At|After|Before|During|Last|Earlier|Later|Since|For|With)\b"
    r"[^,]{0,40},\s*|[^,]{0,30}\bago,\s*)"
)
# "PENCE: Well, look …" opening a quoted paragraph: a transcript turn and its speaker's label.
_TURN_LABEL = re.compile(r"([A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,2}):[ \t]+\S")
_DASH_SOURCE = re.compile(r"[ \t]*-+[ \t]*[A-Z]")
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
_INFINITIVE = re.compile(r"\bto\s+$")
# Up to two adverbs or auxiliaries closing a subject phrase ("Smith also has" said): cut off.
_TRAILING_ADVERBS = re.compile(
    r"(?:(?:also|later|then|once|again|further|earlier|previously|recently"
    r"|has|have|had|would|will|\w+ly)\s+){0,2}$"
)


def _without_trailing_adverbs(phrase: str) -> str:
    """`phrase` without the adverbs or auxiliaries that end it ("Smith also has " → "Smith "), as
    _TRAILING_ADVERBS.sub cuts them. They are whole words, at most the last two, so only those
    two words are matched: the pattern, tried at every place, costs far more on the whole."""
    words = phrase.split()
    if len(words) <= 2:
        return _TRAILING_ADVERBS.sub("", phrase)
    last_start = len(phrase.rstrip()) - len(words[-1])
    tail = len(phrase[:last_start].rstrip()) - len(words[-2])  # the last two words and after
    return phrase[:tail] + _TRAILING_ADVERBS.sub("", phrase[tail:])


_CLAUSE_STOP = re.compile(r"[.;:!?]\s|\"")  # where the words before a cue stop being its subject
_ACCORDING_END = re.compile(r";\s|,\s+(?=[a-z])")  # where "according to X" ends
_NON_SPACE = re.compile(r"\S+")


def _paragraph_spans(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Kept paragraphs as (start, end), from the sentences `segment()` found in them."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for sentence in sentences:
        starts.setdefault(sentence.paragraph_no, sentence.start)
        ends[sentence.paragraph_no] = sentence.end
    return [(starts[number], ends[number]) for number in sorted(starts)]


class Report:
    """The state shared by the segments of one report."""

    def __init__(self, text: str):
        self.text = text
        self.flat = normalise(text)
        self.sentences = segment(text)
        self.paragraphs = _paragraph_spans(self.sentences)
        self.sentence_starts = [s.start for s in self.sentences]
        self.segments = find_segments(text, self.paragraphs)
        quoted = [(s.open_mark, s.end + 1) for s in self.segments]
        self.names = Referents(text, self.paragraphs, quoted, self.sentence_starts)
        self.cue = lexicon().cue_pattern

    def sentence_of(self, position: int):
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        return self.sentences[max(index, 0)] if self.sentences else None

    # -- attribution zones -------------------------------------------------------------
    def after_zone(self, seg: Segment, next_open: int) -> tuple[str, int]:
        """The text after the closing mark up to the sentence end or the next quotation."""
        if seg.close_mark < 0:
            return "", 0
        sentence = self.sentence_of(seg.close_mark)
        p_end = self.paragraphs[seg.paragraph][1]
        stop = min(next_open, p_end)
        if sentence is not None and sentence.end > seg.close_mark:
            end = sentence.end
            asks = self.flat[seg.start : seg.end].rstrip()[-1:] in {"!", "?"}
            if asks and not self.flat[seg.close_mark + 1 : end].strip(" ,"):
                # the sentence ends at the closing mark ("…!" Trump tweeted): take the next one
                following = self.sentence_of(end + 1)
                end = following.end if following is not None and following.start >= end else end
            stop = min(stop, end)
        zone = self.flat[seg.close_mark + 1 : stop]
        lead = len(zone) - len(zone.lstrip(" ,;:-"))
        return zone[lead:], seg.close_mark + 1 + lead

    def transcript_turn(self, seg: Segment) -> Attribution | None:
        """ "WALLACE: …" at the start of a quotation: a transcript turn, said by the person the
        label names ("Pence" resolves to the report's "Mike Pence")."""
        match = _TURN_LABEL.match(self.flat, seg.start)
        if not match:
            return None
        label = " ".join(w.capitalize() for w in match.group(1).split())
        return Attribution(Speaker(label, name=label), "", False, seg.start)

    def after(self, seg: Segment, next_open: int, strict: bool = False) -> Attribution | None:
        """The cue after the quotation: "…," X said / said X, the Y / according to X."""
        if seg.close_mark >= 0 and _DASH_SOURCE.match(self.flat, seg.close_mark + 1):
            p_end = min(next_open, self.paragraphs[seg.paragraph][1])
            source = self.flat[seg.close_mark + 1 : p_end].strip(" -")
            return self._make(source, "", seg.close_mark + 1, head_first=True)  # "…" ― X
        zone, offset = self.after_zone(seg, next_open)
        if not zone:
            return None
        match = self.cue.match(zone)
        if match and not _ACCORDING.match(match.group()):
            head, _, rest = zone[match.end() :].partition(",")
            head = _AFTER_CUE_END.split(head, maxsplit=1)[0]
            found = self._make(
                head + ("," + rest if rest else ""), match.group(), offset, head_first=True
            )
            if found:
                found.written = found.written or names_statement(zone)
            return found
        match = self.cue.search(zone, 0, 200)
        if match and not _ACCORDING.match(match.group()):
            subject = _without_trailing_adverbs(zone[: match.start()] + " ").strip()
            if strict:
                subject = subject.rsplit(",", 1)[-1].strip()
                first = subject.split()[0].lower() if subject.split() else ""
                if first in CLAUSE_BREAKERS or first in {"and", "or"}:
                    subject = ""
            found = self._make(subject, match.group(), offset)
            if found:
                found.written = found.written or names_statement(zone)
                return found
        return self.according_after(seg, next_open)

    def according_after(self, seg: Segment, next_open: int) -> Attribution | None:
        """ "…", according to X."""
        zone, offset = self.after_zone(seg, next_open)
        match = _ACCORDING.search(zone)
        return self._according(zone, match, offset) if match else None

    def _according(self, zone: str, match: re.Match, offset: int) -> Attribution | None:
        rest = _ACCORDING_END.split(zone[match.end() :], maxsplit=1)[0]
        return self._make(rest, "according to", offset)

    def before(self, seg: Segment, zone_start: int) -> Attribution | None:
        """The cue before the quotation in its sentence, nearest first ("X said that …")."""
        zone = self.flat[zone_start : seg.open_mark]
        if not zone.strip():
            return None
        match = _ACCORDING.search(zone)
        if match:
            found = self._according(zone, match, zone_start)
            if found:
                return found
        cues = [m for m in self.cue.finditer(zone) if not _INFINITIVE.search(zone, 0, m.start())]
        for number in range(len(cues) - 1, -1, -1):
            match = cues[number]
            if match.group().endswith("ing"):
                found = self.subject_at(zone_start, zone_start + match.start(), match.group())
            else:
                floor = cues[number - 1].end() if number else 0
                subject = _CLAUSE_STOP.split(zone[floor : match.start()])[-1]
                subject = _without_trailing_adverbs(subject + " ").strip()
                found = self._make(subject, match.group(), zone_start + match.start())
            if found:
                found.written = found.written or names_statement(zone)
                framed = self._document_frame(zone, zone_start, cues[:number], found)
                return framed or found
        return None

    def _document_frame(
        self, zone: str, zone_start: int, earlier: list[re.Match], inner: Attribution
    ) -> Attribution | None:
        """ "A White House statement said all three governors agreed to “…”": the words quoted
        come from the document, unless the inner subject is a person (named or he/she)."""
        if inner.speaker.name or inner.speaker.pronoun or not earlier:
            return None
        outer = earlier[-1]
        subject = _CLAUSE_STOP.split(zone[: outer.start()])[-1].strip()
        words = subject.split()
        if not words or words[-1].lower() not in DOCUMENTS:
            return None
        found = self._make(subject, outer.group(), zone_start + outer.start())
        if found:
            found.written = True
        return found

    def _make(
        self, phrase: str, cue: str, position: int, head_first: bool = False
    ) -> Attribution | None:
        speaker = parse_speaker(phrase, head_first)
        if speaker is None:
            return None
        return Attribution(speaker, " ".join(cue.lower().split()), written_cue(cue), position)

    # -- speaker resolution --------------------------------------------------------------
    def resolve(self, attribution: Attribution) -> tuple[str, str, str]:
        speaker = attribution.speaker
        position = attribution.position
        if speaker.pronoun:
            window = self.paragraphs[max(0, self._paragraph_of(position) - 3)][0]
            name = self.names.resolve_pronoun(speaker.pronoun, position, window)
            if not name and speaker.pronoun in {"they", "it"}:
                name = self._latest_body(position, window)
            if not name:
                return "", "", ""
            self.names.learn_gender(name, speaker.pronoun)
            self.names.add_speaker(name, position)
            role = self.names.role_of(name)
            return name, role, organisation_in(role)
        if speaker.name:
            name = self.names.resolve_name(speaker.name, position)
            if speaker.gender:
                self.names.learn_gender(name, "he" if speaker.gender == "m" else "she")
            self.names.add_speaker(name, position)
            role = speaker.role or self.names.role_of(name)
            return name, role, speaker.organisation or organisation_in(role)
        alias = self.names.resolve_alias(speaker.description)
        if alias:
            return alias, speaker.role, speaker.organisation
        titled = self.names.resolve_title(speaker.description, position)
        if titled:
            self.names.add_speaker(titled, position)
            role = self.names.role_of(titled)
            return titled, role, organisation_in(role)
        self.last_collective = (speaker.description, position)
        return speaker.description, speaker.role, speaker.organisation

    def subject_at(self, zone_start: int, stop: int, cue: str = "") -> Attribution | None:
        """The sentence's opening noun phrase, for a partial quote with no cue near it."""
        words = []
        zone = self.flat[zone_start:stop]
        intro = _INTRO.match(zone)
        offset = intro.end() if intro else len(zone) - len(zone.lstrip(" -\u2014\u2013"))
        titles = lexicon().titles
        for match in _NON_SPACE.finditer(zone[offset:]):
            word = match.group()
            bare_word = word.strip(",")
            lower_ok = (
                bare_word.capitalize() in titles or bare_word.rstrip("s").capitalize() in titles
            )
            after_possessive = bool(words) and words[-1].endswith(("'s", "\u2019s"))
            if (
                bare_word[:1].isupper()
                or lower_ok
                or (after_possessive and bare_word.lower() in DOCUMENTS | SPOKESPEOPLE)
            ):
                words.append(bare_word)
                if word.endswith(","):
                    break
                continue
            break
        if not words:
            return None
        return self._make(" ".join(words), cue, zone_start)

    def _paragraph_of(self, position: int) -> int:
        starts = [p[0] for p in self.paragraphs]
        return max(bisect.bisect_right(starts, position) - 1, 0)

    last_collective: tuple[str, int] | None = None

    def _latest_body(self, position: int, window_start: int) -> str:
        """What "it"/"they" said: the body or document last quoted, or the organisation last
        named outside quotation marks ("the Security Council … they said"), whichever is later."""
        best, best_at = self.last_collective or ("", -1)
        if best_at < window_start:
            best, best_at = "", -1
        start = max(window_start, best_at + len(best) + 1)
        for match in _body_pattern().finditer(self.flat, start, position):
            if not self.names.is_quoted(match.start()):
                best, best_at = match.group(1), match.start()
        return best


@lru_cache(maxsize=1)
def _body_pattern() -> re.Pattern:
    """A named organisation: capitalised words ending in an organisation word ("the Times",
    "United Nations Security Council"), or a body noun after a capitalised owner or adjective
    ("Syria's government", "the Syrian military")."""
    words = lexicon().org_words
    by_length = sorted(words, key=len, reverse=True)
    named = "|".join(re.escape(w) for w in by_length if words[w] == "org")
    nouns = "|".join(re.escape(w) for w in sorted(words) if words[w] == "body")
    return re.compile(
        rf"(?<![\w.'’-])((?:[Tt]he\s+)?(?:[A-Z][\w.'’&-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?)?)"
        rf"{{0,5}}(?:{named})(?![\w'’-])(?!\s+[A-Z])"
        rf"|(?:[Tt]he\s+)?(?:[A-Z][\w.&-]*(?:['’]s)?\s+){{1,4}}(?:{nouns})\b)"
    )
