"""Every editor action can be taken back and done again, and the log keeps it all."""

from pathlib import Path

import pytest

from factcards.core.editing import Editing
from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import CardFilter, Project


@pytest.fixture
def editing(tmp_path: Path) -> Editing:
    project = Project.create(tmp_path / "demo.factcards")
    import_paths(project, [demo_articles_dir()])
    return Editing(project, lambda: "ann")


def _state(project: Project) -> list[tuple[int, str, str, str, int, tuple[str, ...], bool]]:
    """Everything an editor can change, for every card."""
    ids = project.card_ids() + project.card_ids(CardFilter(hidden=True))
    return sorted(
        (c.id, c.status, c.note, c.wording, c.quote_count, c.tags, c.hidden)
        for c in project.card_summaries(ids).values()
    )


def test_each_action_undoes_to_where_it_started_and_redoes(editing: Editing) -> None:
    project = editing.project
    a, b, c, *_ = project.card_ids()
    quote = project.card_detail(a).quotes[-1]
    source = project.sources()[0]
    start = source.text.index("Skerrow said it had orders")
    actions = [
        lambda: editing.set_status([a, b], "confirmed"),
        lambda: editing.set_note(a, "Checked with the council."),
        lambda: editing.set_wording(b, "Corvane invests in Skerrow"),
        lambda: editing.hide([c]),
        lambda: editing.tag([a, b], "follow up"),
        lambda: editing.merge(a, [b]),
        lambda: editing.split(a, quote.id),
        lambda: editing.detach(a, project.card_detail(a).quotes[0].id),
        lambda: editing.new_card(source.id, start, start + 26),
        lambda: editing.add_quote(c, source.id, start, start + 26),
    ]
    for action in actions:
        before = _state(project)
        action()
        after = _state(project)
        assert after != before, action
        editing.undo()
        assert _state(project) == before, action
        editing.redo()
        assert _state(project) == after, action


def test_undo_names_the_action_and_a_new_action_clears_redo(editing: Editing) -> None:
    first = editing.project.card_ids()[0]
    assert editing.history.undo_name() is None
    editing.set_status([first], "disputed")
    assert editing.history.undo_name() == "Dispute card"
    editing.undo()
    assert editing.history.redo_name() == "Dispute card"
    editing.set_note(first, "x")
    assert editing.history.redo_name() is None


def test_undo_writes_to_the_log_and_never_erases_it(editing: Editing) -> None:
    first = editing.project.card_ids()[0]
    editing.set_status([first], "confirmed")
    editing.undo()
    events = editing.project.events(first)
    assert [(e.action, e.before, e.after) for e in events] == [
        ("status", "unreviewed", "confirmed"),
        ("status", "confirmed", "unreviewed"),
    ]


def test_an_edited_wording_survives_importing_more(tmp_path: Path) -> None:
    articles = sorted(demo_articles_dir().iterdir())
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, articles[:2])
        editing = Editing(project, lambda: "ann")
        card = project.card_ids()[0]
        editing.set_wording(card, "My own wording")
        import_paths(project, articles[2:])
        assert project.card(card).wording == "My own wording"


def test_a_selection_of_spaces_is_refused(editing: Editing) -> None:
    source = editing.project.sources()[0]
    blank = source.text.index("\n\n")
    with pytest.raises(ValueError, match="no text"):
        editing.new_card(source.id, blank, blank + 2)
    with pytest.raises(ValueError, match="not inside"):
        editing.new_card(source.id, 0, len(source.text) + 5)
