"""One factcards project: one SQLite file, opened through sqlite-utils.

Every editor action is one transaction, committed before the call returns, and leaves
one row in the append-only event log. Imports commit one source at a time.

Opening checks the file before anything writes to it (not a project, cut short, damaged,
from a newer factcards), opens it read-only when it cannot or must not be written (a
read-only file or folder, another factcards editing it), and copies it aside before a
schema migration. What goes wrong is a `ProjectError` with a message for the user.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import cast

from sqlite_utils import Database

from factcards_db.actions import EditorActions
from factcards_db.errors import (
    ProjectError,
    ProjectLocked,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectUnreadable,
)
from factcards_db.failures import known_failure
from factcards_db.link_index import LinkIndexStore
from factcards_db.lock import LockHeld, ProjectLock, acquire
from factcards_db.records import NewQuote, NewSource
from factcards_db.schema import APPLICATION_ID, KNOWN_MIGRATIONS, PLACE_STRIDE, migrations
from factcards_db.sqlbits import now, placeholders

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another connection's transaction before saying "busy".
BUSY_TIMEOUT_SECONDS = 5.0
# PRAGMA quick_check reads the whole file: about 0.15 s for 1,000 articles (40 MB). Larger
# projects open without it, and a damaged page is reported when it is read.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


class Project(EditorActions, LinkIndexStore):
    """An open project file. Use `Project.create`, `Project.open` or `open_or_create`.

    `read_only` is True when the project was opened for reading only; `read_only_reason`
    then says why, in words for the user. `backup_path` names the copy made before a
    schema migration when opening made one.
    """

    def __init__(
        self,
        path: Path,
        db: Database,
        *,
        read_only_reason: str | None = None,
        lock: ProjectLock | None = None,
    ) -> None:
        self.path = path
        self._db = db
        self.read_only_reason = read_only_reason
        self.backup_path: Path | None = None
        self._lock = lock
        # Cards whose searchable words changed in the open transaction.
        self._reindex: set[int] = set()
        self._recount: set[int] = set()
        self._depth = 0

    @property
    def read_only(self) -> bool:
        """True when this project cannot be changed through this object."""
        return self.read_only_reason is not None

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str) -> Project:
        """Create a new, empty project file. An existing file is never overwritten."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise ProjectError(
                path, f"{path} already exists; choose another name for the new project."
            )
        if not path.parent.is_dir():
            raise ProjectNotFound(path, f"The folder {path.parent} does not exist.")
        return cls._connect(path, new=True, read_only=False)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool | None = None) -> Project:
        """Open an existing project, applying pending migrations.

        `read_only`: None opens it to edit when it can be, and read-only (with the reason
        in `read_only_reason`) when the file or its folder is read-only or another
        factcards has it open to edit; True opens it read-only; False raises
        ProjectReadOnly or ProjectLocked instead of opening it read-only.
        """
        path = Path(path)
        if path.is_dir():
            raise ProjectNotFound(path, f"{path} is a folder, not a factcards project file.")
        if not path.is_file():
            raise ProjectNotFound(path, f"There is no project file at {path}.")
        return cls._connect(path, new=False, read_only=read_only)

    @classmethod
    def open_or_create(cls, path: Path | str) -> Project:
        """Open the project at `path` to edit it, creating it first when there is no file."""
        path = Path(path)
        return cls.open(path, read_only=False) if path.exists() else cls.create(path)

    @classmethod
    def _connect(cls, path: Path, *, new: bool, read_only: bool | None) -> Project:
        if not new:
            _check_file(path)
        reason = "It was opened for reading only." if read_only else _unwritable(path, new=new)
        if reason is not None and (new or read_only is False):
            raise ProjectReadOnly(
                path,
                f"{path.name} cannot be written: {reason} Choose a folder you may write to, "
                "or make the file writable.",
            )
        lock = None
        if reason is None:
            try:
                lock = acquire(path)
            except LockHeld as held:
                if read_only is False:
                    raise ProjectLocked(
                        path,
                        f"{path.name} is open in another factcards window or command "
                        f"({held.holder}). Close it there, or wait for it to finish, then "
                        "try again.",
                    ) from None
                reason = (
                    f"It is open in another factcards window or command ({held.holder}); "
                    "close it there to edit it here."
                )
        try:
            conn = _connection(path, read_only=reason is not None, new=new)
        except BaseException as error:
            if lock is not None:
                lock.release()
            failure = _opening_failure(error, path)
            if failure is error:
                raise
            raise failure from error
        project = cls(path, Database(conn), read_only_reason=reason, lock=lock)
        try:
            project._prepare(new=new)
        except BaseException as error:
            project.close()
            failure = _opening_failure(error, path)
            if failure is error:
                raise
            raise failure from error
        return project

    def _prepare(self, *, new: bool) -> None:
        """Check the file, then (when it may be written) set it up and migrate it.

        Nothing is written before every check has passed.
        """
        db = self._db
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        if tables and application_id != APPLICATION_ID:
            raise ProjectUnreadable(
                self.path,
                f"{self.path.name} is a SQLite database, but not a factcards project.",
            )
        if not tables and not new:
            raise ProjectUnreadable(
                self.path, f"{self.path.name} is an empty database, not a factcards project."
            )
        applied = [m.name for m in migrations.applied(db)]
        unknown = [name for name in applied if name not in KNOWN_MIGRATIONS]
        if unknown:
            raise ProjectTooNew(
                self.path,
                f"{self.path.name} was written by a newer factcards (it has "
                f"{', '.join(unknown)}). Update factcards to open it; the file was not changed.",
            )
        if not new and self.path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
            verdict = str(db.execute("PRAGMA quick_check(1)").fetchone()[0])
            # "*** in database main ***\nPage 4: btreeInitPage() returns error code 11"
            verdict = "; ".join(line for line in verdict.splitlines() if "***" not in line)
            if verdict != "ok":
                raise ProjectUnreadable(
                    self.path,
                    f"{self.path.name} is damaged (SQLite finds: {verdict}). factcards did not "
                    "change it. Restore it from a backup: a copy you saved, or a .bak file "
                    "next to it.",
                )
        db.execute("PRAGMA foreign_keys = ON")
        pending = [name for name in KNOWN_MIGRATIONS if name not in applied]
        if self.read_only:
            if tables and pending:
                raise ProjectReadOnly(
                    self.path,
                    f"{self.path.name} was made by an older factcards and must be upgraded "
                    f"before this one can read it, which needs writing to it. "
                    f"{self.read_only_reason}",
                )
            return
        db.enable_wal()
        # An editor's decision is hours of judgement: make each commit durable.
        db.execute("PRAGMA synchronous = FULL")
        if not tables:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        elif pending:
            self.backup_path = self._backup_before_migration(len(applied))
        migrations.apply(db)

    def _backup_before_migration(self, version: int) -> Path:
        """Copy the file aside as it is (NAME.bak-vN, N its schema version); never over
        an earlier backup."""
        target = self.path.with_name(f"{self.path.name}.bak-v{version}")
        number = 1
        while target.exists():
            number += 1
            target = self.path.with_name(f"{self.path.name}.bak-v{version}-{number}")
        self.save_copy(target)
        return target

    @property
    def notice(self) -> str | None:
        """What the user should hear about the opening (a migration and its backup)."""
        if self.backup_path is None:
            return None
        return (
            f"{self.path.name} was upgraded for this version of factcards; the file as it was "
            f"before is kept as {self.backup_path}."
        )

    def save_copy(self, target: Path | str) -> Path:
        """Write a consistent copy of the project to `target` and return its path.

        Uses SQLite's backup API, so it works while the project is open (read-only too) and
        copies one committed state. The copy is written beside `target` and renamed into
        place, so `target` is never left half-written; the project itself is never the
        target.
        """
        target = Path(target)
        if target.exists() and _same_file(target, self.path):
            raise ProjectError(
                target, f"{target.name} is the project itself; choose another name for the copy."
            )
        if not target.parent.is_dir():
            raise ProjectNotFound(target, f"The folder {target.parent} does not exist.")
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        try:
            copy = sqlite3.connect(partial)
            try:
                self._db.conn.backup(copy)
            finally:
                copy.close()
            with partial.open("rb+") as written:
                os.fsync(written.fileno())
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as error:
            for leftover in (partial, *(partial.with_name(partial.name + s) for s in _SIDE)):
                leftover.unlink(missing_ok=True)
            reason = getattr(error, "strerror", None) or str(error)
            raise ProjectError(
                target,
                f"The copy could not be written to {target} ({reason}); {self.path.name} itself "
                "is unchanged. Choose another place, or free some space, and try again.",
            ) from error
        return target

    def close(self) -> None:
        """Close the file. The project object cannot be used afterwards."""
        try:
            self._db.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def applied_migrations(self) -> list[str]:
        """Names of the schema migrations this file has, oldest first."""
        return [m.name for m in migrations.applied(self._db)]

    def integrity_check(self) -> str:
        """SQLite's own verdict on the file: 'ok' when it is sound."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    # -- sources and quotes (import) -----------------------------------------------------

    def has_source(self, sha256: str) -> bool:
        """True when an article with this content hash was imported already."""
        row = self._db.execute("SELECT 1 FROM sources WHERE sha256 = ?", [sha256]).fetchone()
        return row is not None

    def add_source(self, source: NewSource) -> int:
        """Store an article and return its id."""
        cursor = self._db.execute(
            "INSERT INTO sources (path, title, outlet, published, sha256, text, encoding,"
            " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                source.path,
                source.title,
                source.outlet,
                source.published,
                source.sha256,
                source.text,
                source.encoding,
                now(),
            ],
        )
        return cast(int, cursor.lastrowid)

    def link_quote(self, card_id: int, quote_id: int) -> None:
        """Put a quote on a card; the card's score becomes its best quote's.

        The card's counts are kept up by what this one quote adds, never recounted from
        all its quotes: a card that a thousand sources carry gains its next quote as fast
        as a new card does.
        """
        added = self._db.execute(
            "INSERT OR IGNORE INTO card_quotes (card_id, quote_id) VALUES (?, ?)",
            [card_id, quote_id],
        ).rowcount
        if not added:
            return
        self._db.execute(_LINK_COUNTS, {"card": card_id, "quote": quote_id})
        if self._touch_conflicting(quote_id):
            # A quote already in conflicts: its card counts them anew.
            self._touch_counts(card_id)

    def add_imported_quote(
        self,
        source_id: int,
        quote: NewQuote,
        card_id: int,
        conflicts: Iterable[tuple[int, str]],
        *,
        new_card: bool,
        first_of_source: bool,
    ) -> int:
        """Store a quote of the source being imported, in its transaction, on a card, with
        the quotes it disagrees with; return its id. What link_quote and add_conflicts do,
        quicker, for what the importer knows: the quote is in no conflict yet and has no
        origin yet; whether the card is one made for it (`new_card`) and whether it
        holds another quote of the source already (`first_of_source` false).

        Most statements leave the card's indexed columns alone (every index of the card
        list holds its score), unless their values change.
        """
        quote_id = self.add_quote(source_id, quote, searchable=False)
        self._db.execute(
            "INSERT INTO card_quotes (card_id, quote_id) VALUES (?, ?)", [card_id, quote_id]
        )
        # One more quote, and a source and an origin (the source itself, until origins
        # are worked out after the import) if it is the source's first on the card...
        counts = _FRESH_LINK_COUNTS_NEW_SOURCE if first_of_source else _FRESH_LINK_COUNTS
        self._db.execute(counts, [card_id])
        # ...its place, if it is the card's first quote (a later source's quote never
        # comes before the card's others), and its score, if better than the card's.
        self._db.execute(
            _FRESH_PLACE_AND_SCORE,
            {
                "card": card_id,
                "place": source_id * PLACE_STRIDE + quote.start,
                "score": quote.score,
                "first": int(new_card),
            },
        )
        reasons: dict[int, str] = {}
        for other, reason in conflicts:
            reasons.setdefault(other, reason)  # a pair's first reason
        if reasons:
            self._insert_conflicts(quote_id, reasons)
            values = {"quote": quote_id, "card": card_id, "added": json.dumps(list(reasons))}
            # A card made for the quote holds no other quote that could have counted them.
            of_quote = _NEW_CARD_CONFLICT_COUNTS if new_card else _CONFLICT_COUNTS_OF_QUOTE
            self._db.execute(of_quote, values)
            self._db.execute(_FRESH_CONFLICT_COUNTS_OF_OTHERS, values)
        return quote_id

    def reword_card(self, card_id: int, wording: str) -> None:
        """Give a card a clearer wording, unless the editor has worded it."""
        self._db.execute(
            "UPDATE cards SET wording = ? WHERE id = ? AND wording_edited = 0",
            [wording, card_id],
        )
        self._touch_words(card_id)  # its counts are what they were

    def add_conflicts(self, quote_id: int, others: Iterable[tuple[int, str]]) -> None:
        """Record that a quote disagrees with others, each (quote, reason) once per pair;
        each card holding one side of a new conflict counts the other side, unless it
        already did.

        Four statements however many conflicts there are (a quote from a figure-heavy
        beat can contradict a dozen others): the pairs known already, the new ones, and
        the counts of the cards holding `quote_id` and of those holding the others.
        """
        reasons: dict[int, str] = {}
        for other, reason in others:
            if other != quote_id:
                reasons.setdefault(other, reason)  # a pair's first reason
        if not reasons:
            return
        # The pairs recorded already, then the others, in one statement each.
        known = {
            row[0]
            for row in self._db.execute(
                "SELECT value FROM json_each(?) o WHERE EXISTS (SELECT 1 FROM conflicts"
                " WHERE quote_a = min(o.value, ?) AND quote_b = max(o.value, ?))",
                [json.dumps(list(reasons)), quote_id, quote_id],
            )
        }
        added = {other: reason for other, reason in reasons.items() if other not in known}
        if added:
            self._insert_conflicts(quote_id, added)
            values = {"quote": quote_id, "added": json.dumps(list(added))}
            self._db.execute(_CONFLICT_COUNTS_OF_QUOTE, values)
            self._db.execute(_CONFLICT_COUNTS_OF_OTHERS, values)

    def _insert_conflicts(self, quote_id: int, reasons: dict[int, str]) -> None:
        """Record the conflicts of a quote with others, {other: reason}, in one statement."""
        self._db.execute(
            "INSERT OR IGNORE INTO conflicts (quote_a, quote_b, reason)"
            " SELECT min(json_extract(o.value, '$[0]'), :quote),"
            " max(json_extract(o.value, '$[0]'), :quote), json_extract(o.value, '$[1]')"
            " FROM json_each(:pairs) o",
            {"quote": quote_id, "pairs": json.dumps(list(reasons.items()))},
        )

    def suggest(self, card_a: int, card_b: int, score: float) -> None:
        """Suggest that two cards are one claim; a pair the editor rejected stays rejected."""
        first, second = sorted((card_a, card_b))
        if first == second:
            return
        self._db.execute(
            "INSERT INTO suggestions (card_a, card_b, score) VALUES (?, ?, ?)"
            " ON CONFLICT (card_a, card_b) DO UPDATE SET score = max(score, excluded.score)"
            " WHERE state = 'open'",
            [first, second, score],
        )

    def rejected_pairs(self) -> set[frozenset[int]]:
        """Pairs of cards the editor said are not the same claim."""
        rows = self._db.execute("SELECT card_a, card_b FROM suggestions WHERE state = 'rejected'")
        return {frozenset(row) for row in rows}

    def quote_attributions(self, after: int = 0) -> Iterator[tuple[int, int, str | None]]:
        """(quote, source, attribution) of every quote (or of those stored after the quote
        `after`), for working out origins."""
        yield from self._db.execute(
            "SELECT id, source_id, attribution FROM quotes WHERE id > ? ORDER BY id", [after]
        )

    def last_quote_id(self) -> int:
        """The id of the quote stored last (0 when there is none): quotes stored later have
        larger ids."""
        return int(self._db.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0])

    def set_origins(self, origins: Sequence[tuple[int, str]]) -> None:
        """Record which origin each quote counts as (derived data, not editor work); the
        cards of the quotes that changed count their independent origins again."""
        with self.atomic():
            changed = [
                quote_id
                for quote_id, origin in origins
                if self._db.conn.execute(
                    "UPDATE quotes SET origin = ? WHERE id = ? AND origin IS NOT ?",
                    [origin, quote_id, origin],
                ).rowcount
            ]
            for start in range(0, len(changed), 500):
                chunk = changed[start : start + 500]
                rows = self._db.execute(
                    "SELECT DISTINCT card_id FROM card_quotes"
                    f" WHERE quote_id IN ({placeholders(chunk)})",
                    chunk,
                )
                self._touch_counts(*(card_id for (card_id,) in rows))


# The card's place and score with the quote `quote` on it (the card's columns on the
# right are their values before): its place, if the quote comes first; its best score.
_PLACE_AND_SCORE = f"""position = (SELECT CASE WHEN cards.quote_count = 0 THEN place
                                ELSE min(cards.position, place) END
                    FROM (SELECT source_id * {PLACE_STRIDE} + span_start AS place
                          FROM quotes WHERE id = :quote)),
        score = max(score, (SELECT score FROM quotes WHERE id = :quote))"""

# What one more quote adds to a card's counts (the card's columns on the right are its
# values before): a quote; a source, unless another quote of the card comes from it; an
# origin, unless another quote of the card counts as the same one (a quote with no origin
# yet counts as its source); and its place, if it comes first. CARD_ORDER_UPDATE counts
# the same from scratch.
_LINK_COUNTS = f"""
    UPDATE cards SET
        quote_count = quote_count + 1,
        source_count = source_count + NOT EXISTS (
            SELECT 1 FROM quotes mine JOIN quotes q ON q.source_id = mine.source_id
            JOIN card_quotes cq ON cq.card_id = cards.id AND cq.quote_id = q.id
            WHERE mine.id = :quote AND q.id <> :quote),
        origin_count = origin_count + NOT EXISTS (
            SELECT 1 FROM quotes mine JOIN quotes q
                ON q.source_id = mine.source_id AND q.origin IS NULL
            JOIN card_quotes cq ON cq.card_id = cards.id AND cq.quote_id = q.id
            WHERE mine.id = :quote AND mine.origin IS NULL AND q.id <> :quote
            UNION ALL
            SELECT 1 FROM quotes mine JOIN card_quotes cq ON cq.card_id = cards.id
            JOIN quotes q ON q.id = cq.quote_id
            WHERE mine.id = :quote AND mine.origin IS NOT NULL AND q.id <> :quote
                AND q.origin = mine.origin),
        {_PLACE_AND_SCORE}
    WHERE id = :card
