"""Two factcards on one project: the second is told, and reads only; no update is lost."""

from pathlib import Path

from tests.robustness.programs import WindowProcess, factcards

from factcards.core.resources import demo_articles_dir
from factcards_db import Project


def test_a_second_window_or_command_on_an_open_project_is_kept_from_writing(
    tmp_path: Path, article_dir: Path
) -> None:
    path = tmp_path / "story.factcards"
    assert factcards("import", str(path), str(demo_articles_dir())).returncode == 0
    (article_dir / "late.txt").write_text(
        "Late news\n\nThe Port Ellis council approved a second slipway on Friday, the mayor said.\n"
    )
    first = WindowProcess(path)
    second = None
    try:
        assert first.opened["read_only"] is False
        assert "(read-only)" not in first.opened["title"]

        refused = factcards("import", str(path), str(article_dir))
        assert refused.returncode == 2
        assert refused.stderr.strip() == (
            "factcards: story.factcards is open in another factcards window or command "
            f"(process {first.pid}). Close it there, or wait for it to finish, then try again."
        )
        exported = factcards("export", str(path), "--format", "json")
        assert exported.returncode == 0, exported.stderr

        second = WindowProcess(path)
        assert second.opened["read_only"] is True
        assert second.opened["title"] == "story.factcards (read-only) — factcards"
        assert second.opened["editing"] == []
        tried = second.ask("confirm")  # C in the read-only window: disabled, nothing happens
        assert tried["status"] == "unreviewed"

        done = first.ask("confirm")
        assert done == {"card": tried["card"], "status": "confirmed"}
        first.quit()
        second.quit()
    finally:
        first.process.kill()
        if second is not None:
            second.process.kill()

    with Project.open(path) as project:
        assert project.card(done["card"]).status == "confirmed"
        assert [e.after for e in project.events(done["card"])] == ["confirmed"]
    later = factcards("import", str(path), str(article_dir))
    assert later.returncode == 0 and later.stdout.strip() == "1 imported"
