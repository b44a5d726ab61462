"""The project's own promises: one source of versions, clean notebooks, a complete page list."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def load_renderings() -> dict:
    return yaml.safe_load((ROOT / "notebooks" / "renderings.yaml").read_text(encoding="utf-8"))


def test_environment_yml_installs_the_project_and_lists_no_versions_of_its_own() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda_packages = [d for d in environment["dependencies"] if isinstance(d, str)]
    pip_sections = [d["pip"] for d in environment["dependencies"] if isinstance(d, dict)]
    assert len(pip_sections) == 1, "environment.yml needs exactly one pip: section"
    assert pip_sections[0] == ["-e .[dev]"], "the pip section installs the project, nothing else"
    python = next(p for p in conda_packages if p.startswith("python"))
    version = python.split("=")[-1]
    minimum = pyproject["project"]["requires-python"].removeprefix(">=")
    assert tuple(map(int, version.split("."))) >= tuple(map(int, minimum.split(".")))
    listed = {re.split(r"[<>=!~ ]", p)[0] for p in conda_packages} - {"python", "pip"}
    assert not listed, f"packages listed in environment.yml instead of pyproject.toml: {listed}"
    assert "dev" in pyproject["project"]["optional-dependencies"]


def test_pyproject_lists_the_runtime_packages_the_project_needs() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = {re.split(r"[<>=!~\[ ]", d)[0].lower() for d in pyproject["project"]["dependencies"]}
    needed = {"pandas", "matplotlib", "nltk", "jupyterlab", "papermill", "nbconvert", "ipykernel"}
    assert needed <= names


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"cell {number} of {notebook.name} has outputs"
            assert cell.get("execution_count") is None, f"cell {number} has an execution count"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_opens_with_question_data_method_then_parameters(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    opening = "".join(cells[0]["source"])
    assert cells[0]["cell_type"] == "markdown" and opening.startswith("# ")
    for heading in ("Question", "Data", "Method"):
        assert f"**{heading}" in opening, f"{notebook.name} does not state its {heading.lower()}"
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, f"{notebook.name} needs exactly one cell tagged 'parameters'"
    assert re.search(r"^manifest\s*=", "".join(tagged[0]["source"]), re.MULTILINE)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_imports_only_helpers_from_the_project(notebook: Path) -> None:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "crosscheck" not in re.findall(r"^\s*(?:from|import)\s+(\w+)", source, re.MULTILINE)
    assert "nltk.download" not in source


def test_every_notebook_is_a_page_and_has_an_alternate_parameter_set() -> None:
    renderings = load_renderings()
    on_pages = {page["notebook"] for page in renderings["pages"]}
    names = [page["name"] for page in renderings["pages"]]
    assert len(names) == len(set(names)), "page names must be unique"
    for notebook in NOTEBOOKS:
        assert notebook.name in on_pages, f"{notebook.name} is not rendered by make report"
        assert renderings["alternates"].get(notebook.name), f"{notebook.name} has no alternate"
    for name in on_pages | set(renderings["alternates"]):
        assert (ROOT / "notebooks" / name).exists(), f"renderings.yaml names missing {name}"


def test_page_parameters_exist_in_the_notebooks_parameters_cell() -> None:
    renderings = load_renderings()
    sets = [(p["notebook"], p.get("parameters") or {}) for p in renderings["pages"]]
    sets += list(renderings["alternates"].items())
    for name, parameters in sets:
        cells = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))["cells"]
        tagged = next(c for c in cells if "parameters" in c.get("metadata", {}).get("tags", []))
        declared = set(re.findall(r"^(\w+)\s*(?::[^=]*)?=", "".join(tagged["source"]), re.M))
        unknown = set(parameters) - declared
        assert not unknown, f"{name}: parameters {unknown} are not in its parameters cell"


def test_generated_folders_are_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    for folder in ("reports/", ".venv/", "build/"):
        assert folder in ignored
