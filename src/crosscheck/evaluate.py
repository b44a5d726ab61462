"""Score extracted figures and quotes against gold annotations: P/R/F1, misses, spurious items.

    python -m crosscheck.evaluate --corpus data --out reports      (or: make eval CORPUS=dir)

The matching and scoring rules, and the code that applies them, are in eval_scoring.py;
this module runs the extractors on a corpus folder and is the command line.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .articles import load_articles, sentences_held
from .errors import CrosscheckError
from .eval_review import apply_review, load_review
from .eval_scoring import (
    direct_quotes_only,
    figure_spans_match,
    one_to_one,
    per_article,
    quote_spans_match,
    same_bound,
    score_figures,
    score_quotes,
    speakers_match,
    surname,
)
from .gold import GoldProblems, gold_frames, load_gold

__all__ = [
    "direct_quotes_only",
    "evaluate_corpus",
    "figure_spans_match",
    "load_extractor",
    "main",
    "one_to_one",
    "per_article",
    "quote_spans_match",
    "same_bound",
    "score_figures",
    "score_quotes",
    "speakers_match",
    "surname",
]


def load_extractor(module: str, function: str) -> Callable[[pd.DataFrame], pd.DataFrame] | str:
    """The extractor function, or why it cannot be imported (the section is then not scored)."""
    try:
        return getattr(importlib.import_module(f"crosscheck.{module}"), function)
    except ModuleNotFoundError as err:
        if err.name == f"crosscheck.{module}":
            return f"crosscheck.{module} is not installed in this checkout"
        return f"crosscheck.{module} cannot be imported ({err})"
    except (ImportError, AttributeError) as err:
        return f"crosscheck.{module} cannot be imported ({err})"


def evaluate_corpus(corpus: str | Path, progress: Callable[[str], None] | None = None) -> dict:
    """Run the extractors on a corpus folder (articles.csv + gold/) and score them."""
    say = progress or (lambda message: None)
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise CrosscheckError(f"{corpus}: corpus folder not found")
    manifest = corpus / "articles.csv"
    if not manifest.is_file():
        raise CrosscheckError(f"{manifest}: no articles.csv manifest in the corpus folder")
    articles = load_articles(manifest)
    gold = load_gold(articles, corpus / "gold")
    texts = articles["text"].to_dict()
    gold_figures, gold_quotes = gold_frames(gold, texts)
    result: dict = {"corpus": str(corpus), "articles": len(articles)}
    with sentences_held():  # figures and quotes share each report's sentences
        for name, module, function, gold_frame, scorer in (
            ("figures", "figures", "extract_figures", gold_figures, score_figures),
            ("quotes", "quotes", "extract_quotes", gold_quotes, score_quotes),
        ):
            extract = load_extractor(module, function)
            if isinstance(extract, str):
                say(f"{name}: not scored, {extract}")
                result[name] = {"unavailable": extract}
                continue
            scored_ids = [a for a, g in gold.items() if name == "quotes" or g.figures is not None]
            predicted = None
            if scored_ids:
                say(f"extracting {name} from {len(scored_ids)} article(s)")
                predicted = extract(articles.loc[scored_ids])
            if predicted is not None and "article_id" not in predicted.columns:
                predicted = predicted.reset_index()  # extractors may index rows by article_id
            if predicted is None or predicted.empty:
                predicted = pd.DataFrame(columns=["article_id", "start", "end"])
            predicted = predicted[predicted["article_id"].isin(scored_ids)].reset_index(drop=True)
            set_aside = 0
            if name == "quotes" and direct_quotes_only(gold_frame) and "kind" in predicted.columns:
                partial = predicted["kind"] == "partial"
                set_aside = int(partial.sum())
                predicted = predicted[~partial].reset_index(drop=True)
            section = scorer(gold_frame, predicted, texts)
            if name == "quotes":
                section["partial_not_scored"] = set_aside
            section["scored_articles"] = len(scored_ids)
            section["per_article"] = per_article(section)
            result[name] = section
    return result


def main(argv: list[str] | None = None) -> int:
    """Command line: score, print misses/spurious and the summary, write eval.html/json."""
    from .eval_report import format_items, format_summary, write_reports

    parser = argparse.ArgumentParser(
        prog="python -m crosscheck.evaluate", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--corpus", default="data", help="folder with articles.csv and gold/ (default: data)"
    )
    parser.add_argument(
        "--out", default="reports", help="folder for eval.html and eval.json (default: reports)"
    )
    parser.add_argument("--summary-only", action="store_true", help="print only the summary table")
    parser.add_argument(
        "--review",
        default="",
        help="CSV of a person's verdicts on spurious items (see eval_review.py); adds a second "
        "score that counts items the gold leaves out",
    )
    args = parser.parse_args(argv)
    try:
        review = load_review(args.review) if args.review else []
        result = evaluate_corpus(
            args.corpus, progress=lambda m: print(m, file=sys.stderr, flush=True)
        )
        if review:
            apply_review(result, review, args.review)
    except GoldProblems as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except CrosscheckError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if not args.summary_only:
        print(format_items(result))
    print(format_summary(result))
    try:
        paths = write_reports(result, Path(args.out))
    except OSError as err:
        print(f"error: {args.out}: cannot write the reports ({err.strerror})", file=sys.stderr)
        return 2
    print("wrote " + " and ".join(str(p) for p in paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
