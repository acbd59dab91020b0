"""The brief: reviewed cards as markdown with citations, ready to send.

Confirmed cards first, then disputed, then unreviewed; each card with its wording, the
editor's note and its quotes as blockquotes, each citing its source by a footnote
(Python-Markdown's footnotes extension). Everything that came from an article or an
editor is escaped, so it reads as text and never as markup.
"""

from dataclasses import dataclass
from datetime import date

from factcards.core.extract import SCORE_CUT
from factcards.core.markup import escape
from factcards_db import STATUSES, CardDetail, Project, SourceRecord, Status

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
    return render_brief(brief_cards(project), project.sources(), options)


def render_brief(
    cards: list[CardDetail], sources: list[SourceRecord], options: BriefOptions
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
    lines += _footnotes(cited, {source.id: source for source in sources})
    return "\n".join(lines).rstrip() + "\n"


def _card_lines(card: CardDetail, cited: dict[int, int]) -> list[str]:
    summary = card.summary
    sources = "source" if summary.source_count == 1 else "sources"
    lines = [f"### {escape(summary.wording)}", ""]
    if summary.note.strip():
        lines += [f"**Note:** {escape(summary.note)}", ""]
    lines += [f"*Carried by {summary.source_count} {sources}.*", ""]
    for quote in card.quotes:
        number = cited.setdefault(quote.source_id, len(cited) + 1)
        lines.append(f"> {escape(quote.text)}[^{number}]")
        if quote.attribution:
            lines += [">", f"> — attributed to {escape(quote.attribution)}"]
        lines.append("")
    return lines


def _footnotes(cited: dict[int, int], sources: dict[int, SourceRecord]) -> list[str]:
    lines = []
    for source_id, number in sorted(cited.items(), key=lambda item: item[1]):
        source = sources[source_id]
        outlet = f", {escape(source.outlet)}" if source.outlet else ""
        published = f", {source.published}" if source.published else ""
        lines.append(f"[^{number}]: *{escape(source.title)}*{outlet}{published}.")
    return lines
