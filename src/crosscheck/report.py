"""Build the shared report: run every page of the collection with papermill, render it to
self-contained HTML twice (for readers without code, for analysts with code), then write
an index.html that lists the reports analysed and every page with its parameters.

    python -m crosscheck.report --manifest data/articles.csv --out reports

Nothing runs until the manifest and the page list are valid. Each page is executed and
rendered in a temporary folder inside the build folder, and its files replace the previous
ones only when all of them were written, so a failing notebook keeps its last good HTML.

This module runs the pages; the page list is read by report_pages, a page's HTML comes
from report_html (nbconvert, offline template) and index.html from report_index.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ArticleError, CrosscheckError
from .manifest import read_manifest
from .report_html import render_html, title_and_summary
from .report_index import index_html
from .report_pages import PAGES_FILE, PROJECT_ROOT, Page, PageListError, PageResult, load_pages

__all__ = [
    "Page",
    "PageListError",
    "PageResult",
    "build",
    "build_page",
    "index_html",
    "inputs_digest",
    "load_pages",
    "main",
    "page_fingerprint",
    "render_html",
    "title_and_summary",
]

STATE_FILE = ".pages.json"  # per page: the fingerprint of its inputs at its last good build


def _stderr_lines(notebook: Any) -> list[str]:
    """Warnings a reader would see: anything a cell wrote to stderr, one line per cell."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                first = next(
                    (line for line in output.get("text", "").splitlines() if line.strip()), ""
                )
                found.append(f"cell {index + 1} wrote to stderr: {first.strip()[:160]}")
                break
    return found


# Lines every kernel prints on start and stop; they say nothing about the notebook.
_KERNEL_NOISE = re.compile(
    r"running over TCP without encryption|KeyboardInterrupt caught in kernel"
)


@contextlib.contextmanager
def _stderr_into(log: Path):
    """Send this process's and its kernels' stderr (file descriptor 2) to `log` for a while."""
    sys.stderr.flush()
    saved = os.dup(2)
    with log.open("wb") as handle:
        os.dup2(handle.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def _kernel_messages(log: Path) -> list[str]:
    """What the kernel printed to stderr, without the start/stop noise."""
    if not log.exists():
        return []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [
        f"kernel: {line.strip()[:200]}"
        for line in lines
        if line.strip() and not _KERNEL_NOISE.search(line)
    ]


def _one_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0][:300] if lines else ""


def build_page(page: Page, manifest: Path, work: Path) -> PageResult:
    """Execute one page into `work` and render both HTML files there (runs in a worker)."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    print(f"  started  {page.name} ({page.notebook.name})", flush=True)
    executed = work / f"{page.name}.ipynb"
    parameters = {**page.parameters, "manifest": str(manifest)}
    log = work / f"{page.name}.kernel.log"
    try:
        with _stderr_into(log):
            papermill.execute_notebook(
                str(page.notebook),
                str(executed),
                parameters=parameters,
                cwd=str(page.notebook.parent),
                kernel_name="python3",
                progress_bar=False,
                log_output=False,
            )
    except PapermillExecutionError as err:
        # papermill counts its injected-parameters cell; name the cell as the notebook has it.
        cell_no = err.cell_index + (0 if err.cell_index <= _parameters_index(page.notebook) else -1)
        first = _one_line(err.source)[:60]
        where = f"cell {cell_no + 1} (In [{err.exec_count}]: {first!r})"
        problem = f"{where} raised {err.ename}: {_one_line(err.evalue)}"
        return PageResult(page.name, False, time.perf_counter() - started, error=problem)
    except Exception as err:  # kernel death, timeouts, unreadable notebook: report, never crash
        problem = f"could not run: {type(err).__name__}: {_one_line(err)}"
        return PageResult(page.name, False, time.perf_counter() - started, error=problem)
    notebook = nbformat.read(executed, as_version=4)
    _fix_injected_cell_id(notebook)
    nbformat.write(notebook, executed)
    title, summary = title_and_summary(notebook)
    try:
        for_readers = render_html(notebook, for_readers=True, title=title or page.name)
        for_analysts = render_html(notebook, for_readers=False, title=title or page.name)
    except Exception as err:
        problem = f"could not render HTML: {type(err).__name__}: {_one_line(err)}"
        return PageResult(page.name, False, time.perf_counter() - started, error=problem)
    (work / f"{page.name}.html").write_text(for_readers, encoding="utf-8")
    (work / f"{page.name}-code.html").write_text(for_analysts, encoding="utf-8")
    seconds = time.perf_counter() - started
    warnings = _stderr_lines(notebook) + _kernel_messages(log)
    return PageResult(page.name, True, seconds, title, summary, warnings=warnings)


def _parameters_index(notebook_path: Path) -> int:
    """Index of the cell tagged `parameters` (papermill injects its cell after it), else -1."""
    import nbformat

    notebook = nbformat.read(notebook_path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return index
    return -1


def _fix_injected_cell_id(notebook: Any) -> None:
    """papermill gives its injected cell a random id; a fixed one keeps two builds identical."""
    for cell in notebook.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"


def _page_files(name: str) -> list[str]:
    return [f"{name}.html", f"{name}-code.html", f"{name}.ipynb"]


def _publish(result: PageResult, work: Path, out: Path) -> None:
    """Move a page's files from the work folder into the build folder, one atomic rename each."""
    for file_name in _page_files(result.name):
        os.replace(work / file_name, out / file_name)
    stale = out / f"{result.name}.failed.ipynb"
    if stale.exists():
        stale.unlink()


