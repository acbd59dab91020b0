"""The brief: reviewed cards as markdown with citations, ready to send.

By default: confirmed cards first, then disputed, then unreviewed, then the conflicts
between sources; each card with its wording, the editor's note, how many sources and
independent origins carry it, and its quotes as blockquotes, each citing its source by a
footnote (Python-Markdown's footnotes extension). `BriefOptions` choose the statuses,
notes, quotes, grouping (by status or by source), conflicts and single-source warnings.
Everything that came from an article or an editor is escaped, so it reads as text and
never as markup.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from factcards.core.extract import SCORE_CUT
from factcards.core.markup import escape
from factcards.core.origins import own_source_origin
from factcards_db import CardDetail, ConflictRecord, Project, QuoteView, SourceRecord, Status

_HEADINGS: dict[Status, str] = {
    "confirmed": "Confirmed",
    "disputed": "Disputed",
    "unreviewed": "Unreviewed",
}
_ORDER: tuple[Status, ...] = ("confirmed", "disputed", "unreviewed")
GroupBy = Literal["status", "source"]


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """What a brief shows."""

    title: str
    day: date
    editor: str = ""
    statuses: tuple[Status, ...] = _ORDER
    notes: bool = True
    quotes: bool = True
    group_by: GroupBy = "status"
    conflicts: bool = True
    single_source_warnings: bool = True


def brief_cards(project: Project, statuses: Sequence[Status] = _ORDER) -> list[CardDetail]:
    """The cards a brief covers: reviewed cards of the chosen statuses, and unreviewed
    ones above the check-worthiness cut (hidden cards never)."""
    details = project.card_details(project.card_ids())
    return [
        detail
        for detail in details
        if detail.summary.status in statuses
        and (detail.summary.status != "unreviewed" or detail.summary.score >= SCORE_CUT)
    ]


def write_brief(project: Project, options: BriefOptions) -> str:
    """The project's brief as markdown."""
    return render_brief(
        brief_cards(project, options.statuses),
        project.sources(),
        options,
        project.conflict_records(),
    )


def render_brief(
    cards: list[CardDetail],
    sources: list[SourceRecord],
    options: BriefOptions,
    conflicts: Sequence[ConflictRecord] = (),
) -> str:
    """A brief of these cards as markdown; `sources` name the footnotes."""
    counts = ", ".join(
        f"{sum(1 for card in cards if card.summary.status == status)} {status}"
        for status in options.statuses
    )
    byline = f" by {escape(options.editor)}" if options.editor else ""
    lines = [
        f"# {escape(options.title)}",
        "",
        f"*Brief of {options.day.isoformat()}{byline}.* {len(cards)} cards: {counts}.",
        "",
    ]
    by_id = {source.id: source for source in sources}
    titles = {source.id: source.title for source in sources}
    cited: dict[int, int] = {}
    for heading, section in _sections(cards, by_id, options):
        lines += [f"## {escape(heading)} ({len(section)})", ""]
        for card in section:
            lines += _card_lines(card, cited, options, titles)
    if options.conflicts:
        shown = {card.summary.id for card in cards}
        relevant = [c for c in conflicts if c.card_a in shown or c.card_b in shown]
        lines += _conflict_lines(relevant, by_id, cited)
    lines += _footnotes(cited, by_id)
    return "\n".join(lines).rstrip() + "\n"


def _sections(
    cards: list[CardDetail], sources: dict[int, SourceRecord], options: BriefOptions
) -> list[tuple[str, list[CardDetail]]]:
    if options.group_by == "source":
        # A card carried by several sources is listed under each of them.
        sections = []
        for source_id, source in sources.items():
            section = [c for c in cards if any(q.source_id == source_id for q in c.quotes)]
            if section:
                sections.append((source.outlet or source.title, section))
        return sections
    return [
        (_HEADINGS[status], [c for c in cards if c.summary.status == status])
        for status in options.statuses
        if any(c.summary.status == status for c in cards)
    ]


def _conflict_lines(
    conflicts: Sequence[ConflictRecord], sources: dict[int, SourceRecord], cited: dict[int, int]
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


def _card_lines(
    card: CardDetail,
    cited: dict[int, int],
    options: BriefOptions,
    titles: Mapping[int, str],
) -> list[str]:
    summary = card.summary
    lines = [f"### {escape(summary.wording)}", ""]
    if options.group_by == "source":
        lines += [f"*{_HEADINGS[summary.status]}.*", ""]
    if options.notes and summary.note.strip():
        lines += [f"**Note:** {escape(summary.note)}", ""]
    lines += [f"*{escape(carried_by(card, titles))}*", ""]
    if options.single_source_warnings and summary.source_count == 1:
        lines += ["**Single source:** no other source carries this claim.", ""]
    if options.conflicts and summary.conflict_count:
        lines += [f"**Conflicts with other sources:** {summary.conflict_count}, listed below.", ""]
    for quote in card.quotes:
        number = cited.setdefault(quote.source_id, len(cited) + 1)
        if not options.quotes:
            continue
        lines.append(f"> {escape(quote.text)}[^{number}]")
        if quote.attribution:
            lines += [">", f"> — attributed to {escape(quote.attribution)}"]
        lines.append("")
    if not options.quotes:
        numbers = sorted({cited[q.source_id] for q in card.quotes})
        lines += ["Sources: " + ", ".join(f"[^{n}]" for n in numbers), ""]
    return lines


def carried_by(card: CardDetail, titles: Mapping[int, str] | None = None) -> str:
    """How many sources carry a card, and how many independent origins they amount to.

    An origin that is a source with no outlet is named by its title (from `titles`).
    """
    summary = card.summary
    sources = "source" if summary.source_count == 1 else "sources"
    text = f"Carried by {summary.source_count} {sources}"
    origins = sorted({_origin_name(quote, titles or {}) for quote in card.quotes if quote.origin})
    if summary.source_count > 1 and origins:
        if len(origins) == 1:
            return f"{text}, all from one origin: {origins[0]}."
        return f"{text} from {len(origins)} independent origins: {', '.join(origins)}."
    return text + "."


_TITLE_IN_ORIGINS = 60


def _origin_name(quote: QuoteView, titles: Mapping[int, str]) -> str:
    """A quote's origin as the brief names it: a source with no outlet by its title."""
    origin = quote.origin or ""
    title = titles.get(quote.source_id)
    if origin != own_source_origin(quote.source_id) or not title:
        return origin
    if len(title) > _TITLE_IN_ORIGINS:
        title = title[:_TITLE_IN_ORIGINS].rsplit(" ", 1)[0] + "…"
    return f"“{title}”"


def _footnotes(cited: dict[int, int], sources: dict[int, SourceRecord]) -> list[str]:
    lines = []
    for source_id, number in sorted(cited.items(), key=lambda item: item[1]):
        source = sources[source_id]
        outlet = f", {escape(source.outlet)}" if source.outlet else ""
        published = f", {source.published}" if source.published else ""
        lines.append(f"[^{number}]: *{escape(source.title)}*{outlet}{published}.")
    return lines
