"""The brief: sections by status, notes, quotes with footnote citations, escaped text."""

import re
from datetime import date
from pathlib import Path

from factcards.core.brief import BriefOptions, write_brief
from factcards.core.importer import import_paths
from factcards.core.markup import render
from factcards_db import Project

ARTICLE = """Ferry yard approved
By Ann Lowe, The Quayside Post

The council approved the <b>€18 million</b> ferry yard on Tuesday, the mayor said.
Skerrow Electric Ferries employs 180 people at its yard, according to the company.
Isle Connect Ferries has ordered four [S40](javascript:alert(1)) vessels from Skerrow.
"""


def _project(tmp_path: Path, article_dir: Path) -> Project:
    (article_dir / "post.txt").write_text(ARTICLE)
    project = Project.create(tmp_path / "yard.factcards")
    import_paths(project, [article_dir])
    return project


def test_sections_follow_the_statuses(tmp_path: Path, article_dir: Path) -> None:
    with _project(tmp_path, article_dir) as project:
        first, second, *_ = project.card_ids()
        project.set_status(first, "confirmed", "ann")
        project.set_note(first, "Council minutes agree.", "ann")
        project.set_status(second, "disputed", "ann")
        brief = write_brief(project, BriefOptions("Yard brief", date(2026, 3, 4), "Ann Lowe"))
    headings = re.findall(r"^## (\w+) \((\d+)\)$", brief, re.M)
    assert [h for h, _ in headings] == ["Confirmed", "Disputed", "Unreviewed"]
    assert headings[0][1] == headings[1][1] == "1"
    assert brief.startswith("# Yard brief\n")
    assert "*Brief of 2026-03-04 by Ann Lowe.*" in brief
    assert "**Note:** Council minutes agree." in brief
    assert re.search(r"^\[\^1\]: \*Ferry yard approved\*, The Quayside Post\.$", brief, re.M)


def test_article_text_cannot_inject_markup(tmp_path: Path, article_dir: Path) -> None:
    with _project(tmp_path, article_dir) as project:
        brief = write_brief(project, BriefOptions("Yard", date(2026, 3, 4)))
    html = render(brief)
    assert "<b>" not in html
    assert 'href="javascript' not in html
    assert "&lt;b&gt;€18 million&lt;/b&gt;" in html
    assert "[S40](javascript:alert(1))" in html


def test_a_source_with_no_outlet_is_named_by_its_title_among_the_origins(
    tmp_path: Path, article_dir: Path
) -> None:
    (article_dir / "a.txt").write_text(
        "Yard gets the green light\n\nThe council approved the €18 million ferry yard on Tuesday.\n"
    )
    (article_dir / "b.txt").write_text(
        "Council backs ferry yard\n\nOn Tuesday the council approved the €18 million ferry yard.\n"
    )
    with Project.create(tmp_path / "yard.factcards") as project:
        import_paths(project, [article_dir])
        brief = write_brief(project, BriefOptions("Yard", date(2026, 3, 4)))
    assert (
        "Carried by 2 sources from 2 independent origins: “Council backs ferry yard”, "
        "“Yard gets the green light”." in brief
    )
    assert "source 1" not in brief
