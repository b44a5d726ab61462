"""Characters and files: normalisation keeps offsets, decoding follows the documented policy."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.errors import ArticleError, ArticleWarning
from crosscheck.text import _ONE_FOR_ONE, WORD, fold, line_spans, normalise, read_text


def test_normalise_unifies_spaces_quotes_dashes_and_breaks() -> None:
    raw = "\u201cIt\u2019s over\u201d\u00a0\u2014 2,000\u2013 3,000 \u00abtroops\u00bb\r\nnext"
    assert normalise(raw) == '"It\'s over" - 2,000- 3,000 "troops"\n\nnext'


@given(st.text())
def test_normalise_keeps_length_so_offsets_hold(text: str) -> None:
    assert len(normalise(text)) == len(text)
    assert normalise(normalise(text)) == normalise(text)


MAPPED_OR_PLAIN = st.text(st.sampled_from([*_ONE_FOR_ONE, *"ab '\"-\n\u00e9\u4e2d"]))


@given(MAPPED_OR_PLAIN | st.text())
def test_normalise_maps_every_character_by_its_table_at_once(text: str) -> None:
    assert normalise(text) == text.translate(str.maketrans(_ONE_FOR_ONE))


def test_fold_lowercases_and_unifies_apostrophes() -> None:
    assert fold("Trump\u2019s") == fold("TRUMP'S") == "trump's"


def test_words_keep_inner_punctuation_but_not_trailing() -> None:
    words = WORD.findall("The U.S.-led force, 2,000 troops, F-15s; don't stop.")
    assert words == ["The", "U.S.-led", "force", "2,000", "troops", "F-15s", "don't", "stop"]


def test_line_spans_strip_each_line_and_skip_blank_ones() -> None:
    text = "  Headline \r\n\r\n\tBody one.\u00a0\nBody two.\n   \n"
    spans = line_spans(text)
    assert [text[s:e] for s, e in spans] == ["Headline", "Body one.", "Body two."]


@given(st.text(alphabet=st.sampled_from("ab .\n\r\t\u00a0\u2028")))
def test_line_spans_never_hold_a_line_break_or_edge_space(text: str) -> None:
    for start, end in line_spans(text):
        piece = text[start:end]
        assert piece and piece == piece.strip()
        assert not set(piece) & set("\n\r\u2028")


def write_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_read_text_returns_utf8_unchanged_without_bom(tmp_path: Path) -> None:
    body = "Headline\r\n\r\n\u201cWe won,\u201d he said.\u00a0\n"
    path = write_bytes(tmp_path / "a.txt", b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert read_text(path) == body


def test_read_text_falls_back_to_windows_1252_with_a_warning(tmp_path: Path) -> None:
    path = write_bytes(
        tmp_path / "old.txt", "It\u2019s 400 troops \u2013 caf\u00e9".encode("cp1252")
    )
    with pytest.warns(ArticleWarning, match="old.txt: not UTF-8"):
        text = read_text(path)
    assert text == "It\u2019s 400 troops \u2013 caf\u00e9"


def test_read_text_decodes_utf16_with_bom(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "u16.txt", "Headline\n\nBody.".encode("utf-16"))
    assert read_text(path) == "Headline\n\nBody."


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b" \n\t\n", "file is empty"),
        ("nul.txt", b"Head\x00line\x00\x00", "binary file"),
        ("report.txt", b"%PDF-1.7\n...", "a PDF document"),
        ("report.docx.txt", b"PK\x03\x04rest", "zip archive"),
        ("bad.txt", b"caf\xe9 \x81\x8d", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_bad_files_raise_one_line_naming_the_file(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = write_bytes(tmp_path / name, data)
    with pytest.raises(ArticleError) as caught:
        read_text(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and problem in message and "\n" not in message


def test_missing_file_and_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="file not found"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a folder"):
        read_text(tmp_path)
