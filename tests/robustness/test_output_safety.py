"""Article text never becomes markup, script or a formula in anything the command line
writes: the HTML and markdown brief, ClaimReview JSON-LD, CSV and the JSON export."""

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.robustness.programs import factcards

from factcards.core.importer import import_paths
from factcards_db import Project

HOSTILE = """Formula trouble at the yard
By Ann Lowe, The Quayside Post

=HYPERLINK("http://evil.example","click") said the council on Tuesday, in a statement about 40 jobs.
+SUM(1,2) was the mayor's figure for the 12 new berths, the council said.
-2+3 is what the yard will cost in millions, according to the port authority on Monday.
@cmd said the union on Wednesday, which represents 300 dockers.
The council approved a €18 million ferry yard on Tuesday </script><script>alert(1)</script>, the mayor said.
The yard will open in 2027 <img src=x onerror=alert(2)> with 400 jobs, the council said.
Its website <a href="javascript:alert(3)">is here</a> and opened on Friday with 12 pages, officials said.
"""


class _Elements(HTMLParser):
    """Every element of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "post.txt").write_text(HOSTILE, encoding="utf-8")
    path = folder / "story.factcards"
    with Project.create(path) as project:
        import_paths(project, [folder / "post.txt"])
        for number, card in enumerate(project.card_ids()):
            status = "confirmed" if number % 2 else "disputed"
            project.set_status(card, status, "ann")
            project.set_note(card, "=1+1 <b>bold</b> </script>", "ann")
        # A line that starts "-2+3" reads as a list item, so the dash never reaches a
        # card's wording; an editor's tag can start with one.
        project.add_tag(project.card_ids()[:1], "-2+3 check", "ann")
    return path


def _export(path: Path, export_format: str) -> str:
    result = factcards("export", str(path), "--format", export_format)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_html_brief_has_no_script_handler_or_javascript_link(hostile_project: Path) -> None:
    page = _export(hostile_project, "html")
    parser = _Elements()
    parser.feed(page)
    names = {name for name, _ in parser.found}
    assert not names & {"script", "img", "iframe", "object", "embed", "b"}, names
    for _, attributes in parser.found:
        for attribute, value in attributes:
            assert not attribute.startswith("on"), attribute
            assert not (value or "").strip().lower().startswith("javascript:"), value
    assert "alert(1)" in page  # the words stay, as text


def test_the_markdown_brief_shows_markup_as_text(hostile_project: Path) -> None:
    brief = _export(hostile_project, "md")
    assert "<script>" not in brief and "<img" not in brief
    assert "&lt;script&gt;" in brief


def test_claimreview_json_ld_cannot_close_the_script_it_is_put_in(hostile_project: Path) -> None:
    text = _export(hostile_project, "claimreview")
    assert "</script" not in text.lower() and "<" not in text
    reviews = json.loads(text)["@graph"]
    quoted = [a["text"] for r in reviews for a in r["itemReviewed"]["appearance"]]
    assert any("</script><script>alert(1)</script>" in quote for quote in quoted)
    assert all(review["reviewBody"] == "=1+1 <b>bold</b> </script>" for review in reviews)


def test_no_csv_cell_is_a_formula(hostile_project: Path) -> None:
    rows = list(csv.reader(io.StringIO(_export(hostile_project, "csv"))))
    assert len(rows) > 4
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    cells = [cell for row in rows for cell in row]
    for formula in ("'=HYPERLINK", "'+SUM", "'-2+3 check", "'@cmd", "'=1+1"):
        assert any(cell.startswith(formula) for cell in cells), formula


def test_the_json_export_keeps_the_text_exact(hostile_project: Path) -> None:
    document = json.loads(_export(hostile_project, "json"))
    quotes = [q["text"] for claim in document["claims"] for q in claim["quotes"]]
    assert any("<img src=x onerror=alert(2)>" in quote for quote in quotes)
    for quote in quotes:
        assert quote in HOSTILE
