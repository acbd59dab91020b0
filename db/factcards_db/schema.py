"""The project file's schema, as an append-only list of named migrations.

Never edit a migration that has shipped: add a new one. A file whose applied migrations
include names this list does not know was written by a newer factcards and is refused.
"""

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# 'FCRD': marks a SQLite file as a factcards project (PRAGMA application_id).
APPLICATION_ID = 0x46435244

migrations = Migrations("factcards")
KNOWN_MIGRATIONS: list[str] = []


def _migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    KNOWN_MIGRATIONS.append(name)
    return migrations(name=name)


def _run(db: Database, *statements: str) -> None:
    # One statement at a time: executescript() would COMMIT the migration's transaction.
    for statement in statements:
        db.execute(statement)


@_migration("0001_initial")
def _initial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            title TEXT NOT NULL,
            outlet TEXT,
            published TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            encoding TEXT NOT NULL,
            imported_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            wording TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'unreviewed'
                CHECK (status IN ('unreviewed', 'confirmed', 'disputed')),
            note TEXT NOT NULL DEFAULT '',
            score REAL NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 1),
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            attribution TEXT,
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            CHECK (0 <= span_start AND span_start < span_end),
            UNIQUE (source_id, span_start, span_end)
        )
        """,
        """
        CREATE TABLE card_quotes (
            card_id INTEGER NOT NULL REFERENCES cards(id),
            quote_id INTEGER NOT NULL REFERENCES quotes(id),
            PRIMARY KEY (card_id, quote_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX card_quotes_by_quote ON card_quotes (quote_id, card_id)",
        "CREATE INDEX quotes_by_source ON quotes (source_id, span_start)",
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            card_id INTEGER REFERENCES cards(id),
            editor TEXT NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT
        )
        """,
        "CREATE INDEX events_by_card ON events (card_id, id)",
        # The log is evidence of who decided what: it only ever grows.
        """
        CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
        """,
        """
        CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END
        """,
    )


@_migration("0002_claims_across_sources")
def _claims_across_sources(db: Database) -> None:
    _run(
        db,
        # The words a clause leaves out, for wording and matching ("The company" for
        # "has delivered 12 ferries"), and the independent origin a quote counts as.
        "ALTER TABLE quotes ADD COLUMN subject TEXT",
        # The rest of the quote's sentence: what a clause like "which is expected to
        # create 400 jobs" is about.
        "ALTER TABLE quotes ADD COLUMN context TEXT",
        "ALTER TABLE quotes ADD COLUMN origin TEXT",
        # A card merged into another keeps its id (the event log refers to it).
        "ALTER TABLE cards ADD COLUMN merged_into INTEGER REFERENCES cards(id)",
        # An editor's wording is never replaced by a clearer quote that arrives later.
        "ALTER TABLE cards ADD COLUMN wording_edited INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX cards_live ON cards (merged_into, score)",
        """
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            quote_a INTEGER NOT NULL REFERENCES quotes(id),
            quote_b INTEGER NOT NULL REFERENCES quotes(id),
            reason TEXT NOT NULL,
            CHECK (quote_a < quote_b),
            UNIQUE (quote_a, quote_b)
        )
        """,
        "CREATE INDEX conflicts_by_b ON conflicts (quote_b)",
        # A suggested match between two cards, kept (as rejected) after the editor says no,
        # so that no later import suggests it again.
        """
        CREATE TABLE suggestions (
            card_a INTEGER NOT NULL REFERENCES cards(id),
            card_b INTEGER NOT NULL REFERENCES cards(id),
            score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
            state TEXT NOT NULL DEFAULT 'open'
                CHECK (state IN ('open', 'accepted', 'rejected')),
            PRIMARY KEY (card_a, card_b),
            CHECK (card_a < card_b)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX suggestions_by_b ON suggestions (card_b)",
    )


