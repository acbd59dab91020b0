"""Writing an editor's work: each action one transaction, logged in the event log.

Every action here records who did it, when, and the value before and after, in the
append-only event log, and commits before it returns. Each action has its inverse here
too (unmerge, attach, restore...), so that the undo history in `factcards.core.editing`
can take any of them back exactly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from factcards_db.errors import ProjectReadOnly
from factcards_db.failures import known_failure
from factcards_db.queries import CardQueries
from factcards_db.records import STATUSES, CardSummary, MergeRecord, NewQuote, Status
from factcards_db.schema import CARD_ORDER_UPDATE, CARD_TEXT_SELECT, QUOTE_TEXT_SELECT
from factcards_db.sqlbits import now, placeholders

_KEPT_COUNTS = (
    "SELECT id, source_count, quote_count, origin_count, conflict_count, position FROM cards"
)


class EditorActions(CardQueries):
    """The writing half of a project (mixed into `Project`)."""

    path: Path
    read_only_reason: str | None
    # Cards whose searchable words changed in the open transaction; cards whose counts
    # must be worked out again from their quotes; and the transaction's depth.
    _reindex: set[int]
    _recount: set[int]
    _depth: int

    # -- transactions and the search index ----------------------------------------------

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Group writes into one transaction: all of them land, or none does.

        The search index of every card the transaction changed is brought up to date
        inside the same transaction, just before it commits. A failure that is not
        factcards' fault (a full disk, a busy or read-only file) rolls it all back and is
        raised as a ProjectError whose message tells the user what happened.
        """
        if self.read_only_reason is not None:
            raise ProjectReadOnly(
                self.path,
                f"{self.path.name} is open for reading only, so nothing was changed. "
                f"{self.read_only_reason}",
            )
        try:
            with self._db.atomic():
                self._depth += 1
                try:
                    yield
                    if self._depth == 1:
                        self._refresh_cards()
                except BaseException:
                    if self._depth == 1:
                        self._reindex.clear()  # rolled back: nothing of it to index
                        self._recount.clear()
                    raise
                finally:
                    self._depth -= 1
        except sqlite3.Error as error:
            failure = known_failure(error, self.path)
            if failure is None:
                raise
            raise failure from error

    def _touch(self, *card_ids: int) -> None:
        """Note cards whose words and quotes changed; outside a transaction, reindex and
        recount them now."""
        self._reindex.update(card_ids)
        self._touch_counts(*card_ids)

    def _touch_words(self, *card_ids: int) -> None:
        """Note cards whose words alone (wording, note, tags) changed: reindexed, not
        recounted."""
        self._reindex.update(card_ids)
        if not self._depth:
            with self.atomic():
                pass

    def _touch_counts(self, *card_ids: int) -> None:
        """Note cards whose counts must be worked out again from their quotes (an editor's
        merge, split or detach; origins that changed): recounted, not reindexed."""
        self._recount.update(card_ids)
        if not self._depth:
            with self.atomic():
                pass

    def _touch_conflicting(self, quote_id: int) -> list[int]:
        """Note the cards whose quotes conflict with this quote, and return them: their
        conflicts count only quotes that are on a card, and this one has just come onto
        one or gone off."""
        rows = self._db.execute(
            "SELECT cq.card_id FROM conflicts k JOIN card_quotes cq ON cq.quote_id = k.quote_b"
            " WHERE k.quote_a = ?"
            " UNION SELECT cq.card_id FROM conflicts k JOIN card_quotes cq"
            " ON cq.quote_id = k.quote_a WHERE k.quote_b = ?",
            [quote_id, quote_id],
        )
        cards = [row[0] for row in rows]
        self._touch_counts(*cards)
        return cards

    def _refresh_cards(self) -> None:
        recount = sorted(self._recount)
        ids = sorted(self._reindex)
        self._reindex.clear()
        self._recount.clear()
        for start in range(0, len(recount), 500):
            chunk = recount[start : start + 500]
            self._db.execute(f"{CARD_ORDER_UPDATE} WHERE id IN ({placeholders(chunk)})", chunk)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            self._db.execute(
                "INSERT INTO card_text (card_id, wording, note, tags)"
                f" {CARD_TEXT_SELECT} WHERE c.id IN ({placeholders(chunk)})"
                " ON CONFLICT (card_id) DO UPDATE SET wording = excluded.wording,"
                " note = excluded.note, tags = excluded.tags",
                chunk,
            )

    def recount_cards(self) -> list[int]:
        """Count every card's sources, quotes, origins and conflicts again from its quotes,
        and return the cards whose kept counts were not what they are (none, unless a bug
        or a hand edit put them out)."""
        before = self._db.execute(_KEPT_COUNTS).fetchall()
        with self.atomic():
            self._db.execute(f"{CARD_ORDER_UPDATE} WHERE true")
        after = dict((row[0], row) for row in self._db.execute(_KEPT_COUNTS).fetchall())
        return [row[0] for row in before if after[row[0]] != row]

    # -- review ---------------------------------------------------------------------------

    def set_status(self, card_id: int, status: Status, editor: str) -> CardSummary:
        """Set a card's status, log it, commit, and return the card as it now is."""
        self.set_statuses({card_id: status}, editor)
        return self.card(card_id)

    def set_statuses(self, statuses: dict[int, Status], editor: str) -> dict[int, Status]:
        """Set several cards' statuses in one transaction; return what each had before.

        A card whose status does not change gets no event.
        """
        before: dict[int, Status] = {}
        with self.atomic():
            for card_id, status in statuses.items():
                if status not in STATUSES:
                    raise ValueError(f"unknown status {status!r}")
                previous = self._change(card_id, "status", status, editor)
                before[card_id] = cast(Status, previous)
        return before

    def set_note(self, card_id: int, note: str, editor: str) -> CardSummary:
        """Set a card's note, log it, commit, and return the card as it now is."""
        with self.atomic():
            self._change(card_id, "note", note, editor)
        return self.card(card_id)

    def set_wording(
        self, card_id: int, wording: str, editor: str, *, edited: bool = True
    ) -> tuple[str, bool]:
        """Word a card; an editor's wording is never replaced by an import. Returns the
        wording and edited flag it had."""
        with self.atomic():
            was_edited = bool(
                self._db.execute(
                    "SELECT wording_edited FROM cards WHERE id = ?", [card_id]
                ).fetchone()[0]
            )
            before = self._change(card_id, "wording", wording, editor)
            self._db.execute(
                "UPDATE cards SET wording_edited = ? WHERE id = ?", [int(edited), card_id]
            )
        return before, was_edited

    def set_hidden(self, card_ids: Sequence[int], hidden: bool, editor: str) -> list[int]:
        """Hide cards that are not claims (or show them again); return those changed."""
        changed = []
        with self.atomic():
            for card_id in card_ids:
                if self._change(card_id, "hidden", int(hidden), editor, "hide") != int(hidden):
                    changed.append(card_id)
        return changed

    def add_tag(self, card_ids: Sequence[int], tag: str, editor: str) -> list[int]:
        """Tag cards; return those that did not have the tag."""
        tag = tag.strip()
        changed = []
        with self.atomic():
            for card_id in card_ids:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO card_tags (card_id, tag) VALUES (?, ?)", [card_id, tag]
                )
                if cursor.rowcount:
                    changed.append(card_id)
                    self._log(card_id, editor, "tag", None, tag)
                    self._touch_words(card_id)
        return changed

    def remove_tag(self, card_ids: Sequence[int], tag: str, editor: str) -> list[int]:
        """Take a tag off cards; return those that had it."""
        changed = []
        with self.atomic():
            for card_id in card_ids:
                cursor = self._db.execute(
                    "DELETE FROM card_tags WHERE card_id = ? AND tag = ?", [card_id, tag]
                )
                if cursor.rowcount:
                    changed.append(card_id)
                    self._log(card_id, editor, "untag", tag, None)
                    self._touch_words(card_id)
        return changed

    # -- merging, splitting, quotes -------------------------------------------------------

    def merge_cards(self, keep: int, other: int, editor: str) -> MergeRecord:
        """Accept that two cards are one claim: `other`'s quotes move onto `keep`.

        `other` keeps its id and its history, marked as merged; its suggestions and
        rejections pass to `keep`; a note it had is added to `keep`'s.
        """
        if keep == other:
            raise ValueError("a card cannot be merged into itself")
        with self.atomic():
            kept = self.card(keep)
            merged = self.card(other)
            moved = tuple(
                row[0]
                for row in self._db.execute(
                    "SELECT quote_id FROM card_quotes WHERE card_id = ? AND quote_id NOT IN"
                    " (SELECT quote_id FROM card_quotes WHERE card_id = ?) ORDER BY quote_id",
                    [other, keep],
                )
            )
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
                self._change(keep, "note", note, editor)
            self._log(keep, editor, "merge", None, str(other))
            self._log(other, editor, "merged into", None, str(keep))
            self._touch(keep, other)
        return MergeRecord(keep, other, moved, kept.note, kept.score)

    def unmerge(self, record: MergeRecord, editor: str) -> None:
        """Take a merge back: the moved quotes return, the note and score are as before."""
        with self.atomic():
            for quote_id in record.moved_quotes:
                self._db.execute(
                    "UPDATE card_quotes SET card_id = ? WHERE card_id = ? AND quote_id = ?",
                    [record.other, record.keep, quote_id],
                )
            self._db.execute("UPDATE cards SET merged_into = NULL WHERE id = ?", [record.other])
            self._db.execute(
                "UPDATE cards SET score = ? WHERE id = ?", [record.score_before, record.keep]
            )
            self._change(record.keep, "note", record.note_before, editor)
            first, second = sorted((record.keep, record.other))
            self._db.execute(
                "UPDATE suggestions SET state = 'open' WHERE card_a = ? AND card_b = ?"
                " AND state = 'accepted'",
                [first, second],
            )
            self._log(record.keep, editor, "unmerge", str(record.other), None)
            self._log(record.other, editor, "unmerged from", str(record.keep), None)
            self._touch(record.keep, record.other)

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

    def split_quote(self, card_id: int, quote_id: int, wording: str, editor: str) -> int:
        """Move a quote off its card onto a new card of its own; return the new card."""
        with self.atomic():
            score = self._db.execute("SELECT score FROM quotes WHERE id = ?", [quote_id]).fetchone()
            new_card = self.create_card(wording, float(score[0]))
            self._db.execute(
                "UPDATE card_quotes SET card_id = ? WHERE card_id = ? AND quote_id = ?",
                [new_card, card_id, quote_id],
            )
            self._rescore(card_id, new_card)
            self._log(card_id, editor, "split", str(quote_id), str(new_card))
            self._log(new_card, editor, "split from", str(card_id), str(quote_id))
            self._touch(card_id, new_card)
        return new_card

    def move_quote(self, quote_id: int, from_card: int, to_card: int, editor: str) -> None:
        """Move a quote from one card to another (how a split is taken back or redone)."""
        with self.atomic():
            self._db.execute(
                "UPDATE card_quotes SET card_id = ? WHERE card_id = ? AND quote_id = ?",
                [to_card, from_card, quote_id],
            )
            self._rescore(from_card, to_card)
            self._log(to_card, editor, "move quote", str(from_card), str(quote_id))
            self._touch(from_card, to_card)

    def detach_quote(self, card_id: int, quote_id: int, editor: str) -> None:
        """Take a quote off a card: it stays in its source, on no card."""
        with self.atomic():
            self._db.execute(
                "DELETE FROM card_quotes WHERE card_id = ? AND quote_id = ?", [card_id, quote_id]
            )
            self._rescore(card_id)
            self._log(card_id, editor, "detach", str(quote_id), None)
            self._touch(card_id)
            self._touch_conflicting(quote_id)

    def attach_quote(self, card_id: int, quote_id: int, editor: str) -> None:
        """Put a stored quote (back) on a card."""
        with self.atomic():
            self._db.execute(
                "INSERT OR IGNORE INTO card_quotes (card_id, quote_id) VALUES (?, ?)",
                [card_id, quote_id],
            )
            self._rescore(card_id)
            self._log(card_id, editor, "attach", None, str(quote_id))
            self._touch(card_id)
            self._touch_conflicting(quote_id)

    def quote_for_span(self, source_id: int, quote: NewQuote) -> int:
        """The quote with exactly this span of the source, stored first if it is new."""
        row = self._db.execute(
            "SELECT id FROM quotes WHERE source_id = ? AND span_start = ? AND span_end = ?",
            [source_id, quote.start, quote.end],
        ).fetchone()
        if row is not None:
            return int(row[0])
        return self.add_quote(source_id, quote)

    def add_quote(self, source_id: int, quote: NewQuote, *, searchable: bool = True) -> int:
        """Store a claim span of a source, index its words for search, return its id.

        An import stores an article's quotes with `searchable=False` and then indexes them
        all at once with `index_source_quotes`, in the same transaction.
        """
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
        quote_id = cast(int, cursor.lastrowid)
        if searchable:
            self._db.execute(
                f"INSERT INTO quote_fts (rowid, text) {QUOTE_TEXT_SELECT} WHERE q.id = ?",
                [quote_id],
            )
        return quote_id

    def index_source_quotes(self, source_id: int) -> None:
        """Index for search every quote of a source stored with `searchable=False` (all of
        them: the source's own import)."""
        self._db.execute(
            f"INSERT INTO quote_fts (rowid, text) {QUOTE_TEXT_SELECT} WHERE q.source_id = ?",
            [source_id],
        )

    def new_card_from_span(self, source_id: int, quote: NewQuote, wording: str, editor: str) -> int:
        """A card the editor makes from a span of a source; return the card."""
        with self.atomic():
            quote_id = self.quote_for_span(source_id, quote)
            card_id = self.create_card(wording, quote.score)
            self._db.execute(
                "INSERT OR IGNORE INTO card_quotes (card_id, quote_id) VALUES (?, ?)",
                [card_id, quote_id],
            )
            self._db.execute("UPDATE cards SET wording_edited = 1 WHERE id = ?", [card_id])
            self._log(card_id, editor, "new card", None, f"{source_id}:{quote.start}-{quote.end}")
            self._touch(card_id)
        return card_id

    def set_removed(self, card_id: int, removed: bool, editor: str) -> None:
        """Remove a card the editor made (its undo), or bring it back (its redo)."""
        with self.atomic():
            self._change(card_id, "removed", int(removed), editor, "remove")

    def create_card(self, wording: str, score: float) -> int:
        """Make a new, unreviewed card and return its id."""
        cursor = self._db.execute(
            "INSERT INTO cards (wording, score, created_at) VALUES (?, ?, ?)",
            [wording, score, now()],
        )
        card_id = cast(int, cursor.lastrowid)
        self._touch_words(card_id)  # no quotes yet: nothing to count
        return card_id

    def _rescore(self, *card_ids: int) -> None:
        for card_id in card_ids:
            self._db.execute(
                "UPDATE cards SET score = coalesce((SELECT max(q.score) FROM card_quotes cq"
                " JOIN quotes q ON q.id = cq.quote_id WHERE cq.card_id = ?), score)"
                " WHERE id = ?",
                [card_id, card_id],
            )

    # -- suggestions ----------------------------------------------------------------------

    def reject_suggestion(self, card_id: int, other: int, editor: str) -> CardSummary:
        """Say two cards are not the same claim; no import will suggest them again."""
        first, second = sorted((card_id, other))
        with self.atomic():
            self._db.execute(
                "INSERT INTO suggestions (card_a, card_b, score, state)"
                " VALUES (?, ?, 0, 'rejected')"
                " ON CONFLICT (card_a, card_b) DO UPDATE SET state = 'rejected'",
                [first, second],
            )
            self._log(card_id, editor, "reject suggestion", None, str(other))
        return self.card(card_id)

    def reopen_suggestion(self, card_id: int, other: int, editor: str) -> None:
        """Take a rejection back: the two cards are suggested as one claim again."""
        first, second = sorted((card_id, other))
        with self.atomic():
            self._db.execute(
                "UPDATE suggestions SET state = 'open' WHERE card_a = ? AND card_b = ?",
                [first, second],
            )
            self._log(card_id, editor, "reopen suggestion", None, str(other))

    # -- the event log ----------------------------------------------------------------------

    def _change(
        self, card_id: int, column: str, value: Any, editor: str, action: str | None = None
    ) -> Any:
        """Set one column of a card, log the change (if any), return the value before."""
        row = self._db.execute(f"SELECT {column} FROM cards WHERE id = ?", [card_id]).fetchone()
        if row is None:
            raise KeyError(card_id)
        before = row[0]
        if before != value:
            self._db.execute(f"UPDATE cards SET {column} = ? WHERE id = ?", [value, card_id])
            self._log(card_id, editor, action or column, before, value)
            if column in ("wording", "note"):
                self._touch_words(card_id)
        return before

    def _log(self, card_id: int | None, editor: str, action: str, before: Any, after: Any) -> None:
        self._db.execute(
            "INSERT INTO events (card_id, editor, at, action, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [card_id, editor, now(), action, before, after],
        )
