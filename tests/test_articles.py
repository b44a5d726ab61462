"""Reports into frames: loading every kind of source, cleaning furniture, sentences, tokens."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.articles import (
    content_lines,
    furniture_kind,
    load_articles,
    paragraph_spans,
    segment,
    sentences,
    tokens,
)
from crosscheck.errors import ArticleError, ArticleWarning
from crosscheck.text import normalise

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment(text)]


def kept_text(text: str) -> list[str]:
    kept, _ = content_lines(text)
    return [text[s:e] for s, e in kept]


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


# --- sentences -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Marine Gen. Joseph Dunford said the troops would stay.",
        "The U.S.-led coalition has been fighting ISIS since 2014.",
        "We want to support the U.N.-mandated process, Mattis said.",
        "Lt. Col. Sean Ryan, a spokesman, spoke on Sept. 10 in Washington, D.C. on Tuesday.",
        "Sen. Helen Ortega, D-Ill., and Rep. Frank Dorsey, R-Utah, met Dr. Patel at 6 p.m. ET.",
        "Mr. Stevens and Mrs. Clinton met Donald J. Trump on Jan. 5 in Va. in 2016.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(sentence: str) -> None:
    assert split(f"Headline\n\n{sentence} The next one starts here.") == [
        "Headline",
        sentence,
        "The next one starts here.",
    ]


def test_a_sentence_can_end_on_an_abbreviation_before_a_sentence_starter() -> None:
    assert split("Body: they flew back to the U.S. The next day they left. He said no.") == [
        "Body: they flew back to the U.S.",
        "The next day they left.",
        "He said no.",
    ]


def test_a_paragraph_break_always_ends_a_sentence() -> None:
    text = "Headline without a period\nFirst paragraph ends without one\n\nSecond. Third."
    found = segment(text)
    assert [text[s.start : s.end] for s in found] == [
        "Headline without a period",
        "First paragraph ends without one",
        "Second.",
        "Third.",
    ]
    assert [s.paragraph_no for s in found] == [0, 1, 2, 2]
    assert [s.sentence_no for s in found] == [0, 1, 2, 3]


def test_quotes_close_the_sentence_they_end() -> None:
    text = '"We have won," he said. "Now we go home." Officials agreed.'
    assert split(text) == ['"We have won," he said.', '"Now we go home."', "Officials agreed."]


def test_hard_wrapped_text_joins_lines_into_paragraphs() -> None:
    text = (
        "Troops leave Syria\n\n"
        "More than 400 US Marines and their artillery are\n"
        "leaving Syria after helping to capture the city,\n"
        "the coalition said. Officials said 2,000 troops\n"
        "remain in the country.\n\n"
        "A second paragraph follows here and it is also\n"
        "wrapped at a fixed width by the e-mail program.\n"
    )
    assert split(text) == [
        "Troops leave Syria",
        "More than 400 US Marines and their artillery are\nleaving Syria after helping to "
        "capture the city,\nthe coalition said.",
        "Officials said 2,000 troops\nremain in the country.",
        "A second paragraph follows here and it is also\nwrapped at a fixed width by the "
        "e-mail program.",
    ]


def test_one_paragraph_per_line_when_lines_are_sentences() -> None:
    text = "Headline\nFirst line is a sentence.\nSecond line too.\nThird line as well."
    assert len(paragraph_spans(text)) == 4


# --- furniture -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Portuguese / Spanish / English", "switcher"),
        ("Home | World | Politics | Sport", "switcher"),
        ("Show Comments", "button"),
        ("Show Thumbnails", "button"),
        ("Show Captions", "button"),
        ("You may also like...", "button"),
        ("Advertisement", "button"),
        ("Story continues below advertisement", "button"),
        ("Slideshow (12 Images)", "button"),
        ("Follow Jane Roe on Twitter @janeroe.", "button"),
        ('"Follow Jane Roe on Twitter: @janeroe."', "button"),
        ("Read: Ten things to know about the talks", "promo"),
        ("More: How did the war start?", "promo"),
        ("WATCH | The minister arrives in Kabul", "promo"),
        ("Marines unload gear at a base [US Navy/Flickr]", "caption"),
        ("Troops patrol near Hasakah, Syria. REUTERS/Jane Doe/File Photo", "caption"),
        ("A soldier on guard in Kabul. (AP Photo/John Roe)", "caption"),
        ("FILE PHOTO: A convoy crosses the border", "caption"),
        ("Image copyright Getty Images", "caption"),
        ("Getty/Instagram.", "caption"),
        ("Contributing: Jane Doe and John Roe", "contributors"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "contributors"),
        ("Wire services contributed to this report.", "contributors"),
        ("Editor's note: This story has a standing note about the candidate.", "contributors"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("Copyright © 2020 Example Media, LLC. All rights reserved.", "newsletter"),
        ("Tags: Syria, Pentagon, troops", "tags"),
        ("Asia & AmericasEurope & RussiaMiddle EastNewsRussiaSyria", "tags"),
        ("* * *", "separator"),
        ('<embed id="1234"></embed>.', "embed"),
    ],
)
def test_furniture_kinds(line: str, kind: str) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "More than 400 US Marines and their artillery are leaving Syria.",
        "Read the statement in full, the minister told reporters on Monday.",
        "Reporting by the Associated Press found that troops had left.",
        "Writing from Baghdad, she described the siege in detail.",
        "Photographs of the scene showed at least 20 damaged vehicles.",
        "The Reuters/Marist survey put Whitman further ahead than earlier surveys did.",
        "Officials said McGurk, DeMint and McCain discussed YouTube videos.",
        "Copies of the letter were sent to 50 senators.",
        "Share prices fell 3 percent after the announcement.",
        '"Show humility," she told the crowd.',
        "Follow the money on Twitter, the senator said.",
    ],
)
def test_report_sentences_are_not_furniture(line: str) -> None:
    assert furniture_kind(line) is None


def test_headline_kept_once_and_furniture_recorded() -> None:
    text = (
        "Portuguese / Spanish / English\n\n"
        "Watch: 300 troops head home\n\n"
        "Watch: 300 troops head home\n\n"
        "Soldiers board a plane [US Army/Wikipedia]\n\n"
        "About 300 soldiers left on Monday, officials said.\n\n"
        "Read: The war in numbers\n\n"
        "The rest of the force stays.\n\n"
        "Syria & IraqMiddle EastNewsPentagonUS\n"
        "Show Comments\n"
        "A charity accused of wrongdoing opens a book launch\n"
        "Show Comments"
    )
    kept, dropped = content_lines(text)
    assert [text[s:e] for s, e in kept] == [
        "Watch: 300 troops head home",
        "About 300 soldiers left on Monday, officials said.",
        "The rest of the force stays.",
    ]
    assert dropped == [
        "Portuguese / Spanish / English",
        "Watch: 300 troops head home",
        "Soldiers board a plane [US Army/Wikipedia]",
        "Read: The war in numbers",
        "Syria & IraqMiddle EastNewsPentagonUS",
        "Show Comments",
        "A charity accused of wrongdoing opens a book launch",
        "Show Comments",
    ]


def test_repeated_paragraph_dropped_but_short_repeats_kept() -> None:
    text = (
        "Headline\n\nNone.\n\nThe army said 40 were hurt.\n\nNone.\n\nThe army said 40 were hurt."
    )
    assert kept_text(text) == ["Headline", "None.", "The army said 40 were hurt.", "None."]


def test_subheading_between_paragraphs_is_kept() -> None:
    text = "Headline\n\nFirst paragraph here.\n\nReaction\n\nSecond paragraph here."
    assert kept_text(text) == [
        "Headline",
        "First paragraph here.",
        "Reaction",
        "Second paragraph here.",
    ]


# --- property tests --------------------------------------------------------------------

REPORTISH = st.lists(
    st.sampled_from(
        list("aAbBsS .,.!?\"'\n\n\r\t-/[]():|&")
        + ["U.S.", "Gen.", "Show Comments", "Read: ", "\u201c", "\u201d", "\u00a0", "Mr. "]
    ),
    max_size=120,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORTISH)
def test_segment_offsets_are_ordered_disjoint_and_inside_kept_text(text: str) -> None:
    kept, dropped = content_lines(text)
    found = segment(text)
    previous_end = -1
    for number, sentence in enumerate(found):
        piece = text[sentence.start : sentence.end]
        assert piece and piece == piece.strip()
        assert sentence.start >= previous_end
        assert sentence.sentence_no == number
        assert any(s <= sentence.start and sentence.end <= e for s, e in kept)
        previous_end = sentence.end
    assert [s.paragraph_no for s in found] == sorted(s.paragraph_no for s in found)
    # Nothing is lost: every non-blank paragraph is kept or listed as dropped.
    assert len(kept) + len(dropped) == len(paragraph_spans(text))


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200))
def test_loading_any_text_never_crashes_with_anything_but_article_error(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text(text, encoding="utf-8")
        try:
            frame = load_articles(path)
        except ArticleError as err:
            assert str(path) in str(err) and "\n" not in str(err)
            return
        assert frame.loc["report", "text"] == path.read_bytes().decode("utf-8-sig")
        rows = sentences(frame)
        for row in rows.itertuples():
            assert frame.loc["report", "text"][row.start : row.end] == row.text


# --- loading ---------------------------------------------------------------------------


def test_seed_manifest_loads_with_documented_columns(seed_manifest: Path) -> None:
    articles = load_articles(seed_manifest)
    assert list(articles.columns[:9]) == [
        "outlet",
        "published",
        "headline",
        "url",
        "path",
        "text",
        "body",
        "words",
        "dropped",
    ]
    assert articles.index.name == "article_id"
    assert str(articles["published"].dtype) == "datetime64[ns]"
    assert articles["words"].dtype == "int64"
    for article_id, row in articles.iterrows():
        assert row["text"] == Path(row["path"]).read_text(encoding="utf-8")
        assert "Show Comments" not in row["body"] and "Show Captions" not in row["body"]
        assert row["words"] > 200
        assert article_id in row["path"]


def test_seed_sentences_keep_gold_figures_whole(seed_manifest: Path) -> None:
    articles = load_articles(seed_manifest)
    rows = sentences(articles)
    for article_id in articles.index:
        gold = json.loads((ROOT / "data" / "gold" / f"{article_id}.json").read_text("utf-8"))
        mine = rows[rows["article_id"] == article_id]["text"].map(normalise)
        for figure in gold["figures"]:
            assert mine.str.contains(normalise(figure["text"]), regex=False).any(), figure
    usatoday = rows[rows["article_id"].str.startswith("usatoday")]["text"].tolist()
    assert any(s.startswith("Marine Gen. Joseph Dunford, chairman") for s in usatoday)
    assert "The U.S.-led coalition has been fighting ISIS in the countries since 2014." in usatoday


def test_folder_of_txt_and_html(tmp_path: Path) -> None:
    write(tmp_path / "reuters-2019-02-22-peacekeepers.txt", "Peacekeepers stay\n\nAbout 200 stay.")
    write(tmp_path / "notes.md", "not a report")
    write(
        tmp_path / "page.html",
        "<html><head><title>Raids hit four depots | Example News</title>"
        '<meta property="og:title" content="Raids hit four depots">'
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2019-12-29T18:00:00Z">'
        '<link rel="canonical" href="https://news.example.org/strikes"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Raids hit four depots</h1>"
        "<p>Allied jets bombed four depots in Yemen and Oman on Friday, officials said.</p>"
        "<p>At least 18 people died in the raids, according to a statement from the port "
        "authority released late.</p></article><footer>Copyright 2019</footer></body></html>",
    )
    articles = load_articles(tmp_path)
    assert list(articles.index) == ["page", "reuters-2019-02-22-peacekeepers"]
    txt = articles.loc["reuters-2019-02-22-peacekeepers"]
    assert (txt["outlet"], txt["headline"]) == ("reuters", "Peacekeepers stay")
    assert txt["published"] == pd.Timestamp("2019-02-22")
    page = articles.loc["page"]
    assert page["outlet"] == "Example News"
    assert page["headline"] == "Raids hit four depots"
    assert page["published"] == pd.Timestamp("2019-12-29")
    assert page["url"] == "https://news.example.org/strikes"
    assert page["text"].startswith("Raids hit four depots\n")
    assert "At least 18 people died" in page["body"] and "Home |" not in page["text"]
    rows = sentences(articles)
    for row in rows.itertuples():
        assert articles.loc[row.article_id, "text"][row.start : row.end] == row.text


def test_unknown_date_is_nat_and_manifest_extras_are_kept(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.txt", "Headline one\n\nBody one.")
    write(tmp_path / "a" / "two.txt", "Headline two\n\nBody two.")
    manifest = write(
        tmp_path / "articles.csv",
        "article_id,path,outlet,published,event\n"
        "one,a/one.txt,Paper,2019-12-29T10:00:00-05:00,strikes\n"
        "two,a/two.txt,,,strikes\n",
    )
    articles = load_articles(manifest)
    assert articles.loc["one", "published"] == pd.Timestamp("2019-12-29 10:00")
    assert pd.isna(articles.loc["two", "published"])
    assert articles.loc["two", "headline"] == "Headline two"
    assert list(articles["event"]) == ["strikes", "strikes"]


def test_written_dates_parse(tmp_path: Path) -> None:
    write(tmp_path / "one.txt", "Headline\n\nBody.")
    manifest = write(tmp_path / "m.csv", 'article_id,path,published\none,one.txt,"Dec. 19, 2018"\n')
    assert load_articles(manifest).loc["one", "published"] == pd.Timestamp("2018-12-19")


@pytest.mark.parametrize(
    ("manifest_text", "problem"),
    [
        ("article_id,outlet\none,X\n", "lacks required column(s): path"),
        ("article_id,path,published\none,one.txt,yesterday\n", "cannot parse published date"),
        ("article_id,path,published\none,one.txt,2019-13-45\n", "cannot parse published date"),
        ("article_id,path\none,one.txt\none,one.txt\n", "duplicate article id(s): one"),
        ("article_id,path\none,missing.txt\n", "not found"),
    ],
)
def test_bad_manifest_is_one_line_naming_it(
    tmp_path: Path, manifest_text: str, problem: str
) -> None:
    write(tmp_path / "one.txt", "Headline\n\nBody.")
    manifest = write(tmp_path / "articles.csv", manifest_text)
    with pytest.raises(ArticleError) as caught:
        load_articles(manifest)
    message = str(caught.value)
    assert message.startswith(str(manifest)) and problem in message and "\n" not in message


def test_folder_with_one_bad_file_names_that_file(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "Headline\n\nBody.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(ArticleError) as caught:
        load_articles(tmp_path)
    assert str(caught.value).startswith(f"{bad}: ")


def test_duplicate_ids_in_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "one.txt", "Headline\n\nBody.")
    write(tmp_path / "one.html", "<html><body><p>Body of the page, long enough.</p></body></html>")
    with pytest.raises(ArticleError, match=r"duplicate article id\(s\): one \(one.html, one.txt\)"):
        load_articles(tmp_path)


def test_empty_folder_missing_source_and_furniture_only_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no .txt or .html reports"):
        load_articles(tmp_path)
    with pytest.raises(ArticleError, match="no such manifest, folder or file"):
        load_articles(tmp_path / "nope")
    only = write(tmp_path / "only.txt", "Show Comments\n\nAdvertisement\n")
    with pytest.raises(ArticleError, match="no report text left"):
        load_articles(only)


def test_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    page = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(ArticleError, match="no article text found"):
        load_articles(page)


def test_windows_1252_report_loads_with_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", "Headline\n\nIt\u2019s 400 troops.", encoding="cp1252")
    with pytest.warns(ArticleWarning, match="old.txt"):
        articles = load_articles(path)
    assert articles.loc["old", "body"].endswith("It\u2019s 400 troops.")


def test_sentences_and_tokens_of_a_frame(tmp_path: Path) -> None:
    text = (
        "Trump\u2019s plan\n\nShow Comments\n\n"
        "The U.S.-led force hit 47 targets. Trump's aides agreed."
    )
    articles = load_articles(write(tmp_path / "one.txt", text))
    rows = sentences(articles)
    assert list(rows.columns) == [
        "article_id",
        "sentence_no",
        "paragraph_no",
        "start",
        "end",
        "text",
    ]
    assert rows["text"].tolist() == [
        "Trump\u2019s plan",
        "The U.S.-led force hit 47 targets.",
        "Trump's aides agreed.",
    ]
    words = tokens(articles)
    assert list(words.columns) == [
        "article_id",
        "sentence_no",
        "token_no",
        "start",
        "end",
        "text",
        "norm",
    ]
    assert words["norm"].tolist() == [
        "trump's",
        "plan",
        "the",
        "u.s.-led",
        "force",
        "hit",
        "47",
        "targets",
        "trump's",
        "aides",
        "agreed",
    ]
    assert all(text[r.start : r.end] == r.text for r in words.itertuples())
    assert "comments" not in set(words["norm"])


def test_empty_frames_keep_their_columns() -> None:
    empty = pd.DataFrame({"text": pd.Series([], dtype=str)})
    assert list(sentences(empty).columns)[:3] == ["article_id", "sentence_no", "paragraph_no"]
    assert tokens(empty).empty


# --- shared corpora: cleaning never drops an annotated figure or quote -------------------


@pytest.mark.parametrize("corpus", ["corpus", "corpus-polnear-dev"])
def test_every_gold_item_survives_cleaning(corpus: str) -> None:
    folder = SHARED / corpus
    if not (folder / "articles.csv").exists():
        pytest.skip(f"../shared/{corpus} is not present beside the project")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ArticleWarning)
        articles = load_articles(folder / "articles.csv")
    missing = []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        body = normalise(articles.loc[gold["article_id"], "body"])
        items = [f["text"] for f in gold.get("figures") or []]
        items += [q["quote"] for q in gold.get("quotes") or []]
        missing += [(gold["article_id"], i) for i in items if normalise(i) not in body]
    assert missing == []
