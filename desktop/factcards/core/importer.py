"""Import: files and folders in, through ingest, extract and link, into a project.

Each file is one transaction: it lands whole or not at all, and one broken file never
stops the others. Importing a file whose text is already in the project adds nothing.
"""

import errno
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from factcards.core.ingest import (
    ARTICLE_SUFFIXES,
    PASTED_PATH,
    IngestError,
    display_name,
    source_from_text,
    unreadable_reason,
)
from factcards.core.link import LinkDecision, Linker, assign_together
from factcards.core.link_store import ProjectLinker, open_linker, save_index, write_and_go_on
from factcards.core.origins import OriginNamer
from factcards.core.read_ahead import PreparedArticle, PreparedClaim, prepare, read_ahead
from factcards.core.wording import clearer_wording
from factcards_db import NewQuote, Project

Outcome = Literal["imported", "duplicate", "failed", "skipped"]
# An import holds the quotes it adds in memory (about 650 MB for 225,000, 3,500
# articles); past this many it writes them to the project's link index and reads them
# from there as it needs them, so that importing years of coverage at once takes no more
# memory than a few months'. Not fewer: working out the signatures of quotes read back
# costs time (breaking every 100,000 made the 3,500-article build a quarter slower).
HELD_QUOTES = 250_000
_SUMMARY_LABELS: tuple[tuple[Outcome, str], ...] = (
    ("duplicate", "already in the project"),
    ("skipped", "skipped"),
    ("failed", "failed"),
)
# Called before each file with (files done, files in all, file), and first with an empty
# file name while the project's quotes are read for linking (a while, in a large
# project); False cancels.
Progress = Callable[[int, int, str], bool]
# Asked between the claims of a file: True stops the import, and the file is rolled back.
StopRequested = Callable[[], bool]


class ImportStopped(Exception):
    """The import was stopped in the middle of a file, which was rolled back."""


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one file."""

    path: str
    outcome: Outcome
    message: str = ""
    quotes: int = 0

    def __post_init__(self) -> None:
        # Reports show one file a line, in a terminal too: a newline or an escape sequence
        # in a file's name is shown escaped, never obeyed.
        object.__setattr__(self, "path", display_name(self.path))


@dataclass(slots=True)
class ImportReport:
    """What an import did, file by file."""

    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, outcome: Outcome) -> int:
        """How many files ended with this outcome."""
        return sum(1 for file in self.files if file.outcome == outcome)

    def problems(self) -> list[FileOutcome]:
        """The files that were not imported for a reason the user should hear."""
        return [file for file in self.files if file.outcome in ("failed", "skipped")]

    def summary(self) -> str:
        """One line for a status bar or a terminal."""
        parts = [f"{self.count('imported')} imported"]
        for outcome, label in _SUMMARY_LABELS:
            if self.count(outcome):
                parts.append(f"{self.count(outcome)} {label}")
        if self.cancelled:
            parts.append("cancelled")
        return ", ".join(parts)


def collect_files(paths: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
    """Files to import from files and folders, each with a reason when it must be skipped.

    Folders are walked in name order, hidden entries left out; the order is stable so
    the same folder always gives the same cards. Links to folders are followed, except
    one leading back to a folder already walked (a loop), which is reported; so are a
    folder that cannot be read, a broken link and a link that leads round in a loop.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield _checked(path)


def _walk(top: Path) -> Iterator[tuple[Path, str | None]]:
    walked = {_identity(top)}
    unreadable: list[OSError] = []
    for folder, subfolders, names in os.walk(top, onerror=unreadable.append, followlinks=True):
        yield from _unreadable_folders(unreadable)
        kept = []
        for name in sorted(subfolders):
            subfolder = Path(folder) / name
            if name.startswith("."):
                continue
            identity = _identity(subfolder)
            if identity in walked:
                yield subfolder, "it leads back to a folder already being imported (a loop)"
                continue
            walked.add(identity)
            kept.append(name)
        subfolders[:] = kept
        for name in sorted(names):
            if not name.startswith("."):
                yield _checked(Path(folder) / name)
    yield from _unreadable_folders(unreadable)