"""

# What one more quote of the source being imported adds to a card's counts
# (add_imported_quote), in statements that touch none of the card list's indexes...
_FRESH_LINK_COUNTS = "UPDATE cards SET quote_count = quote_count + 1 WHERE id = ?"
# ...but one, when the quote is the first of its source on the card.
_FRESH_LINK_COUNTS_NEW_SOURCE = """
    UPDATE cards SET quote_count = quote_count + 1, source_count = source_count + 1,
        origin_count = origin_count + 1
    WHERE id = ?
"""
# Its place and score, written only when they change the card's (`first`: a new card).
_FRESH_PLACE_AND_SCORE = """
    UPDATE cards SET
        position = CASE WHEN :first THEN :place ELSE min(position, :place) END,
        score = max(score, :score)
    WHERE id = :card AND (:first OR position > :place OR score < :score)
"""

# What the new conflicts of the quote `quote` with the quotes `added` (a JSON list, just
# stored) add to the count of each card holding `quote`: one for each of them that is on
# a card and that no other quote of the card already conflicts with.
# (CROSS JOIN: the quotes in conflict with one quote are looked up first, and then
# whether the card holds them, never every quote of the card, which a card that
# hundreds of sources carry would make slow.)
_CONFLICT_COUNTS_OF_QUOTE = """
    UPDATE cards SET conflict_count = conflict_count + (
        SELECT count(*) FROM json_each(:added) o
        WHERE EXISTS (SELECT 1 FROM card_quotes WHERE quote_id = o.value)
            AND NOT EXISTS (SELECT 1 FROM conflicts k CROSS JOIN card_quotes cq
                            ON cq.card_id = cards.id AND cq.quote_id = k.quote_b
                            WHERE k.quote_a = o.value AND k.quote_b <> :quote)
            AND NOT EXISTS (SELECT 1 FROM conflicts k CROSS JOIN card_quotes cq
                            ON cq.card_id = cards.id AND cq.quote_id = k.quote_a
                            WHERE k.quote_b = o.value AND k.quote_a <> :quote))
    WHERE id IN (SELECT card_id FROM card_quotes WHERE quote_id = :quote)
