"""Who each report quotes: one row per speaker per report, with affiliation and words quoted,
the share of named, anonymous and institutional sources, and what each report has the same
official say. Speakers are merged across reports by speaker_merge.merge_speakers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from .errors import CrosscheckError
from .overview import report_labels
from .roles import role_in_text
from .speaker_merge import (
    ANONYMOUS,
    INSTITUTIONAL,
    NAMED,
    SOURCE_TYPES,
    UNCERTAIN,
    UNKNOWN,
    keywords_in,
    merge_speakers,
    parse_speaker,
)

GROUPS = ("anonymous", "coalition", "think tank or NGO", "military", "government", "other")
OTHER = "other"
OFFICIALS_COLUMNS = [
    "article_id", "report", "person_id", "speaker", "role", "organisation", "affiliation",
    "source_type", "quotes", "words", "merge", "names", "note",
]  # fmt: skip
ACROSS_COLUMNS = [
    "person_id", "speaker", "affiliation", "reports", "article_id", "report", "role",
    "quotes", "words", "said", "merge", "names",
]  # fmt: skip
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


class QuotesError(CrosscheckError):
    """A quotes frame lacks what the officials page needs."""


def words_in(quote: str) -> int:
    """Words of a quote as a reader counts them ("don't" is one word, "U.N.-mandated" two)."""
    return len(_WORD.findall(str(quote)))


def affiliation(texts: Iterable[str], source_type: str = NAMED) -> str:
    """The affiliation group from role, organisation and name: the longest lexicon keyword wins.

    Anonymous sources are 'anonymous' whatever their employer; nothing found is 'other'.
    Equal lengths go to the group listed first in GROUPS (the more specific one).
    """
    if source_type == ANONYMOUS:
        return "anonymous"
    found = [k for text in texts if text for k in keywords_in(str(text)) if k.group != ANONYMOUS]
    if not found:
        return OTHER
    rank = {group: i for i, group in enumerate(GROUPS)}
    best = min(found, key=lambda k: (-len(k.keyword), rank.get(k.group, len(GROUPS)), k.group))
    return best.group


def _checked(quotes: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("article_id", "speaker", "quote") if c not in quotes.columns]
    if missing:
        raise QuotesError(f"quotes frame: missing column(s) {', '.join(missing)}")
    quotes = quotes.copy()
    for column in ("speaker", "quote", "role", "organisation"):
        if column not in quotes:
            quotes[column] = ""
        quotes[column] = quotes[column].fillna("").astype(str)
    return quotes


def _role_from_speaker(raw: str) -> str:
    """Title and apposition a speaker string carries, when the quotes frame has no role."""
    speaker = parse_speaker(raw)
    return ", ".join(p for p in (speaker.title, speaker.description) if p)


def _longest(values: Iterable[str]) -> str:
    values = sorted(
        {" ".join(v.split()) for v in values if v and v.strip()}, key=lambda v: (-len(v), v)
    )
    return values[0] if values else ""


def _fill_roles(table: pd.DataFrame, articles: pd.DataFrame | None) -> list[str]:
    """The quotes' roles; a missing one from the speaker string, then from the report's text."""
    texts = articles["text"] if articles is not None and "text" in articles else pd.Series()
    found: dict[tuple[str, str], str] = {}
    roles = []
    columns = ["article_id", "person_id", "speaker", "person", "role", "source_type"]
    for article_id, person_id, speaker, name, role, source_type in table[columns].values:
        if not role:
            key = (article_id, person_id)
            if key not in found:
                names = [speaker, name, parse_speaker(speaker).name]
                text = str(texts.get(article_id, "")) if source_type == NAMED else ""
                found[key] = _role_from_speaker(speaker) or role_in_text(text, names)
            role = found[key]
        roles.append(role)
    return roles


def quotes_with_speakers(
    quotes: pd.DataFrame, articles: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The quotes frame with each quote's merged person, affiliation and words added."""
    quotes = _checked(quotes)
    merged = merge_speakers(quotes, articles)
    if quotes.empty:
        extra = ["person_id", "person", "source_type", "merge", "note", "affiliation", "words"]
        return quotes.assign(**{c: pd.Series(dtype=str) for c in extra}).astype({"words": "int64"})
    table = quotes.merge(merged.drop(columns=["name", "title"]), on=["article_id", "speaker"])
    table["role"] = _fill_roles(table, articles)
    groups = {}
    for person_id, rows in table.groupby("person_id", sort=False):
        texts = [*rows["role"], *rows["organisation"], *rows["speaker"]]
        groups[person_id] = affiliation(texts, rows["source_type"].iloc[0])
    table["affiliation"] = table["person_id"].map(groups)
    table["words"] = table["quote"].map(words_in).astype("int64")
    return table


