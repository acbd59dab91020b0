"""A folder of 40-odd kinds of hostile input: the import finishes, every good file is in,
every bad one is reported on one line with its reason (bench/hostile_corpus.py makes it)."""

import os
from pathlib import Path

from tests.robustness.programs import factcards

from bench.hostile_corpus import (
    IMPORTED,
    VERSIONS,
    article,
    make_hostile_corpus,
    rewritten,
    without_privilege,
)
from bench.robustness import import_corpus
from factcards.core.importer import import_paths
from factcards_db import Project


def test_every_kind_of_hostile_input_gets_the_outcome_it_should(tmp_path: Path) -> None:
    rows, _ = import_corpus(tmp_path)
    assert len(rows) >= 40
    wrong = [(row.case.kind, row.outcome, row.message) for row in rows if not row.as_expected]
    assert not wrong
    for row in rows:
        assert "\n" not in row.message and "\x1b" not in row.message


def test_what_is_kept_of_odd_text_is_exact_and_inert(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_hostile_corpus(corpus)
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, [corpus])
        sources = {Path(source.path).name: source for source in project.sources()}
        for source in sources.values():
            for span in project.spans_of_source(source.id):
                assert 0 <= span.start < span.end <= len(source.text)
    text = {name: source.text for name, source in sources.items()}
    # Invisible characters that hide inside words or turn text round are gone; joiners
    # that make one emoji of several stay.
    assert "approved a €36 million ferry yard on Tuesday" in text["zero-width.txt"]
    assert "👩\u200d🔧" in text["zero-width.txt"]
    assert "approved a €37 million ferry yard" in text["bidi-controls.txt"]
    assert not any("\u202a" <= char <= "\u202e" for char in text["bidi-controls.txt"])
    # Everything else is kept as the file has it.
    assert "وافق مجلس مدينة" in text["right-to-left.txt"]
    assert "渡轮造船厂" in text["cjk.txt"]
    assert "👨‍👩‍👧‍👦" in text["emoji.txt"]
    assert text["nul-bytes.txt"] == article(11)
    assert text["utf16be-no-bom.txt"] == article(17)
    assert text["mixed-line-endings.txt"].count("\r") == 0
    # A web page saved as .txt is read as the web page it is; markdown's raw HTML is text.
    assert sources["html-saved-as.txt"].title == "Ferry yard vote"
    assert "Home | News" not in text["html-saved-as.txt"]
    assert "<script>alert('markdown')</script>" in text["raw-html-and-script.md"]
    # Names that are not plain are stored as one printable line.
    assert "line\\nbreak.txt" in sources
    assert "latin1-caf\ufffd.txt" in sources
    assert any(name.startswith("escape-\\x1b[31m") for name in sources)


def test_the_command_line_reports_each_bad_file_on_one_line_and_imports_the_rest(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    cases = make_hostile_corpus(corpus)
    (corpus / "bad\nname.txt").write_bytes(b"")  # a problem whose name holds a newline
    with rewritten(corpus / "changing.txt"):
        result = factcards("import", str(tmp_path / "p.factcards"), str(corpus), unprivileged=True)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith("factcards: ") for line in lines)
    # Two outcomes depend on the machine: the child may read the unreadable file only
    # when it runs as root with its full powers; the changing file may be caught whole.
    unreadable_fails = os.geteuid() != 0 or without_privilege(["true"]) != ["true"]
    changing_fails = any("changing.txt:" in line for line in lines)
    either = {"unreadable.txt": unreadable_fails, "changing.txt": changing_fails}
    problems = [
        case for case in cases if either.get(case.name, bool(case.expect & {"failed", "skipped"}))
    ]
    assert len(lines) == len(problems) + 1  # and bad\nname.txt
    assert any("bad\\nname.txt: it holds no text" in line for line in lines)
    for case in problems:
        [line] = [line for line in lines if case.shown_path(corpus) + ":" in line]
        assert (case.reason or "permission") in line, (case.kind, line)
    imported = sum(1 for case in cases if case.expect == IMPORTED and case.name not in either)
    imported += sum(1 for failing in either.values() if not failing)
    assert result.stdout.strip().startswith(f"{imported} imported, ")
    if not changing_fails:
        with Project.open(tmp_path / "p.factcards") as project:
            texts = {Path(source.path).name: source.text for source in project.sources()}
        assert texts["changing.txt"] in VERSIONS


def test_the_command_line_fails_only_when_nothing_could_be_imported(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(bytes(range(256)) * 4)
    (folder / "loop.txt").symlink_to("loop.txt")
    result = factcards("import", str(tmp_path / "p.factcards"), str(folder))
    assert result.returncode == 1
    assert result.stdout.strip() == "0 imported, 1 skipped, 2 failed"
    assert len(result.stderr.splitlines()) == 3