def _unreadable_folders(errors: list[OSError]) -> Iterator[tuple[Path, str | None]]:
    for error in errors:
        folder = Path(error.filename or "?")
        yield folder, unreadable_reason(folder, error).replace("it cannot", "the folder cannot")
    errors.clear()


def _identity(folder: Path) -> tuple[int, int] | Path:
    """What makes a folder itself, whatever link leads to it."""
    try:
        status = folder.stat()
    except OSError:
        return folder
    return status.st_dev, status.st_ino


def _checked(path: Path) -> tuple[Path, str | None]:
    try:
        path.stat()
    except OSError as error:
        if error.errno == errno.ENOENT and not path.is_symlink():
            return path, "there is no such file"
        return path, unreadable_reason(path, error)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
        return path, f"factcards imports {kinds} files"
    return path, None


def import_paths(
    project: Project,
    paths: Iterable[Path],
    progress: Progress | None = None,
    stop_requested: StopRequested | None = None,
) -> ImportReport:
    """Import files and folders into a project; return what happened to each file.

    `progress` is told of each file before it is stored and may cancel between files;
    `stop_requested` can also stop the import inside a file, which is then rolled back
    (the files before it stay imported). The next files are read ahead on another core
    (factcards.core.read_ahead).
    """
    report = ImportReport()
    files = list(collect_files(paths))
    readable = [path for path, reason in files if reason is None]
    if progress is not None and not progress(0, len(files), ""):
        report.cancelled = True
        return report
    before = (project_outlets(project), project.last_quote_id())
    try:
        # Nothing to read (a folder of other kinds of file): no need to know the cards.
        opened = project_linker(project, stop_requested) if readable else None
    except ImportStopped:
        report.cancelled = True
        return report
    with closing(read_ahead(readable)) as articles:
        for done, (path, reason) in enumerate(files):
            if progress is not None and not progress(done, len(files), str(path)):
                report.cancelled = True
                break
            if reason is not None:
                report.files.append(FileOutcome(str(path), "skipped", reason))
                continue
            article = next(articles)
            if isinstance(article, IngestError):
                report.files.append(FileOutcome(str(path), "failed", str(article)))
                continue
            assert opened is not None  # a file was readable
            try:
                outcome = import_article(project, article, opened.linker, stop_requested)
            except ImportStopped:
                report.cancelled = True
                break
            report.files.append(outcome)
            if opened.linker.held > HELD_QUOTES:
                opened = write_and_go_on(project, opened)
    if report.count("imported"):
        refresh_origins(project, before)
    if opened is not None:
        save_index(project, opened)
    return report


def project_linker(project: Project, stop_requested: StopRequested | None = None) -> ProjectLinker:
    """A linker that knows every quote on the project's cards and every rejection (see
    factcards.core.link_store). Raises ImportStopped when `stop_requested` says so while
    it reads quotes the project's index does not cover yet."""
    opened = open_linker(project, stop_requested)
    if opened is None:
        raise ImportStopped(str(project.path))
    return opened


def import_text(
    project: Project,
    text: str,
    title: str | None = None,
    progress: Progress | None = None,
    stop_requested: StopRequested | None = None,
) -> FileOutcome:
    """Pasted or dropped text as a new source (Edit ▸ Paste as new source), linked to the
    project's cards like an imported file.

    `progress` is told (0, 1, "") while the project's quotes are read for linking, then
    (0, 1, the pasted text's path) before the text is stored; it may cancel at either.
    Cancelling, or `stop_requested` saying so, raises ImportStopped with nothing of the
    text stored.
    """
    try:
        source = source_from_text(text, title)
    except IngestError as error:
        return FileOutcome(PASTED_PATH, "failed", str(error))
    if progress is not None and not progress(0, 1, ""):
        raise ImportStopped(PASTED_PATH)
    before = (project_outlets(project), project.last_quote_id())
    opened = project_linker(project, stop_requested)
    try:
        if progress is not None and not progress(0, 1, PASTED_PATH):
            raise ImportStopped(PASTED_PATH)
        outcome = import_article(project, prepare(source), opened.linker, stop_requested)
    except ImportStopped:
        save_index(project, opened)  # the quotes read for linking need not be read again
        raise
    if outcome.outcome == "imported":
        refresh_origins(project, before)
    save_index(project, opened)
    return outcome