def officials(quotes: pd.DataFrame, articles: pd.DataFrame, min_words: int = 0) -> pd.DataFrame:
    """One row per speaker per report: who, role, organisation, affiliation, quotes, words.

    `speaker` is the merged name (the same person has the same name in every report);
    `names` lists the forms this report used; `merge` is 'uncertain' where the merge rests on
    a spelling guess or a bare surname that fits several people. Speakers quoted fewer than
    `min_words` words over all reports are left out.
    """
    table = quotes_with_speakers(quotes, articles)
    labels = report_labels(articles)
    if table.empty:
        return _typed(pd.DataFrame(columns=OFFICIALS_COLUMNS))
    rows = []
    for (article_id, person_id), group in table.groupby(["article_id", "person_id"], sort=False):
        rows.append(
            {
                "article_id": article_id,
                "report": labels.get(article_id, str(article_id)),
                "person_id": person_id,
                "speaker": group["person"].iloc[0],
                "role": _longest(group["role"]),
                "organisation": group["organisation"][group["organisation"] != ""].mode().min()
                if (group["organisation"] != "").any()
                else "",
                "affiliation": group["affiliation"].iloc[0],
                "source_type": group["source_type"].iloc[0],
                "quotes": len(group),
                "words": int(group["words"].sum()),
                "merge": UNCERTAIN
                if (group["merge"] == UNCERTAIN).any()
                else group["merge"].iloc[0],
                "names": "; ".join(sorted(set(group["speaker"]))),
                "note": _longest(group["note"]),
            }
        )
    frame = pd.DataFrame(rows, columns=OFFICIALS_COLUMNS)
    totals = frame.groupby("person_id")["words"].transform("sum")
    frame = frame[totals >= min_words]
    order = {article_id: i for i, article_id in enumerate(labels.index)}
    frame = frame.assign(_order=frame["article_id"].map(order).fillna(len(order)))
    frame = frame.sort_values(["_order", "words", "speaker"], ascending=[True, False, True])
    return _typed(frame.drop(columns="_order").reset_index(drop=True))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    types = {c: "int64" if c in ("quotes", "words") else str for c in OFFICIALS_COLUMNS}
    return frame[OFFICIALS_COLUMNS].astype(types)


