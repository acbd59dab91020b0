"""The brief: reviewed cards as markdown with citations, ready to send.

Confirmed cards first, then disputed, then unreviewed, then the conflicts between
sources; each card with its wording, the editor's note, how many sources and independent
origins carry it, and its quotes as blockquotes, each citing its source by a footnote
(Python-Markdown's footnotes extension). Everything that came from an article or an
editor is escaped, so it reads as text and never as markup.
"""

from dataclasses import dataclass
from datetime import date

from factcards.core.extract import SCORE_CUT
from factcards.core.markup import escape
from factcards_db import STATUSES, CardDetail, ConflictRecord, Project, SourceRecord, Status

_HEADINGS: dict[Status, str] = {
    "confirmed": "Confirmed",
    "disputed": "Disputed",
    "unreviewed": "Unreviewed",
}
_ORDER: tuple[Status, ...] = ("confirmed", "disputed", "unreviewed")


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """What a brief shows."""

    title: str
    day: date
    editor: str = ""


def brief_cards(project: Project) -> list[CardDetail]:
    """The cards a brief covers: every reviewed card, and unreviewed ones above the cut."""
    details = project.card_details(project.card_ids())
    return [
        detail
        for detail in details
        if detail.summary.status != "unreviewed" or detail.summary.score >= SCORE_CUT
    ]


def write_brief(project: Project, options: BriefOptions) -> str:
    """The project's brief as markdown."""
    return render_brief(
        brief_cards(project), project.sources(), options, project.conflict_records()
    )


def render_brief(
    cards: list[CardDetail],
    sources: list[SourceRecord],
    options: BriefOptions,
    conflicts: list[ConflictRecord] = (),  # type: ignore[assignment]
) -> str:
    """A brief of these cards as markdown; `sources` name the footnotes."""
    by_status: dict[Status, list[CardDetail]] = {status: [] for status in STATUSES}
    for card in cards:
        by_status[card.summary.status].append(card)
    counts = ", ".join(f"{len(by_status[s])} {s}" for s in _ORDER)
    byline = f" by {escape(options.editor)}" if options.editor else ""
    lines = [
        f"# {escape(options.title)}",
        "",
        f"*Brief of {options.day.isoformat()}{byline}.* {len(cards)} cards: {counts}.",
        "",
    ]
    cited: dict[int, int] = {}
    for status in _ORDER:
        section = by_status[status]
        if not section:
            continue
        lines += [f"## {_HEADINGS[status]} ({len(section)})", ""]
        for card in section:
            lines += _card_lines(card, cited)
    by_id = {source.id: source for source in sources}
    lines += _conflict_lines(conflicts, by_id, cited)
    lines += _footnotes(cited, by_id)
    return "\n".join(lines).rstrip() + "\n"


def _conflict_lines(
    conflicts: list[ConflictRecord], sources: dict[int, SourceRecord], cited: dict[int, int]
) -> list[str]:
    """One line per disagreement between two cards, citing one quote of each side."""
    grouped: dict[tuple[frozenset[int], str], list[ConflictRecord]] = {}
    for conflict in conflicts:
        sides = " vs ".join(sorted(conflict.reason.split(" vs ")))
        grouped.setdefault((frozenset((conflict.card_a, conflict.card_b)), sides), []).append(
            conflict
        )
    if not grouped:
        return []
    lines = [f"## Conflicts ({len(grouped)})", ""]
    for group in grouped.values():
        first = group[0]
        ends = []
        for source_id, start, end in (
            (first.source_a, first.start_a, first.end_a),
            (first.source_b, first.start_b, first.end_b),
        ):
            number = cited.setdefault(source_id, len(cited) + 1)
            text = sources[source_id].text[start:end]
            ends.append(f"“{escape(text)}”[^{number}]")
        more = len({(c.quote_a, c.quote_b) for c in group}) - 1
        also = f" (and {more} more {'quote' if more == 1 else 'quotes'} alike)" if more else ""
        lines.append(f"- **{escape(first.reason)}**: {ends[0]} against {ends[1]}{also}")
    return [*lines, ""]


def _card_lines(card: CardDetail, cited: dict[int, int]) -> list[str]:
    summary = card.summary
    lines = [f"### {escape(summary.wording)}", ""]
    if summary.note.strip():
        lines += [f"**Note:** {escape(summary.note)}", ""]
    lines += [f"*{escape(carried_by(card))}*", ""]
    if summary.conflict_count:
        lines += [f"**Conflicts with other sources:** {summary.conflict_count}, listed below.", ""]
    for quote in card.quotes:
        number = cited.setdefault(quote.source_id, len(cited) + 1)
        lines.append(f"> {escape(quote.text)}[^{number}]")
        if quote.attribution:
            lines += [">", f"> — attributed to {escape(quote.attribution)}"]
        lines.append("")
    return lines


def carried_by(card: CardDetail) -> str:
    """How many sources carry a card, and how many independent origins they amount to."""
    summary = card.summary
    sources = "source" if summary.source_count == 1 else "sources"
    text = f"Carried by {summary.source_count} {sources}"
    origins = sorted({quote.origin for quote in card.quotes if quote.origin})
    if summary.source_count > 1 and origins:
        if len(origins) == 1:
            return f"{text}, all from one origin: {origins[0]}."
        return f"{text} from {len(origins)} independent origins: {', '.join(origins)}."
    return text + "."


def _footnotes(cited: dict[int, int], sources: dict[int, SourceRecord]) -> list[str]:
    lines = []
    for source_id, number in sorted(cited.items(), key=lambda item: item[1]):
        source = sources[source_id]
        outlet = f", {escape(source.outlet)}" if source.outlet else ""
        published = f", {source.published}" if source.published else ""
        lines.append(f"[^{number}]: *{escape(source.title)}*{outlet}{published}.")
    return lines
