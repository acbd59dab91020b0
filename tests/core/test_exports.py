"""HTML, ClaimReview and CSV exports: complete, and safe with hostile article text."""

import csv
import io
import json
from datetime import date
from pathlib import Path

from factcards.core.claimreview import claim_reviews_json
from factcards.core.csv_export import cards_csv, neutralise
from factcards.core.importer import import_paths
from factcards.core.markup import standalone_html
from factcards_db import Project

ARTICLE = """Formula trouble
By Ann Lowe, The Quayside Post

=HYPERLINK("http://evil.example","click") said the council on Tuesday, in a statement.
The council approved a €18 million ferry yard on Tuesday </script><script>alert(1)</script>, the mayor said.
"""


def _project(tmp_path: Path) -> Project:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "post.txt").write_text(ARTICLE)
    project = Project.create(tmp_path / "p.factcards")
    import_paths(project, [tmp_path / "a"])
    for card in project.card_ids():
        project.set_status(card, "confirmed", "ann")
    return project


def test_csv_cells_never_become_formulas(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        rows = list(csv.reader(io.StringIO(cards_csv(project))))
    assert rows[0][:3] == ["id", "status", "wording"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    assert neutralise("-2") == "'-2" and neutralise("ok") == "ok"


def test_claimreview_has_the_fields_and_cannot_close_a_script(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        text = claim_reviews_json(project, "Ann Lowe", date(2026, 3, 4))
    assert "</script" not in text.lower()
    reviews = json.loads(text)["@graph"]
    assert reviews
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["author"] == {"@type": "Person", "name": "Ann Lowe"}
        assert review["datePublished"] == "2026-03-04"
        assert review["reviewRating"]["alternateName"] == "Confirmed"
        [appearance] = review["itemReviewed"]["appearance"]
        assert appearance["publisher"]["name"] == "The Quayside Post"


def test_standalone_html_is_a_whole_sanitised_page() -> None:
    page = standalone_html("A <b>brief</b>", "# Title\n\nText <script>alert(1)</script>")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>A &lt;b&gt;brief&lt;/b&gt;</title>" in page
    assert "<script" not in page.lower()
