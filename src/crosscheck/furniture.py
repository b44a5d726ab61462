"""Page furniture: decide which paragraphs of a report are the report and which are not.

A saved or scraped news page carries more than the report: language switchers, photo
captions and credits, "Show Comments" buttons, "Read: …" promos, runs of tags, contributor
lines, newsletter boxes, link previews. `content_lines()` keeps the paragraphs of the report
and returns the dropped ones verbatim, so a reader can audit the cleaning. The rules describe
kinds of furniture, never one outlet's wording, and they err on the side of keeping text:
a lost sentence costs more than a stray caption.

A paragraph is one line, except in hard-wrapped text (lines broken mid-sentence at a fixed
width), where it is a block of lines between blank lines.
"""

from __future__ import annotations

import re
from statistics import median
from typing import NamedTuple

from .text import LINE_BREAKS, line_spans

_FLAGS = re.IGNORECASE | re.VERBOSE

# Whole paragraphs that are buttons, labels and markers (trailing dots/colons ignored).
_UI_LABEL = re.compile(
    r"""^(?:
        (?:show|hide|view|load|read)\ (?:all\ )?(?:\d+\ )?
          (?:comments?|thumbnails|captions?|more|replies)
      | comments?\ \(?\d*\)? | leave\ a\ comment | join\ the\ (?:conversation|discussion)
      | advertisements? | ad | sponsored(?:\ content|\ links?)? | paid\ content
      | promoted(?:\ stories)?
      | story\ continues\ below(?:\ (?:this\ )?advertisement)? | (?:article\ )?continues\ below
      | continue\ reading(?:\ (?:below|the\ main\ story|here))?
      | read\ (?:the\ rest|more|the\ full\ (?:story|article))(?:\ (?:here|of\ this\ story))?
      | click\ here\b.* | tap\ here\b.*
      | (?:more|read\ more|see\ more)\ on\ this(?:\ story|\ topic)?
      | related(?:\ (?:articles?|stories|coverage|content|links?|topics|video|news|posts?))?
      | recommended(?:\ (?:for\ you|stories|articles|reading|videos?))?
      | (?:you|we\ think\ you)\ (?:may|might|will)\ (?:also\ )?(?:like|enjoy)(?:\ these)?
      | (?:most\ (?:read|popular|viewed|shared|emailed)|trending(?:\ now|\ stories)?|top\ stories)
      | more\ (?:stories|from\ [\w\ ]{1,30}|news|videos?|headlines)
      | share(?:\ (?:this|the|on)\ (?:article|story|page|facebook|twitter))? | share\ this
      | (?:print|email|e-mail|tweet|facebook|twitter|whatsapp|linkedin|reddit|pinterest|copy\ link)
      | (?:skip|jump)\ to\ (?:content|main\ content|navigation|comments)
      | scroll\ (?:down\ )?to\ continue\b.* | back\ to\ top
      | enlarge\ (?:this\ )?image\b.* | toggle\ caption\b.* | hide\ caption\b.*
      | (?:image|photo|picture)\ \d+\ of\ \d+ | slideshow\ \(\d+\ images?\) | \d+\ (?:photos|images)
      | \[(?:audio|video)[\w\ -]*\]
      | (?:watch|listen)(?:\ (?:now|video|live|to\ this\ (?:article|story)))?
      | video | photos? | gallery | podcast | loading | close | menu | search
      | sign\ (?:in|up|out) | log\ ?(?:in|out) | subscribe(?:\ now|\ today)?
      | (?:manage\ )?newsletters? | follow\ us\b.* | (?:all\ )?rights\ reserved\b.*
      | ["“]?follow\ [\w.'’\ -]{1,40}?\ on\ (?:twitter|facebook|instagram|threads|x)
        (?::?\ (?:at\ )?@\w+)?\.?["”]?
    )$""",
    _FLAGS,
)

# "Read: …", "More: …", "WATCH – …": a label, a separator, then a link's title.
_PROMO_PREFIX = re.compile(
    r"""^(?:read|more|related|see\ also|also\ (?:read|see)|read\ (?:more|also|next)|watch|listen
        |must\ read|don['’]t\ miss|recommended|trending|sponsored|advertisement|video|photos?
        |gallery|podcast|explainer|live\ updates|opinion\ \|)\s*[:|»›>]\s*\S""",
    _FLAGS,
)

