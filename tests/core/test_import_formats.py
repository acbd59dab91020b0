"""Web pages, PDFs and pasted text go through the real importer into a real project: the
same claim told in three formats is one card, and every quote is exact text of its source."""

import html
import re
from pathlib import Path

import pytest
from tests.core.pdf_maker import make_pdf
from tests.core.test_html_source import HOSTILE_PAGE, NEWS_PAGE

from factcards.core.importer import collect_files, import_paths
from factcards.core.ingest import PASTED_PATH, IngestError, read_source, source_from_text
from factcards_db import Project, SourceRecord

WIRE_TEXT = (
    "Corvane invests €210 million in ferry maker Skerrow\n"
    "MERIDIAN WIRE | Business Desk\n\n"
    "ALDERBURY, March 11 (Meridian Wire) — Corvane Industries will invest €210 million in the "
    "electric-ferry maker Skerrow, the two companies said on Tuesday.\n\n"
    "Skerrow is using Corvane's batteries to build the S40, which is expected to launch in "
    "spring 2027.\n"
)
PDF_PAGES = [
    [
        ("Corvane backs Skerrow’s ferries", 20),
        "",
        "By Rui Costa, Bay Business Review",
        "",
        "Corvane Industries will invest €210 million in the electric-ferry maker Skerrow, the",
        "two companies said on Tuesday.",
        "",
        "Analysts at Norvik Bank said the stake valued Skerrow at about €900 million.",
    ]
]


