"""Writing an editor's work: each action one transaction, logged in the event log.

Every action here records who did it, when, and the value before and after, in the
append-only event log, and commits before it returns. Actions return what changed, so
the views refresh from that.
"""

from __future__ import annotations

from typing import Any

from factcards_db.queries import CardQueries
from factcards_db.records import STATUSES, CardSummary, Status
from factcards_db.sqlbits import now


class EditorActions(CardQueries):
    """The editor's half of a project (mixed into `Project`)."""

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
            [card_id, editor, now(), action, before, after],
        )