def _keep_failed(result: PageResult, work: Path, out: Path) -> Path | None:
    """Keep the executed copy of a failed notebook (with papermill's error banner) for debugging."""
    executed = work / f"{result.name}.ipynb"
    if not executed.exists():
        return None
    kept = out / f"{result.name}.failed.ipynb"
    os.replace(executed, kept)
    return kept


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _digest_files(paths: list[Path], digest: Any) -> None:
    for path in sorted(paths):
        digest.update(
            str(
                path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
            ).encode()
        )
        digest.update(path.read_bytes())


def inputs_digest(manifest: Path, manifest_rows: list[dict[str, str]]) -> str:
    """A hash of everything every page reads: the code, lexicons, template, manifest and reports."""
    digest = hashlib.sha256()
    code = [
        p
        for p in (PROJECT_ROOT / "src").rglob("*")
        if p.is_file() and p.suffix in {".py", ".j2", ".json"}
    ]
    lexicon = [p for p in (PROJECT_ROOT / "data" / "lexicon").rglob("*") if p.is_file()]
    project = [p for p in [PROJECT_ROOT / "pyproject.toml"] if p.exists()]
    _digest_files(code + lexicon + project, digest)
    digest.update(str(manifest.resolve()).encode())
    _digest_files([manifest.resolve(), *(Path(r["resolved_path"]) for r in manifest_rows)], digest)
    return digest.hexdigest()


def page_fingerprint(page: Page, shared: str) -> str:
    """The page's own inputs (notebook, name, parameters) on top of the shared digest."""
    digest = hashlib.sha256(shared.encode())
    digest.update(page.name.encode())
    digest.update(json.dumps(page.parameters, sort_keys=True, default=str).encode())
    digest.update(page.notebook.read_bytes())
    return digest.hexdigest()


def _read_state(out: Path) -> dict[str, dict]:
    try:
        state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_state(out: Path, state: dict[str, dict]) -> None:
    partial = out / f"{STATE_FILE}.partial"
    partial.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, out / STATE_FILE)


