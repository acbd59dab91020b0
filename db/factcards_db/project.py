"""One factcards project: one SQLite file, opened through sqlite-utils.

Every editor action is one transaction, committed before the call returns, and leaves
one row in the append-only event log. Imports commit one source at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import cast

from sqlite_utils import Database

from factcards_db.actions import EditorActions
from factcards_db.errors import (
    ProjectError,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectUnreadable,
)
from factcards_db.records import LinkableQuote, NewQuote, NewSource
from factcards_db.schema import APPLICATION_ID, KNOWN_MIGRATIONS, migrations
from factcards_db.sqlbits import now

SQLITE_HEADER = b"SQLite format 3\x00"


class Project(EditorActions):
    """An open project file. Use `Project.create`, `Project.open` or `open_or_create`."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self._db = db
        # Cards whose searchable words changed in the open transaction.
        self._dirty: set[int] = set()
        self._depth = 0

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
        return cls._connect(path, new=True)

    @classmethod
    def open(cls, path: Path | str) -> Project:
        """Open an existing project, applying pending migrations."""
        path = Path(path)
        if not path.is_file():
            raise ProjectNotFound(path, f"There is no project file at {path}.")
        return cls._connect(path, new=False)

    @classmethod
    def open_or_create(cls, path: Path | str) -> Project:
        """Open the project at `path`, creating it first when there is no file there."""
        path = Path(path)
        return cls.open(path) if path.exists() else cls.create(path)

    @classmethod
    def _connect(cls, path: Path, *, new: bool) -> Project:
        if not new:
            if path.stat().st_size == 0:
                raise ProjectUnreadable(
                    path, f"{path.name} is an empty file, not a factcards project."
                )
            with path.open("rb") as head:
                if head.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                    raise ProjectUnreadable(
                        path,
                        f"{path.name} is not a factcards project (it is not a SQLite "
                        "database). Open a .factcards file instead.",
                    )
        try:
            conn = sqlite3.connect(path, timeout=5.0)
        except sqlite3.Error as error:
            raise ProjectReadOnly(path, f"Cannot open {path}: {error}.") from error
        db = Database(conn)
        try:
            project = cls(path, db)
            project._prepare(new=new)
        except ProjectError:
            db.close()
            raise
        except sqlite3.DatabaseError as error:
            db.close()
            raise ProjectUnreadable(
                path,
                f"{path.name} is damaged or not a factcards project ({error}). "
                "Nothing was changed; restore it from a backup.",
            ) from error
        return project

    def _prepare(self, *, new: bool) -> None:
        db = self._db
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
        unknown = [m.name for m in migrations.applied(db) if m.name not in KNOWN_MIGRATIONS]
        if unknown:
            raise ProjectTooNew(
                self.path,
                f"{self.path.name} was written by a newer factcards (it has "
                f"{', '.join(unknown)}). Update factcards to open it; the file was not changed.",
            )
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 5000")
        db.enable_wal()
        # An editor's decision is hours of judgement: make each commit durable.
        db.execute("PRAGMA synchronous = FULL")
        if not tables:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(db)

    def close(self) -> None:
        """Close the file. The project object cannot be used afterwards."""
        self._db.close()

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

    def add_quote(self, source_id: int, quote: NewQuote) -> int:
        """Store a claim span of a source and return its id."""
        cursor = self._db.execute(
            "INSERT INTO quotes (source_id, span_start, span_end, attribution, score, subject,"
            " origin, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                source_id,
                quote.start,
                quote.end,
                quote.attribution,
                quote.score,
                quote.subject,
                quote.origin,
                quote.context,
            ],
        )
        return cast(int, cursor.lastrowid)

    def link_quote(self, card_id: int, quote_id: int) -> None:
        """Put a quote on a card; the card's score becomes its best quote's."""
        self._db.execute(
            "INSERT OR IGNORE INTO card_quotes (card_id, quote_id) VALUES (?, ?)",
            [card_id, quote_id],
        )
        self._db.execute(
            "UPDATE cards SET score = max(score, (SELECT score FROM quotes WHERE id = ?))"
            " WHERE id = ?",
            [quote_id, card_id],
        )
        self._touch(card_id)

    def reword_card(self, card_id: int, wording: str) -> None:
        """Give a card a clearer wording, unless the editor has worded it."""
        self._db.execute(
            "UPDATE cards SET wording = ? WHERE id = ? AND wording_edited = 0",
            [wording, card_id],
        )
        self._touch(card_id)

    def add_conflict(self, quote_a: int, quote_b: int, reason: str) -> None:
        """Record that two quotes disagree (once per pair)."""
        first, second = sorted((quote_a, quote_b))
        if first == second:
            return
        self._db.execute(
            "INSERT OR IGNORE INTO conflicts (quote_a, quote_b, reason) VALUES (?, ?, ?)",
            [first, second, reason],
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

    def linkable_quotes(self) -> Iterator[LinkableQuote]:
        """Every quote on a card, with its text, for building the linker's index."""
        rows = self._db.execute(
            "SELECT q.id, cq.card_id, q.source_id,"
            " substr(s.text, q.span_start + 1, q.span_end - q.span_start), q.subject, q.context"
            " FROM quotes q JOIN card_quotes cq ON cq.quote_id = q.id"
            " JOIN cards c ON c.id = cq.card_id AND c.merged_into IS NULL AND c.removed = 0"
            " JOIN sources s ON s.id = q.source_id ORDER BY q.id, cq.card_id"
        )
        for quote_id, card_id, source_id, text, subject, context in rows:
            yield LinkableQuote(quote_id, card_id, source_id, text, subject, context)

    def quote_attributions(self) -> Iterator[tuple[int, int, str | None]]:
        """(quote, source, attribution) of every quote, for working out origins."""
        yield from self._db.execute("SELECT id, source_id, attribution FROM quotes ORDER BY id")

    def set_origins(self, origins: Sequence[tuple[int, str]]) -> None:
        """Record which origin each quote counts as (derived data, not editor work)."""
        with self._db.atomic():
            self._db.conn.executemany(
                "UPDATE quotes SET origin = ? WHERE id = ? AND origin IS NOT ?",
                [(origin, quote_id, origin) for quote_id, origin in origins],
            )
