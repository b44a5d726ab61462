"""Every notebook runs top to bottom with its defaults and with its alternate parameter set."""

from __future__ import annotations

from pathlib import Path

import papermill as pm
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
ALTERNATES = yaml.safe_load((NOTEBOOK_DIR / "renderings.yaml").read_text(encoding="utf-8"))[
    "alternates"
]


def run(notebook: Path, parameters: dict, out: Path) -> dict:
    return pm.execute_notebook(
        str(notebook),
        str(out),
        parameters=parameters,
        cwd=str(NOTEBOOK_DIR),
        kernel_name="python3",
        progress_bar=False,
    )


def error_outputs(executed: dict) -> list[str]:
    found = []
    for cell in executed["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(output.get("ename", "error"))
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                found.append("stderr: " + "".join(output.get("text", ""))[:200])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("parameter_set", ["defaults", "alternate"])
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_runs_cleanly(notebook: Path, parameter_set: str, tmp_path: Path) -> None:
    parameters = {} if parameter_set == "defaults" else dict(ALTERNATES[notebook.name])
    executed = run(notebook, parameters, tmp_path / notebook.name)
    assert not error_outputs(executed), f"{notebook.name} printed errors or warnings"
    displayed = [c for c in executed["cells"] if c["cell_type"] == "code" and c.get("outputs")]
    assert displayed, f"{notebook.name} showed nothing"
