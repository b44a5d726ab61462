"""Shared fixtures: paths of the project and of the optional shared corpus."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seed_manifest() -> Path:
    """The manifest of the two seed reports shipped in data/."""
    return DATA / "articles.csv"


@pytest.fixture
def shared_corpus() -> Path:
    """The development corpus beside the project; tests using it skip on a bare clone."""
    corpus = SHARED / "corpus"
    if not (corpus / "articles.csv").exists():
        pytest.skip("../shared/corpus is not present beside the project")
    return corpus
