"""Shared fixtures: paths of the project and of the optional shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from hypothesis import settings

matplotlib.use("Agg")

# On CI every run draws the same examples, so a green build stays green on a rerun; locally
# hypothesis keeps exploring new examples and remembers failures in .hypothesis/.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

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
