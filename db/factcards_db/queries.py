"""Reading a project: cards under a filter, their quotes, conflicts, suggestions, history.

Nothing here writes. Cards are found with SQL (and FTS5 for text search, the editor's
words quoted so they can never be a syntax error); the results are plain records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlite_utils import Database

from factcards_db.records import (
    STATUSES,
    CardDetail,
    CardFilter,
    CardKey,
    CardSummary,
    ConflictRecord,
    ConflictView,
    EventRecord,
    QuoteView,
    SourceLabel,
    SourceRecord,
    SourceSpan,
    Status,
    SuggestionView,
)
from factcards_db.schema import PLACE_STRIDE
from factcards_db.sqlbits import LIVE_CARD, placeholders

# Characters of source text shown on each side of a quote in the detail pane.
CONTEXT_CHARS = 160
# How many quotes contradict a quote of card c (a correlated subquery).
# The card list's orders, each one direction all through so that a page of the list is
# found by a row-value comparison with the last row shown (keyset paging), which SQLite
# answers by seeking in the order's index (migration 0004_card_order); ties go to the
# newest card, except in document order. Each: ORDER BY, the key's columns, and whether
# the list runs down them.
_ORDERS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "sources": ("c.source_count DESC, c.score DESC, c.id DESC", ("source_count", "score"), True),
    "score": ("c.score DESC, c.id DESC", ("score",), True),
    "conflicts": (
        "c.conflict_count DESC, c.score DESC, c.id DESC",
        ("conflict_count", "score"),
        True,
    ),
    "document": ("c.position, c.id", ("position",), False),
}


class CardQueries:
    """The reading half of a project (mixed into `Project`)."""

    _db: Database

    def sources(self) -> list[SourceRecord]:
        """All stored articles, in import order."""
        rows = self._db.execute(
            "SELECT id, path, title, outlet, published, sha256, text, encoding, imported_at"
            " FROM sources ORDER BY id"
        )
        return [SourceRecord(*row) for row in rows]

    def source_labels(self) -> list[SourceLabel]:
        """The title and outlet of every stored article, in import order (not the texts,
        which a large project holds hundreds of megabytes of)."""
        rows = self._db.execute("SELECT id, title, outlet FROM sources ORDER BY id")
        return [SourceLabel(*row) for row in rows]

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

    def card_ids(self, card_filter: CardFilter | None = None) -> list[int]:
        """Ids of all the cards a list shows, in the filter's order."""
        return self.card_page(card_filter, limit=None)[0]

    def card_page(
        self,
        card_filter: CardFilter | None = None,
        after: CardKey | None = None,
        limit: int | None = 1000,
    ) -> tuple[list[int], CardKey | None]:
        """Ids of up to `limit` cards a list shows, in the filter's order, from the one
        after `after` (None: from the top); and the key of the last, to ask for the next
        page with (None when the page is empty).

        Keyset paging: each page is a seek in the order's index, however deep it is.
        """
        card_filter = card_filter or CardFilter()
        selection, parameters = self._selection(card_filter)
        order, key_columns, descending = _ORDERS[card_filter.order]
        columns = [f"c.{column}" for column in (*key_columns, "id")]
        if after is not None:
            selection += f" AND ({', '.join(columns)}) {'<' if descending else '>'}"
            selection += f" ({placeholders(after)})"
            parameters = [*parameters, *after]
        sql = f"SELECT {', '.join(columns)} FROM {selection} ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._db.execute(sql, parameters).fetchall()
        return [row[-1] for row in rows], (tuple(rows[-1]) if rows else None)

    def lists_card(self, card_filter: CardFilter, card_id: int) -> bool:
        """Whether a list under this filter shows the card."""
        selection, parameters = self._selection(card_filter)
        row = self._db.execute(
            f"SELECT 1 FROM {selection} AND c.id = ?", [*parameters, card_id]
        ).fetchone()
        return row is not None

    def card_key(self, card_id: int, order: str) -> CardKey:
        """A card's place in a list of this order: what `card_page` starts after."""
        _, key_columns, _ = _ORDERS[order]
        row = self._db.execute(
            f"SELECT {', '.join((*key_columns, 'id'))} FROM cards WHERE id = ?", [card_id]
        ).fetchone()
        if row is None:
            raise KeyError(card_id)
        return tuple(row)

    def status_counts(self, card_filter: CardFilter | None = None) -> dict[Status, int]:
        """How many of the listed cards have each status (every status present)."""
        card_filter = card_filter or CardFilter()
        counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
        wanted = card_filter.statuses or frozenset(STATUSES)
        if not (
            card_filter.search.strip()
            or card_filter.source_id is not None
            or card_filter.tag
            or card_filter.has_conflict
            or card_filter.single_source
        ):
            # The whole list (or its cards above a score): a range of the status index
            # for each status, never a pass over every card.
            for status in wanted:
                counts[status] = self._db.execute(
                    "SELECT count(*) FROM cards c WHERE c.status = ? AND c.hidden = ?"
                    f" AND c.score >= ? AND {LIVE_CARD}",
                    [status, int(card_filter.hidden), card_filter.min_score],
                ).fetchone()[0]
            return counts
        selection, parameters = self._selection(card_filter, with_status=False)
        rows = self._db.execute(
            f"SELECT c.status, count(*) FROM {selection} GROUP BY c.status",
            parameters,
        )
        for status, count in rows:
            if status in wanted:
                counts[cast(Status, status)] = count
        return counts

    def _selection(
        self, card_filter: CardFilter, *, with_status: bool = True
    ) -> tuple[str, list[object]]:
        """What follows SELECT ... FROM for a filter: the cards (c) and the WHERE clause
        that picks them, and their parameters.

        A search, a source or a tag picks a few cards of many: the first of them given
        drives the query (its cards looked up by id, then sorted), so it costs what it
        finds, not a walk down the whole list. Without one, the list's order walks its
        index ("+c.score": the score cut filters but never picks the index).
        """
        picks: list[tuple[str, list[object]]] = []
        # Every word quoted: AND, NOT, NEAR, parentheses and stars are searched as text.
        # A card is found when its own words (wording, note, tags) or one of its quotes
        # hold every word searched.
        query = self._db.quote_fts(card_filter.search.strip()) if card_filter.search else ""
        if query.strip('" '):
            picks.append(
                (
                    "SELECT rowid AS id FROM card_text_fts WHERE card_text_fts MATCH ?"
                    " UNION SELECT cq3.card_id FROM quote_fts"
                    " JOIN card_quotes cq3 ON cq3.quote_id = quote_fts.rowid"
                    " WHERE quote_fts MATCH ?",
                    [query, query],
                )
            )
        if card_filter.source_id is not None:
            picks.append(
                (
                    "SELECT DISTINCT cq2.card_id AS id FROM card_quotes cq2"
                    " JOIN quotes q2 ON q2.id = cq2.quote_id WHERE q2.source_id = ?",
                    [card_filter.source_id],
                )
            )
        if card_filter.tag:
            picks.append(("SELECT card_id AS id FROM card_tags WHERE tag = ?", [card_filter.tag]))
        source = "cards c"
        parameters: list[object] = []
        if picks:
            (first, values), picks = picks[0], picks[1:]
            source = f"({first}) picked CROSS JOIN cards c ON c.id = picked.id"
            parameters += values
        clauses = [LIVE_CARD, "c.hidden = ?", "+c.score >= ?"]
        parameters += [int(card_filter.hidden), card_filter.min_score]
        if with_status and card_filter.statuses:
            statuses = sorted(card_filter.statuses)
            clauses.append(f"c.status IN ({placeholders(statuses)})")
            parameters += statuses
        for subquery, values in picks:
            clauses.append(f"c.id IN ({subquery})")
            parameters += values
        if card_filter.has_conflict:
            clauses.append("c.conflict_count > 0")
        if card_filter.single_source:
            clauses.append("c.source_count = 1")
        return f"{source} WHERE {' AND '.join(clauses)}", parameters

    def spans_of_source(self, source_id: int) -> list[SourceSpan]:
        """Every quote of a source that sits on a card, in reading order."""
        rows = self._db.execute(
            "SELECT q.id, q.span_start, q.span_end, min(cq.card_id) FROM quotes q"
            " JOIN card_quotes cq ON cq.quote_id = q.id"
            f" JOIN cards c ON c.id = cq.card_id AND {LIVE_CARD}"
            " WHERE q.source_id = ? GROUP BY q.id ORDER BY q.span_start, q.span_end",
            [source_id],
        )
        return [SourceSpan(*row) for row in rows]

    def tags(self) -> list[tuple[str, int]]:
        """Every tag in use, with the number of cards that carry it, by name."""
        rows = self._db.execute(
            # CROSS JOIN: from the few tagged cards out, never from every card in.
            "SELECT t.tag, count(*) FROM card_tags t CROSS JOIN cards c ON c.id = t.card_id"
            f" WHERE {LIVE_CARD} GROUP BY t.tag ORDER BY t.tag"
        )
        return [(tag, count) for tag, count in rows]

    def card_summaries(self, card_ids: Sequence[int]) -> dict[int, CardSummary]:
        """The list rows of these cards, by id; unknown ids are left out."""
        if not card_ids:
            return {}
        ids = list(card_ids)
        marks = placeholders(ids)
        first_quotes: dict[int, tuple[str, str]] = {}
        suggestions: dict[int, int] = {}
        for card_a, card_b in self._db.execute(
            "SELECT card_a, card_b FROM suggestions WHERE state = 'open'"
            f" AND (card_a IN ({marks}) OR card_b IN ({marks}))",
            ids + ids,
        ):
            for card_id in (card_a, card_b):
                suggestions[card_id] = suggestions.get(card_id, 0) + 1
        # The first quote is the one at the card's position (its first quote's place,
        # kept by the store): found by index, never by reading every quote of a big card.
        for card_id, text, source_name in self._db.execute(
            "SELECT c.id, substr(s.text, q.span_start + 1, q.span_end - q.span_start),"
            " coalesce(s.outlet, s.title) FROM cards c"
            f" JOIN quotes q ON q.source_id = c.position / {PLACE_STRIDE}"
            f" AND q.span_start = c.position % {PLACE_STRIDE}"
            " JOIN card_quotes cq ON cq.card_id = c.id AND cq.quote_id = q.id"
            f" JOIN sources s ON s.id = q.source_id WHERE c.id IN ({marks})"
            " ORDER BY c.id, q.span_end DESC, q.id DESC",
            ids,
        ):
            # Rows come last-first, so the final assignment per card is its first quote.
            first_quotes[card_id] = (text, source_name)
        tags: dict[int, list[str]] = {}
        for card_id, tag in self._db.execute(
            f"SELECT card_id, tag FROM card_tags WHERE card_id IN ({marks}) ORDER BY tag", ids
        ):
            tags.setdefault(card_id, []).append(tag)
        summaries: dict[int, CardSummary] = {}
        for (
            card_id,
            wording,
            status,
            note,
            score,
            hidden,
            sources,
            quotes,
            origins,
            conflicts,
        ) in self._db.execute(
            "SELECT id, wording, status, note, score, hidden, source_count, quote_count,"
            f" origin_count, conflict_count FROM cards WHERE id IN ({marks})",
            ids,
        ):
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
                conflict_count=conflicts,
                suggestion_count=suggestions.get(card_id, 0),
                hidden=bool(hidden),
                tags=tuple(tags.get(card_id, ())),
            )
        return summaries

    def card(self, card_id: int) -> CardSummary:
        """One card's list row."""
        summary = self.card_summaries([card_id]).get(card_id)
        if summary is None:
            raise KeyError(card_id)
        return summary

    def card_wording(self, card_id: int) -> str:
        """One card's wording (cheaper than its whole row, for the importer)."""
        row = self._db.execute("SELECT wording FROM cards WHERE id = ?", [card_id]).fetchone()
        if row is None:
            raise KeyError(card_id)
        return str(row[0])

    def card_detail(
        self, card_id: int, *, quote_limit: int | None = None, conflict_limit: int | None = None
    ) -> CardDetail:
        """A card with its quotes (each with its source and surrounding text), its
        conflicts and its open suggestions; with limits, only the first quotes and
        conflicts (the summary still counts them all), as a pane that shows a few needs."""
        return self._detail(self.card(card_id), quote_limit, conflict_limit)

    def card_details(self, card_ids: Sequence[int]) -> list[CardDetail]:
        """Several cards in full, in the order given."""
        summaries = self.card_summaries(card_ids)
        return [self._detail(summaries[card_id]) for card_id in card_ids if card_id in summaries]

    def _detail(
        self,
        summary: CardSummary,
        quote_limit: int | None = None,
        conflict_limit: int | None = None,
    ) -> CardDetail:
        return CardDetail(
            summary=summary,
            quotes=self._quotes_of(summary.id, quote_limit),
            conflicts=self.conflicts_of(summary.id, conflict_limit),
            suggestions=self.suggestions_for(summary.id),
        )

    def _quotes_of(self, card_id: int, limit: int | None = None) -> list[QuoteView]:
        rows = self._db.execute(
            "SELECT q.id, q.source_id, q.span_start, q.span_end,"
            " substr(s.text, q.span_start + 1, q.span_end - q.span_start),"
            " q.attribution, q.score, s.title, s.outlet, s.path,"
            " substr(s.text, max(1, q.span_start + 1 - :ctx), min(q.span_start, :ctx)),"
            " substr(s.text, q.span_end + 1, :ctx), q.origin"
            " FROM card_quotes cq JOIN quotes q ON q.id = cq.quote_id"
            " JOIN sources s ON s.id = q.source_id"
            " WHERE cq.card_id = :card ORDER BY q.source_id, q.span_start LIMIT :limit",
            {"card": card_id, "ctx": CONTEXT_CHARS, "limit": -1 if limit is None else limit},
        )
        return [QuoteView(*row) for row in rows]

    def conflicts_of(self, card_id: int, limit: int | None = None) -> list[ConflictView]:
        """Conflicts between this card's quotes and any other quote (the first `limit`)."""
        # One indexed join per side of the conflict (an OR across both sides scans).
        side = (
            "SELECT c.id, mine.quote_id, mine.card_id, q.id, other_card.card_id,"
            " substr(s.text, q.span_start + 1, q.span_end - q.span_start), s.title, s.outlet,"
            " c.reason"
            " FROM card_quotes mine JOIN conflicts c ON c.{mine} = mine.quote_id"
            " JOIN quotes q ON q.id = c.{other}"
            " JOIN card_quotes other_card ON other_card.quote_id = q.id"
            " JOIN sources s ON s.id = q.source_id"
            " WHERE mine.card_id = ?"
        )
        rows = self._db.execute(
            side.format(mine="quote_a", other="quote_b")
            + " UNION ALL "
            + side.format(mine="quote_b", other="quote_a")
            + " ORDER BY 1 LIMIT ?",
            [card_id, card_id, -1 if limit is None else limit],
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
