"""schema.org ClaimReview JSON-LD for the cards an editor confirmed or disputed.

One ClaimReview per reviewed card: the claim reviewed (the card's wording), a rating
whose alternateName says the verdict, the claim's appearances (every source carrying
it), the reviewer (the editor, from settings) and the date. Characters that could end a
<script> element are escaped, so the JSON-LD can be embedded in a page safely.
"""

import json
from datetime import date
from typing import Any

from factcards_db import CardDetail, Project, SourceRecord, Status

_RATINGS: dict[Status, tuple[str, int]] = {
    "confirmed": ("Confirmed", 5),
    "disputed": ("Disputed", 1),
}


def claim_reviews(project: Project, author: str, day: date) -> dict[str, Any]:
    """The reviewed cards as one JSON-LD document (a dict)."""
    sources = {source.id: source for source in project.sources()}
    cards = [
        detail
        for detail in project.card_details(project.card_ids())
        if detail.summary.status in _RATINGS
    ]
    return {
        "@context": "https://schema.org",
        "@graph": [_review(card, sources, author, day) for card in cards],
    }


def claim_reviews_json(project: Project, author: str, day: date) -> str:
    """The JSON-LD as text, safe to put inside <script type="application/ld+json">."""
    text = json.dumps(claim_reviews(project, author, day), ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _review(
    card: CardDetail, sources: dict[int, SourceRecord], author: str, day: date
) -> dict[str, Any]:
    verdict, value = _RATINGS[card.summary.status]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": card.summary.wording,
        "datePublished": day.isoformat(),
        "author": {"@type": "Person", "name": author},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": verdict,
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [
                _appearance(quote.text, sources[quote.source_id]) for quote in card.quotes
            ],
        },
    }
    if card.summary.note.strip():
        review["reviewBody"] = card.summary.note
    return review


def _appearance(text: str, source: SourceRecord) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": source.title, "text": text}
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.published:
        work["datePublished"] = source.published
    return work
