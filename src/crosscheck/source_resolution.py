"""What a pronoun or description that attributes a figure stands for.

"It said ...", "the think tank estimates ...": the sources and the organisations and people
named in the sentences just before, in the same paragraph, are the candidates; the nearest one
that fits (an organisation for "it", a person for "she", one with the word itself for "the
ministry") is the source. Used by `figure_sources` through `ParagraphSources`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .attribution_words import is_name_token, lexicon
from .figure_sources import Attribution, attributions
from .source_phrases import SENTENCE_OPENERS, source_words
from .times import DAYS, MONTHS

LOOK_BACK = 2  # sentences of the same paragraph searched for what a pronoun stands for

_NAME_RUN = re.compile(
    r"(?:\b[Tt]he\s+)?(?:[A-Z][\w.'’&-]*)"
    rf"(?:\s+(?:(?:of|for|and|on|the|al|de)\s+)*(?!{DAYS}|{MONTHS}\b)[A-Z][\w.'’&-]*)*"
)


def _kind_of(name: str) -> str:
    """org, person or "" for a capitalised run found in a sentence."""
    words = source_words()
    parts = [w.rstrip(".,").removesuffix("'s").removesuffix("’s") for w in name.split()]
    if any(w.lower() in words.org_words for w in parts):
        return "org"
    if any(len(w) > 1 and w.isupper() and w not in ("U.S.", "US", "UK") for w in parts):
        return "org"
    names = [w for w in parts if w[:1].isupper() and is_name_token(w)]
    return "person" if len(names) >= 2 or (names and parts[0] in lexicon().titles) else ""


def entities(sentence: str) -> list[tuple[str, str]]:
    """(kind, text) of the organisations and people a sentence names, in order."""
    found = []
    for match in _NAME_RUN.finditer(sentence):
        words = match.group().split()
        while words and (words[0].lower() in SENTENCE_OPENERS - {"the"}):
            words = words[1:]
        if not words:
            continue
        text = " ".join(words)
        kind = _kind_of(text)
        if kind:
            found.append((kind, text))
    return found


class ParagraphSources:
    """Sources of the sentences of one paragraph, resolving pronouns against earlier ones."""

    def __init__(self, sentences: Sequence[str]):
        self.sentences = sentences
        self._frames: dict[int, list[Attribution]] = {}
        self._entities: dict[int, list[tuple[str, str]]] = {}

    def frames(self, index: int) -> list[Attribution]:
        """The sentence's attributions (computed once)."""
        if index not in self._frames:
            self._frames[index] = attributions(self.sentences[index])
        return self._frames[index]

    def resolve(self, index: int, frame: Attribution, depth: int = 0) -> str:
        """The frame's source as a name: pronouns and descriptions looked up just before."""
        if not frame.refers_to:
            return frame.text
        pronoun = frame.text.lower() in source_words().pronouns
        if depth < LOOK_BACK:
            head = frame.text.lower().split()[-1]
            for earlier in range(index - 1, max(-1, index - 1 - LOOK_BACK), -1):
                for kind, text, phrase in self._candidates(earlier, depth):
                    if _fits(frame.refers_to, head, kind, f"{text} {phrase}"):
                        return text
        return "" if pronoun else frame.text

    def _candidates(self, index: int, depth: int) -> Iterator[tuple[str, str, str]]:
        """(kind, name, document phrase) a word in a later sentence may stand for, nearest first.

        A generator: the caller stops at the first that fits, before the rest are resolved
        and before the sentence's named entities are read."""
        for frame in reversed(self.frames(index)):
            if name := self.resolve(index, frame, depth + 1):
                yield _kind_of(name) or "any", name, frame.phrase
        if index not in self._entities:
            self._entities[index] = entities(self.sentences[index])
        for kind, text in reversed(self._entities[index]):
            yield kind, text, ""


def _fits(refers_to: str, head: str, kind: str, text: str) -> bool:
    """Whether a candidate (kind, text) can be what a pronoun or description stands for."""
    if refers_to == "same":
        return head.rstrip("s") in text.lower() and text.lower() != head
    if refers_to == "any" or kind == refers_to:
        return True
    return kind == "any" and refers_to == "org" and any(w[:1].isupper() for w in text.split())
