"""Every export by its name, as the command line and the window offer them."""

from datetime import date
from typing import Literal

from factcards.core.brief import BriefOptions, write_brief
from factcards.core.claimreview import claim_reviews_json
from factcards.core.csv_export import cards_csv
from factcards.core.export import export_json
from factcards.core.markup import standalone_html
from factcards_db import Project

ExportFormat = Literal["json", "md", "html", "claimreview", "csv"]
# What a user picks in a save dialog: the format's name and its file suffix.
SUFFIXES: dict[str, str] = {
    "json": ".json",
    "md": ".md",
    "html": ".html",
    "claimreview": ".jsonld",
    "csv": ".csv",
}


def export_text(
    project: Project,
    export_format: str,
    title: str,
    day: date,
    author: str,
    options: BriefOptions | None = None,
) -> str:
    """One export of a project as text."""
    if export_format == "json":
        return export_json(project)
    if export_format == "claimreview":
        return claim_reviews_json(project, author, day)
    if export_format == "csv":
        return cards_csv(project)
    brief = options or BriefOptions(title=title, day=day, editor=author)
    markdown_text = write_brief(project, brief)
    if export_format == "md":
        return markdown_text
    if export_format == "html":
        return standalone_html(brief.title, markdown_text)
    raise ValueError(f"unknown export format {export_format!r}")
