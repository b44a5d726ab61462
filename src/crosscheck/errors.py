"""Project error classes: one line naming the file and the problem, never a deep traceback."""

from __future__ import annotations

from pathlib import Path


class CrosscheckError(Exception):
    """Base class of every error crosscheck raises on purpose."""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class ArticleError(CrosscheckError):
    """A report or manifest cannot be read; the message is `<file>: <problem>`, one line."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = _one_line(problem)
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{self.problem}")


class ArticleWarning(UserWarning):
    """A report was read, but with a fallback the user should know about (e.g. not UTF-8)."""


class GoldError(CrosscheckError):
    """A gold annotation file is malformed or does not match its article."""
