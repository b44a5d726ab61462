"""Throughput and memory of each pipeline stage on a large synthetic corpus, serial and parallel.

    python -m crosscheck.bench --corpus data -n 10000 --out reports      (or: make bench)

The corpus is built deterministically (seeded) from the paragraphs of a source corpus: each
synthetic report is a headline and paragraphs drawn from the source, with every number and
every two-word capitalised name replaced by another (see `bench_corpus`). Each stage (load,
clean, sentences, figures, quotes, and the whole extraction: sentences, figures and quotes
of the same reports, as a notebook runs them) is timed serially over the whole corpus, in
wall-clock and CPU time (CPU time is the steadier per-core measure on a busy machine); then
its peak memory is measured with tracemalloc (Python allocations made during the stage,
outputs included) on the first 1,000 reports, since tracing slows a run several times; then
it is run over all cores with a process pool. Every stage starts without remembered
sentences, so it pays for its own splitting. The numbers are for tracking over time, not a
pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .articles import content_lines, load_articles, segment, sentences_held
from .bench_corpus import split, synthetic_reports, write_corpus
from .bench_real import describe_real_rate, real_reports_rate
from .errors import CrosscheckError
from .eval_report import write_atomically
from .evaluate import load_extractor

MEMORY_SAMPLE = 1000  # reports traced for peak memory
STAGES = ("load", "clean", "sentences", "figures", "quotes", "extraction")
EXTRACTORS = {"figures": "extract_figures", "quotes": "extract_quotes"}
TARGET_MB_PER_S = 3.0  # whole extraction on one core (issue: "3 MB of report text per second")


# --- the stages --------------------------------------------------------------------------


def _extractor(stage: str) -> Callable | str:
    """The stage's extractor function, or why it cannot be imported."""
    return load_extractor(stage, EXTRACTORS[stage])


def run_stage(stage: str, chunk: object) -> object:
    """Run one stage on one chunk: a manifest path (load), texts, or an articles frame."""
    segment.cache_clear()  # no stage profits from sentences an earlier one split
    if stage == "load":
        return load_articles(chunk)
    if stage == "clean":
        return [content_lines(text) for text in chunk]
    if stage == "sentences":
        return [segment(text) for text in chunk]
    if stage == "extraction":
        with sentences_held():  # each report split once, however many reports a chunk holds
            return (
                [segment(text) for text in chunk["text"]],
                _extractor("figures")(chunk),
                _extractor("quotes")(chunk),
            )
    return _extractor(stage)(chunk)


def _unavailable(stage: str) -> str | None:
    """Why the stage's extractor(s) cannot be imported, or None when it can run."""
    needed = EXTRACTORS if stage == "extraction" else [stage] if stage in EXTRACTORS else []
    problems = [problem for name in needed if isinstance(problem := _extractor(name), str)]
    return "; ".join(problems) or None


def _warm_up(_: int) -> int:
    """Import the extractors in a worker before any timing."""
    for stage in EXTRACTORS:
        _extractor(stage)
    return os.getpid()


class _Progress:
    """One stderr line per pass: refreshed at most once a second, then the time it took."""

    def __init__(self, stage: str, what: str, total: int) -> None:
        self.label, self.total = f"  {stage:<10} {what:<9}", total
        self.started = self.shown = time.perf_counter()
        self.live = sys.stderr.isatty()

    def step(self, done: int) -> None:
        now = time.perf_counter()
        if done == self.total:
            line = f"{self.label} {self.total} chunk(s) in {now - self.started:.2f} s"
            print(("\r" if self.live else "") + line.ljust(60), file=sys.stderr, flush=True)
        elif now - self.shown >= (1.0 if self.live else 10.0):
            self.shown = now
            line = f"{self.label} {done}/{self.total} chunks, {now - self.started:.0f} s"
            print(
                "\r" + line if self.live else line,
                end="" if self.live else "\n",
                file=sys.stderr,
                flush=True,
            )


def _serial(stage: str, chunks: list) -> tuple[float, float]:
    """Wall-clock and CPU seconds of the stage over all chunks, in this process."""
    progress = _Progress(stage, "serial", len(chunks))
    cpu_started = time.process_time()
    for done, chunk in enumerate(chunks, start=1):
        run_stage(stage, chunk)
        progress.step(done)
    return time.perf_counter() - progress.started, time.process_time() - cpu_started


