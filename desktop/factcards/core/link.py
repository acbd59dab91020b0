"""Linking: which card a new quote belongs on, which cards it may belong on, and which
quotes it contradicts.

Two quotes are the same claim when they share what makes a claim: its names, its key
words (read through a lexicon of news paraphrase, weighted by how rare they are in the
project) and its figures. A shared figure ("€210 million" / "210 million euros") pulls two
quotes together, a percentage or a duration only when their words agree too (a project
that holds a beat's many stories has many a "4.2%" and "seven years"); a differing figure
of the same kind, a figure said to rise against one said to fall, or a contrasting key
term ("investment" / "acquisition"), keeps them apart and, when they are otherwise about
the same thing, records a conflict (a rise and a fall do not).

Matches come in two tiers, as mature fact-checking platforms do: a confident match joins
the card; a weaker one is a *suggested* match the editor accepts or rejects. Between the
two, a match joins only when the quotes say alike things of their subject, not only name
the same things or give the same figure with no word in common. Candidates
come from an inverted index of words and figures, so a new quote is compared only with
quotes that share something with it, never with every quote.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Protocol

from factcards.core.figures import Figure, disagreement, figure_spans, values_differ
from factcards.core.folding import folded
from factcards.core.lexicon import (
    CONTRASTS,
    EVENT_WORDS,
    FALLING_WORDS,
    RISING_WORDS,
    SYNONYM_GROUPS,
)

_PLANNED = re.compile(
    r"\b(?:planned|designed|intended|target(?:ed)?|originally|supposed|budgeted)\b", re.IGNORECASE
)
# Similarity at which a quote joins a card, and at which a card is suggested instead.
JOIN_THRESHOLD = 0.37
SUGGEST_THRESHOLD = 0.26
# Below this score, a match joins a card only when the two quotes say alike things of
# their subject (the cosine of their predicates at least _PREDICATE_AGREEMENT) and both or
# neither name something, or when they share a specific figure and a word besides.
CONFIDENT_THRESHOLD = 0.43
_PREDICATE_AGREEMENT = 0.2
# Similarity of everything but the figures at which differing figures are a conflict.
CONFLICT_THRESHOLD = 0.25
CLOSE_CONFLICT_THRESHOLD = 0.2
_EVENT_CONFLICT_THRESHOLD = 0.1
# A shared figure adds this much to the similarity of two quotes (a small count less).
SHARED_FIGURE_BONUS = 0.3
SMALL_FIGURE_BONUS = 0.1
# A percentage or a duration, which unrelated claims of a beat share ("rose 4.2%", "for
# seven years"), adds the full bonus only when the quotes are this alike without it.
COMMON_FIGURE_CORROBORATION = 0.15
# ...and a specific figure this much more when hardly any other card gives it.
DISTINCT_FIGURE_BONUS = 0.1
_DISTINCT_CARDS = 2
_SMALL_COUNT = 12
# Two counts at least this large that differ are two claims (`_counts_differ`).
_LARGE_COUNT = 100
# Words in more quotes than this share of the project are too common to find candidates.
_COMMON_SHARE = 0.2
_MIN_POSTINGS_CAP = 50
_MAX_POSTINGS_CAP = 400
# A key more quotes than this have is never looked up, so a stored index keeps no list
# of them.
INDEX_POSTINGS_CAP = _MAX_POSTINGS_CAP
# At most this many of a quote's rarest words and figures find its candidates, and at
# most this many candidates (those sharing the most) are compared with it.
_CANDIDATE_KEYS = 12
_MAX_CANDIDATES = 20
# A quote stating an amount (in a currency) or a percentage and one stating none are less
# alike.
_MISSING_FIGURE_FACTOR = 0.65
# A quote that says something did not happen and one that says it did are less alike.
_NEGATION_FACTOR = 0.65
_NEGATION = re.compile(r"\b(?:not|never|no|none|nobody|nothing|cannot)\b|n[’']t\b", re.IGNORECASE)
_OTHER_NAMES_FACTOR = 0.5
# How much what two quotes say (their words without names) counts against what they are
# about (names and words) in their similarity.
_PREDICATE_WEIGHT = 0.3
# How much a card's best-matching quote counts against the mean of all its quotes.
_BEST_WEIGHT = 0.7
# Two amounts further apart than this are two different quantities, not a disagreement;
# amounts within the close ratio need less else in common to be a conflict.
_COMPARABLE_RATIO = 3.0
_CLOSE_RATIO = 1.5
# Both quotes give a figure of one kind ("an amount in euros"): a little alike.
_FIGURE_KIND_WEIGHT = 0.5
# How much the words a clause leaves out (its subject) count beside its own.
_SUBJECT_WEIGHT = 0.6
_NAME_WEIGHT = 1.5
_CONTEXT_WEIGHT = 0.3
# How many of a clause's joinable cards `assign_together` weighs (the rest score lower).
_JOINT_OPTIONS = 3

_TOKEN = re.compile(r"[A-Za-z][\w’'&-]*|\d[\d.,]*")
_STOPWORD_TEXT = """
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until very was we were what when where which while
who whom why will with would you your yours yourself yourselves said says told reported
according also new about around roughly nearly almost approximately some which per cent
percent million billion thousand would may might shall must still now its it's first second
third fourth last next people persons expect expects expected expecting due slated scheduled
monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august
september october november december
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _synonym_tables() -> tuple[dict[str, str], list[tuple[str, str]]]:
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for group in SYNONYM_GROUPS:
        canonical = group[0]
        for member in group:
            if " " in member or "-" in member:
                phrases.append((member, canonical))
            else:
                words[member] = canonical
    phrases.sort(key=lambda pair: len(pair[0]), reverse=True)
    return words, phrases


