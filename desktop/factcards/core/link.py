"""Linking: which card a new quote belongs on.

A quote joins the card whose quotes it resembles most, when the resemblance is strong
enough; otherwise it starts a card of its own. Resemblance is the overlap of content
words (Dice coefficient). Candidates come from an inverted index of content words, so a
new quote is compared only with quotes that share a word with it, never with all.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from factcards_db import LinkableQuote

# Share of content words two quotes must have in common to be the same claim.
JOIN_THRESHOLD = 0.5
# Words carried by more quotes than this are too common to find candidates with.
_MAX_POSTINGS = 500

_WORD = re.compile(r"[\w$€£%]+(?:[.,'’-]\w+)*")
_STOPWORD_TEXT = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his
how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves said says told reported according its
it's also new
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def content_terms(text: str) -> frozenset[str]:
    """The words of a quote that carry its meaning: lower-cased, stemmed, no stopwords."""
    terms = set()
    for match in _WORD.finditer(text.lower()):
        word = match.group(0).replace("’", "'")
        word = word.removesuffix("'s")
        if word in _STOPWORDS or len(word) < 2:
            continue
        terms.add(_stem(word))
    return frozenset(terms)


def _stem(word: str) -> str:
    if word[0].isdigit():
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def resemblance(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two term sets, 0 when either is empty."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


@dataclass(frozen=True, slots=True)
class _IndexedQuote:
    card_id: int
    terms: frozenset[str]


class Linker:
    """An index of the quotes already on cards, to find the card for a new quote."""

    def __init__(self, existing: Iterable[LinkableQuote] = ()) -> None:
        self._quotes: list[_IndexedQuote] = []
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        for quote in existing:
            self.add(quote.card_id, quote.text)

    def add(self, card_id: int, text: str) -> None:
        """Record that a quote with this text sits on this card."""
        position = len(self._quotes)
        terms = content_terms(text)
        self._quotes.append(_IndexedQuote(card_id, terms))
        for term in terms:
            self._postings[term].append(position)

    def best_card(self, text: str) -> int | None:
        """The card this quote belongs on, or None when it is a claim of its own."""
        terms = content_terms(text)
        seen: set[int] = set()
        best: tuple[float, int] | None = None
        for term in sorted(terms):
            postings = self._postings.get(term, [])
            if len(postings) > _MAX_POSTINGS:
                continue
            for position in postings:
                if position in seen:
                    continue
                seen.add(position)
                quote = self._quotes[position]
                score = resemblance(terms, quote.terms)
                # Ties go to the older card, so the outcome does not depend on set order.
                if score >= JOIN_THRESHOLD and (
                    best is None or (score, -quote.card_id) > (best[0], -best[1])
                ):
                    best = (score, quote.card_id)
        return None if best is None else best[1]


def matcher_name() -> str:
    """Which matcher groups quotes, in words for the UI and the bench."""
    return "lexical (shared content words)"
