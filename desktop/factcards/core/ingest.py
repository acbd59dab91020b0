"""Ingest: an article file becomes a source (text, title, outlet, date, content hash).

The stored text is the decoded file with normalised line endings, kept whole (furniture
included, so the source reads as it was saved); every quote offset refers to it.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcards.core.decode import DecodeError, decode_bytes
from factcards.core.furniture import is_furniture
from factcards_db import NewSource

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
# Larger files are refused: they are not articles, and would make the window sluggish.
MAX_BYTES = 64 * 1024 * 1024
_MAX_TITLE = 200

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_BYLINE_OUTLET = re.compile(
    r"^\s*by\s+[^,|/]{2,60}?\s*[,|/–—-]\s*(?P<outlet>[A-Z][^,|]{1,60}?)\s*$", re.IGNORECASE
)
_COPYRIGHT_OUTLET = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?P<outlet>[^.©]{2,60}?)\.?"
    r"\s*(?:all rights reserved\.?)?\s*$",
    re.IGNORECASE,
)
_EXPLORE_AT = re.compile(r"\bat\s+(?P<site>[\w-]+(?:\.[\w-]+)+)\.?\s*$", re.IGNORECASE)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_LONG_DATE = re.compile(
    r"\b(?P<month>" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_MASTHEAD_MAX_WORDS = 4


class IngestError(ValueError):
    """A file that cannot become a source; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class ArticleHeader:
    """What an article says about itself near its top and bottom."""

    title: str
    outlet: str | None
    published: str | None


def read_source(path: Path, shown_path: str | None = None) -> NewSource:
    """Read one article file; raise IngestError with a plain reason when it cannot be."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"it is {size // (1024 * 1024)} MB, larger than any article")
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"it cannot be read ({error.strerror or error})") from error
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        raise IngestError(str(error)) from error
    header = read_header(decoded.text, markdown=path.suffix.lower() in {".md", ".markdown"})
    return NewSource(
        path=shown_path or str(path),
        title=header.title or path.stem,
        outlet=header.outlet,
        published=header.published,
        sha256=content_hash(decoded.text),
        text=decoded.text,
        encoding=decoded.encoding,
    )


def content_hash(text: str) -> str:
    """The identity of an article's text, whatever encoding it was saved in."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_header(text: str, *, markdown: bool) -> ArticleHeader:
    """Title, outlet and publication date, as far as the text itself tells them."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title, masthead = _title(lines, text, markdown=markdown)
    return ArticleHeader(
        title=_shorten(_strip_markdown(title)),
        outlet=_outlet(lines, masthead),
        published=_published(text),
    )


def _title(lines: list[str], text: str, *, markdown: bool) -> tuple[str, str | None]:
    if markdown:
        heading = _MARKDOWN_HEADING.search(text)
        if heading:
            return heading.group("title"), None
        if len(lines) > 1 and _SETEXT_UNDERLINE.match(lines[1]):
            return lines[0], None
    candidates = [line for line in lines if not is_furniture(line)]
    if not candidates:
        return "", None
    masthead = None
    first = candidates[0]
    if len(candidates) > 1:
        following = candidates[1]
        # A breadcrumb trail ends with the headline that follows it.
        if first != following and first.endswith(following):
            return following, None
        if _is_masthead(first, following):
            masthead = first
            first = following
    return first, masthead


def _is_masthead(line: str, following: str) -> bool:
    words = line.split()
    return (
        len(words) <= _MASTHEAD_MAX_WORDS
        and not re.search(r"[.!?:]$", line)
        and len(following.split()) > len(words) + 2
    )


def _outlet(lines: list[str], masthead: str | None) -> str | None:
    for line in lines[:12]:
        byline = _BYLINE_OUTLET.match(line)
        if byline:
            return byline.group("outlet").strip()
    if masthead:
        return masthead
    for line in reversed(lines[-12:]):
        copyright_line = _COPYRIGHT_OUTLET.match(line)
        if copyright_line:
            return copyright_line.group("outlet").strip()
        if line.lower().startswith("explore more"):
            site = _EXPLORE_AT.search(line)
            if site:
                return site.group("site")
    return None


def _published(text: str) -> str | None:
    head = text[:1500]
    iso = _ISO_DATE.search(head)
    if iso:
        return _iso(int(iso["year"]), int(iso["month"]), int(iso["day"]))
    long_date = _LONG_DATE.search(head)
    if long_date:
        month = _MONTHS.index(long_date["month"].lower()) + 1
        return _iso(int(long_date["year"]), month, int(long_date["day"]))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _strip_markdown(title: str) -> str:
    return re.sub(r"[*_`]+", "", title).strip()


def _shorten(title: str) -> str:
    return title if len(title) <= _MAX_TITLE else title[: _MAX_TITLE - 1].rstrip() + "…"
