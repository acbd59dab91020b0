"""The `factcards` command: the window, and import and export without it.

    factcards [PROJECT]                          open the window (no PROJECT: the demo)
    factcards import PROJECT PATH...             import files or folders
    factcards export PROJECT --format json|md|html|claimreview|csv [-o FILE]
    factcards --version

This is a public interface (see ARCHITECTURE.md); tests hold it to the contract.
"""

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from factcards import __version__
from factcards.terminal import ProgressLine
from factcards_db import Project, ProjectError

EXPORT_FORMATS = ("json", "md", "html", "claimreview", "csv")

_DESCRIPTION = """\
commands:
  factcards [PROJECT]                      open the window on PROJECT (default: the demo)
  factcards import PROJECT PATH...         import .txt and .md files or folders into PROJECT
                                           (created when missing); a file already imported
                                           adds nothing
  factcards export PROJECT --format json|md|html|claimreview|csv [-o FILE]
                                           write the JSON export, the brief (markdown or
                                           HTML), ClaimReview JSON-LD or a CSV of the cards
                                           to FILE (default: standard output)
  factcards --version                      print the version
"""


def _user() -> str:
    """Who the exports name as their author: the operating-system user."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "editor"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "import":
        return _import(args[1:])
    if args and args[0] == "export":
        return _export(args[1:])
    if args and args[0] == "--self-test":
        from factcards.ui.self_test import run_self_test  # Qt loads only when a window is wanted

        return run_self_test(args[1:])
    return _window(args)


def parsers() -> dict[str, argparse.ArgumentParser]:
    """The parsers of `factcards`, `factcards import` and `factcards export`, by command."""
    return {"": _window_parser(), "import": _import_parser(), "export": _export_parser()}


def _window_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcards",
        description="A desktop fact-card viewer.",
        epilog=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("project", nargs="?", type=Path, help="the project file to open")
    parser.add_argument("--version", action="version", version=f"factcards {__version__}")
    return parser


def _window(args: list[str]) -> int:
    parser = _window_parser()
    options, qt_args = parser.parse_known_args(args)
    # Qt's own options (-platform, -style, ...) pass through; anything else is a mistake.
    unknown = [arg for arg in qt_args if arg.startswith("--")]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    from factcards.ui.app import run_app  # Qt loads only when a window is wanted

    return run_app(options.project, qt_args)


def _import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcards import",
        description="Import article files (.txt, .md) or folders of them into a project. "
        "The project is created when it does not exist. Importing a file whose text is "
        "already in the project adds nothing.",
    )
    parser.add_argument("project", type=Path, help="the project file")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
    return parser


def _import(args: list[str]) -> int:
    options = _import_parser().parse_args(args)
    from factcards.core.importer import import_paths

    try:
        project = Project.open_or_create(options.project)
    except ProjectError as error:
        print(f"factcards: {error.message}", file=sys.stderr)
        return 2
    progress = ProgressLine()
    interrupted = threading.Event()
    # Ctrl+C stops between two claims: the file being imported is rolled back.
    previous = signal.signal(signal.SIGINT, lambda *_: interrupted.set())
    with project:
        _tell(project.notice)
        try:
            report = import_paths(project, options.paths, progress, interrupted.is_set)
        except ProjectError as error:
            progress.clear()
            # Each file is one transaction: those imported before the failure are kept.
            _tell(
                f"{error.message} The files imported before it are kept; run the same "
                "import again to finish it."
            )
            return 2
        finally:
            signal.signal(signal.SIGINT, previous)
    progress.clear()
    for problem in report.problems():
        print(f"factcards: {problem.outcome} {problem.path}: {problem.message}", file=sys.stderr)
    print(report.summary())
    if interrupted.is_set():
        return 130  # stopped by Ctrl+C, as shells expect
    nothing_imported = report.count("imported") == 0 and report.count("duplicate") == 0
    return 1 if nothing_imported and report.files else 0


def _tell(message: str | None) -> None:
    """Say something the user should know (not an error) on standard error."""
    if message:
        print(f"factcards: {message}", file=sys.stderr)


def _export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcards export",
        description="Export a project: json is everything in the project (the JSON contract); "
        "md is the markdown brief, html the same brief as a styled web page; claimreview is "
        "schema.org ClaimReview JSON-LD for confirmed and disputed cards; csv is one row per "
        "card for spreadsheets.",
    )
    parser.add_argument("project", type=Path, help="the project file")
    parser.add_argument("--format", required=True, choices=EXPORT_FORMATS, help="what to write")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here (default: standard output)"
    )
    return parser


def _export(args: list[str]) -> int:
    options = _export_parser().parse_args(args)
    from factcards.core.exports import export_text

    try:
        with Project.open(options.project) as project:
            _tell(project.notice)
            text = export_text(
                project, options.format, f"Brief: {options.project.stem}", date.today(), _user()
            )
    except ProjectError as error:
        print(f"factcards: {error.message}", file=sys.stderr)
        return 2
    if options.output is None:
        sys.stdout.write(text)
    else:
        try:
            options.output.write_text(text, encoding="utf-8")
        except OSError as error:
            print(f"factcards: cannot write {options.output}: {error.strerror}", file=sys.stderr)
            return 2
    return 0
