"""The front door notebooks import: the public functions of crosscheck, in one place.

    from helpers import load_articles, sentences

The logic lives in the modules of the `crosscheck` package beside this file.
"""

from crosscheck.articles import load_articles, sentences
from crosscheck.errors import ArticleError, CrosscheckError

__all__ = [
    "ArticleError",
    "CrosscheckError",
    "load_articles",
    "sentences",
]
