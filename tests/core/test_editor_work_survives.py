"""Importing more articles never loses an editor's statuses, notes, merges or rejections."""

from pathlib import Path

from factcards.core.export import export_document
from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import Project

DEMO = sorted(demo_articles_dir().iterdir())


def _card_with_suggestion(project: Project) -> tuple[int, int]:
    for card_id in project.card_ids():
        suggestions = project.suggestions_for(card_id)
        if suggestions:
            return card_id, suggestions[0].other_card_id
    raise AssertionError("the demo has no suggested match")


def test_work_survives_importing_more_articles(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, DEMO[:3])
        first = project.card_ids()[0]
        project.set_status(first, "confirmed", "ann")
        project.set_note(first, "Checked.", "ann")
        card, other = _card_with_suggestion(project)
        project.reject_suggestion(card, other, "ann")
        before = project.card(first)

        import_paths(project, DEMO[3:])

        after = project.card(first)
        assert (after.status, after.note) == ("confirmed", "Checked.")
        assert after.quote_count >= before.quote_count
        assert other not in {s.other_card_id for s in project.suggestions_for(card)}
        assert frozenset((card, other)) in project.rejected_pairs()
        assert [e.action for e in project.events()] == ["status", "note", "reject suggestion"]


def test_a_merge_moves_the_quotes_and_keeps_the_history(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, DEMO)
        card, other = _card_with_suggestion(project)
        quotes = project.card(card).quote_count + project.card(other).quote_count
        project.set_note(other, "From the other card.", "ann")
        project.merge_cards(card, other, "ann")
        merged = project.card(card)
        assert merged.quote_count == quotes
        assert other not in project.card_ids()
        assert "From the other card." in merged.note
        assert [e.action for e in project.events(other)] == ["note", "merged into"]
        assert "merge" in [e.action for e in project.events(card)]


def test_the_same_files_give_the_same_cards(tmp_path: Path) -> None:
    documents = []
    for name in ("a", "b"):
        with Project.create(tmp_path / f"{name}.factcards") as project:
            import_paths(project, [demo_articles_dir()])
            document = export_document(project)
        for source in document["sources"]:
            source["path"] = Path(source["path"]).name
        documents.append(document)
    assert documents[0] == documents[1]
