"""Damaged, read-only, full and old projects, through the real command line: one plain line
naming the file and what to do, exit 2, never a traceback, the file never overwritten."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.db.damage import applied_migrations, corrupt_pages, make_old_project, make_too_new
from tests.robustness.programs import factcards

from bench.hostile_corpus import without_privilege
from bench.make_corpus import make_corpus
from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import Project


def _demo(path: Path) -> Path:
    with Project.create(path) as project:
        import_paths(project, [demo_articles_dir()])
    return path


def _not_a_database(path: Path) -> str:
    path.write_text("Notes for the ferry story: call the port authority.\n")
    return "is not a factcards project"


def _empty(path: Path) -> str:
    path.write_bytes(b"")
    return "is an empty file"


def _truncated(path: Path) -> str:
    _demo(path)
    path.write_bytes(path.read_bytes()[:40_000])
    return "is incomplete"


def _corrupted(path: Path) -> str:
    _demo(path)
    corrupt_pages(path)
    return "is damaged"


def _too_new(path: Path) -> str:
    _demo(path)
    make_too_new(path)
    return "was written by a newer factcards"


def _a_folder(path: Path) -> str:
    path.mkdir()
    return "is a folder"


DAMAGE: dict[str, Callable[[Path], str]] = {
    "not a database": _not_a_database,
    "empty": _empty,
    "truncated": _truncated,
    "corrupted pages": _corrupted,
    "from a newer factcards": _too_new,
    "a folder": _a_folder,
}


def _snapshot(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_project_is_one_plain_line_and_left_untouched(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "story.factcards"
    phrase = DAMAGE[damage](path)
    before = _snapshot(path)
    article = next(demo_articles_dir().iterdir())
    for args in (
        ("export", str(path), "--format", "json"),
        ("import", str(path), str(article)),
    ):
        result = factcards(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        assert line.startswith("factcards: ") and phrase in line, line
        assert "story.factcards" in line
        assert "Traceback" not in result.stderr
        assert _snapshot(path) == before


def test_a_project_nobody_may_read_is_refused_plainly(tmp_path: Path) -> None:
    if os.geteuid() == 0 and without_privilege(["true"]) == ["true"]:
        pytest.skip("root reads every file, and setpriv cannot drop that power here")
    path = _demo(tmp_path / "story.factcards")
    path.chmod(0)
    result = factcards("export", str(path), "--format", "md", unprivileged=True)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert "factcards may not read" in line and "story.factcards" in line


@pytest.mark.parametrize("unprivileged", [False, True])
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_project_exports_but_is_never_written(
    tmp_path: Path, what: str, unprivileged: bool
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = _demo(folder / "story.factcards")
    (folder if what == "folder" else path).chmod(0o555 if what == "folder" else 0o444)
    before = path.read_bytes()
    try:
        exported = factcards("export", str(path), "--format", "csv", unprivileged=unprivileged)
        assert exported.returncode == 0, exported.stderr
        assert exported.stdout.startswith("id,status,wording")
        article = tmp_path / "new.txt"
        article.write_text("Yard news\n\nThe council approved the yard on Tuesday, the mayor said.")
        imported = factcards("import", str(path), str(article), unprivileged=unprivileged)
        assert imported.returncode == 2
        [line] = imported.stderr.splitlines()
        assert line.startswith("factcards: story.factcards cannot be written: ")
        assert "read-only" in line
        assert path.read_bytes() == before
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_a_full_disk_stops_the_import_plainly_and_it_finishes_later(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 30)
    path = tmp_path / "story.factcards"
    Project.create(path).close()
    # The import runs with a limit on the size of any file it writes (RLIMIT_FSIZE): the
    # project's log outgrows it as a disk fills up.
    full_disk = (
        "import resource, signal, sys\n",
        "resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))\n",
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n",
        "from factcards.cli import main\n",
        "sys.exit(main(sys.argv[1:]))\n",
    )
    stopped = factcards("import", str(path), str(corpus), prefix=full_disk)
    assert stopped.returncode == 2
    [line] = stopped.stderr.splitlines()
    assert "story.factcards" in line and "the last change was not saved" in line
    assert "The files imported before it are kept" in line
    with Project.open(path) as project:
        assert project.integrity_check() == "ok"
        kept = len(project.sources())
    assert 0 < kept < 30
    finished = factcards("import", str(path), str(corpus))
    assert finished.returncode == 0
    assert finished.stdout.strip() == f"{30 - kept} imported, {kept} already in the project"


def test_an_old_project_is_backed_up_before_its_upgrade_and_the_user_told(tmp_path: Path) -> None:
    path = tmp_path / "old.factcards"
    make_old_project(path)
    old_migrations = applied_migrations(path)
    result = factcards("export", str(path), "--format", "json")
    assert result.returncode == 0
    backup = tmp_path / f"old.factcards.bak-v{len(old_migrations)}"
    assert result.stderr.strip() == (
        "factcards: old.factcards was upgraded for this version of factcards; the file as it "
        f"was before is kept as {backup}."
    )
    assert applied_migrations(backup) == old_migrations
    assert applied_migrations(path)[: len(old_migrations)] == old_migrations
