"""The linker's index, kept in the project: which stored quotes have each word and figure
that linking finds candidates by, and how many have it.

Without it, every import worked out again the words of every quote already stored (about
20 s and 600 MB for 3,500 articles) before it could place the first new one. The index is
derived data: it holds nothing an editor made, follows quotes (which never change) rather
than cards (which editors merge and split), and is emptied and built again when the way
quotes are read for linking changes (`version`). Quotes stored after `through_quote`
(an import that was killed, say) are simply indexed by the next import.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from itertools import groupby

from sqlite_utils import Database

from factcards_db.records import IndexableQuote, LinkIndexState
from factcards_db.sqlbits import LIVE_CARD

# A quote's words, from its span of its source's text ("FROM" and the rest follow).
_QUOTE_WORDS = (
    "SELECT q.id, q.source_id, substr(s.text, q.span_start + 1, q.span_end - q.span_start),"
    " q.subject, q.context"
)
_QUOTES_AND_SOURCES = "FROM quotes q JOIN sources s ON s.id = q.source_id"
_LIVE_CARD = f"JOIN cards c ON c.id = cq.card_id AND {LIVE_CARD}"


class LinkIndexStore:
    """The linker's index (mixed into `Project`)."""

    _db: Database

    def atomic(self) -> AbstractContextManager[None]:  # pragma: no cover - Project's
        raise NotImplementedError

    def link_index_state(self) -> LinkIndexState | None:
        """How far the index goes, or None when it was never built."""
        row = self._db.execute(
            "SELECT version, through_quote, quotes FROM link_index WHERE id = 1"
        ).fetchone()
        return LinkIndexState(*row) if row else None

    def clear_link_index(self) -> None:
        """Forget the index (it is built again, from every quote, by the next import)."""
        with self.atomic():
            self._db.execute("DELETE FROM link_postings")
            self._db.execute("DELETE FROM link_keys")
            self._db.execute("DELETE FROM link_index")

    def link_key_counts(self, keys: Sequence[str]) -> dict[str, int]:
        """How many indexed quotes have each of these keys (keys no quote has are left
        out)."""
        rows = self._db.execute(
            "SELECT key, quotes FROM link_keys WHERE key IN (SELECT value FROM json_each(?))",
            [json.dumps(keys)],
        )
        return dict(rows)

    def link_postings(self, keys: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
        """The (quote, card) pairs of the indexed quotes that have each key, on the cards
        they are on now (hidden and merged-away cards left out), in order of quote and
        card. Keys too common to keep postings for have none."""
        rows = self._db.execute(
            "SELECT k.key, cq.quote_id, cq.card_id FROM link_keys k"
            " JOIN link_postings p ON p.key_id = k.id"
            " JOIN card_quotes cq ON cq.quote_id = p.quote_id"
            f" {_LIVE_CARD}"
            " WHERE k.key IN (SELECT value FROM json_each(?))"
            " ORDER BY k.key, cq.quote_id, cq.card_id",
            [json.dumps(keys)],
        )
        return {
            key: [(quote_id, card_id) for _, quote_id, card_id in group]
            for key, group in groupby(rows, key=lambda row: str(row[0]))
        }

    def link_card_sizes(self, card_ids: Sequence[int], through_quote: int) -> dict[int, int]:
        """How many quotes up to `through_quote` each of these cards holds."""
        rows = self._db.execute(
            "SELECT card_id, count(*) FROM card_quotes"
            " WHERE card_id IN (SELECT value FROM json_each(?)) AND quote_id <= ?"
            " GROUP BY card_id",
            [json.dumps(card_ids), through_quote],
        )
        return dict(rows)

    def quotes_for_linking(self, quote_ids: Sequence[int]) -> list[IndexableQuote]:
        """The words of these quotes (their cards left out), in order of id."""
        rows = self._db.execute(
            f"{_QUOTE_WORDS} {_QUOTES_AND_SOURCES}"
            " WHERE q.id IN (SELECT value FROM json_each(?)) ORDER BY q.id",
            [json.dumps(quote_ids)],
        )
        return [IndexableQuote(*row) for row in rows]

    def quotes_after(self, quote_id: int) -> Iterator[IndexableQuote]:
        """Every quote stored after this one, with the cards it is on, in order of id."""
        rows = self._db.execute(
            f"{_QUOTE_WORDS}, CASE WHEN {LIVE_CARD} THEN c.id END {_QUOTES_AND_SOURCES}"
            " LEFT JOIN card_quotes cq ON cq.quote_id = q.id"
            " LEFT JOIN cards c ON c.id = cq.card_id"
            " WHERE q.id > ? ORDER BY q.id, cq.card_id",
            [quote_id],
        )
        for _, group in groupby(rows, key=lambda row: int(row[0])):
            rows_of_quote = list(group)
            quote_id, source_id, text, subject, context, _ = rows_of_quote[0]
            cards = tuple(row[5] for row in rows_of_quote if row[5] is not None)
            yield IndexableQuote(quote_id, source_id, text, subject, context, cards)

    def quote_ids_after(self, quote_id: int) -> list[int]:
        """The ids of the quotes stored after this one, in order."""
        rows = self._db.execute("SELECT id FROM quotes WHERE id > ? ORDER BY id", [quote_id])
        return [row[0] for row in rows]

    def extend_link_index(
        self,
        version: str,
        through_quote: int,
        indexed: Sequence[tuple[int, Sequence[str]]],
        postings_cap: int,
    ) -> None:
        """Add quotes to the index: each quote id with its keys (each once), all up to
        `through_quote`. A key that more than `postings_cap` quotes have keeps its count
        but no longer its postings (linking never looks up a key that common)."""
        added = Counter(key for _, keys in indexed for key in keys)
        with self.atomic():
            state = self.link_index_state()
            if state is not None and state.version != version:
                raise ValueError("the project's link index was made another way: clear it")
            self._db.execute(
                "INSERT INTO link_index (id, version, through_quote, quotes) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET through_quote = excluded.through_quote,"
                " quotes = quotes + excluded.quotes",
                [version, through_quote, len(indexed)],
            )
            self._db.conn.executemany(
                "INSERT INTO link_keys (key, quotes) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET quotes = quotes + excluded.quotes",
                sorted(added.items()),
            )
            rows = self._db.execute(
                "SELECT key, id, quotes FROM link_keys"
                " WHERE key IN (SELECT value FROM json_each(?))",
                [json.dumps(list(added))],
            )
            ids: dict[str, int] = {}
            for key, key_id, quotes in rows:
                if quotes <= postings_cap:
                    ids[key] = key_id
                elif quotes - added[key] <= postings_cap:  # just became too common
                    self._db.execute("DELETE FROM link_postings WHERE key_id = ?", [key_id])
            self._db.conn.executemany(
                "INSERT OR IGNORE INTO link_postings (key_id, quote_id) VALUES (?, ?)",
                sorted(
                    (ids[key], quote_id) for quote_id, keys in indexed for key in keys if key in ids
                ),
            )
