"""An article file becomes a source with its title, outlet and date."""

from pathlib import Path

import pytest

from factcards.core.ingest import IngestError, read_header, read_source


def test_markdown_title_comes_from_its_first_heading() -> None:
    text = "CoastWatch Daily\n\n# Ferry maker gets €210m\n\nBody text here.\n"
    assert read_header(text, markdown=True).title == "Ferry maker gets €210m"


def test_text_title_is_the_first_line() -> None:
    text = "Council approves ferry yard\n\nThe council voted 7–2 on Tuesday.\n"
    assert read_header(text, markdown=False).title == "Council approves ferry yard"


def test_a_breadcrumb_trail_is_not_the_title() -> None:
    text = (
        "Home News Local Council approves ferry yard\n\n"
        "Council approves ferry yard\n\nThe council voted on Tuesday.\n"
    )
    assert read_header(text, markdown=False).title == "Council approves ferry yard"


def test_a_masthead_above_the_title_names_the_outlet() -> None:
    text = "Quayside Post\n\nCouncil approves a new ferry yard on the north quay\n\nBody.\n"
    header = read_header(text, markdown=False)
    assert header.title == "Council approves a new ferry yard on the north quay"
    assert header.outlet == "Quayside Post"


def test_a_byline_or_copyright_line_names_the_outlet() -> None:
    byline = "Yard approved\nBy Ann Lowe, The Quayside Post\n\nThe council voted on Tuesday.\n"
    assert read_header(byline, markdown=False).outlet == "The Quayside Post"
    footer = "Yard approved\n\nThe council voted on Tuesday.\n\n© 2026 Harbour Ledger\n"
    assert read_header(footer, markdown=False).outlet == "Harbour Ledger"


def test_a_publication_date_near_the_top_is_read() -> None:
    text = "Yard approved\nPublished March 3, 2026\n\nThe council voted on Tuesday.\n"
    assert read_header(text, markdown=False).published == "2026-03-03"


def test_read_source_keeps_the_text_whole_and_hashes_it(article_dir: Path) -> None:
    path = article_dir / "yard.txt"
    path.write_bytes("Yard approved\r\n\r\nThe council voted 7–2.\r\n".encode("cp1252"))
    source = read_source(path)
    assert source.text == "Yard approved\n\nThe council voted 7–2.\n"
    assert source.encoding == "cp1252"
    assert source.title == "Yard approved"
    assert len(source.sha256) == 64


def test_the_same_article_in_two_encodings_has_one_hash(article_dir: Path) -> None:
    text = "Yard approved\n\nThe council voted on Tuesday.\n"
    (article_dir / "a.txt").write_text(text, encoding="utf-8")
    (article_dir / "b.txt").write_text(text, encoding="utf-16")
    a = read_source(article_dir / "a.txt")
    b = read_source(article_dir / "b.txt")
    assert a.sha256 == b.sha256


def test_an_unreadable_file_raises_a_plain_reason(article_dir: Path) -> None:
    with pytest.raises(IngestError, match="cannot be read"):
        read_source(article_dir / "missing.txt")
    binary = article_dir / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(IngestError, match="binary"):
        read_source(binary)
