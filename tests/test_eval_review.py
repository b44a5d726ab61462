"""Review files: a person's verdicts on spurious items, checked, applied and reported."""

from __future__ import annotations

import pytest

from crosscheck.errors import CrosscheckError
from crosscheck.eval_report import format_summary, render_html
from crosscheck.eval_review import apply_review, load_review, review_note

HEADER = "section,article_id,start,end,verdict,reason\n"


def write(tmp_path, body: str, header: str = HEADER):
    path = tmp_path / "review.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def quotes_section() -> dict:
    shown = {"quote": "q", "speaker": "s", "kind": "direct", "sentence": "a q b", "mark": [2, 3]}
    spurious = [
        {"article_id": "a", "start": 10, "end": 40, **shown},
        {"article_id": "a", "start": 50, "end": 70, **shown},
        {"article_id": "b", "start": 0, "end": 9, **shown},
    ]
    return {
        "gold": 8,
        "predicted": 10,
        "matched": 7,
        "spurious": spurious,
        "scored_articles": 2,
        "detection": {"precision": 0.7, "recall": 0.875, "f1": 0.778},
    }


def test_verdicts_are_counted_and_missing_items_count_as_gold(tmp_path):
    review = load_review(
        write(
            tmp_path,
            "quotes,a,10,40,gold omits,transcript\n"
            "quotes,a,50,70,not an item,imagined words\n"
            "quotes,b,0,9,gold omits,tweet\n"
            "quotes,c,5,6,unsure,no longer predicted\n",
        )
    )
    result = {"quotes": quotes_section(), "figures": {"unavailable": "not here"}}
    apply_review(result, review, "review.csv")
    reviewed = result["quotes"]["review"]
    assert reviewed["verdicts"] == {"gold omits": 2, "not an item": 1, "unsure": 0}
    assert [row["article_id"] for row in reviewed["unmatched"]] == ["c"]
    # two omitted items join the gold and the matches: P 9/10, R 9/10
    assert reviewed["detection"]["precision"] == pytest.approx(0.9)
    assert reviewed["detection"]["recall"] == pytest.approx(0.9)
    assert "review" not in result["figures"]
    note = review_note(result["quotes"])
    assert "3 of 3 spurious" in note and "F1 0.900" in note and "1 review row(s) match no" in note


def test_the_review_is_a_second_line_under_the_unchanged_score(tmp_path):
    review = load_review(write(tmp_path, "quotes,a,10,40,gold omits,transcript\n"))
    section = {
        **quotes_section(),
        "speaker_scored": 7,
        "speaker_right": 7,
        "speaker_accuracy": 1.0,
        "strict_right": 7,
        "strict": {"precision": 0.7, "recall": 0.875, "f1": 0.778},
        "misses": [],
        "wrong": [],
        "per_article": {},
        "by_kind": {},
    }
    result = {"corpus": "c", "articles": 2, "figures": {"unavailable": "-"}, "quotes": section}
    apply_review(result, review, "review.csv")
    summary = format_summary(result)
    assert "0.700" in summary and "Reviewed (review.csv): 1 of 3" in " ".join(summary.split())
    assert "Reviewed (review.csv)" in render_html({**result, "generated": "now"})


@pytest.mark.parametrize(
    ("body", "header", "problem"),
    [
        ("", "section,article_id,start,end\n", "lacks column(s) verdict, reason"),
        ("speeches,a,1,2,gold omits,x\n", HEADER, "line 2: section must be one of"),
        ("quotes,a,1,2,wrong,x\n", HEADER, "line 2: verdict must be one of"),
        ("quotes,a,one,2,unsure,x\n", HEADER, "line 2: start and end must be whole numbers"),
        ("quotes,a,5,2,unsure,x\n", HEADER, "line 2: start must be at least 0 and below end"),
    ],
)
def test_a_bad_review_file_is_one_error_naming_the_file(tmp_path, body, header, problem):
    path = write(tmp_path, body, header)
    with pytest.raises(CrosscheckError) as err:
        load_review(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_a_missing_review_file_is_named(tmp_path):
    with pytest.raises(CrosscheckError, match="review file not found"):
        load_review(tmp_path / "nowhere.csv")


def test_the_shipped_review_files_are_well_formed():
    from crosscheck.paths import PROJECT_ROOT

    files = sorted((PROJECT_ROOT / "data" / "reviews").glob("*.csv"))
    assert files
    for path in files:
        rows = load_review(path)
        assert rows and all(row["reason"].strip() for row in rows)
