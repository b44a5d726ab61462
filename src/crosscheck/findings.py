"""The comparison in words: who says what, and which figures disagree, as plain sentences.

`describe_disagreements` writes the sentences the notebooks show from the table that
`compare.compare_figures` builds; `findings_html` renders them as an escaped list.
"""

from __future__ import annotations

import html

import pandas as pd

from .compare import REPEAT, TIME_GAP_DAYS, days_apart, figure_pairs, figure_phrase, stated_number

# describe_disagreements spells out at most this many disagreeing pairs per group.
MAX_PAIR_SENTENCES = 4


def _with_source(row: pd.Series) -> str:
    source = row["source"]
    return f"{figure_phrase(row)} ({source})" if source else figure_phrase(row)


def _gap(days: float) -> str:
    if days >= 540:
        return f"{round(days / 365)} years"
    if days >= 45:
        return f"{round(days / 30.44)} months"
    return f"{int(days)} days"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_COUNT_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _count(n: int, noun: str) -> str:
    word = _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else str(n)
    return f"{word} {noun}{'' if n == 1 else 's'}"


def _statements(members: pd.DataFrame) -> pd.DataFrame:
    """One row per number a report states: a repeat (headline and body) becomes one row,
    worded as hedged if either is ("more than 400" over "400"), with every source in
    `sources`."""
    by_statement: dict[tuple, list] = {}
    for label, row in members.iterrows():
        number = stated_number(row)
        key = (row["article_id"], number) if number else (label,)
        by_statement.setdefault(key, []).append(label)
    rows = []
    for labels in by_statement.values():
        same = members.loc[labels]
        hedged = same[same["hedge"] != ""]
        best = (same if hedged.empty else hedged).iloc[0].copy()
        best["sources"] = tuple(s for s in dict.fromkeys(same["source"]) if s)
        rows.append(best)
    return pd.DataFrame(rows)


def _distinct_figures(members: pd.DataFrame, inside_brackets: bool = False) -> list[str]:
    """Each distinct interval a report gives, once, with every source it is credited to:
    "503 (the Pentagon)", or "503, according to the Pentagon" `inside_brackets`."""
    phrases = []
    for _, same in _statements(members).groupby(["interval", "hedge"], sort=False):
        sources = "; ".join(dict.fromkeys(s for group in same["sources"] for s in group))
        phrase = figure_phrase(same.iloc[0])
        if sources:
            phrase += f", according to {sources}" if inside_brackets else f" ({sources})"
        phrases.append(phrase)
    return phrases


def _report_summary(group: str, members: pd.DataFrame, first: pd.Timestamp | None) -> str:
    phrases = _distinct_figures(members)
    outlet = members["outlet"].iloc[0]
    published = members["published"].iloc[0]
    when = ""
    if first is not None and not pd.isna(published) and not pd.isna(first):
        days = days_apart(first, published)
        when = f", {_gap(days)} later," if days > TIME_GAP_DAYS else ""
    if len(phrases) == 1:
        return f"{outlet}{when} says {phrases[0]}"
    count = _count(len(phrases), "figure")
    return f"{outlet}{when} gives {count} for {group}, {_join(phrases)}"


def describe_disagreements(comparison: pd.DataFrame, include_agreements: bool = True) -> list[str]:
    """Plain sentences: who says what, and which figures disagree, generated from the table.

    Groups with a conflict or time gap come first: an overview sentence (each report's
    distinct figures, in date order), then one sentence per distinct disagreement. With
    `include_agreements`, a line per group that several reports count alike, and a line per
    report for the things only it counts; when nothing disagrees, a first line says so.
    """
    if comparison.empty:
        return []
    pairs = figure_pairs(comparison)
    disagreements: list[str] = []
    agreements: list[str] = []
    only: dict[str, list[str]] = {}
    for group, members in comparison.groupby("group", sort=False):
        group_pairs = pairs[(pairs["group"] == group) & ~pairs["relation"].isin(["agrees", REPEAT])]
        reports = list(dict.fromkeys(members["article_id"]))
        if not group_pairs.empty:
            first = members["published"].iloc[0]
            parts = []
            for n, article_id in enumerate(reports):
                mine = members[members["article_id"] == article_id]
                parts.append(_report_summary(group, mine, None if n == 0 else first))
            disagreements.append("; ".join(parts) + ".")
            disagreements.extend(_pair_sentences(comparison, group_pairs, group))
        elif len(reports) > 1:
            agreements.append(
                f"The {_count(len(reports), 'report')} that count {group} do not contradict "
                f"each other ({_join(_distinct_figures(members, inside_brackets=True))})."
            )
        else:
            outlet = members["outlet"].iloc[0]
            figures = _join(_distinct_figures(members, inside_brackets=True))
            only.setdefault(outlet, []).append(f"{group} ({figures})")
    sentences = disagreements
    if include_agreements:
        if not disagreements:
            sentences = ["No two figures here contradict each other."]
        sentences += agreements
        sentences += [f"Only {outlet} counts {_join(things)}." for outlet, things in only.items()]
    return [s[:1].upper() + s[1:] for s in sentences]


def _pair_sentences(comparison: pd.DataFrame, pairs: pd.DataFrame, group: str) -> list[str]:
    out: list[str] = []
    seen: set[tuple] = set()
    for pair in pairs.itertuples(index=False):
        a, b = comparison.loc[pair.a], comparison.loc[pair.b]
        said = tuple(sorted((_said(a), _said(b))))
        if said in seen:
            continue
        seen.add(said)
        if len(seen) > MAX_PAIR_SENTENCES:
            continue
        out.append(_pair_sentence(a, b, pair.relation, pair.days_apart, group))
    hidden = len(seen) - MAX_PAIR_SENTENCES
    if hidden > 0:
        out.append(
            f"{_count(hidden, 'more pair')} of figures for {group} disagree (see the table)."
        )
    return out


def _said(row: pd.Series) -> tuple:
    """What a report says, for spotting the same disagreement stated twice."""
    return (row["article_id"], str(row["interval"]))


def _pair_sentence(a: pd.Series, b: pd.Series, relation: str, days: float, group: str) -> str:
    same_report = a["article_id"] == b["article_id"]
    if same_report:
        who = f"In {a['outlet']}, {_with_source(a)} and {_with_source(b)}"
    else:
        who = f"{a['outlet']}'s {_with_source(a)} and {b['outlet']}'s {_with_source(b)}"
    if relation == "time gap":
        return (
            f"{who} differ, but the reports are {_gap(days)} apart, "
            "so the count may have changed in between."
        )
    hedge = f", if both count {group}" if a["assumed"] or b["assumed"] else ""
    undated = pd.isna(a["published"]) or pd.isna(b["published"])
    note = " (one report is undated)" if undated and not same_report else ""
    return f"{who} cannot both be true{hedge}{note}."


def findings_html(sentences: list[str]) -> str:
    """The findings as an HTML bullet list, every sentence escaped."""
    if not sentences:
        return "<p>No figures to compare.</p>"
    items = "".join(f"<li>{html.escape(s)}</li>" for s in sentences)
    return f"<ul>{items}</ul>"