def build(
    manifest: str | Path,
    out: str | Path,
    pages_file: str | Path = PAGES_FILE,
    workers: int = 2,
    force: bool = False,
) -> int:
    """Validate, build every page (in parallel), publish what succeeded, write the index.

    A page whose inputs (notebook, parameters, code, lexicons, manifest and report files) are
    unchanged since its last good build is kept as it is, unless `force`.
    Returns the exit code: 0 when every page was built, 1 when one or more failed,
    2 when the input is invalid (nothing is run then).
    """
    manifest_path, out_dir = Path(manifest), Path(out)
    try:
        manifest_rows = read_manifest(manifest_path)
        pages = load_pages(pages_file)
    except CrosscheckError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if out_dir.exists() and not out_dir.is_dir():
        print(f"error: {out_dir}: exists and is not a folder", file=sys.stderr)
        return 2
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"Building {len(pages)} page(s) into {out_dir}/ with {workers} worker(s)", flush=True)
    results: dict[str, PageResult] = {}
    state = {} if force else _read_state(out_dir)
    shared = inputs_digest(manifest_path, manifest_rows)
    fingerprints = {page.name: page_fingerprint(page, shared) for page in pages}
    to_run = []
    for page in pages:
        known = state.get(page.name, {})
        on_disk = all((out_dir / name).exists() for name in _page_files(page.name))
        if known.get("fingerprint") == fingerprints[page.name] and on_disk:
            results[page.name] = PageResult(
                page.name, True, 0.0, known.get("title", ""), known.get("summary", "")
            )
            print(f"  up to date {page.name}", flush=True)
        else:
            to_run.append(page)
    work = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        with ProcessPoolExecutor(max_workers=max(1, min(workers, len(to_run) or 1))) as pool:
            futures = {
                pool.submit(build_page, page, manifest_path.resolve(), work): page
                for page in to_run
            }
            for future in as_completed(futures):
                page = futures[future]
                try:
                    result = future.result()
                except Exception as err:  # a worker died: report the page, keep going
                    result = PageResult(page.name, False, 0.0, error=f"worker failed: {err!r}")
                results[page.name] = result
                state.pop(page.name, None)
                if result.ok:
                    _publish(result, work, out_dir)
                    state[page.name] = {
                        "fingerprint": fingerprints[page.name],
                        "title": result.title,
                        "summary": result.summary,
                    }
                    print(f"  finished {page.name} in {result.seconds:.1f} s", flush=True)
                    for warning in result.warnings:
                        print(f"warning: {page.name}: {warning}", file=sys.stderr, flush=True)
                else:
                    kept = _keep_failed(result, work, out_dir)
                    debug = f"; executed copy in {_display_path(kept)}" if kept else ""
                    notebook = _display_path(page.notebook)
                    print(
                        f"error: page {page.name} ({notebook}): {result.error}; "
                        f"last good HTML kept{debug}",
                        file=sys.stderr,
                        flush=True,
                    )
    finally:
        shutil.rmtree(work, ignore_errors=True)
        _write_state(out_dir, {name: state[name] for name in fingerprints if name in state})
    built = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    page = index_html(pages, results, manifest_rows, str(manifest), out_dir, built)
    index = out_dir / "index.html"
    partial = out_dir / ".index.html.partial"
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, index)
    failed = [name for name, result in results.items() if not result.ok]
    elapsed = time.perf_counter() - started
    if failed:
        # An index older than every input makes the next `make report` try again.
        os.utime(index, (0, 0))
        print(
            f"{len(failed)} of {len(pages)} page(s) failed in {elapsed:.1f} s: {', '.join(failed)}"
        )
        return 1
    kept = len(pages) - len(to_run)
    note = f" ({kept} up to date)" if kept else ""
    print(f"Built {len(to_run)} page(s){note} in {elapsed:.1f} s: open {_display_path(index)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m crosscheck.report --manifest M --out DIR`."""
    parser = argparse.ArgumentParser(
        prog="python -m crosscheck.report", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--manifest", required=True, help="manifest CSV of the reports to analyse")
    parser.add_argument("--out", required=True, help="build folder (HTML, notebooks, index.html)")
    parser.add_argument("--pages", default=str(PAGES_FILE), help="page list (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="notebooks run at once (default: 2)")
    parser.add_argument(
        "--force", action="store_true", help="rebuild pages whose inputs are unchanged"
    )
    args = parser.parse_args(argv)
    try:
        return build(args.manifest, args.out, args.pages, args.workers, args.force)
    except ArticleError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
