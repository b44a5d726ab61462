"""Where the project's own files are: the checkout root and the lexicons users extend."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LEXICON_DIR = PROJECT_ROOT / "data" / "lexicon"
