"""PDFs become sources by their text layer; scans, locked and damaged PDFs are refused in
one plain sentence. Every PDF here is built by the test (tests/core/pdf_maker.py)."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from tests.core.pdf_maker import make_pdf

from factcards.core.ingest import IngestError, read_source

ARTICLE_PAGES = [
    [
        ("Corvane puts €210 million into Skerrow", 20),
        "",
        "By Ann Lowe, The Harbour Gazette",
        "March 11, 2025",
        "",
        "Corvane Industries will invest €210 million in the electric-ferry maker Skerrow, the",
        "two companies said on Tuesday, in a deal that gives the battery group a minority",
        "stake.",
        "",
        "Skerrow is using Corvane’s batteries to build the S40, which is expected to launch in",
        "spring 2027.",
    ],
    [
        "“This is the money we need to build ferries at scale,” said Mara Quist, Skerrow’s",
        "chief executive.",
    ],
]
ARTICLE_PARAGRAPHS = [
    "Corvane puts €210 million into Skerrow",
    "By Ann Lowe, The Harbour Gazette\nMarch 11, 2025",
    "Corvane Industries will invest €210 million in the electric-ferry maker Skerrow, the two "
    "companies said on Tuesday, in a deal that gives the battery group a minority stake.",
    "Skerrow is using Corvane’s batteries to build the S40, which is expected to launch in "
    "spring 2027.",
    "“This is the money we need to build ferries at scale,” said Mara Quist, Skerrow’s chief "
    "executive.",
]


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_pdf_article_is_read_paragraph_by_paragraph(article_dir: Path) -> None:
    pdf = make_pdf(ARTICLE_PAGES, title="Corvane and Skerrow (Gazette print edition)")
    source = read_source(write(article_dir, "gazette.pdf", pdf))
    assert source.text.split("\n\n") == ARTICLE_PARAGRAPHS
    assert source.title == "Corvane and Skerrow (Gazette print edition)"
    assert source.outlet == "The Harbour Gazette"  # from the byline
    assert source.published == "2025-03-11"  # from the dateline
    assert source.encoding == "pdf text layer"


@pytest.mark.parametrize(
    "metadata_title", [None, "Microsoft Word - skerrow-final.docx", "untitled"]
)
def test_without_a_real_title_in_its_metadata_the_first_line_is_the_title(
    article_dir: Path, metadata_title: str | None
) -> None:
    pdf = make_pdf(ARTICLE_PAGES, title=metadata_title)
    source = read_source(write(article_dir, "gazette.pdf", pdf))
    assert source.title == "Corvane puts €210 million into Skerrow"


def test_a_scan_without_a_text_layer_is_refused_with_what_to_do(article_dir: Path) -> None:
    pdf = make_pdf(scanned_pages=2, title="Scanned cutting")
    with pytest.raises(IngestError) as raised:
        read_source(write(article_dir, "cutting.pdf", pdf))
    assert str(raised.value) == "it has no text layer (a scan?); run OCR first"


def test_a_pdf_locked_with_a_password_is_refused(article_dir: Path) -> None:
    pdf = make_pdf(ARTICLE_PAGES, title="Locked", encrypt_with=("secret", "owner"))
    with pytest.raises(IngestError) as raised:
        read_source(write(article_dir, "locked.pdf", pdf))
    assert str(raised.value) == (
        "it is protected by a password; save an unprotected copy and import that"
    )


def test_a_pdf_encrypted_only_against_editing_is_read(article_dir: Path) -> None:
    pdf = make_pdf(ARTICLE_PAGES, title="Restricted", encrypt_with=("", "owner"))
    assert b"/Encrypt" in pdf
    source = read_source(write(article_dir, "restricted.pdf", pdf))
    assert source.text.split("\n\n") == ARTICLE_PARAGRAPHS
    assert source.title == "Restricted"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n" + bytes(range(256)) * 20, "it is damaged or not a complete PDF"),
        (make_pdf(ARTICLE_PAGES)[:400], "it is damaged or not a complete PDF"),
        (b"PK\x03\x04 a zip file, renamed", "it is not a PDF (it does not start like one)"),
    ],
    ids=["garbage", "truncated", "not-a-pdf"],
)
def test_a_broken_pdf_is_refused_in_one_sentence(
    article_dir: Path, data: bytes, message: str
) -> None:
    with pytest.raises(IngestError) as raised:
        read_source(write(article_dir, "broken.pdf", data))
    assert str(raised.value) == message


def test_a_pdf_written_by_qt_with_embedded_fonts(qtbot: QtBot, article_dir: Path) -> None:
    """Browsers and word processors embed subset fonts with a character map and place words
    one by one; Qt's PDF writer does the same, ligatures included ("ﬁ")."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    path = article_dir / "printed.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle("Skerrow’s first ferries")
    document = QTextDocument()
    document.setHtml(
        "<h1>Skerrow’s first ferries will serve Haventide</h1>"
        "<p>By Ann Lowe, The Harbour Gazette</p>"
        "<p>The first vessels built with Corvane’s batteries will serve the Haventide "
        "crossing from spring 2027, Skerrow said on Tuesday. The company plans to build six "
        "ferries at its yard in Port Ellis, where it employs 380 people.</p>"
        "<p>Corvane shares rose 3.4% in early trading in Oslo.</p>"
    )
    document.print_(writer)
    del writer  # the file is complete once the writer is gone

    source = read_source(path)
    assert source.title == "Skerrow’s first ferries"
    assert source.outlet == "The Harbour Gazette"
    assert source.text.split("\n\n") == [
        "Skerrow’s first ferries will serve Haventide",
        "By Ann Lowe, The Harbour Gazette",
        "The first vessels built with Corvane’s batteries will serve the Haventide crossing "
        "from spring 2027, Skerrow said on Tuesday. The company plans to build six ferries at "
        "its yard in Port Ellis, where it employs 380 people.",
        "Corvane shares rose 3.4% in early trading in Oslo.",
        "1",  # the page number Qt prints in the footer; a bare number is furniture
    ]
