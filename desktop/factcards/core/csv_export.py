"""The cards as CSV, for spreadsheets.

A cell that starts with "=", "+", "-", "@" (or a tab or carriage return) would be a
formula in a spreadsheet; such cells get a leading apostrophe, so article text can never
run as one.
"""

import csv
import io

from factcards_db import CardDetail, Project, SourceRecord

COLUMNS = (
    "id",
    "status",
    "wording",
    "note",
    "score",
    "sources",
    "independent_origins",
    "conflicts",
    "tags",
    "quotes",
    "cited_sources",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cards_csv(project: Project) -> str:
    """Every listed card as one CSV row (hidden cards are not claims, so not listed)."""
    sources = {source.id: source for source in project.sources()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for card in project.card_details(project.card_ids()):
        writer.writerow([neutralise(str(cell)) for cell in _row(card, sources)])
    return out.getvalue()


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never evaluate."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _row(card: CardDetail, sources: dict[int, SourceRecord]) -> list[object]:
    summary = card.summary
    cited = dict.fromkeys(
        sources[q.source_id].outlet or sources[q.source_id].title for q in card.quotes
    )
    return [
        summary.id,
        summary.status,
        summary.wording,
        summary.note,
        f"{summary.score:.2f}",
        summary.source_count,
        summary.origin_count,
        summary.conflict_count,
        " ".join(summary.tags),
        " | ".join(" ".join(q.text.split()) for q in card.quotes),
        " | ".join(cited),
    ]
