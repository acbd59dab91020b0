"""The project file: created, reopened, refused when it is not ours, and its event log."""

import sqlite3
from pathlib import Path

import pytest

from factcards_db import (
    NewQuote,
    NewSource,
    Project,
    ProjectError,
    ProjectNotFound,
    ProjectTooNew,
    ProjectUnreadable,
)

TEXT = "Harbour News\n\nThe ferry line carried 12,000 passengers in May, the operator said.\n"


def _source(text: str = TEXT, sha: str = "a" * 64) -> NewSource:
    return NewSource("harbour.txt", "Harbour News", "Harbour Gazette", None, sha, text, "utf-8")


def _project_with_card(path: Path) -> tuple[Project, int]:
    project = Project.create(path)
    with project.atomic():
        source_id = project.add_source(_source())
        start = TEXT.index("The ferry")
        quote_id = project.add_quote(
            source_id, NewQuote(start, TEXT.index(" the operator"), "the operator", 0.8)
        )
        card_id = project.create_card("The ferry line carried 12,000 passengers in May", 0.8)
        project.link_quote(card_id, quote_id)
    return project, card_id


def test_a_new_project_is_a_wal_sqlite_file_with_its_migrations(tmp_path: Path) -> None:
    path = tmp_path / "story.factcards"
    with Project.create(path) as project:
        assert project.applied_migrations() == [
            "0001_initial",
            "0002_claims_across_sources",
            "0003_workbench",
            "0004_card_order",
            "0005_quote_search",
            "0006_link_index",
        ]
        assert project.integrity_check() == "ok"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x46435244
    conn.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.factcards") as project, pytest.raises(sqlite3.IntegrityError):
        project.add_quote(99, NewQuote(0, 5, None, 0.5))


def test_a_card_round_trips_with_its_quote_and_context(tmp_path: Path) -> None:
    project, card_id = _project_with_card(tmp_path / "p.factcards")
    project.close()
    with Project.open(tmp_path / "p.factcards") as reopened:
        detail = reopened.card_detail(card_id)
    assert detail.summary.source_count == 1
    assert detail.summary.first_source == "Harbour Gazette"
    [quote] = detail.quotes
    assert quote.text == "The ferry line carried 12,000 passengers in May,"
    assert quote.text == TEXT[quote.start : quote.end]
    assert quote.attribution == "the operator"
    assert quote.context_before == "Harbour News\n\n"
    assert quote.context_after.startswith(" the operator said.")


def test_status_and_note_changes_are_logged_once_each(tmp_path: Path) -> None:
    project, card_id = _project_with_card(tmp_path / "p.factcards")
    card = project.set_status(card_id, "confirmed", "dana")
    assert card.status == "confirmed"
    project.set_status(card_id, "confirmed", "dana")  # no change, no entry
    project.set_note(card_id, "Checked with the port authority.", "lee")
    events = project.events(card_id)
    assert [(e.editor, e.action, e.before, e.after) for e in events] == [
        ("dana", "status", "unreviewed", "confirmed"),
        ("lee", "note", "", "Checked with the port authority."),
    ]
    assert project.status_counts() == {"unreviewed": 0, "confirmed": 1, "disputed": 0}
    project.close()


def test_the_event_log_is_append_only(tmp_path: Path) -> None:
    project, card_id = _project_with_card(tmp_path / "p.factcards")
    project.set_status(card_id, "disputed", "dana")
    project.close()
    conn = sqlite3.connect(tmp_path / "p.factcards")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE events SET editor = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM events")
    conn.close()


def test_an_unknown_status_is_refused(tmp_path: Path) -> None:
    project, card_id = _project_with_card(tmp_path / "p.factcards")
    with pytest.raises(ValueError, match="unknown status"):
        project.set_status(card_id, "maybe", "dana")  # type: ignore[arg-type]
    assert project.events() == []
    project.close()


def test_importing_the_same_text_twice_is_prevented_by_its_hash(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        project.add_source(_source())
        assert project.has_source("a" * 64)
        with pytest.raises(sqlite3.IntegrityError):
            project.add_source(_source())


def test_create_never_overwrites_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.factcards"
    path.write_text("my notes")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path)
    assert path.read_text() == "my notes"


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "article.factcards"
    path.write_text("The ferry line carried 12,000 passengers.")
    with pytest.raises(ProjectUnreadable, match="not a factcards project"):
        Project.open(path)
    assert path.read_text() == "The ferry line carried 12,000 passengers."


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectUnreadable, match="not a factcards project"):
        Project.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("contacts",)]
    conn.close()


def test_a_project_from_a_newer_factcards_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.factcards"
    Project.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('factcards', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectTooNew, match="newer factcards"):
        Project.open(path)
    assert path.read_bytes() == before


def test_a_missing_project_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFound):
        Project.open(tmp_path / "nowhere.factcards")