def _peak_memory(stage: str, chunks: list) -> int:
    progress = _Progress(stage, "memory", len(chunks))
    tracemalloc.start()
    try:
        kept = []
        for done, chunk in enumerate(chunks, start=1):
            kept.append(run_stage(stage, chunk))
            progress.step(done)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _parallel(stage: str, chunks: list, pool: ProcessPoolExecutor) -> float:
    progress = _Progress(stage, "parallel", len(chunks))
    futures = [pool.submit(run_stage, stage, chunk) for chunk in chunks]
    for done, future in enumerate(futures, start=1):
        future.result()
        progress.step(done)
    return time.perf_counter() - progress.started


def bench(
    corpus: str | Path,
    n: int,
    seed: int = 0,
    workers: int | None = None,
    keep: Path | None = None,
    real_repeats: int = 3,
) -> dict:
    """Build the synthetic corpus and measure every stage, then time the whole extraction on
    the corpus's own reports in `real_repeats` fresh processes (0: not); a JSON-ready result."""
    source = Path(corpus)
    manifest = source / "articles.csv" if source.is_dir() else source
    if not manifest.exists():
        raise CrosscheckError(
            f"{manifest}: no such corpus manifest (give a folder with articles.csv)"
        )
    if n < 1:
        raise CrosscheckError(f"bench: N must be at least 1, not {n}")
    workers = workers or os.cpu_count() or 1
    print(f"building {n} synthetic reports from {manifest} (seed {seed})", file=sys.stderr)
    reports = synthetic_reports(load_articles(manifest), n, seed)
    texts = [text for _, text in reports]
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    chunk_count = min(n, max(20, 4 * workers))
    result = {
        "corpus": str(manifest),
        "n": n,
        "seed": seed,
        "megabytes": round(size_mb, 3),
        "digest": digest,
        "workers": workers,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "load_average": {"start": _load_average()},
        "stages": {},
    }
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as scratch:
        folder = keep or Path(scratch)
        full_manifest, part_manifests = write_corpus(reports, folder, chunk_count)
        frame = load_articles(full_manifest)
        text_chunks = split(texts, chunk_count)
        size = len(text_chunks[0])
        frames = [frame.iloc[i : i + size] for i in range(0, n, size)]
        inputs = {"load": [full_manifest], "clean": text_chunks, "sentences": text_chunks}
        parallel_inputs = {**inputs, "load": part_manifests}
        sample_chunks = math.ceil(min(n, MEMORY_SAMPLE) / size)
        result["memory_sample"] = min(n, sample_chunks * size)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(_warm_up, range(workers)))
            for stage in STAGES:
                problem = _unavailable(stage)
                if problem:
                    print(f"  {stage:<10} skipped: {problem}", file=sys.stderr)
                    result["stages"][stage] = {"unavailable": problem}
                    continue
                serial_chunks = inputs.get(stage, frames)
                seconds, cpu_seconds = _serial(stage, serial_chunks)
                sample = parallel_inputs.get(stage, frames)[:sample_chunks]
                peak = _peak_memory(stage, sample)
                parallel_seconds = _parallel(stage, parallel_inputs.get(stage, frames), pool)
                result["stages"][stage] = _rates(
                    n, size_mb, (seconds, cpu_seconds), peak, parallel_seconds
                )
    if real_repeats and not _unavailable("extraction"):
        print("  extraction real reports, each read once by a fresh process", file=sys.stderr)
        result["real_reports"] = real_reports_rate(manifest, real_repeats)
    result["load_average"]["end"] = _load_average()
    result["process_peak_rss_mb"] = _peak_rss_mb()
    result["generated"] = dt.datetime.now().isoformat(timespec="seconds")
    return result


def _load_average() -> list[float] | None:
    """The 1, 5 and 15-minute load averages, where the platform reports them."""
    try:
        return [round(load, 2) for load in os.getloadavg()]
    except (AttributeError, OSError):  # Windows
        return None