def source_shares(officials_frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Per report, the percentage of its quotes from named, anonymous and institutional sources.

    A fourth column, unknown, counts quotes the extraction could not attribute. Reports
    without quotes are listed with zero quotes so a reader sees them.
    """
    labels = report_labels(articles)
    counts = officials_frame.pivot_table(
        index="article_id", columns="source_type", values="quotes", aggfunc="sum", fill_value=0
    )
    counts = counts.reindex(index=labels.index, columns=list(SOURCE_TYPES), fill_value=0)
    total = counts.sum(axis=1)
    shares = counts.div(total.where(total > 0), axis=0).mul(100).round(1).fillna(0.0)
    if not (counts[UNKNOWN] > 0).any():
        shares = shares.drop(columns=UNKNOWN)
    shares.insert(0, "quotes", total.astype("int64"))
    shares.insert(0, "report", labels)
    shares.columns.name = None
    return shares


def officials_across_reports(
    quotes: pd.DataFrame, articles: pd.DataFrame, min_reports: int = 2
) -> pd.DataFrame:
    """Speakers quoted in `min_reports` reports or more, one row per report, with what it quotes.

    `said` holds the report's quotes of that speaker in text order, each in quotation marks,
    so a reader can compare what the reports have the same official say. Anonymous sources
    are never matched across reports and so never appear here.
    """
    table = quotes_with_speakers(quotes, articles)
    labels = report_labels(articles)
    if table.empty:
        return pd.DataFrame(columns=ACROSS_COLUMNS)
    table = table[table["source_type"].isin([NAMED, INSTITUTIONAL])]
    reports = table.groupby("person_id")["article_id"].nunique()
    table = table[table["person_id"].map(reports) >= min_reports]
    sort_columns = [c for c in ("article_id", "start") if c in table]
    rows = []
    for (person_id, article_id), group in table.sort_values(sort_columns).groupby(
        ["person_id", "article_id"], sort=False
    ):
        rows.append(
            {
                "person_id": person_id,
                "speaker": group["person"].iloc[0],
                "affiliation": group["affiliation"].iloc[0],
                "reports": int(reports[person_id]),
                "article_id": article_id,
                "report": labels.get(article_id, str(article_id)),
                "role": _longest(group["role"]),
                "quotes": len(group),
                "words": int(group["words"].sum()),
                "said": " / ".join(f"\u201c{q.strip()}\u201d" for q in group["quote"]),
                "merge": UNCERTAIN if (group["merge"] == UNCERTAIN).any() else "certain",
                "names": "; ".join(sorted(set(group["speaker"]))),
            }
        )
    frame = pd.DataFrame(rows, columns=ACROSS_COLUMNS)
    order = {article_id: i for i, article_id in enumerate(labels.index)}
    frame["_order"] = frame["article_id"].map(order).fillna(len(order))
    frame = frame.sort_values(["reports", "speaker", "_order"], ascending=[False, True, True])
    return frame.drop(columns="_order").reset_index(drop=True)


def quotes_side_by_side(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One column per report (publication order), its quotes in text order as 'Speaker: “…”'."""
    table = quotes_with_speakers(quotes, articles)
    labels = report_labels(articles)
    columns = {}
    for article_id, label in labels.items():
        rows = table[table["article_id"] == article_id]
        if "start" in rows:
            rows = rows.sort_values("start")
        columns[label] = [
            f"{p}: \u201c{q.strip()}\u201d"
            for p, q in zip(rows["person"], rows["quote"], strict=True)
        ]
    length = max((len(v) for v in columns.values()), default=0)
    frame = pd.DataFrame({k: v + [""] * (length - len(v)) for k, v in columns.items()})
    frame.index = pd.RangeIndex(1, length + 1, name="quote")
    return frame


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def officials_findings(officials_frame: pd.DataFrame, articles: pd.DataFrame) -> list[str]:
    """The officials table in a few sentences: who is shared, who dominates, anonymity, guesses."""
    if officials_frame.empty:
        return ["No quotes were found in these reports, so there are no officials to compare."]
    findings = []
    per_report = officials_frame.groupby("report", sort=False).agg(
        speakers=("person_id", "nunique"), quotes=("quotes", "sum"), words=("words", "sum")
    )
    if len(per_report) <= 4:
        findings.append(
            "; ".join(
                f"{report} quotes {_plural(int(r.speakers), 'speaker')} "
                f"({_plural(int(r.quotes), 'quote')}, {_plural(int(r.words), 'word')})"
                for report, r in per_report.iterrows()
            )
            + "."
        )
    else:
        findings.append(
            f"The {len(per_report)} reports with quotes quote between {per_report.speakers.min()} "
            f"and {per_report.speakers.max()} speakers each."
        )
    names = officials_frame.drop_duplicates("person_id").set_index("person_id")["speaker"]
    reports = officials_frame.groupby("person_id")["article_id"].nunique()
    shared = reports[reports > 1].sort_values(ascending=False, kind="stable")
    if shared.empty and len(per_report) > 1:
        findings.append(
            "No speaker is quoted in more than one report: each relies on its own sources."
        )
    elif not shared.empty:
        listed = ", ".join(f"{names[p]} ({n} reports)" for p, n in shared.items())
        findings.append(f"Quoted in more than one report: {listed}.")
    words = officials_frame.groupby("person_id")["words"].sum().sort_values(ascending=False)
    findings.append(
        f"{names[words.index[0]]} is quoted at greatest length: {words.iloc[0]} words, "
        f"{words.iloc[0] / max(words.sum(), 1):.0%} of all words quoted."
    )
    anonymous = officials_frame[officials_frame["source_type"] == ANONYMOUS]
    if anonymous.empty:
        findings.append("No report quotes an anonymous source.")
    else:
        counts = anonymous.groupby("report", sort=False)["quotes"].sum()
        findings.append(
            "Anonymous sources: "
            + "; ".join(f"{report}, {_plural(int(n), 'quote')}" for report, n in counts.items())
            + "."
        )
    guesses = officials_frame.loc[officials_frame["merge"] == UNCERTAIN, "note"].unique()
    if len(guesses):
        findings.append("Check these name merges: " + "; ".join(sorted(guesses)) + ".")
    return findings