# Captions and credits: a credit at the end, or a caption or credit label at the start.
_CREDIT_END = re.compile(
    r"""(?:
        \[[^\[\]]{0,80}/[^\[\]]{0,80}\]                                  # [US Army/Wikipedia]
      | \((?i:(?:ap|afp|epa|upi|reuters|getty)[\w\ ]{0,12}/|photo|image|credit|pictured|file)
          [^()]{0,80}\)                                                  # (AP Photo/Evan Vucci)
      | \b[A-Z]{2,}(?:\ Photo)?/[A-Z][^/\s][^/]{0,40}(?:/[^/]{1,30})?  # REUTERS/Name/File Photo
      | \b(?i:getty\ images|shutterstock|istockphoto|wikimedia\ commons)
    )\s*\.?$""",
    re.VERBOSE,
)
_CAPTION_PREFIX = re.compile(
    r"""^(?:(?:file\ photo|image\ copyright|image\ caption|media\ caption|photo\ credit
        |(?:photo|image|caption)\ by)\b
      | (?:photo(?:graph)?|image|picture|pictured|caption|credit|source|photos)\s*[:|]\s*\S)""",
    _FLAGS,
)
_CREDIT_ONLY = re.compile(r"^[A-Z][\w .&'’-]{0,40}/[A-Z][\w .&'’/-]{0,40}\.?$")

# People who wrote, reported or edited the piece, and notes about the piece itself.
_CONTRIBUTORS = re.compile(
    r"""^[(\-–—\s]*(?:
        (?:contributing|contributors?|additional\ reporting|reporting|writing|editing|compiled
          |edited|produced|written|with\ reporting|research)\s*(?:by\b|:)
      | additional\ reporting\ from\b
      | [^.]{3,200}\bcontributed\ (?:reporting|to\ this\ (?:report|story|article))
      | (?:this|the)\ (?:story|article|report)\ (?:has\ been|was)
          \ (?:updated|corrected|originally\ published|first\ published)\b
      | editor['’]s\ note\s*:
    )""",
    _FLAGS,
)
# A contributor line names people; it states nothing (no figure, no "said").
_REPORTING_CLAIM = re.compile(r"\d|\b(?:said|says|told|found|showed|shows|according)\b", re.I)
_NEWSLETTER = re.compile(
    r"""(?:\bsign\ up\b|\bsubscribe\b|\bsigning\ up\b).{0,80}
        \b(?:newsletters?|inbox|updates|alerts)\b
      | \bprivacy\ policy\b | \bterms\ of\ (?:use|service)\b | ^(?:copyright\b|©|\(c\)\ \d{4})
      | \breprint\ permission\b | \ball\ rights\ reserved\b""",
    _FLAGS,
)
_NEWSLETTER_MOST_WORDS = 50  # a longer paragraph is no newsletter box
_TAG_PREFIX = re.compile(r"^(?:tags?|topics?|filed\ under|categories|keywords)\s*:", _FLAGS)
_GLUED_WORDS = re.compile(r"[a-z]{2,}[A-Z]")
_NAV_RUN = re.compile(r"^[^\W\d_][\w&'’ .-]{0,30}(?:\s*[/|•·]\s*[^\W\d_][\w&'’ .-]{0,30}){2,}$")
_MARKUP = re.compile(r"<[^<>]*>")
_HAS_WORD_CHAR = re.compile(r"[^\W_]")
_RELATED_HEADING = re.compile(
    r"^(?:you (?:may|might) also like|related|recommended|more on this|most read|more stories"
    r"|read more|trending|more from)",
    re.IGNORECASE,
)