@_migration("0003_workbench")
def _workbench(db: Database) -> None:
    _run(
        db,
        # A card that is not a claim is hidden (kept, restorable); a card the editor made
        # and then undid is removed (kept for the event log, shown nowhere).
        "ALTER TABLE cards ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN removed INTEGER NOT NULL DEFAULT 0",
        """
        CREATE TABLE card_tags (
            card_id INTEGER NOT NULL REFERENCES cards(id),
            tag TEXT NOT NULL,
            PRIMARY KEY (card_id, tag)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX card_tags_by_tag ON card_tags (tag, card_id)",
        # The words of each card that search looks in, kept up to date by the store;
        # full-text search (FTS5) indexes it through the triggers below.
        """
        CREATE TABLE card_text (
            card_id INTEGER PRIMARY KEY REFERENCES cards(id),
            wording TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            quotes TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE VIRTUAL TABLE card_text_fts USING fts5(
            wording, note, quotes, tags,
            content = 'card_text', content_rowid = 'card_id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER card_text_ai AFTER INSERT ON card_text BEGIN
            INSERT INTO card_text_fts (rowid, wording, note, quotes, tags)
            VALUES (new.card_id, new.wording, new.note, new.quotes, new.tags);
        END
        """,
        """
        CREATE TRIGGER card_text_ad AFTER DELETE ON card_text BEGIN
            INSERT INTO card_text_fts (card_text_fts, rowid, wording, note, quotes, tags)
            VALUES ('delete', old.card_id, old.wording, old.note, old.quotes, old.tags);
        END
        """,
        """
        CREATE TRIGGER card_text_au AFTER UPDATE ON card_text BEGIN
            INSERT INTO card_text_fts (card_text_fts, rowid, wording, note, quotes, tags)
            VALUES ('delete', old.card_id, old.wording, old.note, old.quotes, old.tags);
            INSERT INTO card_text_fts (rowid, wording, note, quotes, tags)
            VALUES (new.card_id, new.wording, new.note, new.quotes, new.tags);
        END
        """,
        f"INSERT INTO card_text (card_id, wording, note, quotes, tags) {_CARD_TEXT_0003}"
        " WHERE true",
    )


@_migration("0004_card_order")
def _card_order(db: Database) -> None:
    _run(
        db,
        # What the card list sorts, filters and shows, kept on the card by the store (see
        # CARD_ORDER_UPDATE) so that a list of any length is an index scan and a row is
        # read without counting a card's quotes: sources, conflicts, the place of its
        # first quote, quotes and independent origins.
        "ALTER TABLE cards ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN origin_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN conflict_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE cards ADD COLUMN position INTEGER NOT NULL DEFAULT 0",
        f"{CARD_ORDER_UPDATE} WHERE true",
        *(
            f"CREATE INDEX cards_by_{name} ON cards (hidden, {columns})"
            " WHERE merged_into IS NULL AND removed = 0"
            # One direction all through, so that a page starting after a row's key is a
            # seek (queries.card_page); the status and score at the end make each index
            # cover the list's query.
            for name, columns in (
                ("sources", "source_count, score, id, status"),
                ("score", "score, id, status"),
                ("conflicts", "conflict_count, score, id, status"),
                ("position", "position, id, status, score"),
            )
        ),
        "CREATE INDEX cards_by_status ON cards (status, hidden, score)"
        " WHERE merged_into IS NULL AND removed = 0",
    )


# The searchable words of cards as 0003_workbench kept them, quotes included.
_CARD_TEXT_0003 = """
    SELECT c.id, c.wording, c.note,
        coalesce((SELECT group_concat(substr(s.text, q.span_start + 1,
                                             q.span_end - q.span_start), ' ')
                  FROM card_quotes cq JOIN quotes q ON q.id = cq.quote_id
                  JOIN sources s ON s.id = q.source_id WHERE cq.card_id = c.id), ''),
        coalesce((SELECT group_concat(tag, ' ') FROM card_tags t WHERE t.card_id = c.id), '')
    FROM cards c
"""

# Recount what the card list orders by, for the cards the WHERE clause that follows picks:
# the sources of its quotes; its conflicts, counted by the quotes on the other side that
# are on a card (four quotes of one card that all contradict one report are one conflict
# to resolve, and the card pane lists it once); and the place of its first quote.
# A quote's place in the project, one number: its source's id, then its start in it.
PLACE_STRIDE = 1_000_000_000
CARD_ORDER_UPDATE = f"""
    UPDATE cards SET
        (source_count, quote_count, origin_count) = (
            SELECT count(DISTINCT q.source_id), count(*),
                   count(DISTINCT coalesce(q.origin, 'source ' || q.source_id))
            FROM card_quotes cq JOIN quotes q ON q.id = cq.quote_id
            WHERE cq.card_id = cards.id),
        conflict_count = (SELECT count(DISTINCT other) FROM (
            SELECT k.quote_b AS other FROM card_quotes cq
            JOIN conflicts k ON k.quote_a = cq.quote_id WHERE cq.card_id = cards.id
            UNION ALL
            SELECT k.quote_a FROM card_quotes cq
            JOIN conflicts k ON k.quote_b = cq.quote_id WHERE cq.card_id = cards.id)
            WHERE EXISTS (SELECT 1 FROM card_quotes o WHERE o.quote_id = other)),
        position = coalesce((SELECT min(q.source_id * {PLACE_STRIDE} + q.span_start)
                             FROM card_quotes cq JOIN quotes q ON q.id = cq.quote_id
                             WHERE cq.card_id = cards.id), 0)
"""


@_migration("0005_quote_search")
def _quote_search(db: Database) -> None:
    _run(
        db,
        # Each quote is indexed once, when it is stored (quotes never change), instead of
        # again in the words of its card whenever the card gains a quote: a card that
        # hundreds of sources carry made every import rewrite its whole text. Contentless:
        # the text is the source's, at the quote's span.
        """
        CREATE VIRTUAL TABLE quote_fts USING fts5(
            text, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
        )
        """,
        f"INSERT INTO quote_fts (rowid, text) {QUOTE_TEXT_SELECT} WHERE true",
        "DROP TRIGGER card_text_ai",
        "DROP TRIGGER card_text_ad",
        "DROP TRIGGER card_text_au",
        "DROP TABLE card_text_fts",
        "DROP TABLE card_text",
        # The card's own words: wording, note and tags.
        """
        CREATE TABLE card_text (
            card_id INTEGER PRIMARY KEY REFERENCES cards(id),
            wording TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT ''
        )
        """,
        """
        CREATE VIRTUAL TABLE card_text_fts USING fts5(
            wording, note, tags,
            content = 'card_text', content_rowid = 'card_id',
            tokenize = 'porter unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER card_text_ai AFTER INSERT ON card_text BEGIN
            INSERT INTO card_text_fts (rowid, wording, note, tags)
            VALUES (new.card_id, new.wording, new.note, new.tags);
        END
        """,
        """
        CREATE TRIGGER card_text_ad AFTER DELETE ON card_text BEGIN
            INSERT INTO card_text_fts (card_text_fts, rowid, wording, note, tags)
            VALUES ('delete', old.card_id, old.wording, old.note, old.tags);
        END
        """,
        """
        CREATE TRIGGER card_text_au AFTER UPDATE ON card_text BEGIN
            INSERT INTO card_text_fts (card_text_fts, rowid, wording, note, tags)
            VALUES ('delete', old.card_id, old.wording, old.note, old.tags);
            INSERT INTO card_text_fts (rowid, wording, note, tags)
            VALUES (new.card_id, new.wording, new.note, new.tags);
        END
        """,
        f"INSERT INTO card_text (card_id, wording, note, tags) {CARD_TEXT_SELECT} WHERE true",
    )


@_migration("0006_link_index")
def _link_index(db: Database) -> None:
    _run(
        db,
        # The linker's index, kept so that an import into a large project need not work
        # out every stored quote's words again (factcards_db.link_index). Derived data:
        # emptied and built again whenever the way quotes are read for linking changes.
        # `version` names that way; quotes up to `through_quote` are indexed.
        """
        CREATE TABLE link_index (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version TEXT NOT NULL,
            through_quote INTEGER NOT NULL,
            quotes INTEGER NOT NULL
        )
        """,
        # A word or figure, and how many indexed quotes have it.
        """
        CREATE TABLE link_keys (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            quotes INTEGER NOT NULL
        )
        """,
        # Which quotes have a key; kept only for keys rare enough to find candidates by.
        """
        CREATE TABLE link_postings (
            key_id INTEGER NOT NULL REFERENCES link_keys(id),
            quote_id INTEGER NOT NULL REFERENCES quotes(id),
            PRIMARY KEY (key_id, quote_id)
        ) WITHOUT ROWID
        """,
    )


# A card's own searchable words, as card_text holds them ("WHERE ..." follows).
CARD_TEXT_SELECT = """
    SELECT c.id, c.wording, c.note,
        coalesce((SELECT group_concat(tag, ' ') FROM card_tags t WHERE t.card_id = c.id), '')
    FROM cards c
"""

# A quote's text, as quote_fts indexes it ("WHERE ..." follows).
QUOTE_TEXT_SELECT = """
    SELECT q.id, substr(s.text, q.span_start + 1, q.span_end - q.span_start)
    FROM quotes q JOIN sources s ON s.id = q.source_id
"""