_SYNONYMS, _PHRASES = _synonym_tables()
# What happens on a date: launching, closing, lifting a notice, resigning…
EVENT_TERMS = frozenset(_SYNONYMS.get(word, word) for word in EVENT_WORDS)
_PHRASE = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase, _ in _PHRASES) + r")\b", re.IGNORECASE
)
_PHRASE_CANONICAL = {phrase: canonical for phrase, canonical in _PHRASES}
# The same, matching case: searched in the folded text first, as a quick test of whether
# a text holds any phrase at all (one in a hundred does).
_PHRASE_FOLDED = re.compile(_PHRASE.pattern)


def _stem(word: str) -> str:
    if word in _SYNONYMS:
        return _SYNONYMS[word]
    noun = word.removesuffix("s")
    if noun.endswith("ment") and len(noun) >= 10:
        # "development", "management", "replacement": the verb they are made from (a
        # short one stays: "statement", "payment", "shipment" are words of their own).
        return _stem(noun[:-4])
    if word.endswith(("ies", "ied")) and len(word) >= 6:
        # "batteries", "supplied": stemmed as the word in -y ("battery", "supply") is.
        return _stem(word[:-3] + "y")
    for suffix in ("ally", "ly", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            return _SYNONYMS.get(stem, stem)
    if word.endswith("e") and len(word) >= 5:
        # "cause" as "caused" and "causes" are ("caus"): a final -e goes with the ending.
        stem = word[:-1]
        return _SYNONYMS.get(stem, stem)
    return word


def _canonical_phrase(match: re.Match[str]) -> str:
    # A phrase spelt with a letter that only matches case-insensitively ("chıef
    # executive", with a dotless i) is left as it is.
    phrase = match.group(0)
    return " " + _PHRASE_CANONICAL.get(phrase.lower(), phrase) + " "


def content_terms(text: str) -> dict[str, float]:
    """The words of a quote that carry its meaning, each with its weight.

    Lower-cased, read through the paraphrase lexicon, stemmed, without stopwords and
    figures; names (capitalised words inside a sentence) weigh more.
    """
    return dict(_content_terms(text))


@functools.lru_cache(maxsize=8192)
def _content_terms(text: str) -> tuple[tuple[str, float], ...]:
    # Cached: a sentence is the context of each of its clauses.
    if _PHRASE_FOLDED.search(folded(text)):
        text = _PHRASE.sub(_canonical_phrase, text)
    terms: dict[str, float] = {}
    for position, match in enumerate(_TOKEN.finditer(text)):
        token = match.group(0)
        if token[0].isdigit():
            continue
        word = token.lower().replace("’", "'").removesuffix("'s").strip("'-")
        if len(word) < 2 or word in _STOPWORDS:
            continue
        weight = _NAME_WEIGHT if position > 0 and token[0].isupper() else 1.0
        # Interned: a large project's index holds the same few thousand words a million
        # times over, and one string each is a quarter of its memory.
        term = sys.intern(_stem(word))
        terms[term] = max(terms.get(term, 0.0), weight)
    return tuple(terms.items())


@functools.lru_cache(maxsize=8192)
def _name_terms(text: str, subject: str | None) -> frozenset[str]:
    names = set()
    for piece in (text, subject or ""):
        for position, match in enumerate(_TOKEN.finditer(piece)):
            token = match.group(0)
            if token[0].isupper() and (position > 0 or token.lower() not in _SYNONYMS):
                word = token.lower().replace("’", "'").removesuffix("'s").strip("'-")
                names.add(_stem(word))
    return frozenset(names)


_CONTRAST_PATTERNS = [
    (
        index,
        side,
        tuple(sorted(words)),
        re.compile(r"\b(?:" + "|".join(re.escape(word) for word in sorted(words)) + r")\b"),
    )
    for index, pair in enumerate(CONTRASTS)
    for side, (_, words) in enumerate(pair)
]


# The first word of each contrasting term: a text with none of these as a word has no
# contrast (most have none, and one look-up in a set is quicker than a search a term).
_WORD = re.compile(r"\w+")
_CONTRAST_OPENINGS = frozenset(
    _WORD.findall(word)[0] for _, _, words, _ in _CONTRAST_PATTERNS for word in words
)


def _contrast_sides(text: str) -> frozenset[tuple[int, int]]:
    lower = text.lower()
    if _CONTRAST_OPENINGS.isdisjoint(_WORD.findall(lower)):
        return frozenset()
    # A side's pattern is searched only when one of its words is in the text at all.
    return frozenset(
        (index, side)
        for index, side, words, pattern in _CONTRAST_PATTERNS
        if any(word in lower for word in words) and pattern.search(lower)
    )


_TIME_KINDS = frozenset({"date", "period", "year"})
# A subject described by a relative clause before its verb: "The main that broke under
# Fenwick Road on March 1 | was laid in 1958". The head is a determiner and a few words
# that report nothing ("The notice said that on March 11 …" is no description).
_RELATIVE_SUBJECT = re.compile(
    r"(?:the|a|an|this|its|their|his|her)\s+"
    r"(?:(?!(?:said|says|say|reported|reports|told|tells|announced|stated|added|noted"
    r"|found|finds|showed|shows|believes?|thinks?|expects?|hopes?|estimated|warned"
    r"|claimed|argued|confirmed)\b)[\w’'-]+\s+){1,4}?"
    r"(?:that|which|who)\s+([^,;:—–]+?)\s+(?:is|are|was|were|has|have|had|will|would)\b",
    re.IGNORECASE,
)
_RELATIVE_WORDS = (" that ", " which ", " who ")
# A relative clause quoted alone: "which is building the app Tern" (of what, it does not say).
_RELATIVE_OPENING = re.compile(r"(?:which|who|that)\s", re.IGNORECASE)


def _subject_description(text: str) -> tuple[int, int] | None:
    """Where a relative clause describing the subject lies in a quote, if one does."""
    lower = text.lower()
    if not any(word in lower for word in _RELATIVE_WORDS):
        return None
    match = _RELATIVE_SUBJECT.match(text)
    return match.span(1) if match else None


@dataclass(frozen=True, slots=True)
class ClaimSignature:
    """What linking knows about one quote."""

    terms: dict[str, float]
    figures: tuple[Figure, ...]
    contrasts: frozenset[tuple[int, int]]
    text: str
    # Terms that are only names: sharing names alone ("Skerrow", "Port Ellis") does not
    # make two quotes one claim.
    names: frozenset[str] = frozenset()
    # The key words alone: no names, no kinds of figure (what a quote says of its subject).
    predicate: dict[str, float] = field(default_factory=dict)
    # Whether it says that something is not so ("has not named a cause").
    negated: bool = False
    # The largest count it gives ("in 14 cities"), -1 when it counts nothing.
    largest_count: float = -1.0
    # Whether it speaks of a plan ("planned", "originally", "budgeted"), and which
    # amounts it gives (money in each currency, a percentage): read once here, compared
    # with every candidate.
    planned: bool = False
    amounts: frozenset[str] = frozenset()
    # Each figure's value (`_figure_value`), in the order of `figures`, and the keys an
    # index files its figures under, each once.
    values: tuple[str, ...] = ()
    figure_keys: tuple[str, ...] = ()
    # Which way a quote that gives a figure says it went: 1 up ("rose 4.2%"), -1 down
    # ("was cut by 18%"), 0 neither or both, or no figure.
    direction: int = 0
    # The figures again, read once for the comparisons with every candidate: those of
    # each kind, the times given (dates, periods, years) and the counts of 100 or more.
    by_kind: dict[str, tuple[Figure, ...]] = field(default_factory=dict, repr=False, compare=False)
    times: tuple[Figure, ...] = field(default=(), repr=False, compare=False)
    large_counts: tuple[Figure, ...] = field(default=(), repr=False, compare=False)

    def __reduce__(self) -> tuple[type[ClaimSignature], tuple[object, ...]]:
        # Pickled by its fields in order: far quicker to load than a slotted dataclass's
        # default state (signatures travel from the read-ahead workers by the thousand).
        return ClaimSignature, (
            self.terms,
            self.figures,
            self.contrasts,
            self.text,
            self.names,
            self.predicate,
            self.negated,
            self.largest_count,
            self.planned,
            self.amounts,
            self.values,
            self.figure_keys,
            self.direction,
            self.by_kind,
            self.times,
            self.large_counts,
        )

    @classmethod
    def of(
        cls, text: str, subject: str | None = None, context: str | None = None
    ) -> ClaimSignature:
        """The signature of a quote's text, with the subject it leaves out and the rest of
        its sentence (which counts for little)."""
        spans = figure_spans(text)
        described = _subject_description(text) if spans else None
        if described is not None:
            # "The main that broke on March 1 was laid in 1958": the date of the break
            # only says which main; the claim's date is 1958.
            spans = [
                span
                for span in spans
                if span[2].kind not in _TIME_KINDS
                or not (described[0] <= span[0] and span[1] <= described[1])
            ]
        # A figure's words ("March", "spring", "km") are the figure, not key words; what
        # is left is that the quote gives a figure of that kind. So are the words that
        # say which way it went ("rose 4.2%", "was cut by 18%"), kept as its direction:
        # the key words left must say what went up or down. Only a quantity goes up or
        # down: beside a year or a date, "lost" is what happened ("lost the 2022
        # contract"), a key word.
        moves = any(span[2].kind not in _TIME_KINDS for span in spans)
        direction, direction_words = _direction(text) if moves else (0, [])
        masked = text
        if spans or direction_words:
            letters = list(text)
            for start, end in [*((start, end) for start, end, _ in spans), *direction_words]:
                letters[start:end] = " " * (end - start)
            masked = "".join(letters)
        terms = content_terms(masked)
        for _, _, figure in spans:
            if figure.kind != "year":
                unit = _stem(figure.unit) if figure.kind == "count" else figure.unit
                terms.setdefault(sys.intern(f"#{figure.kind}:{unit}"), _FIGURE_KIND_WEIGHT)
        if subject:
            for term, weight in _content_terms(subject):
                terms.setdefault(term, weight * _SUBJECT_WEIGHT)
        if context:
            for term, weight in _content_terms(context):
                terms.setdefault(term, weight * _CONTEXT_WEIGHT)
        figures = tuple(figure for _, _, figure in spans)
        name_terms = _name_terms(text, subject)
        names = frozenset(
            term
            for term, weight in terms.items()
            if weight >= _SUBJECT_WEIGHT and term in name_terms
        )
        predicate = {t: w for t, w in terms.items() if t not in names and t[0] != "#"}
        negated = _NEGATION.search(text) is not None
        largest_count = max((f.value[0] for f in figures if f.kind == "count"), default=-1.0)
        by_kind: dict[str, tuple[Figure, ...]] = {}
        for figure in figures:
            by_kind[figure.kind] = (*by_kind.get(figure.kind, ()), figure)
        return cls(
            terms,
            figures,
            _contrast_sides(text),
            text,
            names,
            predicate,
            negated,
            largest_count,
            _PLANNED.search(text) is not None,
            frozenset(_amount(figure) for figure in figures if figure.kind in _AMOUNTS),
            tuple(_figure_value(figure) for figure in figures),
            tuple(dict.fromkeys(_posting_key(figure) for figure in figures)),
            direction,
            by_kind,
            tuple(figure for figure in figures if figure.kind in _TIME_KINDS),
            tuple(f for f in figures if f.kind == "count" and f.value[0] >= _LARGE_COUNT),
        )

    def index_keys(self) -> tuple[str, ...]:
        """What an index files this quote under, each once: its terms, its figures, and
        (marked "=") the values of its figures that tell one card from another."""
        keys = dict.fromkeys(self.terms)
        keys.update(dict.fromkeys(self.figure_keys))
        keys.update(
            dict.fromkeys(
                FIGURE_VALUE_MARK + value
                for figure, value in zip(self.figures, self.values, strict=True)
                if _tells_cards_apart(figure)
            )
        )
        return tuple(keys)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two quotes on one subject that disagree, and why, in a few words."""

    quote_id: int
    card_id: int
    reason: str


@dataclass(slots=True)
class LinkDecision:
    """Where a new quote goes."""

    card_id: int | None
    score: float = 0.0
    suggestions: list[tuple[int, float]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    # Every card the quote may go on or be offered, best first: what `assign_together`
    # weighs when the clauses of one sentence compete for a card.
    ranked: list[tuple[int, float]] = field(default_factory=list)
    # The cards of `ranked` it may join when its score there is high enough (the rest
    # only matched it weakly, by names or a figure alone).
    joinable: frozenset[int] = frozenset()

    def join_options(self) -> list[int]:
        """The cards this quote may join, best first."""
        return [
            card for card, score in self.ranked if score >= JOIN_THRESHOLD and card in self.joinable
        ]


@dataclass(frozen=True, slots=True)
class IndexedQuote:
    """A quote already on a card, as the index holds it."""

    quote_id: int
    card_id: int
    source_id: int
    signature: ClaimSignature


class StoredQuotes(Protocol):
    """The quotes a project had indexed before this linker was made (read through
    factcards.core.link_store), which the linker reads as it needs them.

    A stored quote on a card is known by a position below zero; positions order stored
    quotes by quote and card, before every quote the linker itself holds.
    """

    size: int  # how many quotes

    def count(self, key: str) -> int:
        """How many stored quotes have this key."""

    def prefetch(self, keys: Iterable[str]) -> None:
        """Look up these keys' counts at once (count() would one by one)."""

    def postings(self, keys: Sequence[str]) -> dict[str, list[int]]:
        """The positions of the stored quotes that have each key, in order."""

    def quotes(self, positions: Sequence[int]) -> list[IndexedQuote]:
        """The stored quotes at these positions, in the same order."""

    def card_size(self, card_id: int) -> int:
        """How many stored quotes a card holds."""

    def figure_cards(self, value: str) -> frozenset[int] | None:
        """The cards of the stored quotes giving this figure value (None: too many)."""


class Linker:
    """An index of the quotes on cards, to place each new quote.

    `stored` gives the quotes a project already indexed: they are read only when they
    are candidates, and the linker holds what it is given by `add`.
    """

    def __init__(self, stored: StoredQuotes | None = None) -> None:
        self._stored = stored
        self._stored_size = stored.size if stored is not None else 0
        self._quotes: list[IndexedQuote] = []
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        self._document_frequency: defaultdict[str, int] = defaultdict(int)
        self._card_sizes: defaultdict[int, int] = defaultdict(int)
        self._figure_cards: defaultdict[str, set[int]] = defaultdict(set)
        self._idf_memo: dict[str, float] = {}
        self._norm_memo: dict[int, tuple[dict[str, float], float]] = {}
        self._idf_checkpoint = 0
        self.rejected: set[frozenset[int]] = set()

    def add(self, quote_id: int, card_id: int, source_id: int, signature: ClaimSignature) -> None:
        """Record that a quote sits on a card."""
        position = len(self._quotes)
        self._quotes.append(IndexedQuote(quote_id, card_id, source_id, signature))
        self._card_sizes[card_id] += 1
        for figure, value in zip(signature.figures, signature.values, strict=True):
            if _tells_cards_apart(figure):
                self._figure_cards[value].add(card_id)
        for term in signature.terms:
            self._document_frequency[term] += 1
            self._postings[term].append(position)
            self._idf_memo.pop(term, None)
        for key in signature.figure_keys:
            self._postings[key].append(position)

    @property
    def held(self) -> int:
        """How many quotes (on cards) the linker holds itself."""
        return len(self._quotes)

    def continue_from(self, earlier: Linker) -> None:
        """Weigh words by rarity as a linker whose quotes this one now reads from the
        project's index did: rarity is worked out again only as the index grows by a
        tenth, and a linker that worked it out afresh would place a few quotes otherwise
        (about 20 cards of 3,678 in 300 generated articles; 1 when the weights go on)."""
        self._idf_memo = dict(earlier._idf_memo)
        self._idf_checkpoint = earlier._idf_checkpoint

    def indexed_keys(self) -> Iterator[tuple[int, tuple[str, ...]]]:
        """Each quote the linker holds (once, whatever its cards), with its index keys:
        what a project's stored index needs to know of it."""
        seen: set[int] = set()
        for quote in self._quotes:
            if quote.quote_id not in seen:
                seen.add(quote.quote_id)
                yield quote.quote_id, quote.signature.index_keys()

    def _idf(self, term: str) -> float:
        idf = self._idf_memo.get(term)
        if idf is None:
            total = len(self._quotes) + self._stored_size + 1
            frequency = self._document_frequency.get(term, 0)
            if self._stored is not None:
                frequency += self._stored.count(term)
            idf = math.log((total + 1) / (frequency + 1)) + 1.0
            self._idf_memo[term] = idf
        return idf

    def _norm(self, terms: dict[str, float]) -> float:
        entry = self._norm_memo.get(id(terms))
        if entry is None:
            idf, memo = self._idf, self._idf_memo
            entry = (
                terms,
                math.sqrt(sum((w * (memo.get(t) or idf(t))) ** 2 for t, w in terms.items())),
            )
            # The memo holds the terms too, so that no other dict can take their id.
            self._norm_memo[id(terms)] = entry
        return entry[1]

    def _cosine(self, a: dict[str, float], b: dict[str, float]) -> float:
        # The shared terms in a's order, never a set's: a set of strings iterates in an
        # order that changes with Python's hash seed, and so would the sum's last digits
        # (and, at a threshold, where a quote goes).
        shared = [term for term in a if term in b]
        if not shared:
            return 0.0
        self._refresh_rarity()
        memo = self._idf_memo
        dot = 0.0
        for term in shared:
            idf = memo.get(term) or self._idf(term)  # an idf is never below 1
            dot += a[term] * b[term] * idf * idf
        return dot / (self._norm(a) * self._norm(b))

    def _refresh_rarity(self) -> None:
        size = len(self._quotes) + self._stored_size
        if size > self._idf_checkpoint:
            # Rarity changes slowly as quotes arrive: it is worked out again only when the
            # index has grown by a tenth (and for the words of the quotes added since),
            # which keeps linking fast on large projects.
            self._idf_memo.clear()
            self._norm_memo.clear()
            self._idf_checkpoint = int(size * 1.1) + 16

    def topic_similarity(self, a: ClaimSignature, b: ClaimSignature) -> float:
        """How much two quotes are about the same thing: names and words, weighted by rarity."""
        return self._cosine(a.terms, b.terms)

    def similarity(
        self, a: ClaimSignature, b: ClaimSignature, figure_bonus: float | None = None
    ) -> float:
        """How much two quotes say the same thing, from 0 to 1 (figures aside)."""
        return self._similarity(a, b, figure_bonus)[0]

    def _similarity(
        self, a: ClaimSignature, b: ClaimSignature, figure_bonus: float | None = None
    ) -> tuple[float, float]:
        """How much two quotes say the same thing, from 0 to 1 (figures aside), and how
        much what they say of their subject agrees (the cosine of their predicates).

        A blend of what they are about (names and words) and what they say of it (their
        words without the names): in a project about one story every quote names the
        same few companies, so names alone must not make two quotes one claim.
        `figure_bonus` is the bonus of the figure they share (`_shared_figure`), when the
        caller has it already.
        """
        # Both cosines in one pass over the shared terms (in a's order): a predicate is
        # its signature's terms without names and kinds of figure, with the same weights,
        # so the terms both predicates hold are the shared terms that are neither.
        a_terms, b_terms, a_predicate, b_predicate = a.terms, b.terms, a.predicate, b.predicate
        shared = [term for term in a_terms if term in b_terms]
        if not shared:
            return 0.0, 0.0
        self._refresh_rarity()
        memo = self._idf_memo
        dot = predicate_dot = 0.0
        in_both_predicates = False
        for term in shared:
            idf = memo.get(term) or self._idf(term)  # an idf is never below 1
            product = a_terms[term] * b_terms[term] * idf * idf
            dot += product
            if term in a_predicate and term in b_predicate:
                predicate_dot += product
                in_both_predicates = True
        norms = self._norm_memo  # looked up here, not through _norm: the hot path
        norm_a, norm_b = norms.get(id(a_terms)), norms.get(id(b_terms))
        topic = dot / (
            (norm_a[1] if norm_a else self._norm(a_terms))
            * (norm_b[1] if norm_b else self._norm(b_terms))
        )
        if figure_bonus is None:
            figure_bonus = _FIGURE_BONUS[_shared_figure(a, b)]
        if (
            not figure_bonus
            and not in_both_predicates
            and not any(term[0] == "#" for term in shared)
        ):
            # Only names in common: every shared term that is no name of either quote is
            # in both predicates, or is a kind of figure (never a name).
            return 0.0, 0.0
        predicate = 0.0
        if in_both_predicates:
            norm_a, norm_b = norms.get(id(a_predicate)), norms.get(id(b_predicate))
            predicate = predicate_dot / (
                (norm_a[1] if norm_a else self._norm(a_predicate))
                * (norm_b[1] if norm_b else self._norm(b_predicate))
            )
        similarity = (1 - _PREDICATE_WEIGHT) * topic + _PREDICATE_WEIGHT * predicate
        if _other_names(a, b) and figure_bonus < SHARED_FIGURE_BONUS:
            # Different names as their subjects: two claims, however alike the rest
            # (unless they give one specific figure: "the company" and "Holt"
            # pledging €90m; a percentage or a duration says too little: "Halcyon-2 …
            # five years" and "Brevik signed a five-year contract").
            similarity *= _OTHER_NAMES_FACTOR
        for _ in a.amounts ^ b.amounts:
            # One quote states an amount and the other none (or none in that currency:
            # "cost 286 million euros" / "costs 420 million pounds"): two claims.
            similarity *= _MISSING_FIGURE_FACTOR
        if (a.largest_count < 0) != (b.largest_count < 0) and (
            max(a.largest_count, b.largest_count) > _SMALL_COUNT
        ):
            # "Harbour, which runs ferry terminals in 14 ports" / "Harbour runs the Tolland
            # terminal": how many is a claim of its own.
            similarity *= _MISSING_FIGURE_FACTOR
        if _times_differ(a, b):
            # "issued a boil-water notice on March 2" / "has not issued one since 2019":
            # each says when, and never the same time.
            similarity *= _MISSING_FIGURE_FACTOR
        if a.negated != b.negated:
            # "The town has not issued a boil-water notice since 2019" / "The town issued a
            # boil-water notice on March 2": one denies what the other states.
            similarity *= _NEGATION_FACTOR
        return similarity, predicate

    def link(self, signature: ClaimSignature, source_id: int) -> LinkDecision:
        """Decide where a new quote goes: a card, suggestions, conflicts."""
        scores_by_card: defaultdict[int, list[float]] = defaultdict(list)
        blocked: set[int] = set()
        joinable: set[int] = set()
        relative = _RELATIVE_OPENING.match(signature.text) is not None
        conflicts: list[Conflict] = []
        for quote in self._indexed(self._candidates(signature)):
            card_id = quote.card_id
            reason, by_terms = (
                _disagreement(signature, quote.signature)
                if (signature.figures and quote.signature.figures)
                or (signature.contrasts and quote.signature.contrasts)
                else (None, False)
            )
            if reason is None and (
                _counts_differ(signature, quote.signature)
                or signature.direction * quote.signature.direction < 0
            ):
                # Two large counts that differ, or a figure said to rise and to fall: two
                # claims (neither a conflict: they may be of two things).
                blocked.add(card_id)
                continue
            if reason is not None:
                blocked.add(card_id)
                if (
                    quote.source_id != source_id
                    and (by_terms or _comparable_clash(signature, quote.signature))
                    and self._same_subject(signature, quote.signature, by_terms)
                ):
                    conflicts.append(Conflict(quote.quote_id, card_id, reason))
                continue
            shared = _shared_figure(signature, quote.signature)
            bonus = _FIGURE_BONUS[shared]
            base, predicate = self._similarity(signature, quote.signature, bonus)
            if (
                shared == _COMMON_FIGURE
                and base >= COMMON_FIGURE_CORROBORATION
                and not _other_names(signature, quote.signature)
            ):
                # "led the authority for seven years" / "after seven years in the job":
                # a common figure counts in full when the words say the same too, of
                # the same subject ("Calder fell 4.2%" / "Aquenta fell 4.2%" is not).
                bonus = SHARED_FIGURE_BONUS
            elif shared == _SPECIFIC_FIGURE and self._distinctive(signature, quote):
                # "42,000" or "£310 million" on no other card of the project: the same
                # figure told twice is very likely the same claim, whatever the words.
                bonus += DISTINCT_FIGURE_BONUS
            score = min(1.0, base + bonus)
            if score >= CONFIDENT_THRESHOLD or (
                (bonus >= SHARED_FIGURE_BONUS and base > 0)
                or (
                    predicate >= _PREDICATE_AGREEMENT
                    and bool(signature.names) == bool(quote.signature.names)
                    and not relative
                    and not _RELATIVE_OPENING.match(quote.signature.text)
                )
            ):
                # A weaker match may join only when what the quotes say agrees, not only
                # what they name ("Skerrow used Corvane's packs to power the S40" /
                # "The packs are a range of batteries built by Corvane" is offered), and
                # of a subject both say ("which is building the app Tern" may be of anything).
                joinable.add(card_id)
            scores_by_card[card_id].append(score)
        by_card = {card: self._card_score(card, scores) for card, scores in scores_by_card.items()}
        # A card holding a quote this one contradicts is never joined, however similar.
        ranked = sorted(
            ((score, -card) for card, score in by_card.items() if card not in blocked),
            reverse=True,
        )
        decision = LinkDecision(
            card_id=None,
            conflicts=conflicts,
            ranked=[(-card, score) for score, card in ranked if score >= SUGGEST_THRESHOLD],
            joinable=frozenset(joinable),
        )
        options = decision.join_options()
        _choose(decision, options[0] if options else None, frozenset())
        return decision

    def _distinctive(self, signature: ClaimSignature, quote: IndexedQuote) -> bool:
        """Whether a figure both quotes give sits on hardly any other card."""
        theirs = quote.signature.values
        for value in signature.values:
            if value not in theirs:
                continue
            cards = self._figure_cards.get(value, set())
            if self._stored is not None:
                stored = self._stored.figure_cards(value)
                if stored is None:
                    continue
                cards = cards | stored
            if len(cards) <= _DISTINCT_CARDS:
                return True
        return False

    def _card_score(self, card_id: int, scores: list[float]) -> float:
        """How well a quote fits a card: its best match, tempered by how it fits the rest.

        The best match alone chains unlike quotes together through one look-alike; the
        mean alone is unfair to a card that gathered many paraphrases.
        """
        size = self._card_sizes.get(card_id, 0)
        if self._stored is not None:
            size += self._stored.card_size(card_id)
        mean = sum(scores) / max(size, len(scores))
        return _BEST_WEIGHT * max(scores) + (1 - _BEST_WEIGHT) * mean

    def _same_subject(self, a: ClaimSignature, b: ClaimSignature, by_terms: bool) -> bool:
        """Whether two disagreeing quotes speak of one thing (so the clash is a conflict).

        Differing figures clash when the quotes say the same thing about them (their key
        words other than names agree: "lifted on March 11" / "lifted on March 12", not
        "issued on March 2"); contrasting terms clash when the quotes are about the same
        names ("Corvane … investment deal … Skerrow" / "Corvane … buying Skerrow").
        """
        if _other_names(a, b):
            return False
        if a.planned != b.planned:
            return False  # a plan and an outcome differ without contradicting each other
        if not by_terms and not (a.names & b.names) and _only_common_figures_differ(a, b):
            # "Its shares fell 1.9%" / "Aquenta fell 4.2%": percentages and durations differ
            # between many things; which one is the same must be named on both sides.
            return False
        if by_terms:
            # "lend the club £60 million" / "a £60 million grant": the same names and the
            # same amount make one subject of two contrasting terms.
            topic = self.topic_similarity(a, b) + _FIGURE_BONUS[_shared_figure(a, b)]
            return topic >= CONFLICT_THRESHOLD
        if _date_clash(a, b) and (a.predicate.keys() & b.predicate.keys() & EVENT_TERMS):
            # Two dates for one event ("launch next spring" / "slated for a first-quarter
            # 2027 launch"): the same event word is enough, whatever else the quotes say.
            return self._cosine(a.predicate, b.predicate) >= _EVENT_CONFLICT_THRESHOLD
        threshold = CONFLICT_THRESHOLD
        if _close_clash(a, b):
            # Two amounts this close are two tellings of one quantity unless the quotes
            # plainly speak of different things.
            threshold = CLOSE_CONFLICT_THRESHOLD
        return self._cosine(a.predicate, b.predicate) >= threshold

    def _candidates(self, signature: ClaimSignature) -> list[int]:
        """The indexed quotes worth comparing with this one.

        Found through its rarest words and its figures only, and ranked by how many of
        those they share: the comparisons per quote stay bounded however large the
        project grows.
        """
        size = len(self._quotes) + self._stored_size
        cap = min(_MAX_POSTINGS_CAP, max(_MIN_POSTINGS_CAP, int(size * _COMMON_SHARE)))
        # In a fixed order (a dict, not a set): which lists are cut off below must not
        # change with Python's hash seed.
        keys = [*signature.terms, *signature.figure_keys]
        if self._stored is None:
            lists = [self._postings[key] for key in keys if key in self._postings]
            lists = sorted((p for p in lists if len(p) <= cap), key=len)[:_CANDIDATE_KEYS]
        else:
            lists = self._posting_lists(keys, cap, self._stored)
        shared = Counter(itertools.chain.from_iterable(lists))
        if len(shared) <= _MAX_CANDIDATES:
            return sorted(shared)
        # Most shared first; among equals the order of the lists, so it is deterministic
        # (what a stable sort of all of them by count would give). Most quotes share one
        # key only: when all do, the first are taken; else those sharing more are sorted,
        # and the rest taken in order.
        if len(shared) == sum(map(len, lists)):
            return sorted(itertools.islice(shared, _MAX_CANDIDATES))
        repeated = [(position, count) for position, count in shared.items() if count > 1]
        repeated.sort(key=itemgetter(1), reverse=True)
        top = [position for position, _ in repeated[:_MAX_CANDIDATES]]
        if len(top) < _MAX_CANDIDATES:
            once = (position for position, count in shared.items() if count == 1)
            top.extend(itertools.islice(once, _MAX_CANDIDATES - len(top)))
        return sorted(top)

    def _posting_lists(self, keys: list[str], cap: int, stored: StoredQuotes) -> list[list[int]]:
        """The shortest lists of quotes having one of these keys, the stored quotes' first,
        as `_candidates` chooses them when all quotes are held here."""
        stored.prefetch(keys)
        sizes = [(len(self._postings.get(key, ())) + stored.count(key), key) for key in keys]
        chosen = [key for size, key in sorted(sizes, key=itemgetter(0)) if 0 < size <= cap]
        chosen = chosen[:_CANDIDATE_KEYS]
        from_store = stored.postings([key for key in chosen if stored.count(key)])
        return [from_store.get(key, []) + self._postings.get(key, []) for key in chosen]

    def _indexed(self, positions: list[int]) -> list[IndexedQuote]:
        """The quotes at these positions (sorted), the stored ones read as needed."""
        if not positions or positions[0] >= 0:
            return [self._quotes[position] for position in positions]
        assert self._stored is not None  # only a stored quote has a position below zero
        first_held = next((i for i, p in enumerate(positions) if p >= 0), len(positions))
        stored = self._stored.quotes(positions[:first_held])
        return stored + [self._quotes[position] for position in positions[first_held:]]


_AMOUNTS = ("money", "percent")
_LETTERS = re.compile(r"[a-z]+")
_DIRECTION_WORD = re.compile(
    r"\b(?:" + "|".join(sorted(RISING_WORDS | FALLING_WORDS)) + r")\b", re.IGNORECASE
)


def _amount(figure: Figure) -> str:
    """What kind of amount a figure is: a percentage, or money in its currency (a part
    of an amount, "£20 million of the fee", is in the currency of the whole)."""
    return figure.kind if figure.kind != "money" else f"money:{figure.unit.split(':')[0]}"


def _direction(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Which way a quote says its figure went (1 up, -1 down, 0 neither or both), and
    where the words that say so are."""
    # The words first, in one pass (most quotes have none of these); where they are, only
    # for the quotes that have one.
    words = frozenset(_LETTERS.findall(text.lower()))
    rising, falling = not words.isdisjoint(RISING_WORDS), not words.isdisjoint(FALLING_WORDS)
    if not (rising or falling):
        return 0, []
    return rising - falling, [match.span() for match in _DIRECTION_WORD.finditer(text)]


# Marks the index key of a figure's value (`ClaimSignature.index_keys`).
FIGURE_VALUE_MARK = "="


def _tells_cards_apart(figure: Figure) -> bool:
    """Whether a figure is specific enough that few cards give it (not a year, not a
    small count)."""
    return figure.kind != "year" and not (
        figure.kind in ("count", "pair") and figure.value[0] <= _SMALL_COUNT
    )


def assign_together(decisions: list[LinkDecision]) -> None:
    """Choose the cards of one sentence's clauses together, each decision in place.

    Two clauses of a sentence are two claims, so they never share a card; of the ways
    to give them distinct cards, the one whose joins score highest in all wins. Chosen
    clause by clause, a wrong first join ("Dana Holt, who founded Skerrow" on the card
    of "Holt stays on as CEO", through a quote that says both) would push the next
    clause ("will stay on as chief executive") off the one card it belongs on.
    """
    if len(decisions) < 2:
        return  # `Linker.link` chose already
    options = [decision.join_options()[:_JOINT_OPTIONS] for decision in decisions]
    firsts = [choices[0] for choices in options if choices]
    if len(set(firsts)) == len(firsts):
        best: tuple[int | None, ...] = tuple(choices[0] if choices else None for choices in options)
    else:
        scores = [dict(decision.ranked) for decision in decisions]
        best, best_total = (), -1.0
        # Each clause's cards best first, and a new card last: among equal totals the
        # first found keeps the earlier clause on its better card.
        for cards in itertools.product(*[[*choices, None] for choices in options]):
            chosen = [card for card in cards if card is not None]
            if len(set(chosen)) < len(chosen):
                continue
            total = sum(s[card] for s, card in zip(scores, cards, strict=True) if card is not None)
            if total > best_total:
                best, best_total = cards, total
    taken = frozenset(card for card in best if card is not None)
    for decision, card in zip(decisions, best, strict=True):
        _choose(decision, card, taken - {card})


def _choose(decision: LinkDecision, card_id: int | None, others: frozenset[int]) -> None:
    """Put a decision on a card (None: a new one) and offer the next best cards, never
    one that another clause of its sentence is on (`others`)."""
    decision.card_id = card_id
    decision.score = 0.0
    decision.suggestions = []
    for card, score in decision.ranked:
        if card == card_id:
            decision.score = score
        elif card not in others and len(decision.suggestions) < 2:
            decision.suggestions.append((card, round(score, 3)))


def _posting_key(figure: Figure) -> str:
    # Counts of differently named things may be one figure ("42,000 spectators" / "seat
    # 42,000"), as `_shared_figure` reads them.
    return _figure_value(figure) if figure.kind == "count" else figure.key


def _figure_value(figure: Figure) -> str:
    return f"{figure.kind}:{figure.value[0]:g}:{figure.value[1]:g}"


# How much a figure both quotes give says they are one claim (`_shared_figure`), and the
# bonus each adds to their similarity (a common figure's is raised in `Linker.link` when
# the words agree too).
_NO_FIGURE, _SMALL_FIGURE, _COMMON_FIGURE, _SPECIFIC_FIGURE = range(4)
_FIGURE_BONUS = (0.0, SMALL_FIGURE_BONUS, SMALL_FIGURE_BONUS, SHARED_FIGURE_BONUS)


def _shared_figure(a: ClaimSignature, b: ClaimSignature) -> int:
    """How telling the most telling figure both quotes give is ("400 jobs" / "400
    workplaces"), from _NO_FIGURE to _SPECIFIC_FIGURE.

    A specific figure (an amount, a measure, a date, a count above a dozen) is strong
    evidence; a percentage or a duration is common (across a beat's stories, "rose 4.2%"
    and "for seven years" are told of many things); a small count ("two", "four") is weak,
    so many things share it.
    """
    best = _NO_FIGURE
    if not a.figures or not b.figures:
        return best
    for x in a.figures:
        for y in b.figures:
            same_unit = x.unit == y.unit or x.kind == "count"
            if x.kind == y.kind != "year" and same_unit and not values_differ(x, y):
                if x.kind in ("count", "pair") and x.value[0] <= _SMALL_COUNT:
                    best = max(best, _SMALL_FIGURE)
                elif _is_common(x):
                    best = max(best, _COMMON_FIGURE)
                else:
                    return _SPECIFIC_FIGURE
    return best


def _only_common_figures_differ(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Whether the figures two quotes disagree on are all percentages or durations."""
    return all(
        _is_common(x)
        for x in a.figures
        for y in b.figures
        if x.kind == y.kind and x.unit == y.unit and disagreement(x, y)
    )


def _is_common(figure: Figure) -> bool:
    return figure.kind == "percent" or (figure.kind == "measure" and figure.unit == "duration")


def _other_names(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Whether both quotes name things and none the same (their subjects differ)."""
    return bool(a.names and b.names and not (a.names & b.names))


def _counts_differ(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Two large counts that differ (even of things named differently) are two claims."""
    mine, theirs = a.large_counts, b.large_counts
    if not mine or not theirs:
        return False
    # Counted as figures agree ("more than 400,000" with "410,000"), whatever they count.
    return all(values_differ(x, y) for x in mine for y in theirs)


def _disagreement(a: ClaimSignature, b: ClaimSignature) -> tuple[str | None, bool]:
    """Why two quotes cannot be the same claim (None when nothing clashes), and whether
    the clash is of contrasting terms rather than figures."""
    mine_by_kind, theirs_by_kind = a.by_kind, b.by_kind
    for kind in ("money", "percent", "measure", "count", "date", "period"):
        if kind not in mine_by_kind or kind not in theirs_by_kind:
            continue
        mine, theirs = mine_by_kind[kind], theirs_by_kind[kind]
        if any(x.unit == y.unit and not values_differ(x, y) for x in mine for y in theirs):
            continue  # they share this figure; other figures of the kind may differ
        for x in mine:
            for y in theirs:
                if x.unit == y.unit and values_differ(x, y):
                    # Amounts far apart are different quantities: never one claim, but no
                    # conflict either (the caller checks `comparable_clash`).
                    return f"{y.text} vs {x.text}", False
    for index, side in a.contrasts:
        if (index, 1 - side) in b.contrasts and (index, side) not in b.contrasts:
            if (index, 1 - side) in a.contrasts:
                continue
            return f"{CONTRASTS[index][1 - side][0]} vs {CONTRASTS[index][side][0]}", True
    return None, False


def _times_differ(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Whether both quotes say when, and no time one gives is a time the other gives."""
    mine, theirs = a.times, b.times
    if not mine or not theirs:
        return False
    return not any(
        (x.kind == y.kind and not disagreement(x, y)) or _year_within(x, y) or _year_within(y, x)
        for x in mine
        for y in theirs
    )


def _year_within(year: Figure, time: Figure) -> bool:
    """Whether a year is the year of a period ("2026" / "spring 2026")."""
    if year.kind != "year" or time.kind != "period":
        return False
    return time.value[0] // 12 <= year.value[0] <= time.value[1] // 12


def _date_clash(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Differing dates or periods."""
    return any(
        x.kind == y.kind and x.kind in ("date", "period") and disagreement(x, y)
        for x in a.figures
        for y in b.figures
    )


def _close_clash(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Differing amounts within half of each other ("€210 million" / "€240 million")."""
    return any(
        x.kind == y.kind
        and x.kind in ("money", "percent", "measure", "count")
        and x.unit == y.unit
        and disagreement(x, y)
        and _comparable(x, y, _CLOSE_RATIO)
        for x in a.figures
        for y in b.figures
    )


def _comparable_clash(a: ClaimSignature, b: ClaimSignature) -> bool:
    """Whether two quotes' differing figures could be two tellings of one quantity."""
    return any(
        x.kind == y.kind and x.unit == y.unit and disagreement(x, y) and _comparable(x, y)
        for x in a.figures
        for y in b.figures
    )


def _comparable(x: Figure, y: Figure, ratio: float = 3.0) -> bool:
    """Whether two figures could be two tellings of one quantity (not €20m and €3.9bn)."""
    if x.kind in ("date", "period", "pair"):
        return ratio >= _COMPARABLE_RATIO
    low, high = sorted((abs(x.value[0]), abs(y.value[0])))
    return low > 0 and high / low <= ratio


def matcher_name() -> str:
    """Which matcher groups quotes, in words for the UI and the bench."""
    return "lexical (names, key words and figures)"