def import_article(
    project: Project,
    article: PreparedArticle,
    linker: Linker,
    stop_requested: StopRequested | None = None,
) -> FileOutcome:
    """Store one read article in one transaction: its text, its quotes, their cards.

    Raises ImportStopped, with nothing of the article stored, when `stop_requested`
    says so before its last claim is placed.
    """
    source = article.source
    if project.has_source(source.sha256):
        return FileOutcome(source.path, "duplicate", "its text is already in the project")
    with project.atomic():
        source_id = project.add_source(source)
        cards: set[int] = set()  # the cards holding a quote of this article
        for sentence in _sentences(article.claims):
            if stop_requested is not None and stop_requested():
                raise ImportStopped(source.path)  # leaves atomic(): the article rolls back
            # Linked against the cards before the sentence, then given cards together:
            # two clauses of one sentence are two claims, never one card.
            decisions = [linker.link(claim.signature, source_id) for claim in sentence]
            assign_together(decisions)
            for claim, decision in zip(sentence, decisions, strict=True):
                _place(project, linker, source_id, claim, decision, cards)
        project.index_source_quotes(source_id)  # one statement for all its quotes
    return FileOutcome(source.path, "imported", quotes=len(article.claims))


def _sentences(claims: Sequence[PreparedClaim]) -> Iterator[list[PreparedClaim]]:
    """An article's claims, a sentence's clauses at a time."""
    for _, sentence in itertools.groupby(claims, key=lambda claim: claim.candidate.sentence_start):
        yield list(sentence)


def _place(
    project: Project,
    linker: Linker,
    source_id: int,
    claim: PreparedClaim,
    decision: LinkDecision,
    cards: set[int],
) -> None:
    """Store one quote, put it on the card chosen for it, and record its conflicts and
    suggestions. `cards`: those holding the article's quotes so far (kept up here)."""
    candidate, signature = claim.candidate, claim.signature
    card_id = decision.card_id
    if card_id is None:
        card_id = project.create_card(candidate.wording, candidate.score)
    else:
        current = project.card_wording(card_id)
        better = clearer_wording(current, candidate.wording)
        if better != current:
            project.reword_card(card_id, better)
    quote_id = project.add_imported_quote(
        source_id,
        NewQuote(
            candidate.start,
            candidate.end,
            candidate.attribution,
            candidate.score,
            candidate.subject,
            context=candidate.context,
        ),
        card_id,
        ((conflict.quote_id, conflict.reason) for conflict in decision.conflicts),
        new_card=decision.card_id is None,
        first_of_source=card_id not in cards,
    )
    cards.add(card_id)
    for other, score in decision.suggestions:
        if frozenset((card_id, other)) not in linker.rejected:
            project.suggest(card_id, other, score)
    linker.add(quote_id, card_id, source_id, signature)


def project_outlets(project: Project) -> frozenset[str]:
    """The outlets of the project's articles."""
    return frozenset(label.outlet for label in project.source_labels() if label.outlet)


def refresh_origins(project: Project, since: tuple[frozenset[str], int] | None = None) -> None:
    """Work out which origin quotes count as, now that more outlets may be known.

    `since` is the project's outlets and last quote before an import: if the import
    brought no new outlet, the quotes stored before keep their origins and only the
    import's own are worked out (an import into a large project stays quick).
    """
    labels = project.source_labels()
    outlets = {label.id: label.outlet for label in labels}
    known = frozenset(outlet for outlet in outlets.values() if outlet)
    namer = OriginNamer(known)
    after = since[1] if since is not None and since[0] == known else 0
    origins = [
        (quote_id, namer.origin(attribution, outlets[source_id], source_id))
        for quote_id, source_id, attribution in project.quote_attributions(after)
    ]
    project.set_origins(origins)