# Cheap tests that let most paragraphs skip the slower patterns above. Each lists words one
# of whose lower-case forms a pattern's match must contain, checked with `in` on the
# lower-cased paragraph (or with `startswith`, for a pattern anchored at its start): far
# faster than a case-insensitive search.
_NEWSLETTER_WORDS = (
    "sign up",
    "signing up",
    "subscribe",
    "privacy policy",
    "terms of",
    "reprint permission",
    "all rights reserved",
)
_NEWSLETTER_STARTS = ("copyright", "©", "(c)")  # a notice anchored at the paragraph's start
_CAPTION_STARTS = ("file", "image", "media", "photo", "picture", "caption", "credit", "source")
_TAG_STARTS = ("tag", "topic", "filed under", "categories", "keywords")
# A match of `_CREDIT_END` ends the paragraph (before a space and a period at most) with ")",
# with one of these names, or holds a "/" in the paragraph's last 160 characters.
_CREDIT_NAMES = ("getty images", "shutterstock", "istockphoto", "wikimedia commons")
# How a contributor line can start (after its opening dashes and brackets), in lower case.
_CONTRIBUTOR_START = re.compile(
    r"[(\-–—\s]*(?:contributing|contributor|additional\ reporting|reporting|writing|editing"
    r"|compiled|edited|produced|written|with\ reporting|research"
    r"|(?:this|the)\ (?:story|article|report)|editor)"
)
# Letters that an IGNORECASE pattern takes for an ASCII letter but `str.lower()` does not turn
# into it (dotted and dotless i, long s): a paragraph with one skips the word tests. Only the
# dotted capital I changes length in lower case, so without these `lower()` keeps offsets.
_CASE_TWINS = "\u0130\u0131\u017f"
_SENTENCE_END_CHARS = tuple(""".?!:;"”’)]…""")
_PROMO_MARK = re.compile("[:|»›>]")  # separators after a promo's label
_KEY_ENDS = " .,:;!?\"'“”‘’"  # stripped from a paragraph's matching key


class _Hints(NamedTuple):
    """What the paragraphs of a text can hold, so that rules needing it run only then.

    Computed once for a report, from its text and the lower-case forms of the paragraphs a
    hint serves, joined: a word missing from these is missing from each such paragraph, so
    one test of the report spares a test of every paragraph.
    """

    exotic: bool  # a case twin: then the word tests cannot decide, every pattern runs
    newsletter: bool  # one of `_NEWSLETTER_WORDS`

    @classmethod
    def of(cls, text: str, lowered: str) -> _Hints:
        """The hints of `text`; `lowered` holds the lower-case form of each of its paragraphs
        short enough to be a newsletter box (or of more paragraphs)."""
        exotic = not text.isascii() and any(twin in text for twin in _CASE_TWINS)
        return cls(exotic, exotic or _mentions(lowered, _NEWSLETTER_WORDS))


def _mentions(lowered: str, words: tuple[str, ...]) -> bool:
    """True when one of `words` (lower case) is in `lowered`, a lower-cased paragraph."""
    for word in words:
        if word in lowered:
            return True
    return False


def _ends_sentence(line: str) -> bool:
    """True when the stripped `line` ends like a sentence (period, quote, bracket, …)."""
    return line.endswith(_SENTENCE_END_CHARS)


def _may_end_with_credit(line: str, lowered: str) -> bool:
    """False when `_CREDIT_END` cannot match the end of `line` (`lowered`, without case twins)."""
    core = lowered[:-1].rstrip() if lowered.endswith(".") else lowered
    return core.endswith(")") or core.endswith(_CREDIT_NAMES) or "/" in line[-160:]


def _word_count_and_key(line: str, lowered: str) -> tuple[int, str]:
    """Words of the stripped `line`, and its matching key from `lowered`: the paragraph in
    lower case, single-spaced, without end punctuation, for finding repeated paragraphs.

    A printable line without double spaces has single ASCII spaces for its only white space
    (every other space character is unprintable), so it needs no split and join; no-break
    spaces count as plain ones for this test.
    """
    if "\xa0" in line:  # the commonest other space: as a plain space, the line may qualify
        line, lowered = line.replace("\xa0", " "), lowered.replace("\xa0", " ")
    if line and "  " not in line and line.isprintable():
        return line.count(" ") + 1, lowered.strip(_KEY_ENDS)
    parts = lowered.split()
    return len(parts), " ".join(parts).strip(_KEY_ENDS)