"""

# ...and to the count of each card holding one of `added`: one, if `quote` is on a card
# and no quote of the card was in conflict with it before.
_CONFLICT_COUNTS_OF_OTHERS = """
    UPDATE cards SET conflict_count = conflict_count + 1
    WHERE id IN (SELECT card_id FROM card_quotes
                 WHERE quote_id IN (SELECT value FROM json_each(:added)))
        AND EXISTS (SELECT 1 FROM card_quotes WHERE quote_id = :quote)
        AND NOT EXISTS (SELECT 1 FROM conflicts k CROSS JOIN card_quotes cq
                        ON cq.card_id = cards.id AND cq.quote_id = k.quote_b
                        WHERE k.quote_a = :quote
                            AND k.quote_b NOT IN (SELECT value FROM json_each(:added)))
        AND NOT EXISTS (SELECT 1 FROM conflicts k CROSS JOIN card_quotes cq
                        ON cq.card_id = cards.id AND cq.quote_id = k.quote_a
                        WHERE k.quote_b = :quote
                            AND k.quote_a NOT IN (SELECT value FROM json_each(:added)))
"""

# What the conflicts of a quote just imported onto the new card `card`, made for it, with
# the quotes `added` add to that card's count: one for each of them on a card.
_NEW_CARD_CONFLICT_COUNTS = """
    UPDATE cards SET conflict_count = conflict_count + (
        SELECT count(*) FROM json_each(:added) o
        WHERE EXISTS (SELECT 1 FROM card_quotes WHERE quote_id = o.value))
    WHERE id = :card
