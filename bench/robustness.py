"""How factcards takes hostile input: a folder of bad files, imported in one run.

    .venv/bin/python -m bench.robustness

Makes the hostile corpus (bench/hostile_corpus.py: 40-odd kinds of bad or odd input) in a
temporary folder, imports the whole folder into a new project while another process
rewrites one of its files, and prints one row per kind of input: what happened to it and
the message a user sees. Run as root, it runs itself again without root's power to read
any file (setpriv), so that the file nobody may read is unreadable here too.

Exits 0 when every outcome is the one the corpus expects, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.hostile_corpus import VERSIONS, Case, make_hostile_corpus, rewritten, without_privilege
from factcards.core.importer import FileOutcome, import_paths
from factcards_db import Project

_AGAIN = "--without-privilege"


@dataclass(frozen=True, slots=True)
class Row:
    """One kind of input and what the import did with it."""

    case: Case
    outcome: str
    message: str
    as_expected: bool


def import_corpus(folder: Path) -> tuple[list[Row], float]:
    """Make the corpus under `folder`, import it, and return a row per case and the
    seconds the import took."""
    corpus = folder / "corpus"
    cases = make_hostile_corpus(corpus)
    with Project.create(folder / "robustness.factcards") as project:
        with rewritten(corpus / "changing.txt"):
            started = time.perf_counter()
            report = import_paths(project, [corpus])
            seconds = time.perf_counter() - started
        sources = {source.path: source for source in project.sources()}
        assert project.integrity_check() == "ok"
    outcomes = {file.path: file for file in report.files}
    rows = [_row(case, outcomes.pop(case.shown_path(corpus), None), sources) for case in cases]
    for path, file in outcomes.items():  # a file the corpus does not know of
        rows.append(Row(Case(f"(unexpected) {path}", path, frozenset()), file.outcome, "", False))
    return rows, seconds


def _row(case: Case, file: FileOutcome | None, sources: dict[str, object]) -> Row:
    if file is None:
        return Row(case, "missing", "the import did not report it", False)
    message = file.message
    right = file.outcome in case.expect
    if file.outcome == "imported":
        source = sources.get(file.path)
        encoding = getattr(source, "encoding", "?")
        message = f"{file.quotes} claims; read as {encoding}"
        if case.name == "changing.txt":
            # Whole, one version or the other: never a mixture of the two.
            right = right and getattr(source, "text", None) in VERSIONS
    elif case.reason:
        right = right and case.reason in file.message
    return Row(case, file.outcome, message, right)


def print_table(rows: list[Row], seconds: float) -> None:
    """The rows as a table, and a line that says whether all went as expected."""
    width = max(len(row.case.kind) for row in rows) + 2
    print(f"{'input':<{width}}{'outcome':<11}message")
    print("-" * (width + 11 + 60))
    for row in rows:
        mark = "" if row.as_expected else "   <-- NOT AS EXPECTED"
        message = " ".join(row.message.split())
        print(f"{row.case.kind:<{width}}{row.outcome:<11}{message}{mark}")
    wrong = [row for row in rows if not row.as_expected]
    print(
        f"\n{len(rows)} kinds of input, imported in one run in {seconds:.1f} s; "
        + (f"{len(wrong)} NOT as expected" if wrong else "every outcome as expected, no crash")
    )


def main(argv: list[str] | None = None) -> int:
    """Make, import and report the corpus."""
    args = list(sys.argv[1:] if argv is None else argv)
    if _AGAIN not in args:
        command = without_privilege([sys.executable, "-m", "bench.robustness", _AGAIN, *args])
        if command[0] != sys.executable:
            print("(running as root: again without the power to read every file)", flush=True)
            os.execvp(command[0], command)
    with tempfile.TemporaryDirectory(prefix="factcards-robustness-") as folder:
        rows, seconds = import_corpus(Path(folder))
        print_table(rows, seconds)
    return 0 if all(row.as_expected for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