def furniture_kind(paragraph: str, *, first: bool = False) -> str | None:
    """Why `paragraph` is page furniture ("promo", "caption", …), or None if it is report text.

    `first` marks the report's first paragraph (normally the headline): only rules that can
    never describe a headline apply to it.
    """
    line = paragraph.strip()
    lowered = line.lower()
    return _kind(line, lowered, len(line.split()), first, _Hints.of(line, lowered))


def _kind(line: str, lowered: str, words: int, first: bool, hints: _Hints) -> str | None:
    """`furniture_kind` of a stripped `line`, given its lower case, its word count and hints
    that hold for it (they may come from its whole report)."""
    if not line[:1].isalnum() and not _HAS_WORD_CHAR.search(line):  # [^\W_] is isalnum()
        return "separator"
    if "<" in line and not _HAS_WORD_CHAR.search(_MARKUP.sub("", line)):
        return "embed"
    if len(line) > 600:  # every rule below is about short paragraphs
        return None
    label = line.rstrip(" .…:>»›")
    if len(label) <= 80 and _UI_LABEL.match(label):
        return "button"
    if ("/" in label or "|" in label or "•" in label or "·" in label) and _NAV_RUN.match(label):
        return "switcher"
    if first or words > 60:
        return None
    if words <= 30 and _PROMO_MARK.search(line, 0, 40) and _PROMO_PREFIX.match(line):
        return "promo"
    # The word tests below only skip patterns that could not match; with a case twin in the
    # paragraph (or its report, when the hints are the report's) every pattern runs.
    exotic = hints.exotic
    if ((exotic or _may_end_with_credit(line, lowered)) and _CREDIT_END.search(line[-160:])) or (
        (exotic or lowered.startswith(_CAPTION_STARTS)) and _CAPTION_PREFIX.match(line)
    ):
        return "caption"
    if words <= 8 and _CREDIT_ONLY.match(line):
        return "caption"
    if (
        exotic or "contributed" in lowered or _CONTRIBUTOR_START.match(lowered)
    ) and _CONTRIBUTORS.match(line):
        if "editor" in line[:12].lower():
            return "contributors"
        if words <= 40 and not _REPORTING_CLAIM.search(line):
            return "contributors"
    if (
        words <= _NEWSLETTER_MOST_WORDS
        and (
            exotic
            or lowered.startswith(_NEWSLETTER_STARTS)
            or (hints.newsletter and _mentions(lowered, _NEWSLETTER_WORDS))
        )
        and _NEWSLETTER.search(line)
    ):
        return "newsletter"
    if words <= 40 and (exotic or lowered.startswith(_TAG_STARTS)) and _TAG_PREFIX.match(line):
        return "tags"
    if words <= 25 and not _ends_sentence(line) and len(_GLUED_WORDS.findall(line)) >= 3:
        return "tags"
    return None


def _line_breaks(gap: str) -> int:
    """Line breaks in the white space between two lines ("\\r\\n" counts once)."""
    newlines = gap.count("\n")
    if newlines == len(gap):
        return newlines  # the usual gap: nothing but "\n"
    return sum(gap.count(mark) for mark in LINE_BREAKS) - gap.count("\r\n")


