"""The whole extraction on the source corpus's own reports, each read once by a fresh process.

The synthetic corpus repeats its source's sentences with other numbers and names, so
anything remembered by text (a cache of a pure function of a sentence) is hit far more often
there than on real reports. This measure has none of that: a new process, warmed up on a
short text of its own, reads every real report once (sentences, figures and quotes, as the
bench's extraction stage does), timed in CPU seconds. The best of a few fresh processes is
kept, since a busy machine only ever slows a run down.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROUGH_BELOW_MB = 0.2  # less real text than this gives a rough rate (a few ms of CPU)

# Written for the warm-up only: every extractor path runs once (lexicons read, patterns built)
# before the clock starts, on text that shares no sentence with any corpus.
WARM_UP_TEXT = (
    "Lake search widens as storm nears\n\n"
    "By Jo Marsh, Staff Writer\n\n"
    "About 1,200 volunteers and more than 30 boats searched the lake on Monday, "
    "according to the county sheriff's office. Between 40 and 50 families were moved "
    "from the shore, and two people were injured, officials said.\n\n"
    '"We will keep looking until dark," said Dana Whitfield, the county sheriff. '
    '"Then we start again."\n\n'
    "Whitfield told reporters the divers had found \u201cnothing of any use so far\u201d "
    "and she asked residents to stay away. \u201cPlease let the crews work,\u201d she wrote "
    "on Twitter.\n\n"
    "The state Department of Natural Resources (DNR) said in a statement that "
    "hundreds of thousands of gallons had spilled, up to 12 miles downstream. "
    "\u201cThe damage is serious,\u201d the department said.\n\n"
    "Gov. Lee Park, who visited on Tuesday, said dozens of officers and some 300 "
    "National Guard troops would arrive by Friday. The governor added: "
    '"Nobody will be left alone."\n\n'
    "Asked about the film \u201cWinter Light Returns,\u201d the mayor told NBC's Ann Lee "
    "that he \u201chad not seen it yet, but would soon.\u201d The city council said in a "
    "statement, noted Mayor Tom Reyes, that the Harbor Authority would pay.\n\n"
    'Crews thanked Ruth Ames for the boats. "It was the least I could do," she said. '
    'The Harbor Authority met on Friday. "We are ready to pay for all of it," it said.\n'
)


def _one_pass(manifest: str) -> tuple[int, int, float]:
    """(reports, bytes of text, CPU seconds) of the whole extraction of the corpus, once."""
    import pandas as pd

    from .articles import load_articles
    from .bench import run_stage  # the bench's own extraction stage, run here on real reports

    warm = pd.DataFrame({"text": [WARM_UP_TEXT]}, index=pd.Index(["warm-up"], name="article_id"))
    run_stage("extraction", warm)
    articles = load_articles(manifest)
    size = sum(len(text.encode("utf-8")) for text in articles["text"])
    started = time.process_time()
    run_stage("extraction", articles)
    return len(articles), size, time.process_time() - started


def real_reports_rate(manifest: str | Path, repeats: int = 3) -> dict:
    """CPU rate of the whole extraction over the real reports of `manifest`, best of
    `repeats` fresh processes (each started with nothing remembered)."""
    timings = []
    context = multiprocessing.get_context("spawn")
    for _ in range(repeats):
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as fresh:
            timings.append(fresh.submit(_one_pass, str(manifest)).result())
    reports, size, cpu_seconds = min(timings, key=lambda timing: timing[2])
    megabytes = size / 1e6
    return {
        "reports": reports,
        "megabytes": round(megabytes, 4),
        "repeats": repeats,
        "cpu_seconds": round(cpu_seconds, 4),
        "cpu_mb_per_s": round(megabytes / cpu_seconds, 3) if cpu_seconds else None,
        "cpu_articles_per_s": round(reports / cpu_seconds, 1) if cpu_seconds else None,
        "rough": megabytes < ROUGH_BELOW_MB,
    }


def describe_real_rate(real: dict, target_mb_per_s: float) -> str:
    """One line for the bench table: the real-report rate and how it stands to the target."""
    rate = real["cpu_mb_per_s"]
    if rate is None:
        return "  real reports: too little text to time"
    verdict = "meets" if rate >= target_mb_per_s else "below"
    line = (
        f"  whole extraction on the {real['reports']} real reports of the corpus "
        f"({real['megabytes']:.2f} MB, each read once by a fresh process, best of "
        f"{real['repeats']}): {rate:.2f} MB/s CPU, {real['cpu_articles_per_s']:,.0f} reports/s;"
        f" {verdict} the target of {target_mb_per_s:g} MB/s"
    )
    if real["rough"]:
        line += " (little text: a rough rate; give a larger CORPUS)"
    return line
