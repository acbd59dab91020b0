"""The JSON export: everything in a project, in the shape of the public contract.

See ARCHITECTURE.md ("Command-line contract"). `quotes[].text` is always the stored
source text sliced at `[start:end]`.
"""

import json
from typing import Any

from factcards_db import CardDetail, ConflictRecord, Project, SourceRecord

FORMAT_VERSION = 1


def export_document(project: Project) -> dict[str, Any]:
    """The whole project as the contract's JSON document (a dict)."""
    return {
        "format": "factcards",
        "version": FORMAT_VERSION,
        "sources": [_source(source) for source in project.sources()],
        "claims": [_claim(detail) for detail in project.card_details(project.card_ids())],
        "conflicts": [_conflict(conflict) for conflict in project.conflict_records()],
    }


def export_json(project: Project) -> str:
    """The JSON export as text, UTF-8 safe and stable for diffs."""
    return json.dumps(export_document(project), ensure_ascii=False, indent=2) + "\n"


def _source(source: SourceRecord) -> dict[str, Any]:
    return {
        "id": source.id,
        "path": source.path,
        "title": source.title,
        "outlet": source.outlet,
        "published": source.published,
        "sha256": source.sha256,
    }


def _claim(detail: CardDetail) -> dict[str, Any]:
    card = detail.summary
    return {
        "id": card.id,
        "text": card.wording,
        "status": card.status,
        "note": card.note,
        "score": card.score,
        "quotes": [
            {
                "source_id": quote.source_id,
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "attribution": quote.attribution,
            }
            for quote in detail.quotes
        ],
        "suggested": [
            {"claim_id": suggestion.other_card_id, "score": suggestion.score}
            for suggestion in detail.suggestions
        ],
    }


def _conflict(conflict: ConflictRecord) -> dict[str, Any]:
    return {
        "a": {
            "claim_id": conflict.card_a,
            "source_id": conflict.source_a,
            "start": conflict.start_a,
            "end": conflict.end_a,
        },
        "b": {
            "claim_id": conflict.card_b,
            "source_id": conflict.source_b,
            "start": conflict.start_b,
            "end": conflict.end_b,
        },
        "reason": conflict.reason,
    }