def visible_text(page: str) -> str:
    """What a reader sees of a page, spaces collapsed: tags, scripts and styles dropped."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.DOTALL | re.IGNORECASE)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def quotes_by_source(project: Project) -> dict[int, list[tuple[int, int, str]]]:
    found: dict[int, list[tuple[int, int, str]]] = {}
    for detail in project.card_details(project.card_ids()):
        for quote in detail.quotes:
            found.setdefault(quote.source_id, []).append((quote.start, quote.end, quote.text))
    return found


def by_suffix(sources: list[SourceRecord]) -> dict[str, SourceRecord]:
    return {Path(source.path).suffix: source for source in sources}


def test_one_claim_in_a_web_page_a_pdf_and_a_text_file_is_one_card(
    tmp_path: Path, article_dir: Path
) -> None:
    (article_dir / "gazette.html").write_text(NEWS_PAGE, encoding="utf-8")
    (article_dir / "review.pdf").write_bytes(make_pdf(PDF_PAGES, title=None))
    (article_dir / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    with Project.create(tmp_path / "story.factcards") as project:
        report = import_paths(project, [article_dir])
        assert report.summary() == "3 imported"
        sources = by_suffix(project.sources())
        shared = [
            detail
            for detail in project.card_details(project.card_ids())
            if "€210 million" in detail.summary.wording
        ]

    assert sources[".html"].title == "Skerrow wins €210m from Corvane for electric ferries"
    assert sources[".html"].outlet == "The Harbour Gazette"
    assert sources[".html"].published == "2025-03-11"
    assert sources[".pdf"].title == "Corvane backs Skerrow’s ferries"
    assert sources[".pdf"].outlet == "Bay Business Review"
    assert len(shared) == 1, [d.summary.wording for d in shared]
    assert {quote.source_id for quote in shared[0].quotes} == {s.id for s in sources.values()}


def test_every_quote_from_a_web_page_or_pdf_is_exact_text_of_its_source(
    tmp_path: Path, article_dir: Path
) -> None:
    (article_dir / "gazette.html").write_text(NEWS_PAGE, encoding="utf-8")
    (article_dir / "tender.htm").write_text(HOSTILE_PAGE, encoding="utf-8")
    (article_dir / "review.pdf").write_bytes(make_pdf(PDF_PAGES))
    with Project.create(tmp_path / "story.factcards") as project:
        import_paths(project, [article_dir])
        sources = {source.id: source for source in project.sources()}
        quotes = quotes_by_source(project)

    pages = {"gazette.html": visible_text(NEWS_PAGE), "tender.htm": visible_text(HOSTILE_PAGE)}
    pdf_lines = " ".join(
        line if isinstance(line, str) else line[0] for page in PDF_PAGES for line in page
    )
    assert set(quotes) == set(sources), "every source gave quotes"
    for source_id, spans in quotes.items():
        source = sources[source_id]
        shown = pages.get(Path(source.path).name, pdf_lines)
        for start, end, text in spans:
            assert text == source.text[start:end]
            assert text and "\n\n" not in text
            # The quote is a sentence of what the reader saw, not of the page's markup.
            assert " ".join(text.split()) in shown, text


def test_a_scanned_pdf_fails_alone_and_the_rest_is_imported(
    tmp_path: Path, article_dir: Path
) -> None:
    (article_dir / "a-cutting.pdf").write_bytes(make_pdf(scanned_pages=1))
    (article_dir / "b-locked.pdf").write_bytes(make_pdf(PDF_PAGES, encrypt_with=("pw", "pw")))
    (article_dir / "c-gazette.html").write_text(NEWS_PAGE, encoding="utf-8")
    with Project.create(tmp_path / "story.factcards") as project:
        report = import_paths(project, [article_dir])
        assert len(project.sources()) == 1
    assert report.summary() == "1 imported, 2 failed"
    assert [(Path(p.path).name, p.message) for p in report.problems()] == [
        ("a-cutting.pdf", "it has no text layer (a scan?); run OCR first"),
        ("b-locked.pdf", "it is protected by a password; save an unprotected copy and import that"),
    ]


def test_folders_give_web_pages_and_pdfs_and_skip_other_files(article_dir: Path) -> None:
    for name in ("a.html", "b.HTM", "c.pdf", "d.txt", "e.docx"):
        (article_dir / name).write_bytes(b"x")
    found = {path.name: reason for path, reason in collect_files([article_dir])}
    assert [name for name, reason in found.items() if reason is None] == [
        "a.html",
        "b.HTM",
        "c.pdf",
        "d.txt",
    ]
    assert found["e.docx"] == (
        "factcards imports .htm, .html, .markdown, .md, .pdf, .text, .txt files"
    )


def test_pasted_text_becomes_a_source_titled_by_its_first_line() -> None:
    source = source_from_text("\r\nCorvane invests in Skerrow\r\n\r\nBy Meridian Wire Staff\r\n")
    assert source.title == "Corvane invests in Skerrow"
    assert source.outlet == "Meridian Wire"
    assert source.text == "\nCorvane invests in Skerrow\n\nBy Meridian Wire Staff\n"
    assert source.path == PASTED_PATH


def test_pasted_text_takes_the_title_given() -> None:
    source = source_from_text(WIRE_TEXT, title="  Wire copy,\n11 March  ")
    assert source.title == "Wire copy, 11 March"
    assert source.outlet == "Meridian Wire"  # the rest is read from the text, as for a file
    assert source.text == WIRE_TEXT


def test_blank_pasted_text_is_refused() -> None:
    with pytest.raises(IngestError) as raised:
        source_from_text(" \n\t\n")
    assert str(raised.value) == "the pasted text is empty"


def test_pasted_text_and_the_same_text_in_a_file_are_one_source(
    tmp_path: Path, article_dir: Path
) -> None:
    path = article_dir / "wire.txt"
    path.write_text(WIRE_TEXT, encoding="utf-8")
    pasted = source_from_text(WIRE_TEXT)
    assert pasted.sha256 == read_source(path).sha256
    assert pasted.title == read_source(path).title
    assert pasted.title == "Corvane invests €210 million in ferry maker Skerrow"
    with Project.create(tmp_path / "story.factcards") as project:
        project.add_source(pasted)
        report = import_paths(project, [path])
    assert report.summary() == "0 imported, 1 already in the project"