def _wrapped(pairs: list[tuple[str, str]]) -> bool:
    """True when lines run on into the next line mid-sentence: short, open, next in lower case."""
    if sum(1 for line, _ in pairs if not _ends_sentence(line)) < 2:
        return False  # the usual case, decided without looking for furniture
    prose = [(line, after) for line, after in pairs if furniture_kind(line) is None]
    if len(prose) < 2:
        return False
    open_ended = sum(1 for line, _ in prose if not _ends_sentence(line))
    lower_next = sum(1 for _, after in prose if after[:1].islower())
    return (
        open_ended * 3 >= len(prose) * 2
        and lower_next * 3 >= len(prose)
        and median(len(line) for line, _ in prose) <= 100
    )


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph: a non-blank line, or a block of hard-wrapped lines.

    Lines form a block when no blank line separates them. A block is hard-wrapped (its
    lines join into one paragraph) when its lines break mid-sentence at a short width;
    when most of the document's blocks are, every block is.
    """
    lines = line_spans(text)
    blocks: list[list[tuple[int, int]]] = []
    prev_end = None
    for span in lines:
        if prev_end is not None and _line_breaks(text[prev_end : span[0]]) == 1:
            blocks[-1].append(span)
        else:
            blocks.append([span])
        prev_end = span[1]
    if len(blocks) == len(lines):
        return lines  # the usual text: every line is a paragraph (and none is wrapped)
    pairs = [
        [(text[s1:e1], text[s2:e2]) for (s1, e1), (s2, e2) in zip(block, block[1:], strict=False)]
        for block in blocks
    ]
    whole_document = _wrapped([pair for block in pairs for pair in block])
    paragraphs: list[tuple[int, int]] = []
    for block, block_pairs in zip(blocks, pairs, strict=True):
        if len(block) > 1 and (whole_document or (len(block) >= 3 and _wrapped(block_pairs))):
            paragraphs.append((block[0][0], block[-1][1]))
        else:
            paragraphs.extend(block)
    return paragraphs


def content_lines(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Kept paragraph spans of `text` and the dropped paragraphs (furniture), in text order.

    Dropped: furniture (see `furniture_kind`), a repeat of the headline or of an earlier
    paragraph (of four words or more), and link previews: short title-like paragraphs
    enclosed by furniture or following a "Related"/"You may also like" heading.
    """
    spans = paragraph_spans(text)
    paragraphs = [text[start:end] for start, end in spans]  # stripped already
    lowered = [paragraph.lower() for paragraph in paragraphs]
    counted = list(map(_word_count_and_key, paragraphs, lowered))
    words = [count for count, _ in counted]
    # Only a paragraph of at most `_NEWSLETTER_MOST_WORDS` words can be a newsletter box, so
    # the newsletter hint need not read the longer ones (most of a report's text).
    short = [
        low for low, count in zip(lowered, words, strict=True) if count <= _NEWSLETTER_MOST_WORDS
    ]
    hints = _Hints.of(text, "\n".join(short))
    kinds: list[str | None] = []
    headline_seen = False  # until a paragraph is kept, each may be the headline
    for paragraph, low, count in zip(paragraphs, lowered, words, strict=True):
        kind = _kind(paragraph, low, count, not headline_seen, hints)
        headline_seen = headline_seen or kind is None
        kinds.append(kind)
    _mark_link_previews(paragraphs, words, kinds)

    kept: list[tuple[int, int]] = []
    dropped: list[str] = []
    seen: set[str] = set()
    headline_key: str | None = None
    for span, paragraph, (_, key), kind in zip(spans, paragraphs, counted, kinds, strict=True):
        if (
            kind is None
            and key
            and (key == headline_key or (key in seen and len(key.split()) >= 4))
        ):
            kind = "repeat"
        if kind is not None:
            dropped.append(paragraph)
            continue
        if headline_key is None:
            headline_key = key
        seen.add(key)
        kept.append(span)
    return kept, dropped


def _mark_link_previews(paragraphs: list[str], words: list[int], kinds: list[str | None]) -> None:
    """Mark title-like paragraphs among furniture, or under a related-links heading.

    `paragraphs` are stripped, `words` their word counts.
    """

    def title_like(index: int) -> bool:
        return words[index] <= 20 and not _ends_sentence(paragraphs[index])

    first_content = next((i for i, kind in enumerate(kinds) if kind is None), len(kinds))
    i = first_content + 1
    while i < len(paragraphs):
        if kinds[i] is not None or not title_like(i):
            i += 1
            continue
        run_end = i
        while run_end < len(paragraphs) and kinds[run_end] is None and title_like(run_end):
            run_end += 1
        before = kinds[i - 1]
        after = kinds[run_end] if run_end < len(paragraphs) else "end"
        under_heading = before is not None and bool(
            _RELATED_HEADING.match(paragraphs[i - 1].strip())
        )
        if before is not None and (after is not None or under_heading) and run_end - i <= 6:
            for j in range(i, run_end):
                kinds[j] = "link preview"
        i = run_end
