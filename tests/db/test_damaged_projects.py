"""A project file that is damaged, read-only, full, busy, locked or old: one plain message,
the file never overwritten, the editor's work never half-written."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.db.damage import (
    applied_migrations,
    corrupt_pages,
    fill_the_disk,
    free_the_disk,
    make_old_project,
    make_searchable_0004_project,
)

import factcards_db.project
from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import (
    CardFilter,
    Project,
    ProjectError,
    ProjectFull,
    ProjectLocked,
    ProjectReadOnly,
    ProjectUnreadable,
)
from factcards_db.schema import KNOWN_MIGRATIONS


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    """A closed project holding the demo story."""
    path = tmp_path / "story.factcards"
    with Project.create(path) as project:
        import_paths(project, [demo_articles_dir()])
    return path


def test_a_truncated_project_is_refused_by_name_and_left_as_it_is(demo_project: Path) -> None:
    half = demo_project.read_bytes()[: demo_project.stat().st_size // 2]
    demo_project.write_bytes(half)
    with pytest.raises(ProjectUnreadable) as refused:
        Project.open(demo_project)
    assert refused.value.message.startswith("story.factcards is incomplete")
    assert "restore it from a backup" in refused.value.message
    assert demo_project.read_bytes() == half


def test_a_project_with_damaged_pages_is_refused_and_left_as_it_is(demo_project: Path) -> None:
    corrupt_pages(demo_project)
    damaged = demo_project.read_bytes()
    with pytest.raises(ProjectUnreadable) as refused:
        Project.open(demo_project)
    assert refused.value.message.startswith("story.factcards is damaged")
    assert "\n" not in refused.value.message
    assert "factcards did not change it" in refused.value.message
    assert demo_project.read_bytes() == damaged


def test_a_read_only_file_opens_read_only_and_refuses_every_change(demo_project: Path) -> None:
    demo_project.chmod(0o444)
    before = demo_project.read_bytes()
    with Project.open(demo_project) as project:
        assert project.read_only
        assert project.read_only_reason == "story.factcards is a read-only file."
        card = project.card_ids()[0]
        with pytest.raises(ProjectReadOnly, match="open for reading only"):
            project.set_status(card, "confirmed", "dana")
        assert project.card(card).status == "unreviewed"
        assert project.integrity_check() == "ok"
    with pytest.raises(
        ProjectReadOnly, match=r"cannot be written: story\.factcards is a read-only"
    ):
        Project.open(demo_project, read_only=False)
    assert demo_project.read_bytes() == before


def test_a_project_in_a_read_only_folder_opens_read_only(demo_project: Path) -> None:
    folder = demo_project.parent / "archive"
    folder.mkdir()
    path = Path(shutil.move(demo_project, folder / demo_project.name))
    folder.chmod(0o555)
    try:
        with Project.open(path) as project:
            assert project.read_only
            assert "is read-only" in (project.read_only_reason or "")
            assert project.card_ids()
    finally:
        folder.chmod(0o755)


def test_a_full_disk_leaves_the_project_as_it_was(demo_project: Path, article_dir: Path) -> None:
    with Project.open(demo_project) as project:
        card = project.card_ids()[0]
        fill_the_disk(project)
        with pytest.raises(ProjectFull) as full:
            project.set_note(card, "Checked with the port. " * 2000, "dana")
        assert full.value.message.startswith("The disk is full, so the last change to story")
        assert project.card(card).note == ""
        assert project.events(card) == []
        # An import is one transaction a file: a file that does not fit leaves no trace.
        sources = len(project.sources())
        (article_dir / "long.txt").write_text(
            "Yard news\n\n" + "The council approved the yard on Tuesday, the mayor said. " * 400
        )
        with pytest.raises(ProjectFull):
            import_paths(project, [article_dir])
        assert len(project.sources()) == sources
        assert project.integrity_check() == "ok"
        free_the_disk(project)
        project.set_note(card, "Checked with the port.", "dana")
    with Project.open(demo_project) as reopened:
        assert reopened.card(card).note == "Checked with the port."


def test_a_busy_project_says_so_and_changes_nothing(
    demo_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(factcards_db.project, "BUSY_TIMEOUT_SECONDS", 0.1)
    with Project.open(demo_project) as project:
        card = project.card_ids()[0]
        other = sqlite3.connect(demo_project)
        other.execute("BEGIN IMMEDIATE")  # another program writing, outside factcards' lock
        with pytest.raises(ProjectLocked, match=r"story\.factcards is busy: another program"):
            project.set_status(card, "confirmed", "dana")
        other.rollback()
        other.close()
        assert project.set_status(card, "confirmed", "dana").status == "confirmed"


def _holder(path: Path) -> subprocess.Popen[str]:
    """Another process with the project open to edit (as a second factcards would be)."""
    code = (
        "import sys\nfrom factcards_db import Project\n"
        "project = Project.open(sys.argv[1])\nprint(project.read_only, flush=True)\n"
        "sys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "False"
    return child


def test_a_second_writer_is_kept_out_while_the_first_has_the_project(demo_project: Path) -> None:
    holder = _holder(demo_project)
    try:
        with Project.open(demo_project) as second:
            assert second.read_only
            assert f"(process {holder.pid})" in (second.read_only_reason or "")
            with pytest.raises(ProjectReadOnly):
                second.set_status(second.card_ids()[0], "disputed", "lee")
        with pytest.raises(ProjectLocked) as locked:
            Project.open(demo_project, read_only=False)
        assert "is open in another factcards window or command" in locked.value.message
    finally:
        holder.kill()  # SIGKILL: the lock file stays behind, the lock does not
        holder.communicate()
    assert (demo_project.parent / "story.factcards-lock").exists()
    with Project.open(demo_project) as project:
        assert not project.read_only
    assert not (demo_project.parent / "story.factcards-lock").exists()


def test_an_old_project_is_copied_aside_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.factcards"
    make_old_project(path)
    (tmp_path / "old.factcards.bak-v2").write_text("an earlier backup, kept")
    with Project.open(path) as project:
        backup = project.backup_path
        assert backup == tmp_path / "old.factcards.bak-v2-2"
        assert project.notice is not None and str(backup) in project.notice
        assert project.applied_migrations() == KNOWN_MIGRATIONS
    assert applied_migrations(backup) == ["0001_initial", "0002_claims_across_sources"]
    assert (tmp_path / "old.factcards.bak-v2").read_text() == "an earlier backup, kept"
    with Project.open(path) as again:
        assert again.backup_path is None and again.notice is None


def test_an_old_read_only_project_cannot_be_upgraded_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "old.factcards"
    make_old_project(path)
    path.chmod(0o444)
    with pytest.raises(ProjectReadOnly, match="made by an older factcards"):
        Project.open(path)
    assert applied_migrations(path) == ["0001_initial", "0002_claims_across_sources"]


def test_a_copy_is_whole_while_the_project_stays_open(demo_project: Path, tmp_path: Path) -> None:
    with Project.open(demo_project) as project:
        cards = project.card_ids()
        card = cards[0]
        project.set_status(card, "confirmed", "dana")
        copy = project.save_copy(tmp_path / "copy.factcards")
        # Still open and in use after the copy.
        project.set_status(card, "disputed", "dana")
        with pytest.raises(ProjectError, match="is the project itself"):
            project.save_copy(demo_project)
        with pytest.raises(ProjectError, match="does not exist"):
            project.save_copy(tmp_path / "nowhere" / "copy.factcards")
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == ["copy.factcards"]
    with Project.open(copy) as copied:
        assert copied.integrity_check() == "ok"
        assert copied.card(card).status == "confirmed"
        assert copied.card_ids() == cards


def test_a_read_only_project_can_still_be_copied(demo_project: Path, tmp_path: Path) -> None:
    demo_project.chmod(0o444)
    with Project.open(demo_project) as project:
        assert project.read_only
        copy = project.save_copy(tmp_path / "mine.factcards")
    assert os.access(copy, os.W_OK)
    with Project.open(copy) as mine:
        assert not mine.read_only
        mine.set_status(mine.card_ids()[0], "confirmed", "dana")


def test_an_upgraded_project_finds_cards_by_their_quotes_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "story.factcards"
    make_searchable_0004_project(path)
    with Project.open(path) as project:
        assert "0005_quote_search" in project.applied_migrations()
        for words in ("slipway", "million Tuesday", "harbourmaster", "approved"):
            assert project.card_ids(CardFilter(search=words, min_score=0.0)) == [1], words
        assert project.card_ids(CardFilter(search="harbourmaster slipway", min_score=0.0)) == []
        assert project.integrity_check() == "ok"


def test_an_upgraded_project_links_new_quotes_to_its_cards_and_indexes_them(
    tmp_path: Path, article_dir: Path
) -> None:
    path = tmp_path / "story.factcards"
    make_searchable_0004_project(path)
    (article_dir / "yard.txt").write_text(
        "Yard vote\n\nThe council approved the €18 million slipway on Tuesday, after a"
        " long debate.\n",
        encoding="utf-8",
    )
    with Project.open(path) as project:
        assert project.link_index_state() is None  # made before there was one
        import_paths(project, [article_dir])
        assert [quote.source_id for quote in project.card_details([1])[0].quotes] == [1, 2]
        state = project.link_index_state()
        assert state is not None and state.through_quote == project.last_quote_id()
        assert project.link_postings(["slipway"])["slipway"][:2] == [(1, 1), (2, 1)]
