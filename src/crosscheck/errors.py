"""Project error classes: one line naming the file and the problem, never a deep traceback."""

from __future__ import annotations

from pathlib import Path


class CrosscheckError(Exception):
    """Base class of every error crosscheck raises on purpose."""


class ArticleError(CrosscheckError):
    """A report or manifest cannot be read; the message names the file and the problem."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{problem}")


class GoldError(CrosscheckError):
    """A gold annotation file is malformed or does not match its article."""
