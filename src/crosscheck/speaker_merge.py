"""One person, one name across reports (for the officials page).

Read a speaker string as a person, several people or an unnamed source, and merge the names
one person goes by across reports ("McConnell", "Sen. Mitch McConnell", "Addison Mitchell
McConnell"), conservatively: a merge that rests on a guess says so.

How a speaker string is read and how two names compare is in speaker_names.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .speaker_names import (
    ANONYMOUS,
    CERTAIN,
    INSTITUTIONAL,
    NAMED,
    PERSON,
    SOURCE_TYPES,
    UNCERTAIN,
    UNKNOWN,
    UNNAMED,
    Speaker,
    _titles,
    affiliation_keywords,
    fold,
    keywords_in,
    name_match,
    parse_speaker,
    read_lexicon,
)
from .text import normalise

__all__ = [
    "ANONYMOUS",
    "INSTITUTIONAL",
    "MERGE_COLUMNS",
    "NAMED",
    "SOURCE_TYPES",
    "UNCERTAIN",
    "UNKNOWN",
    "_titles",
    "affiliation_keywords",
    "keywords_in",
    "merge_speakers",
    "parse_speaker",
    "read_lexicon",
]

MERGE_COLUMNS = [
    "article_id", "speaker", "name", "title", "source_type", "person_id", "person", "merge", "note",
]  # fmt: skip

_ARTICLES = {"the", "a", "an"}
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", ""}


@dataclass
class _Person:
    representative: Speaker
    names: Counter = field(default_factory=Counter)
    merge: str = CERTAIN
    note: str = ""


def _display(person: _Person) -> str:
    """The name a person is shown under: the most quoted full form, then the longest."""
    ranked = sorted(person.names.items(), key=lambda kv: (-kv[1], -len(kv[0].split()), kv[0]))
    full = [name for name, _ in ranked if len(name.split()) > 1]
    return (full or [ranked[0][0]])[0]


def _cluster_people(people: dict[str, Speaker], counts: Counter) -> dict[str, _Person]:
    """Full names grouped into persons, most complete names first; an ambiguous one stays apart."""
    order = sorted(people, key=lambda n: (-len(people[n].given), -len(n), -counts[n], n))
    clusters: list[_Person] = []
    where: dict[str, _Person] = {}
    for name in order:
        speaker = people[name]
        fits = [(c, lvl) for c in clusters if (lvl := name_match(speaker, c.representative))]
        if len(fits) == 1 and not speaker.aliased:
            cluster, level = fits[0]
            if level == UNCERTAIN:
                cluster.merge = UNCERTAIN
                cluster.note = f"spelling differs: {cluster.representative.name} / {name}"
        else:
            cluster = _Person(speaker)
            clusters.append(cluster)
            if len(fits) > 1:
                cluster.merge = UNCERTAIN
                others = " or ".join(sorted(c.representative.name for c, _ in fits))
                cluster.note = f"kept apart: could be {others}"
        cluster.names[name] += counts[name]
        where[name] = cluster
    return where


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "speaker"


def _institution_key(name: str) -> str:
    words = fold(name).split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


def merge_speakers(quotes: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Map each (article_id, speaker) of a quotes frame to one person across reports.

    Columns: article_id, speaker (as extracted), name (without title), title, source_type
    (named | anonymous | institutional), person_id, person (the name shown), merge
    (certain | uncertain) and note (why a merge is uncertain). Anonymous sources are never
    merged across reports; a bare surname joins a full name only when one person fits.
    """
    if quotes.empty:
        return pd.DataFrame(columns=MERGE_COLUMNS).astype(str)
    speakers = quotes["speaker"].fillna("").astype(str)
    counts_by_pair = Counter(zip(quotes["article_id"], speakers, strict=True))
    parsed = {raw: parse_speaker(raw) for raw in sorted(set(speakers))}
    full_counts: Counter = Counter()
    full_names: dict[str, Speaker] = {}
    for (_, raw), count in counts_by_pair.items():
        speaker = parsed[raw]
        if speaker.kind == PERSON and speaker.given:
            full_names.setdefault(speaker.name, speaker)
            full_counts[speaker.name] += count
    person_of = _cluster_people(full_names, full_counts)
    quoted_in: dict[str, set[int]] = {}
    for article_id, raw in counts_by_pair:
        if raw in parsed and parsed[raw].name in person_of:
            quoted_in.setdefault(article_id, set()).add(id(person_of[parsed[raw].name]))
    texts = articles["text"] if articles is not None and "text" in articles else pd.Series()

    surname_only: dict[str, _Person] = {}
    rows = []
    for (article_id, raw), count in sorted(counts_by_pair.items()):
        speaker = parsed[raw]
        if speaker.kind == PERSON and not speaker.given:
            person = _resolve_surname(speaker, article_id, person_of, quoted_in, texts)
            if person is None:
                person = surname_only.setdefault(speaker.surname, _Person(speaker))
                person.names[speaker.name] += count
            elif person.representative is speaker:  # ambiguous: its own entry
                person.names[speaker.name] += count
            rows.append((article_id, raw, speaker, NAMED, person))
        elif speaker.kind == PERSON:
            rows.append((article_id, raw, speaker, NAMED, person_of[speaker.name]))
        else:
            rows.append((article_id, raw, speaker, _source_type(speaker), None))
    return _merge_frame(rows)


