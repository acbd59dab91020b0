"""Nothing lost when factcards is killed: the real program, SIGKILLed, then reopened.

Each editor action is one transaction and an import commits one file at a time, so a
crash, a kill or a power cut leaves the project as it was after the last action or file,
sound, and an import run again finishes the rest without duplicating anything.
"""

import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.db.damage import fill_the_disk
from tests.robustness.programs import WindowProcess, factcards

from bench.make_corpus import make_corpus
from factcards.core.editing import Editing
from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import Project, ProjectError, ProjectFull

ARTICLES = 40


def _sources_so_far(path: Path) -> int:
    """How many articles the project holds now (read while another process writes)."""
    try:
        with Project.open(path, read_only=True) as project:
            return len(project.sources())
    except ProjectError:
        return 0  # not made yet, or its first migration not committed yet


def _shape(project: Project) -> tuple[list[str], int]:
    """What an import stores: the articles (by hash, in order) and their quotes.

    (Not the cards: the linker works word rarities out again only as its index grows by a
    tenth, so a linker rebuilt from a project half-way may group one quote differently
    from one that saw every file in a row.)
    """
    sources = project.sources()
    quotes = sum(len(project.spans_of_source(source.id)) for source in sources)
    return [source.sha256 for source in sources], quotes


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_whole_files_and_finishes_when_run_again(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, ARTICLES)
    path = tmp_path / "story.factcards"
    child = subprocess.Popen(
        [sys.executable, "-m", "factcards", "import", str(path), str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 240
    while _sources_so_far(path) < 3 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.poll() is None, "the import ended before it could be killed"
    child.kill()
    _, stderr = child.communicate()
    assert stderr == b""

    with Project.open(path) as project:
        assert project.integrity_check() == "ok"
        landed = len(project.sources())
        assert 3 <= landed < ARTICLES
        for source in project.sources():
            assert project.spans_of_source(source.id), "an article landed without its claims"

    again = factcards("import", str(path), str(corpus))
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == (
        f"{ARTICLES - landed} imported, {landed} already in the project"
    )

    # Nothing twice, nothing missing: the same articles and quotes as one uninterrupted run.
    with Project.create(tmp_path / "whole.factcards") as whole:
        import_paths(whole, [corpus])
        expected = _shape(whole)
    with Project.open(path) as resumed:
        assert _shape(resumed) == expected
        assert resumed.integrity_check() == "ok"


def test_a_status_change_survives_the_window_being_killed_right_after(tmp_path: Path) -> None:
    path = tmp_path / "story.factcards"
    assert factcards("import", str(path), str(demo_articles_dir())).returncode == 0
    window = WindowProcess(path)
    try:
        assert window.opened["read_only"] is False
        confirmed = window.ask("confirm")
        assert confirmed["status"] == "confirmed"
    finally:
        window.kill()
    with Project.open(path) as project:
        assert project.integrity_check() == "ok"
        card = confirmed["card"]
        assert project.card(card).status == "confirmed"
        [event] = project.events(card)
        assert (event.action, event.before, event.after) == ("status", "unreviewed", "confirmed")


def test_a_bulk_action_that_cannot_be_saved_leaves_nothing_half_done(tmp_path: Path) -> None:
    with Project.create(tmp_path / "story.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        editing = Editing(project, lambda: "dana")
        cards = project.card_ids()
        before = {card: project.card_detail(card) for card in cards}
        fill_the_disk(project)
        with pytest.raises(ProjectFull):  # every card: more than the file has room for
            editing.merge(cards[0], cards[1:])
        assert editing.history.undo_name() is None
        for card in cards:
            assert project.card_detail(card) == before[card]
        assert project.events() == []
        assert project.integrity_check() == "ok"
