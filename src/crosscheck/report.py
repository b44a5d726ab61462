"""Build the shared report: run every page of the collection with papermill, render it to
self-contained HTML twice (for readers without code, for analysts with code), then write
an index.html that lists the reports analysed and every page with its parameters.

    python -m crosscheck.report --manifest data/articles.csv --out reports

Nothing runs until the manifest and the page list are valid. Each page is executed and
rendered in a temporary folder inside the build folder, and its files replace the previous
ones only when all of them were written, so a failing notebook keeps its last good HTML.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ArticleError, CrosscheckError
from .manifest import read_manifest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
PAGES_FILE = NOTEBOOKS_DIR / "renderings.yaml"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "offline"
EVAL_PAGE = "eval.html"
STATE_FILE = ".pages.json"  # per page: the fingerprint of its inputs at its last good build
HIDDEN_FOR_READERS = ("injected-parameters", "parameters", "remove-cell", "hide-for-readers")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class PageListError(CrosscheckError):
    """The page list (renderings.yaml) is malformed; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class Page:
    """One page of the report: a notebook and the parameters it runs with."""

    name: str
    notebook: Path
    parameters: dict[str, Any] = field(default_factory=dict)


@dataclass
class PageResult:
    """What building one page gave: files in the work folder, or the reason it failed."""

    name: str
    ok: bool
    seconds: float
    title: str = ""
    summary: str = ""
    error: str = ""
    warnings: list[str] = field(default_factory=list)


def load_pages(
    pages_file: str | Path = PAGES_FILE, notebooks_dir: str | Path | None = None
) -> list[Page]:
    """The pages listed in `pages_file` (YAML), checked: unique names, notebooks that exist."""
    import yaml

    path = Path(pages_file)
    folder = Path(notebooks_dir) if notebooks_dir is not None else path.parent
    if not path.is_file():
        raise PageListError(path, "page list not found")
    try:
        spec = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise PageListError(path, f"not valid YAML{line}") from None
    entries = spec.get("pages") if isinstance(spec, dict) else None
    if not isinstance(entries, list) or not entries:
        raise PageListError(path, "needs a non-empty `pages:` list")
    pages: list[Page] = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "name" not in entry or "notebook" not in entry:
            raise PageListError(path, f"page {number}: needs `name` and `notebook`")
        name, notebook = str(entry["name"]), folder / str(entry["notebook"])
        parameters = entry.get("parameters") or {}
        if not _NAME.match(name):
            raise PageListError(path, f"page {name!r}: name must be letters, digits, '_', '-', '.'")
        if any(page.name == name for page in pages):
            raise PageListError(path, f"page {name!r} is listed twice")
        if not notebook.is_file():
            raise PageListError(path, f"page {name!r}: notebook {entry['notebook']} not found")
        if not isinstance(parameters, dict):
            raise PageListError(path, f"page {name!r}: `parameters` must be a mapping")
        pages.append(Page(name, notebook, dict(parameters)))
    return pages


def render_html(notebook: Any, for_readers: bool, title: str = "") -> str:
    """Self-contained HTML of an executed notebook; readers get no code and no parameter cells."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        embed_images=True,
        exclude_input=for_readers,
        exclude_input_prompt=for_readers,
        exclude_output_prompt=for_readers,
    )
    if for_readers:
        remover = TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_FOR_READERS), enabled=True)
        exporter.register_preprocessor(remover, enabled=True)
    resources = {"metadata": {"name": title or "crosscheck"}}
    body, _ = exporter.from_notebook_node(notebook, resources=resources)
    return body


def _plain(markdown: str) -> str:
    """Markdown of one paragraph as plain text: links, emphasis and code marks removed."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


def title_and_summary(notebook: Any) -> tuple[str, str]:
    """The notebook's first H1, and the first paragraph of prose after it (plain text)."""
    title, summary = "", ""
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            block = block.strip()
            if not block:
                continue
            if not title and block.startswith("# "):
                heading, _, rest = block.partition("\n")
                title = _plain(heading[2:])
                block = rest.strip()
                if not block:
                    continue
            if title and not summary and not block.startswith(("#", "|", "- ", "* ", ">", "<")):
                # "**Question.** Which …" reads as "Which …" in a one-line summary.
                paragraph = _plain(re.sub(r"^\*\*[^*\n]{1,30}[.:]\*\*\s*", "", block))
                summary = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", paragraph, maxsplit=1)[0]
            if title and summary:
                return title, summary
    return title, summary


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


