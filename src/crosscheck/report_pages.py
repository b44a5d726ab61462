"""The page list of the report (notebooks/renderings.yaml): which notebook runs with which
parameters under which name, checked before anything runs; and what building a page gave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CrosscheckError
from .paths import PROJECT_ROOT

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
PAGES_FILE = NOTEBOOKS_DIR / "renderings.yaml"
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
