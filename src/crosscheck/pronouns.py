"""Who "he" or "she" stands for: the most recent speaker or clause subject whose gender fits.

"Susan Collins … she said" skips a man named in between and a woman named only inside another
clause ("citing Diamond's best seller"). Quoted speakers are recorded as the report is read
(`add_speaker`), and a gender learnt from a title or an earlier pronoun sticks to the name.
The people themselves, and their names, titles and roles, come from `names.NameIndex`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .attribution_words import FUNCTION_WORDS, PRONOUNS, SUBJECT_FILLERS, drop_article, lexicon
from .names import APPOSITIVE_ROLE, Mention, NameIndex

SUBORDINATORS = {
    "while", "although", "though", "because", "if", "when", "as", "since", "after", "before",
    "unless", "whether", "until", "once", "whereas", "but",
}  # fmt: skip
_ADVERB_LEAD = re.compile(r"^,?\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?")
_CLAUSE_END = re.compile(r"[.!?][\"”’']*\s+|[\"”]\s+|;\s+")
_CIRCUMSTANCE_OPENERS = {
    "in", "at", "from", "for", "with", "on", "near", "to", "by", "over", "about", "after",
    "before", "during", "against", "into", "amid", "despite", "under", "while", "when", "as",
}  # fmt: skip


@lru_cache(maxsize=1)
def _cue_before_name(cue_pattern: re.Pattern) -> re.Pattern:
    """A clause ending in a cue and capitalised words: "…, noted NBC's " before the name."""
    return re.compile(rf"(?:{cue_pattern.pattern})\s+(?:[A-Z][\w.'’-]*\s+)*$")


def _introduces_role(after: str, titles: dict[str, str]) -> bool:
    """ ", president of the …" / ", a senior fellow at …" right after a name: the person is
    being introduced, usually to be quoted next."""
    match = APPOSITIVE_ROLE.match(after)
    if not match or match.group(1).split()[0] in _CIRCUMSTANCE_OPENERS:
        return False  # ", over the email server she used as secretary of state" is no role
    words = drop_article(match.group(1)).split()
    return bool(words) and any(
        w.capitalize() in titles or w.rstrip("s").capitalize() in titles for w in words[:4]
    )


class Referents(NameIndex):
    """The people one report names, as what its he/she may stand for."""

    def __init__(self, *args, **kwargs):  # NameIndex's arguments
        super().__init__(*args, **kwargs)
        self._subjects: dict[int, bool] = {}  # mention position -> opens its clause

    def _is_subject(self, mention: Mention) -> bool:
        """A mention likely to be the subject of what follows: it opens its clause (after at most
        a short introductory phrase or role words), stands just before a cue ("…, Mr. Obama said"),
        follows one ("noted NBC's Dante Chinni") or is introduced with a role (", president of …").
        A possessive counts only when it opens the clause ("Mr. Mattis's letter said"), not
        inside it ("citing Diamond's best seller"); a clause opened by a subordinator never."""
        position = mention.position
        if position in self._subjects:
            return self._subjects[position]
        self._subjects[position] = self._subject_test(position, mention.end)
        return self._subjects[position]

    def _subject_test(self, position: int, end: int) -> bool:
        lex = lexicon()
        after = self.text[end : end + 120] if end >= 0 else ""
        possessive = after.startswith(("'s", "’s", "'", "’")) or self.text[end - 2 : end] in {
            "'s",
            "’s",
        }
        if (
            after
            and not possessive
            and (
                lex.cue_pattern.match(_ADVERB_LEAD.sub("", after))
                or _introduces_role(after, lex.titles)
            )
        ):
            return True
        index = bisect.bisect_right(self.sentence_starts, position) - 1
        start = self.sentence_starts[index] if index >= 0 else 0
        prefix = _CLAUSE_END.split(self.text[start:position])[-1]
        if not possessive and _cue_before_name(lex.cue_pattern).search(prefix):
            return True
        words = prefix.split()
        if words and words[0].lower() in SUBORDINATORS:
            return False
        if "," in prefix and len(prefix.split(",")[0]) < 45:
            words = prefix.split(",", 1)[1].split()
        role_words = [w for w in words if w[:1].islower() and w not in SUBJECT_FILLERS]
        return len(role_words) <= 2 and all(
            w[:1].isupper()
            or w in SUBJECT_FILLERS
            or w.capitalize() in lex.titles
            or (w.isalpha() and w not in FUNCTION_WORDS and not w.endswith(("ed", "ly", "ing")))
            for w in words
        )

    def resolve_pronoun(self, pronoun: str, position: int, window_start: int) -> str:
        """The most recent speaker or sentence subject before `position` that fits the pronoun."""
        wanted = PRONOUNS.get(pronoun, "")
        if wanted not in {"m", "f"}:
            return ""
        fallback = ""
        for mention in self.mentions_before(position, window_start):
            if self.gender_of(mention.name, wanted) != wanted:
                continue
            if mention.subject or self._is_subject(mention):
                return mention.name
            fallback = fallback or mention.name
        return fallback

    def learn_gender(self, name: str, pronoun: str) -> None:
        """Remember that `name` was referred to as he/she."""
        wanted = PRONOUNS.get(pronoun, "")
        if wanted in {"m", "f"} and name:
            self.remember_gender(name, wanted)