def _peak_rss_mb() -> float | None:
    """This process's peak resident memory, where the platform reports it."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1e6 if sys.platform == "darwin" else 1e3), 1)  # bytes on macOS, KiB else


def _rates(
    n: int, size_mb: float, serial: tuple[float, float], peak: int, parallel_seconds: float
) -> dict:
    seconds, cpu_seconds = serial
    return {
        "seconds": round(seconds, 4),
        "articles_per_s": round(n / seconds, 1) if seconds else None,
        "mb_per_s": round(size_mb / seconds, 3) if seconds else None,
        "cpu_seconds": round(cpu_seconds, 4),
        "cpu_articles_per_s": round(n / cpu_seconds, 1) if cpu_seconds else None,
        "cpu_mb_per_s": round(size_mb / cpu_seconds, 3) if cpu_seconds else None,
        "peak_mb": round(peak / 1e6, 2),
        "parallel_seconds": round(parallel_seconds, 4),
        "parallel_articles_per_s": round(n / parallel_seconds, 1) if parallel_seconds else None,
        "speedup": round(seconds / parallel_seconds, 2) if parallel_seconds else None,
    }


# --- output ------------------------------------------------------------------------------


def format_table(result: dict) -> str:
    """The measurements as a table a person can scan."""
    header = (
        "stage",
        "articles/s",
        "MB/s",
        "CPU art/s",
        "CPU MB/s",
        "peak MB",
        f"pool x{result['workers']} art/s",
        "speed-up",
    )
    rows = [header]
    for stage, m in result["stages"].items():
        if "unavailable" in m:
            rows.append((stage, "-", "-", "-", "-", "-", "-", "skipped"))
            continue
        rows.append(
            (
                stage,
                f"{m['articles_per_s']:,.0f}",
                f"{m['mb_per_s']:.2f}",
                f"{m['cpu_articles_per_s']:,.0f}",
                f"{m['cpu_mb_per_s']:.2f}",
                f"{m['peak_mb']:.1f}",
                f"{m['parallel_articles_per_s']:,.0f}",
                f"{m['speedup']:.2f}x",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        f"\nBenchmark: {result['n']} synthetic reports ({result['megabytes']:.1f} MB, digest "
        f"{result['digest']}) from {result['corpus']}, seed {result['seed']}, "
        f"{result['workers']} worker(s) on {result['cpu_count']} CPU(s)"
    ]
    for row in rows:
        lines.append(
            "  "
            + row[0].ljust(widths[0])
            + "  "
            + "  ".join(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))
        )
    lines.append(
        f"  peak MB: Python allocations while the stage runs on the first {result['memory_sample']}"
        f" reports, outputs included (tracemalloc); whole run peak RSS "
        f"{result['process_peak_rss_mb']} MB"
    )
    lines.append(
        "  serial rates on one core: wall-clock, then CPU time (steadier when the machine is"
        f" busy); load average at start {_loads(result, 'start')}, at end {_loads(result, 'end')}"
        f" ({result['cpu_count']} CPUs)"
    )
    whole = result["stages"].get("extraction", {})
    if "cpu_mb_per_s" in whole:
        verdict = "meets" if whole["cpu_mb_per_s"] >= TARGET_MB_PER_S else "below"
        lines.append(
            f"  whole extraction (sentences + figures + quotes): {whole['mb_per_s']:.2f} MB/s"
            f" wall-clock, {whole['cpu_mb_per_s']:.2f} MB/s CPU; {verdict} the target of"
            f" {TARGET_MB_PER_S:g} MB/s (synthetic reports repeat their source's sentences,"
            " which flatters anything remembered by text)"
        )
    if "real_reports" in result:
        lines.append(describe_real_rate(result["real_reports"], TARGET_MB_PER_S))
    for stage, m in result["stages"].items():
        if "unavailable" in m:
            lines.append(f"  {stage} skipped: {m['unavailable']}")
    return "\n".join(lines)


def _loads(result: dict, when: str) -> str:
    loads = (result.get("load_average") or {}).get(when)
    return " / ".join(f"{load:.2f}" for load in loads) if loads else "unknown"


def main(argv: list[str] | None = None) -> int:
    """Command line: build, measure, print the table and write bench.json."""
    parser = argparse.ArgumentParser(
        prog="python -m crosscheck.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--corpus", default="data", help="source corpus folder or manifest (default: data)"
    )
    parser.add_argument(
        "-n", type=int, default=10000, help="synthetic reports to build (default: 10000)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="random seed of the synthetic corpus (default: 0)"
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="process pool size (default: all CPUs)"
    )
    parser.add_argument("--out", default="reports", help="folder for bench.json (default: reports)")
    parser.add_argument("--keep", type=Path, help="write the synthetic corpus into this folder")
    args = parser.parse_args(argv)
    try:
        result = bench(args.corpus, args.n, args.seed, args.workers, args.keep)
    except CrosscheckError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(format_table(result))
    out = Path(args.out) / "bench.json"
    try:
        write_atomically(out, json.dumps(result, indent=1))
    except OSError as err:
        print(f"error: {out}: cannot write ({err.strerror})", file=sys.stderr)
        return 2
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
