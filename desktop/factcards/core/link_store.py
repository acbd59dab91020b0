"""A project's linker: the quotes it already holds read from its stored index as linking
needs them, and the index brought up to date when an import ends.

An import into a large project used to work out every stored quote's words again before
it could place the first new one (20 s and 600 MB for 3,500 articles). Now the project
keeps the keys linking looks candidates up by (factcards_db.link_index), and a stored
quote's signature is worked out only when it is a candidate. Quotes the index does not
cover yet (a project from before it, an import that was killed) are read the old way, in
full, and indexed at the end. The index is made again from scratch when the way quotes
are read for linking changes (`index_version`), so it never answers for older code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcards import __version__
from factcards.core import figures, lexicon, link
from factcards.core.link import (
    FIGURE_VALUE_MARK,
    INDEX_POSTINGS_CAP,
    ClaimSignature,
    IndexedQuote,
    Linker,
)
from factcards.core.read_ahead import signatures
from factcards_db import LinkIndexState, Project

# A stored quote's position (link.StoredQuotes): below zero, ordered by quote then card.
_CARD_BITS = 32
_STORED_BASE = 1 << 62
# Signatures of stored quotes kept at once; read again when needed after that.
_SIGNATURES_KEPT = 50_000


# Where a bundle keeps the index version its build worked out from the source
# (packaging/factcards.spec writes it; a bundle holds no source to work it out from).
BUILT_INDEX_VERSION = Path(__file__).resolve().parent.parent / "link-index-version"


def index_version() -> str:
    """What a stored index was made by: the code and lexicon that read quotes for linking.

    The source of those modules when it is at hand (any change to them makes the index
    again); in a bundle, what its build worked out from that source.
    """
    digest = hashlib.sha256(__version__.encode())
    for module in (link, figures, lexicon):
        source = Path(module.__file__ or "")
        if source.suffix != ".py" or not source.is_file():
            if BUILT_INDEX_VERSION.is_file():
                return BUILT_INDEX_VERSION.read_text(encoding="utf-8").strip()
            return f"{__version__}/built"
        digest.update(source.read_bytes())
    return f"{__version__}/{digest.hexdigest()[:16]}"


@dataclass(slots=True)
class ProjectLinker:
    """A linker for one import into a project, and what saving its index needs."""

    linker: Linker
    version: str
    through_quote: int  # the stored index covered the quotes up to this one
    # Quotes after it that are on no card the editor can see: indexed, never candidates.
    unplaced: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)


class _ProjectQuotes:
    """The quotes of a project's stored index, as a linker reads them (link.StoredQuotes).

    The index does not change while the import runs (new quotes are held by the linker),
    so what is read once is kept: counts of keys, card sizes, signatures.
    """

    def __init__(self, project: Project, state: LinkIndexState) -> None:
        self._project = project
        self._through = state.through_quote
        self.size = state.quotes
        self._counts: dict[str, int] = {}
        self._card_sizes: dict[int, int] = {}
        self._figure_cards: dict[str, frozenset[int] | None] = {}
        self._signatures: dict[int, tuple[int, ClaimSignature]] = {}
        # At most INDEX_POSTINGS_CAP positions a key, for the keys the import looked up.
        self._postings: dict[str, list[int]] = {}

    def count(self, key: str) -> int:
        count = self._counts.get(key)
        if count is None:
            self.prefetch((key,))
            count = self._counts[key]
        return count

    def prefetch(self, keys: Iterable[str]) -> None:
        missing = list(dict.fromkeys(key for key in keys if key not in self._counts))
        if missing:
            found = self._project.link_key_counts(missing)
            for key in missing:
                self._counts[key] = found.get(key, 0)

    def postings(self, keys: Sequence[str]) -> dict[str, list[int]]:
        missing = [key for key in keys if key not in self._postings]
        if missing:
            found = self._project.link_postings(missing)
            for key in missing:
                pairs = found.get(key, ())
                self._postings[key] = [_position(quote, card) for quote, card in pairs]
        return {key: self._postings[key] for key in keys}

    def quotes(self, positions: Sequence[int]) -> list[IndexedQuote]:
        pairs = [_quote_and_card(position) for position in positions]
        signatures = self._signatures
        missing = sorted({quote_id for quote_id, _ in pairs if quote_id not in signatures})
        if len(signatures) + len(missing) > _SIGNATURES_KEPT:
            signatures.clear()
            missing = sorted({quote_id for quote_id, _ in pairs})
        for quote in self._project.quotes_for_linking(missing):
            signature = ClaimSignature.of(quote.text, quote.subject, quote.context)
            self._signatures[quote.quote_id] = (quote.source_id, signature)
        # What comparing them will ask for, read in two statements instead of one each.
        self.prefetch(term for quote_id in missing for term in self._signatures[quote_id][1].terms)
        cards = [card_id for _, card_id in pairs if card_id not in self._card_sizes]
        if cards:
            sizes = self._project.link_card_sizes(cards, self._through)
            self._card_sizes.update((card_id, sizes.get(card_id, 0)) for card_id in cards)
        return [
            IndexedQuote(quote_id, card_id, *self._signatures[quote_id])
            for quote_id, card_id in pairs
        ]

    def card_size(self, card_id: int) -> int:
        size = self._card_sizes.get(card_id)
        if size is None:
            size = self._project.link_card_sizes([card_id], self._through).get(card_id, 0)
            self._card_sizes[card_id] = size
        return size

    def figure_cards(self, value: str) -> frozenset[int] | None:
        key = FIGURE_VALUE_MARK + value
        if key not in self._figure_cards:
            cards: frozenset[int] | None = None
            if self.count(key) <= INDEX_POSTINGS_CAP:
                positions = self.postings([key])[key]
                cards = frozenset(_quote_and_card(position)[1] for position in positions)
            self._figure_cards[key] = cards
        return self._figure_cards[key]


def _position(quote_id: int, card_id: int) -> int:
    return ((quote_id << _CARD_BITS) | card_id) - _STORED_BASE


def _quote_and_card(position: int) -> tuple[int, int]:
    value = position + _STORED_BASE
    return value >> _CARD_BITS, value & ((1 << _CARD_BITS) - 1)


def open_linker(
    project: Project, stop_requested: Callable[[], bool] | None = None
) -> ProjectLinker | None:
    """A linker that knows every quote on the project's cards and every rejection.

    Quotes the stored index covers are read from it as needed; the others have their
    signatures worked out now (by worker processes too, when there are many). None when
    `stop_requested` says so on the way.
    """
    version = index_version()
    state = project.link_index_state()
    if state is not None and state.version != version:
        project.clear_link_index()  # made by other code: it may file quotes otherwise
        state = None
    linker = Linker(_ProjectQuotes(project, state) if state is not None else None)
    linker.rejected = project.rejected_pairs()
    through = state.through_quote if state is not None else 0
    opened = ProjectLinker(linker, version, through)
    unindexed = list(project.quotes_after(through))
    worked_out = signatures(
        [(quote.text, quote.subject, quote.context) for quote in unindexed],
        stop_requested=stop_requested,
    )
    if worked_out is None:
        return None
    for quote, signature in zip(unindexed, worked_out, strict=True):
        if not quote.card_ids:
            opened.unplaced.append((quote.quote_id, signature.index_keys()))
        for card_id in quote.card_ids:
            linker.add(quote.quote_id, card_id, quote.source_id, signature)
    return opened


def save_index(project: Project, opened: ProjectLinker) -> None:
    """Index the quotes stored since the index was read: the import's, any the index
    lacked, and any an editor made meanwhile (a card from a selection)."""
    known = dict((*opened.linker.indexed_keys(), *opened.unplaced))
    # The project says which quotes exist: a quote of a file that was rolled back is held
    # by the linker but was never stored, and its id may since be another quote's.
    stored = project.quote_ids_after(opened.through_quote)
    missing = [quote_id for quote_id in stored if quote_id not in known]
    for quote in project.quotes_for_linking(missing):
        signature = ClaimSignature.of(quote.text, quote.subject, quote.context)
        known[quote.quote_id] = signature.index_keys()
    indexed = [(quote_id, known[quote_id]) for quote_id in stored]
    through = stored[-1] if stored else opened.through_quote
    state = project.link_index_state()
    if indexed or state is None:
        project.extend_link_index(opened.version, through, indexed, INDEX_POSTINGS_CAP)


def write_and_go_on(project: Project, opened: ProjectLinker) -> ProjectLinker:
    """Index the quotes the linker holds, and a linker that reads them from the index
    from now on, weighing words as the one before did: what a long import does now and
    then, so that its memory stays that of a short one. (Rarity carried over, not the
    length of every quote's words, which the new linker works out afresh: about one card
    in a few thousand comes out otherwise than with no break, the same every time.)"""
    save_index(project, opened)
    following = open_linker(project)
    assert following is not None  # nothing left to read, so nothing to stop
    following.linker.continue_from(opened.linker)
    return following
