"""One factcards project: one SQLite file, opened through sqlite-utils.

Every editor action is one transaction, committed before the call returns, and leaves
one row in the append-only event log. Imports commit one source at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from sqlite_utils import Database

from factcards_db.errors import (
    ProjectError,
    ProjectNotFound,
    ProjectReadOnly,
    ProjectTooNew,
    ProjectUnreadable,
)
from factcards_db.records import (
    STATUSES,
    CardDetail,
    CardFilter,
    CardSummary,
    ConflictRecord,
    ConflictView,
    EventRecord,
    LinkableQuote,
    NewQuote,
    NewSource,
    QuoteView,
    SourceRecord,
    Status,
    SuggestionView,
)
from factcards_db.schema import APPLICATION_ID, KNOWN_MIGRATIONS, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
# Characters of source text shown on each side of a quote in the detail pane.
CONTEXT_CHARS = 160


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _placeholders(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


class Project:
    """An open project file. Use `Project.create`, `Project.open` or `open_or_create`."""

    def __init__(self, path: Path, db: Database) -> None:
        self.path = path
        self._db = db

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

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Group writes into one transaction: all of them land, or none does."""
        with self._db.atomic():
            yield

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
                _now(),
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

    def create_card(self, wording: str, score: float) -> int:
        """Make a new, unreviewed card and return its id."""
        cursor = self._db.execute(
            "INSERT INTO cards (wording, score, created_at) VALUES (?, ?, ?)",
            [wording, score, _now()],
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

    def reword_card(self, card_id: int, wording: str) -> None:
        """Give a card a clearer wording, unless the editor has worded it."""
        self._db.execute(
            "UPDATE cards SET wording = ? WHERE id = ? AND wording_edited = 0",
            [wording, card_id],
        )

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

    def sources(self) -> list[SourceRecord]:
        """All stored articles, in import order."""
        rows = self._db.execute(
            "SELECT id, path, title, outlet, published, sha256, text, encoding, imported_at"
            " FROM sources ORDER BY id"
        )
        return [SourceRecord(*row) for row in rows]

    def source(self, source_id: int) -> SourceRecord:
        """One stored article."""
        row = self._db.execute(
            "SELECT id, path, title, outlet, published, sha256, text, encoding, imported_at"
            " FROM sources WHERE id = ?",
            [source_id],
        ).fetchone()
        if row is None:
            raise KeyError(source_id)
        return SourceRecord(*row)

    # -- cards ---------------------------------------------------------------------------

    def card_ids(self, card_filter: CardFilter | None = None) -> list[int]:
        """Ids of the cards a list shows, in the filter's order."""
        card_filter = card_filter or CardFilter()
        order = {
            "sources": "count(DISTINCT q.source_id) DESC, c.score DESC, c.id",
            "score": "c.score DESC, c.id",
            "document": "min(q.source_id * 1000000000 + q.span_start), c.id",
        }[card_filter.order]
        rows = self._db.execute(
            "SELECT c.id FROM cards c"
            " LEFT JOIN card_quotes cq ON cq.card_id = c.id"
            " LEFT JOIN quotes q ON q.id = cq.quote_id"
            " WHERE c.merged_into IS NULL AND c.score >= ?"
            f" GROUP BY c.id ORDER BY {order}",
            [card_filter.min_score],
        )
        return [row[0] for row in rows]

    def status_counts(self, card_filter: CardFilter | None = None) -> dict[Status, int]:
        """How many of the listed cards have each status (every status present)."""
        card_filter = card_filter or CardFilter()
        counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
        rows = self._db.execute(
            "SELECT status, count(*) FROM cards WHERE merged_into IS NULL AND score >= ?"
            " GROUP BY status",
            [card_filter.min_score],
        )
        for status, count in rows:
            counts[cast(Status, status)] = count
        return counts

    def card_summaries(self, card_ids: Sequence[int]) -> dict[int, CardSummary]:
        """The list rows of these cards, by id; unknown ids are left out."""
        if not card_ids:
            return {}
        ids = list(card_ids)
        marks = _placeholders(ids)
        first_quotes: dict[int, tuple[str, str]] = {}
        counts: dict[int, tuple[int, int, int]] = {}
        for card_id, sources, quotes, origins in self._db.execute(
            "SELECT cq.card_id, count(DISTINCT q.source_id), count(*),"
            " count(DISTINCT coalesce(q.origin, 'source ' || q.source_id)) FROM card_quotes cq"
            f" JOIN quotes q ON q.id = cq.quote_id WHERE cq.card_id IN ({marks})"
            " GROUP BY cq.card_id",
            ids,
        ):
            counts[card_id] = (sources, quotes, origins)
        conflicts: dict[int, int] = dict(
            self._db.execute(
                # Counted by the quotes on the other side: four quotes of one card that
                # all contradict one report are one conflict to resolve.
                "SELECT cq.card_id, count(DISTINCT CASE WHEN c.quote_a = cq.quote_id"
                " THEN c.quote_b ELSE c.quote_a END) FROM card_quotes cq"
                " JOIN conflicts c ON c.quote_a = cq.quote_id OR c.quote_b = cq.quote_id"
                f" WHERE cq.card_id IN ({marks}) GROUP BY cq.card_id",
                ids,
            ).fetchall()
        )
        suggestions: dict[int, int] = {}
        for card_a, card_b in self._db.execute(
            "SELECT card_a, card_b FROM suggestions WHERE state = 'open'"
            f" AND (card_a IN ({marks}) OR card_b IN ({marks}))",
            ids + ids,
        ):
            for card_id in (card_a, card_b):
                suggestions[card_id] = suggestions.get(card_id, 0) + 1
        for card_id, text, source_name in self._db.execute(
            "SELECT cq.card_id, substr(s.text, q.span_start + 1, q.span_end - q.span_start),"
            " coalesce(s.outlet, s.title)"
            " FROM card_quotes cq JOIN quotes q ON q.id = cq.quote_id"
            f" JOIN sources s ON s.id = q.source_id WHERE cq.card_id IN ({marks})"
            " ORDER BY cq.card_id, q.source_id DESC, q.span_start DESC",
            ids,
        ):
            # Rows come last-first, so the final assignment per card is its first quote.
            first_quotes[card_id] = (text, source_name)
        summaries: dict[int, CardSummary] = {}
        for card_id, wording, status, note, score in self._db.execute(
            f"SELECT id, wording, status, note, score FROM cards WHERE id IN ({marks})", ids
        ):
            sources, quotes, origins = counts.get(card_id, (0, 0, 0))
            first_quote, first_source = first_quotes.get(card_id, ("", ""))
            summaries[card_id] = CardSummary(
                id=card_id,
                wording=wording,
                status=status,
                note=note,
                score=score,
                source_count=sources,
                quote_count=quotes,
                first_quote=first_quote,
                first_source=first_source,
                origin_count=origins,
                conflict_count=conflicts.get(card_id, 0),
                suggestion_count=suggestions.get(card_id, 0),
            )
        return summaries

    def card(self, card_id: int) -> CardSummary:
        """One card's list row."""
        summary = self.card_summaries([card_id]).get(card_id)
        if summary is None:
            raise KeyError(card_id)
        return summary

    def card_detail(self, card_id: int) -> CardDetail:
        """A card with its quotes (each with its source and surrounding text), its
        conflicts and its open suggestions."""
        return self._detail(self.card(card_id))

    def card_details(self, card_ids: Sequence[int]) -> list[CardDetail]:
        """Several cards in full, in the order given."""
        summaries = self.card_summaries(card_ids)
        return [self._detail(summaries[card_id]) for card_id in card_ids if card_id in summaries]

    def _detail(self, summary: CardSummary) -> CardDetail:
        return CardDetail(
            summary=summary,
            quotes=self._quotes_of(summary.id),
            conflicts=self.conflicts_of(summary.id),
            suggestions=self.suggestions_for(summary.id),
        )

    def _quotes_of(self, card_id: int) -> list[QuoteView]:
        rows = self._db.execute(
            "SELECT q.id, q.source_id, q.span_start, q.span_end,"
            " substr(s.text, q.span_start + 1, q.span_end - q.span_start),"
            " q.attribution, q.score, s.title, s.outlet, s.path,"
            " substr(s.text, max(1, q.span_start + 1 - :ctx), min(q.span_start, :ctx)),"
            " substr(s.text, q.span_end + 1, :ctx), q.origin"
            " FROM card_quotes cq JOIN quotes q ON q.id = cq.quote_id"
            " JOIN sources s ON s.id = q.source_id"
            " WHERE cq.card_id = :card ORDER BY q.source_id, q.span_start",
            {"card": card_id, "ctx": CONTEXT_CHARS},
        )
        return [QuoteView(*row) for row in rows]

    def conflicts_of(self, card_id: int) -> list[ConflictView]:
        """Conflicts between this card's quotes and any other quote."""
        rows = self._db.execute(
            "SELECT c.id, mine.quote_id, mine.card_id, other.quote_id, other_card.card_id,"
            " substr(s.text, q.span_start + 1, q.span_end - q.span_start), s.title, s.outlet,"
            " c.reason"
            " FROM card_quotes mine"
            " JOIN conflicts c ON mine.quote_id IN (c.quote_a, c.quote_b)"
            " JOIN (SELECT id AS quote_id FROM quotes) other"
            "   ON other.quote_id = CASE WHEN c.quote_a = mine.quote_id"
            "      THEN c.quote_b ELSE c.quote_a END"
            " JOIN card_quotes other_card ON other_card.quote_id = other.quote_id"
            " JOIN quotes q ON q.id = other.quote_id JOIN sources s ON s.id = q.source_id"
            " WHERE mine.card_id = ? ORDER BY c.id",
            [card_id],
        )
        return [ConflictView(*row) for row in rows]

    def conflict_records(self) -> list[ConflictRecord]:
        """Every conflict, each end with its card and span, for the JSON export."""
        rows = self._db.execute(
            "SELECT c.quote_a, min(ca.card_id), qa.source_id, qa.span_start, qa.span_end,"
            " c.quote_b, min(cb.card_id), qb.source_id, qb.span_start, qb.span_end, c.reason"
            " FROM conflicts c"
            " JOIN quotes qa ON qa.id = c.quote_a JOIN card_quotes ca ON ca.quote_id = c.quote_a"
            " JOIN quotes qb ON qb.id = c.quote_b JOIN card_quotes cb ON cb.quote_id = c.quote_b"
            " GROUP BY c.id ORDER BY c.id"
        )
        return [ConflictRecord(*row) for row in rows]

    def suggestions_for(self, card_id: int, state: str = "open") -> list[SuggestionView]:
        """Other cards suggested as the same claim as this one, best match first."""
        rows = self._db.execute(
            "SELECT CASE WHEN s.card_a = :card THEN s.card_b ELSE s.card_a END AS other,"
            " c.wording, s.score, s.state FROM suggestions s"
            " JOIN cards c ON c.id = (CASE WHEN s.card_a = :card THEN s.card_b ELSE s.card_a END)"
            " WHERE :card IN (s.card_a, s.card_b) AND s.state = :state"
            " AND c.merged_into IS NULL ORDER BY s.score DESC, other",
            {"card": card_id, "state": state},
        )
        return [
            SuggestionView(card_id, other, wording, score, st) for other, wording, score, st in rows
        ]

    # -- editor actions ------------------------------------------------------------------

    def set_status(self, card_id: int, status: Status, editor: str) -> CardSummary:
        """Set a card's status, log it, commit, and return the card as it now is."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        return self._edit_card(card_id, "status", status, editor)

    def set_note(self, card_id: int, note: str, editor: str) -> CardSummary:
        """Set a card's note, log it, commit, and return the card as it now is."""
        return self._edit_card(card_id, "note", note, editor)

    def merge_cards(self, keep: int, other: int, editor: str) -> CardSummary:
        """Accept that two cards are one claim: `other`'s quotes move onto `keep`.

        `other` keeps its id and its history, marked as merged; its suggestions and
        rejections pass to `keep`; a note it had is added to `keep`'s.
        """
        if keep == other:
            raise ValueError("a card cannot be merged into itself")
        with self._db.atomic():
            kept = self.card(keep)
            merged = self.card(other)
            self._db.execute(
                "INSERT OR IGNORE INTO card_quotes (card_id, quote_id)"
                " SELECT ?, quote_id FROM card_quotes WHERE card_id = ?",
                [keep, other],
            )
            self._db.execute("DELETE FROM card_quotes WHERE card_id = ?", [other])
            self._db.execute(
                "UPDATE cards SET score = max(score, ?) WHERE id = ?", [merged.score, keep]
            )
            self._db.execute("UPDATE cards SET merged_into = ? WHERE id = ?", [keep, other])
            self._move_suggestions(keep, other)
            if merged.note.strip():
                note = f"{kept.note}\n\n{merged.note}".strip() if kept.note.strip() else merged.note
                self._db.execute("UPDATE cards SET note = ? WHERE id = ?", [note, keep])
                self._log(keep, editor, "note", kept.note, note)
            self._log(keep, editor, "merge", None, str(other))
            self._log(other, editor, "merged into", None, str(keep))
        return self.card(keep)

    def _move_suggestions(self, keep: int, other: int) -> None:
        rows = self._db.execute(
            "SELECT card_a, card_b, score, state FROM suggestions WHERE ? IN (card_a, card_b)",
            [other],
        ).fetchall()
        self._db.execute("DELETE FROM suggestions WHERE ? IN (card_a, card_b)", [other])
        for card_a, card_b, score, state in rows:
            third = card_b if card_a == other else card_a
            if third == keep:
                first, second = sorted((keep, other))
                self._db.execute(
                    "INSERT INTO suggestions (card_a, card_b, score, state) VALUES (?, ?, ?, ?)",
                    [first, second, score, "accepted"],
                )
                continue
            first, second = sorted((keep, third))
            # A rejection outweighs an open suggestion for the merged pair.
            self._db.execute(
                "INSERT INTO suggestions (card_a, card_b, score, state) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (card_a, card_b) DO UPDATE SET score = max(score, excluded.score),"
                " state = CASE WHEN 'rejected' IN (state, excluded.state) THEN 'rejected'"
                " ELSE state END",
                [first, second, score, state],
            )

    def reject_suggestion(self, card_id: int, other: int, editor: str) -> CardSummary:
        """Say two cards are not the same claim; no import will suggest them again."""
        first, second = sorted((card_id, other))
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO suggestions (card_a, card_b, score, state)"
                " VALUES (?, ?, 0, 'rejected')"
                " ON CONFLICT (card_a, card_b) DO UPDATE SET state = 'rejected'",
                [first, second],
            )
            self._log(card_id, editor, "reject suggestion", None, str(other))
        return self.card(card_id)

    def _edit_card(self, card_id: int, column: str, value: str, editor: str) -> CardSummary:
        with self._db.atomic():
            row = self._db.execute(f"SELECT {column} FROM cards WHERE id = ?", [card_id]).fetchone()
            if row is None:
                raise KeyError(card_id)
            before = row[0]
            if before != value:
                self._db.execute(f"UPDATE cards SET {column} = ? WHERE id = ?", [value, card_id])
                self._log(card_id, editor, column, before, value)
        return self.card(card_id)

    def _log(self, card_id: int | None, editor: str, action: str, before: Any, after: Any) -> None:
        self._db.execute(
            "INSERT INTO events (card_id, editor, at, action, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [card_id, editor, _now(), action, before, after],
        )

    def events(self, card_id: int | None = None) -> list[EventRecord]:
        """The event log, oldest first; only one card's entries when `card_id` is given."""
        if card_id is None:
            rows = self._db.execute(
                "SELECT id, card_id, editor, at, action, before, after FROM events ORDER BY id"
            )
        else:
            rows = self._db.execute(
                "SELECT id, card_id, editor, at, action, before, after FROM events"
                " WHERE card_id = ? ORDER BY id",
                [card_id],
            )
        return [EventRecord(*row) for row in rows]
