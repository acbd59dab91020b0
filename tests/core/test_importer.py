"""Importing files and folders: idempotent, one bad file never stops the rest."""

from pathlib import Path

import pytest

from factcards.core.importer import ImportStopped, import_paths, import_text, project_linker
from factcards.core.ingest import PASTED_PATH
from factcards.core.resources import demo_articles_dir
from factcards_db import Project

GAZETTE = """The Quayside Post

Council approves a new ferry yard on the north quay

The Port Ellis council approved the new ferry yard on Tuesday by seven votes to two.
The yard will cost €18 million and open in 2027, the council said.
"""
COURIER = """Yard gets the go-ahead
By Sam Reed, The Ellis Courier

The Port Ellis council approved the new ferry yard on Tuesday by seven votes to two.
Skerrow expects to hire 400 people for the yard, its chief executive said.
"""


def test_the_same_sentence_in_two_articles_is_one_card(tmp_path: Path, article_dir: Path) -> None:
    (article_dir / "post.txt").write_text(GAZETTE)
    (article_dir / "courier.md").write_text(COURIER)
    with Project.create(tmp_path / "p.factcards") as project:
        report = import_paths(project, [article_dir])
        assert report.count("imported") == 2
        details = project.card_details(project.card_ids())
    shared = [d for d in details if d.summary.source_count == 2]
    assert len(shared) == 1
    assert "approved the new ferry yard" in shared[0].summary.wording
    assert {q.source_title for q in shared[0].quotes} == {
        "Council approves a new ferry yard on the north quay",
        "Yard gets the go-ahead",
    }


def test_a_wrong_first_join_does_not_push_the_next_clause_off_its_card(
    tmp_path: Path, article_dir: Path
) -> None:
    # "Ines Varga, who founded Tolland" alone is close to a quote that says both things;
    # chosen clause by clause it took that card, and "will stay on as chief executive"
    # (which may not share a card with it) was left on a card of its own.
    (article_dir / "a.txt").write_text(
        "The Harbour Post\n\nTolland keeps its founder at the helm\n\n"
        "Founder Ines Varga will remain chief executive of Tolland after the takeover, "
        "the company said.\nInes Varga, who founded Tolland, stays on as CEO.\n"
    )
    (article_dir / "b.txt").write_text(
        "The Ellis Courier\n\nFerry maker sold\n\n"
        "Ines Varga, who founded Tolland in 2011, will stay on as chief executive after "
        "the acquisition.\n"
    )
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, [article_dir / "a.txt", article_dir / "b.txt"])
        details = project.card_details(project.card_ids())
    [ceo] = [d for d in details if any("will remain chief" in q.text for q in d.quotes)]
    texts = {q.text for q in ceo.quotes}
    assert "will stay on as chief executive after the acquisition" in texts
    assert "Ines Varga, who founded Tolland in 2011" not in texts


def test_importing_again_adds_nothing(tmp_path: Path, article_dir: Path) -> None:
    (article_dir / "post.txt").write_text(GAZETTE)
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, [article_dir])
        cards = project.card_ids()
        again = import_paths(project, [article_dir / "post.txt"])
        assert again.count("duplicate") == 1
        assert project.card_ids() == cards
        assert len(project.sources()) == 1


def test_a_broken_file_is_reported_and_the_others_imported(
    tmp_path: Path, article_dir: Path
) -> None:
    (article_dir / "a-empty.txt").write_text("")
    (article_dir / "b-binary.md").write_bytes(bytes(range(256)) * 4)
    (article_dir / "c-post.txt").write_text(GAZETTE)
    (article_dir / "d-picture.png").write_bytes(b"\x89PNG")
    (article_dir / ".hidden.txt").write_text(COURIER)
    with Project.create(tmp_path / "p.factcards") as project:
        report = import_paths(project, [article_dir, tmp_path / "missing.txt"])
        assert len(project.sources()) == 1
    outcomes = {Path(f.path).name: (f.outcome, f.message) for f in report.files}
    assert outcomes["a-empty.txt"] == ("failed", "it holds no text")
    assert outcomes["b-binary.md"][0] == "failed"
    assert outcomes["c-post.txt"][0] == "imported"
    assert outcomes["d-picture.png"][0] == "skipped"
    assert outcomes["missing.txt"] == ("skipped", "there is no such file")
    assert ".hidden.txt" not in outcomes
    assert report.summary() == "1 imported, 2 skipped, 2 failed"


def test_cancelling_keeps_the_files_already_imported(tmp_path: Path) -> None:
    seen: list[tuple[int, bool]] = []

    def stop_after_two(done: int, total: int, name: str) -> bool:
        seen.append((done, bool(name)))
        return done < 2

    with Project.create(tmp_path / "p.factcards") as project:
        report = import_paths(project, [demo_articles_dir()], stop_after_two)
        assert report.cancelled
        assert len(project.sources()) == 2
        assert project.integrity_check() == "ok"
    # First the project is read for linking (no file yet), then each file in turn.
    assert seen == [(0, False), (0, True), (1, True), (2, True)]


def test_every_quote_is_an_exact_slice_of_its_source(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        texts = {s.id: s.text for s in project.sources()}
        for detail in project.card_details(project.card_ids()):
            for quote in detail.quotes:
                assert quote.text == texts[quote.source_id][quote.start : quote.end]


def test_reading_the_project_for_linking_stops_when_asked(tmp_path: Path) -> None:
    with Project.create(tmp_path / "demo.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        project.clear_link_index()  # as a project from before the index: every quote read
        assert len(project_linker(project).linker._quotes) > 0
        with pytest.raises(ImportStopped):
            project_linker(project, stop_requested=lambda: True)


def test_a_paste_stopped_on_its_way_stores_nothing_of_the_text(tmp_path: Path) -> None:
    with Project.create(tmp_path / "demo.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        held = len(project.sources())
        told: list[str] = []

        def progress(done: int, total: int, name: str) -> bool:
            told.append(name)
            return True

        # Stopped while its claims are placed: the text's transaction rolls back.
        with pytest.raises(ImportStopped):
            import_text(project, COURIER, progress=progress, stop_requested=lambda: True)
        assert told == ["", PASTED_PATH]  # the cards read first, then the text stored
        # Stopped while the project's quotes are read (an index made by another version).
        project.clear_link_index()
        with pytest.raises(ImportStopped):
            import_text(project, COURIER, stop_requested=lambda: True)
        # Stopped by the progress callback before anything is read.
        with pytest.raises(ImportStopped):
            import_text(project, COURIER, progress=lambda _done, _total, _name: False)
        assert len(project.sources()) == held
        assert project.integrity_check() == "ok"

        outcome = import_text(project, COURIER)
        assert outcome.outcome == "imported"
        assert len(project.sources()) == held + 1