"""

# ...and to the count of each card holding one of `added`: one, since the quote, on a
# card and in no conflict before these, is new to it.
_FRESH_CONFLICT_COUNTS_OF_OTHERS = """
    UPDATE cards SET conflict_count = conflict_count + 1
    WHERE id IN (SELECT card_id FROM card_quotes
                 WHERE quote_id IN (SELECT value FROM json_each(:added)))
"""

# SQLite's companion files of a database in WAL mode.
_SIDE = ("-wal", "-shm", "-journal")


def _check_file(path: Path) -> None:
    """Refuse, by its first bytes and size, a file that is not a whole SQLite database."""
    size = path.stat().st_size
    if size == 0:
        raise ProjectUnreadable(path, f"{path.name} is an empty file, not a factcards project.")
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise ProjectUnreadable(
            path, f"factcards may not read {path} ({error.strerror}); check its permissions."
        ) from error
    if not header.startswith(SQLITE_HEADER):
        raise ProjectUnreadable(
            path,
            f"{path.name} is not a factcards project (it is not a SQLite database). Open a "
            ".factcards file instead.",
        )
    if len(header) < 100:
        raise ProjectUnreadable(path, _cut_short(path, size, None))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid when its "version valid for" matches the change
    # counter. A file shorter than that count was cut short, unless a write-ahead log holds
    # what is missing (after a crash during a checkpoint); then SQLite's checks decide.
    counted = header[92:96] == header[24:28] and pages > 0
    wal = path.with_name(path.name + "-wal")
    if counted and size < pages * page_size and not (wal.exists() and wal.stat().st_size):
        raise ProjectUnreadable(path, _cut_short(path, size, pages * page_size))


def _cut_short(path: Path, size: int, expected: int | None) -> str:
    lengths = f" (it has {size:,} bytes of {expected:,})" if expected else ""
    return (
        f"{path.name} is incomplete{lengths}: it was cut short, perhaps while being copied or "
        "saved. factcards did not change it. Copy it again from where it came from, or "
        "restore it from a backup."
    )


def _unwritable(path: Path, *, new: bool) -> str | None:
    """Why the project cannot be written here, or None when it can.

    A file or folder whose permissions let no one write is honoured as read-only even for
    root, who could write it anyway (as vi does): someone marked it so on purpose.
    """
    folder = path.absolute().parent
    if not new and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        return f"{path.name} is a read-only file."
    if not os.access(folder, os.W_OK | os.X_OK) or not folder.stat().st_mode & 0o222:
        # SQLite writes its log (NAME-wal) beside the project while it is open.
        return f"Its folder, {folder}, is read-only."
    return None


def _connection(path: Path, *, read_only: bool, new: bool) -> sqlite3.Connection:
    """A connection to the file: read-write (never creating an existing project anew), or
    read-only."""
    uri = path.absolute().as_uri()
    if not read_only:
        mode = "rwc" if new else "rw"
        return sqlite3.connect(f"{uri}?mode={mode}", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()  # in a read-only folder, SQLite cannot make its -shm file to read a WAL
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        raise ProjectReadOnly(
            path,
            f"{path.name} has changes not yet written into it (in {wal.name}), and its folder "
            "is read-only, so factcards cannot read them. Make the folder writable, then open "
            "it again.",
        )
    # No log and no way to make one: nobody can be writing it, so it can be read as is.
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def _opening_failure(error: BaseException, path: Path) -> BaseException:
    """The error to raise for a failure while opening: plain words when it is not a bug."""
    failure = known_failure(error, path)
    if failure is not None:
        return failure
    if isinstance(error, sqlite3.DatabaseError):
        return ProjectUnreadable(
            path,
            f"{path.name} is damaged or not a factcards project ({error}). factcards did not "
            "change it; restore it from a backup.",
        )
    return error


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
