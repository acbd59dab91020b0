"""The command line, held to the contract in ARCHITECTURE.md, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcards import __version__
from factcards.core.resources import demo_articles_dir


def factcards(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `factcards ARGS` in a child process, as from a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "factcards", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_version() -> None:
    result = factcards("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"factcards {__version__}"


def test_import_then_export_json_round_trip(tmp_path: Path) -> None:
    project = tmp_path / "story.factcards"
    imported = factcards("import", str(project), str(demo_articles_dir()))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "5 imported"

    again = factcards("import", str(project), str(demo_articles_dir()))
    assert again.stdout.strip() == "0 imported, 5 already in the project"

    exported = factcards("export", str(project), "--format", "json")
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    assert document["format"] == "factcards"
    assert document["version"] == 1
    claim_ids = {claim["id"] for claim in document["claims"]}
    assert document["conflicts"], "the demo's planted conflicts are exported"
    for conflict in document["conflicts"]:
        assert set(conflict) == {"a", "b", "reason"}
        assert " vs " in conflict["reason"]
        for end in (conflict["a"], conflict["b"]):
            assert set(end) == {"claim_id", "source_id", "start", "end"}
            assert end["claim_id"] in claim_ids
    assert len(document["sources"]) == 5
    texts = {}
    for source in document["sources"]:
        assert set(source) == {"id", "path", "title", "outlet", "published", "sha256"}
        texts[source["id"]] = (demo_articles_dir() / Path(source["path"]).name).read_text(
            encoding="utf-8"
        )
    assert document["claims"]
    for claim in document["claims"]:
        assert set(claim) == {"id", "text", "status", "note", "score", "quotes", "suggested"}
        assert claim["status"] in {"unreviewed", "confirmed", "disputed"}
        assert 0 <= claim["score"] <= 1
        for suggestion in claim["suggested"]:
            assert set(suggestion) == {"claim_id", "score"}
            assert suggestion["claim_id"] in {c["id"] for c in document["claims"]}
        for quote in claim["quotes"]:
            assert set(quote) == {"source_id", "start", "end", "text", "attribution"}
            assert quote["text"] == texts[quote["source_id"]][quote["start"] : quote["end"]]


def test_export_md_to_a_file(tmp_path: Path) -> None:
    project = tmp_path / "story.factcards"
    factcards("import", str(project), str(demo_articles_dir()))
    result = factcards("export", str(project), "--format", "md", "-o", str(tmp_path / "brief.md"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    brief = (tmp_path / "brief.md").read_text(encoding="utf-8")
    assert brief.startswith("# Brief: story\n")
    assert "## Unreviewed (" in brief


def test_import_reports_bad_files_on_stderr_and_fails_only_when_nothing_imported(
    tmp_path: Path, article_dir: Path
) -> None:
    (article_dir / "binary.txt").write_bytes(bytes(range(256)) * 4)
    project = tmp_path / "p.factcards"
    failed = factcards("import", str(project), str(article_dir / "binary.txt"))
    assert failed.returncode == 1
    assert "failed" in failed.stderr and "binary.txt: it looks like a binary file" in failed.stderr

    (article_dir / "good.md").write_text("# Yard\n\nThe council approved the yard on Tuesday.\n")
    mixed = factcards("import", str(project), str(article_dir))
    assert mixed.returncode == 0
    assert mixed.stdout.strip() == "1 imported, 1 failed"
    assert len(mixed.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a database at all", "not a factcards project"), (b"", "an empty file")],
)
def test_export_refuses_what_is_not_a_project(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.factcards"
    path.write_bytes(content)
    result = factcards("export", str(path), "--format", "json")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == content


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = factcards("export", str(tmp_path / "p.factcards"), "--format", "pdf")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


@pytest.mark.parametrize(
    ("export_format", "start"),
    [("html", "<!DOCTYPE html>"), ("claimreview", "{"), ("csv", "id,status,wording")],
)
def test_every_export_format(tmp_path: Path, export_format: str, start: str) -> None:
    project = tmp_path / "story.factcards"
    factcards("import", str(project), str(demo_articles_dir()))
    result = factcards("export", str(project), "--format", export_format)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(start)
    if export_format == "claimreview":
        assert json.loads(result.stdout)["@context"] == "https://schema.org"