def _resolve_surname(speaker, article_id, person_of, quoted_in, texts) -> _Person | None:
    """The one person a bare surname can be, an ambiguous entry of its own, or None."""
    candidates = {
        id(p): p for p in person_of.values() if p.representative.surname == speaker.surname
    }
    if not candidates:
        return None
    if len(candidates) > 1:
        text = normalise(str(texts.get(article_id, "")))
        near = {
            key: p
            for key, p in candidates.items()
            if key in quoted_in.get(article_id, set()) or any(n in text for n in p.names)
        }
        candidates = near if len(near) == 1 else candidates
    if len(candidates) == 1:
        return next(iter(candidates.values()))
    names = " or ".join(sorted(p.representative.name for p in candidates.values()))
    return _Person(speaker, merge=UNCERTAIN, note=f"kept apart: could be {names}")


def _source_type(speaker: Speaker) -> str:
    if speaker.kind != UNNAMED:
        return NAMED
    if fold(speaker.name) in _PRONOUNS:
        return UNKNOWN  # the extraction found no speaker, or only a pronoun
    head_keywords = keywords_in(speaker.name)
    return ANONYMOUS if any(k.group == ANONYMOUS for k in head_keywords) else INSTITUTIONAL


def _merge_frame(rows: list) -> pd.DataFrame:
    ids: dict[int, str] = {}
    used: Counter = Counter()
    institution_names: dict[str, Counter] = {}
    for _, _raw, speaker, source_type, _ in rows:
        if source_type == INSTITUTIONAL:
            institution_names.setdefault(_institution_key(speaker.name), Counter())[
                speaker.name
            ] += 1
    records = []
    for article_id, raw, speaker, source_type, person in rows:
        merge, note = CERTAIN, ""
        if person is not None:
            if id(person) not in ids:
                display = _display(person)
                used[_slug(display)] += 1
                suffix = f"-{used[_slug(display)]}" if used[_slug(display)] > 1 else ""
                ids[id(person)] = (f"{_slug(display)}{suffix}", display)
            person_id, shown = ids[id(person)]
            merge, note = person.merge, person.note
        elif source_type == INSTITUTIONAL:
            key = _institution_key(speaker.name)
            shown = institution_names[key].most_common(1)[0][0]
            person_id = f"org:{_slug(key)}"
        elif source_type in (ANONYMOUS, UNKNOWN):
            shown = speaker.name or "(no speaker found)"
            person_id = f"{source_type}:{article_id}:{_slug(speaker.name)}"
        else:
            shown, person_id = speaker.name, f"people:{_slug(speaker.name)}"
        records.append(
            (
                article_id,
                raw,
                speaker.name,
                speaker.title,
                source_type,
                person_id,
                shown,
                merge,
                note,
            )
        )
    return pd.DataFrame(records, columns=MERGE_COLUMNS)
