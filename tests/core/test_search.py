"""Full-text search over cards: any input is safe, and it finds what it should."""

import pytest

from factcards.core.editing import Editing
from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import CardFilter, Project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    path = tmp_path_factory.mktemp("search") / "demo.factcards"
    project = Project.create(path)
    import_paths(project, [demo_articles_dir()])
    return project


@pytest.mark.parametrize(
    "query",
    ['"', "(", ")", "AND", "OR NOT", 'NEAR("a" "b")', "*", "^", "col:umn", '"unbalanced (', "-"],
)
def test_any_input_is_a_search_not_an_error(project: Project, query: str) -> None:
    project.card_ids(CardFilter(search=query))


def test_search_finds_words_in_quotes_wording_notes_and_tags(project: Project) -> None:
    ids = project.card_ids(CardFilter(search="outright"))
    assert ids
    assert all(
        "outright" in " ".join(q.text for q in project.card_detail(i).quotes).lower() for i in ids
    )
    card = project.card_ids()[3]
    editing = Editing(project, lambda: "ann")
    editing.set_note(card, "Ring the harbourmaster")
    editing.tag([card], "harbour-call")
    assert project.card_ids(CardFilter(search="harbourmaster")) == [card]
    assert project.card_ids(CardFilter(search="harbour-call")) == [card]
    assert project.card_ids(CardFilter(search="€210 million"))


def test_counts_follow_the_search(project: Project) -> None:
    everything = sum(project.status_counts().values())
    found = sum(project.status_counts(CardFilter(search="Skerrow")).values())
    assert 0 < found < everything
