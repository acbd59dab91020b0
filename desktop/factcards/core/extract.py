"""Claim candidates: exact spans of an article's text that state something checkable.

Each candidate is a clause of article prose (never furniture, never a heading), with a
check-worthiness score from 0 to 1 (factcards.core.checkworthiness) and an attribution.
"""

import re
from dataclasses import dataclass
from functools import partial

from factcards.core.attribution import AttributionReader
from factcards.core.checkworthiness import names_inside, score_claim
from factcards.core.clauses import FINITE_AUXILIARIES, NOT_PARTICIPLES, split_sentence
from factcards.core.furniture import is_furniture
from factcards.core.names import ArticleNames
from factcards.core.sentences import Span, blocks, sentences
from factcards.core.wording import clause_wording

# Cards below this score are kept but hidden unless the editor asks to see them.
SCORE_CUT = 0.45

# A dateline that opens an article's first sentence: "PORT ELLIS, March 3 — ".
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]+,\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:\([^)]*\)\s*)?[—–-]+\s*"
)
_BULLET = re.compile(r"(?:[-*•·▪‣◦]|\d+[.)])\s+")
# A clause that opens with a participle and names no subject ("…, outpacing the index's
# 1.2% gain"): its card is worded with the sentence's subject in front ("Skerrow shares
# outpacing the index's 1.2% gain"), as a headline would be.
_PARTICIPLE_OPENING = re.compile(r"[a-z]{3,}ing\b")
# ...unless the clause has a verb of its own, which makes the "-ing" words its subject
# ("lowering costs by 4% would follow").
_FINITE_VERB = re.compile(r"\b(?:" + "|".join(FINITE_AUXILIARIES) + r")\b")
# Subjects no borrowed wording may start with: pronouns, and the words that open a
# subordinate clause ("If this move …").
_NOT_SUBJECT_OPENINGS = frozenset(
    """
    it its they their he his she her we i you this that if when whether although though
    because while as after before since unless once until
    """.split()
)
_TERMINAL = re.compile(r"[.!?][\"”’)\]]*$|[\"”’]$")
# A clause that only says when the one before it happened ("after the Series 5 launch")
# scores as a fragment does.
_WHEN_ONLY_PENALTY = 0.3


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    """A span of source text that may state a claim, scored and attributed.

    `subject` is who or what the clause is about when it leaves that out ("has delivered
    12 ferries"); `wording` is the clause as a card would word it, subject included.
    """

    start: int
    end: int
    score: float
    attribution: str | None
    subject: str | None = None
    wording: str = ""
    sentence_start: int = 0
    context: str = ""

    def __reduce__(self) -> tuple[type["ClaimCandidate"], tuple[object, ...]]:
        # Pickled by its fields in order: far quicker to load than a slotted dataclass's
        # default state (candidates travel from the read-ahead workers by the thousand).
        return ClaimCandidate, (
            self.start,
            self.end,
            self.score,
            self.attribution,
            self.subject,
            self.wording,
            self.sentence_start,
            self.context,
        )


def find_claims(text: str) -> list[ClaimCandidate]:
    """All claim candidates of an article, in document order."""
    reader = AttributionReader()
    names = ArticleNames(text)
    written_as_names = names_inside(text)
    candidates: list[ClaimCandidate] = []
    for block in blocks(text):
        block_text = text[block.start : block.end]
        if is_furniture(block_text) or _is_heading(block_text):
            continue
        spans = [span for span in map(partial(_trim, text), sentences(text, block)) if span]
        split = [(text[span.start : span.end], split_sentence(text, span)) for span in spans]
        for position, span in enumerate(spans):
            parts = split[position][1]
            # The sentences after it, for a quotation whose speaker is named where it ends.
            attributions = reader.read(*split[position], following=split[position + 1 :])
            for index, (clause, attribution) in enumerate(
                zip(parts.clauses, attributions, strict=True)
            ):
                clause_text = _without_asides(text[clause.start : clause.end], parts.attributions)
                wording = clause_wording(
                    clause_text, f"{clause.subject} is" if clause.appositive else clause.subject
                )
                # The score is the clause's own; a participle's borrowed subject only
                # makes its wording read.
                score = score_claim(wording, written_as_names, attributed=bool(attribution))
                if clause.says_when:
                    score = round(max(0.0, score - _WHEN_ONLY_PENALTY), 3)
                borrowed = _participle_subject(clause_text, parts.subject) if index else None
                if borrowed and not clause.subject:
                    wording = clause_wording(clause_text, borrowed)
                # Linking reads "The VSA" and "the agency" as the name they stand for.
                subject = None if clause.relative else clause.subject
                meant = names.meant(text[clause.start : clause.end], clause.start)
                if meant:
                    subject = ", ".join(filter(None, [subject, *meant]))
                candidates.append(
                    ClaimCandidate(
                        clause.start,
                        clause.end,
                        score,
                        attribution,
                        subject,
                        wording,
                        span.start,
                        text[span.start : span.end],
                    )
                )
    return candidates


def _participle_subject(clause_text: str, sentence_subject: str | None) -> str | None:
    """The sentence's subject, to word a clause that opens with a participle and leaves it
    out; None for any other clause, or when the subject is only a pronoun or opens a
    subordinate clause."""
    opening = _PARTICIPLE_OPENING.match(clause_text)
    if not sentence_subject or not opening or opening.group(0) in NOT_PARTICIPLES:
        return None
    if _FINITE_VERB.search(clause_text):
        return None
    if sentence_subject.split()[0].lower() in _NOT_SUBJECT_OPENINGS:
        return None
    return sentence_subject


def _without_asides(clause_text: str, attributions: list[str]) -> str:
    """A clause without the attribution set inside it: "The yard, Meridian Wire reported,
    will close in June" is worded "The yard will close in June" (the quote keeps it)."""
    for phrase in attributions:
        clause_text = clause_text.replace(f", {phrase}, ", " ")
    return clause_text


def _is_heading(block_text: str) -> bool:
    if block_text.lstrip().startswith("#"):
        return True
    if _TERMINAL.search(block_text.rstrip()):
        return False
    # An unpunctuated block is a heading unless it runs long like a paragraph.
    return len(block_text.split()) <= 20


def _trim(text: str, sentence: Span) -> Span | None:
    """Drop datelines and list bullets from the front of a sentence."""
    # Patterns are matched at `start` (no "^": it would only match at offset 0).
    start, end = sentence.start, sentence.end
    for prefix in (_DATELINE, _BULLET):
        match = prefix.match(text, start, end)
        if match:
            start = match.end()
    while start < end and text[start].isspace():
        start += 1
    return Span(start, end) if start < end else None