def _format_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_INDEX_CSS = """
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d;
  margin: 0; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; background: #fff; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
.built { color: #666; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem;
  border-bottom: 1px solid #e3e3e3; overflow-wrap: anywhere; }
th { background: #f2f2f2; font-weight: 600; }
td.date { white-space: nowrap; }
.page { margin: 0 0 1.2rem; padding: 0.6rem 0.9rem; border: 1px solid #e3e3e3; border-radius: 4px; }
.page h3 { margin: 0 0 0.25rem; font-size: 1.1rem; }
.page p { margin: 0.25rem 0; }
.params { color: #444; font-size: 13px; }
.params code { background: #f4f4f4; padding: 0 0.25em; overflow-wrap: anywhere; }
.failed { color: #a40000; }
"""


def index_html(
    pages: list[Page],
    results: dict[str, PageResult],
    manifest_rows: list[dict[str, str]],
    manifest_label: str,
    out: Path,
    built: str,
) -> str:
    """The index page: title, build date, reports analysed, pages with parameters, eval link."""
    esc = html.escape
    rows = []
    for row in sorted(manifest_rows, key=lambda r: r.get("published") or "9999"):
        cells = [row.get("outlet") or "", row.get("published") or "", row.get("headline") or ""]
        url = (row.get("url") or "").strip()
        headline = esc(cells[2] or row["article_id"])
        if url.startswith(("http://", "https://")):
            headline = f'<a href="{esc(url)}">{headline}</a>'
        rows.append(
            f'<tr><td>{esc(cells[0])}</td><td class="date">{esc(cells[1])}</td><td>{headline}</td>'
            f"<td><code>{esc(row['article_id'])}</code></td></tr>"
        )
    items = []
    for page in pages:
        result = results.get(page.name)
        if not (out / f"{page.name}.html").exists():
            items.append(
                f'<section class="page"><h3>{esc(page.name)}</h3>'
                f'<p class="failed">Not built: {esc(result.error if result else "")}</p></section>'
            )
            continue
        title = (result.title if result and result.ok else "") or page.name
        if isinstance(page.parameters.get("title"), str) and page.parameters["title"]:
            title = f"{title}: {page.parameters['title']}"  # one notebook, several pages
        summary = result.summary if result and result.ok else ""
        parameters = {**page.parameters, "manifest": manifest_label}
        shown = ", ".join(
            f"<code>{esc(key)} = {esc(_format_value(value))}</code>"
            for key, value in parameters.items()
        )
        note = ""
        if result is not None and not result.ok:
            note = (
                f'<p class="failed">This build failed ({esc(result.error)}); '
                "the page shown is the last good one.</p>"
            )
        items.append(
            f'<section class="page"><h3><a href="{esc(page.name)}.html">{esc(title)}</a></h3>'
            f"<p>{esc(summary)}</p>{note}"
            f'<p class="params">Parameters: {shown}</p>'
            f'<p class="params"><a href="{esc(page.name)}.html">Read</a> · '
            f'<a href="{esc(page.name)}-code.html">with code</a> · '
            f'<a href="{esc(page.name)}.ipynb">notebook</a> · '
            f"<code>{esc(page.notebook.name)}</code></p>"
            "</section>"
        )
    evaluation = ""
    if (out / EVAL_PAGE).exists():
        evaluation = (
            f'<h2>Evaluation</h2><p><a href="{EVAL_PAGE}">How well the extraction matches the '
            "hand annotations</a> (written by <code>make eval</code>).</p>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>crosscheck: how the reports compare</title>\n"
        f"<style>{_INDEX_CSS}</style>\n</head>\n<body>\n<main>\n"
        "<h1>crosscheck: how the reports compare</h1>\n"
        f'<p class="built">Built {esc(built)} from <code>{esc(manifest_label)}</code>.</p>\n'
        f"<h2>Reports analysed ({len(manifest_rows)})</h2>\n"
        "<table><thead><tr><th>Outlet</th><th>Published</th><th>Headline</th><th>Id</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>\n"
        f"<h2>Pages</h2>\n{''.join(items)}\n{evaluation}\n"
        "</main>\n</body>\n</html>\n"
    )


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
