"""Ingest: an article file, or pasted text, becomes a source (text, title, outlet, date,
content hash).

`read_source` is the one entry point; it picks the reader by the file's suffix. For a text
file the stored text is the decoded file with normalised line endings, kept whole
(furniture included, so the source reads as it was saved); for a web page or a PDF it is
the article's text as its reader (html_source, pdf_source) gives it. Every quote offset
refers to the stored text.
"""

import errno
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from factcards.core.article import ReadArticle, UnreadableArticle
from factcards.core.decode import DecodeError, clean_text, decode_bytes
from factcards.core.furniture import is_furniture
from factcards.core.html_source import HTML_SUFFIXES, read_html
from factcards.core.pdf_source import PDF_SUFFIXES, read_pdf
from factcards_db import NewSource

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
# What `path` says of a source made from pasted text (it has no file).
PASTED_PATH = "(pasted text)"
PASTED_ENCODING = "pasted"
# Larger files are refused: they are not articles, and would make the window sluggish.
# A saved web page or a PDF carries markup, fonts and pictures around its text, so it may
# be large; a text file is all text. The longest news articles are under 100,000
# characters; 1,000,000 (a long book) takes about 20 s to import.
MAX_BYTES = 64 * 1024 * 1024
MAX_TEXT_FILE_BYTES = 4 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
# A file modified this recently may still be being written: it is read twice and the two
# readings compared. Each reading is retried this many times before giving up.
_SETTLED_SECONDS = 2.0
_READ_ATTEMPTS = 3
_RETRY_PAUSE_SECONDS = 0.1
# A .txt that is a whole web page (saved by a browser under the wrong name).
_HTML_DOCUMENT = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
# What must not reach a terminal or a one-line label from a file name: control characters
# (a newline, an escape sequence) and undecodable bytes (surrogates on Linux).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_MAX_TITLE = 200

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$", re.MULTILINE)
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_NAME = r"[A-Z][\w&.’'-]*(?:\s+[A-Z&][\w&.’'-]*){0,3}"
_SEPARATOR = r"\s*[·|—–]\s*"
# "Tickerwell · Aerospace & Defence · March 10" or "MERIDIAN WIRE | Business Desk".
_MASTHEAD_LINE = re.compile(rf"^(?P<outlet>(?:The\s+|THE\s+)?{_NAME}){_SEPARATOR}\S")
_BYLINE_OUTLET = re.compile(
    r"^\s*(?:posted\s+)?by\s+[^,|/·]{2,60}?\s*[,|/·]\s*(?P<outlet>[A-Z][^,|·]{1,60}?)\s*$",
    re.IGNORECASE,
)
# "By CoastWatch Staff", "Posted by SkyDebrief Desk": the outlet writing as itself.
_BYLINE_DESK = re.compile(
    rf"^\s*(?:posted\s+)?by\s+(?P<outlet>{_NAME}?)\s+(?:staff|desk|team|newsroom|editors)\b",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|desk|\d{4})\b|^by\b",
    re.IGNORECASE,
)
_COPYRIGHT_OUTLET = re.compile(
    r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*)?(?P<outlet>[^.©|–—]{2,60}?)"
    r"\s*(?:[.|–—]|all rights reserved|$)",
    re.IGNORECASE,
)
_EXPLORE_AT = re.compile(r"\bat\s+(?P<site>[\w-]+(?:\.[\w-]+)+)\.?\s*$", re.IGNORECASE)
_MONTH_NAMES = (
    "january february march april may june july august september october november december"
)
_MONTHS = _MONTH_NAMES.split()
_LONG_DATE = re.compile(
    r"\b(?P<month>" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(?P<day>\d{1,2}),?\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_MASTHEAD_MAX_WORDS = 4
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’]$")


class IngestError(ValueError):
    """A file that cannot become a source; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class ArticleHeader:
    """What an article says about itself near its top and bottom."""

    title: str
    outlet: str | None
    published: str | None


def read_source(path: Path, shown_path: str | None = None) -> NewSource:
    """Read one article file (text, markdown, web page or PDF, by its suffix).

    A .txt file that holds a whole web page is read as one. Raises IngestError with a
    plain reason when it cannot be read.
    """
    suffix = path.suffix.lower()
    text_file = suffix in TEXT_SUFFIXES
    data = read_file(path, MAX_TEXT_FILE_BYTES if text_file else MAX_BYTES)
    try:
        if suffix in HTML_SUFFIXES:
            article = read_html(data)
        elif suffix in PDF_SUFFIXES:
            article = read_pdf(data)
        else:
            decoded = decode_bytes(data)
            if suffix in (".txt", ".text") and _HTML_DOCUMENT.match(decoded.text[:4096]):
                article = read_html(data)
            else:
                article = ReadArticle(decoded.text, decoded.encoding)
    except (DecodeError, UnreadableArticle) as error:
        raise IngestError(str(error)) from error
    if len(article.text) > MAX_TEXT_CHARS:
        raise IngestError(
            f"its text is {len(article.text):,} characters long, more than factcards takes "
            f"in one article ({MAX_TEXT_CHARS:,}); split it into articles first"
        )
    return _new_source(
        article,
        shown_path or display_name(path),
        display_name(path.stem),
        markdown=suffix in MARKDOWN_SUFFIXES,
    )


def read_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, read whole and unchanging.

    Never blocks on a pipe or device, never reads more than `limit` + 1 bytes, and never
    returns a file caught half-way through being rewritten: a file that changes while it
    is read (or was changed in the last two seconds and reads differently twice) is read
    again, and refused when it keeps changing. Raises IngestError with the reason.
    """
    for attempt in range(_READ_ATTEMPTS):
        if attempt:
            time.sleep(_RETRY_PAUSE_SECONDS)
        data = _read_once(path, limit)
        if data is not None:
            return data
    raise IngestError(
        "it kept changing while it was being read (is it still being saved or downloaded?); "
        "import it again once it is complete"
    )


def _read_once(path: Path, limit: int) -> bytes | None:
    """One reading of the file, or None when it changed while being read."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer that never comes.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise IngestError(unreadable_reason(path, error)) from error
    with os.fdopen(descriptor, "rb") as file:
        before = os.fstat(descriptor)
        if stat.S_ISDIR(before.st_mode):
            raise IngestError("it is a folder, not a file")
        if not stat.S_ISREG(before.st_mode):
            raise IngestError("it is not a regular file (a pipe, socket or device)")
        _check_size(before.st_size, limit)
        try:
            data = file.read(limit + 1)
            second = None
            if time.time() - before.st_mtime < _SETTLED_SECONDS:
                file.seek(0)
                second = file.read(limit + 1)
        except OSError as error:
            raise IngestError(unreadable_reason(path, error)) from error
        after = os.fstat(descriptor)
    _check_size(len(data), limit)
    changed = (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns)
    if changed or len(data) != after.st_size or (second is not None and second != data):
        return None
    return data


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        kind = "text" if limit == MAX_TEXT_FILE_BYTES else "article"
        raise IngestError(
            f"it is {_megabytes(size)}, larger than any article (factcards takes {kind} files "
            f"up to {_megabytes(limit)}); split it into articles first"
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def unreadable_reason(path: Path, error: OSError) -> str:
    """Why a file cannot be opened or read, in words ("it cannot be read: …")."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "it cannot be read: you do not have permission to read it"
    if error.errno == errno.ELOOP:
        return "it cannot be read: it is a link that leads round in a loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        target = display_name(os.readlink(path))
        return f"it cannot be read: it is a link to {target}, which is not there"
    if error.errno == errno.ENOENT:
        return "it cannot be read: there is no such file"
    if error.errno == errno.EISDIR:
        return "it is a folder, not a file"
    return f"it cannot be read ({error.strerror or error})"


def display_name(path: Path | str) -> str:
    """A file's name or path as one printable line: control characters (a newline, a
    terminal escape) are shown escaped and bytes that are not text as "\ufffd"."""

    def shown(found: re.Match[str]) -> str:
        char = found.group()
        if "\ud800" <= char <= "\udfff":
            return "\ufffd"
        escape = f"\\x{ord(char):02x}" if char <= "\xff" else f"\\u{ord(char):04x}"
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, escape)

    return _UNPRINTABLE.sub(shown, str(path))


def source_from_text(text: str, title: str | None = None) -> NewSource:
    """A source made from pasted text (Edit ▸ Paste as new source).

    The title is `title` when given, else the text's first line (as for a text file, a
    markdown heading, breadcrumb trail or masthead is read as such). Raises IngestError
    when the text is blank.
    """
    text = clean_text(text)
    if not text.strip():
        raise IngestError("the pasted text is empty")
    article = ReadArticle(text, PASTED_ENCODING, title=" ".join((title or "").split()) or None)
    return _new_source(article, PASTED_PATH, "Pasted text", markdown=text.lstrip().startswith("#"))


def _new_source(
    article: ReadArticle, shown_path: str, fallback_title: str, *, markdown: bool
) -> NewSource:
    """The source to store: what the file's metadata says first, then what its text says."""
    header = read_header(article.text, markdown=markdown)
    return NewSource(
        path=shown_path,
        title=_shorten(article.title) if article.title else header.title or fallback_title,
        outlet=article.outlet or header.outlet,
        published=article.published or header.published,
        sha256=content_hash(article.text),
        text=article.text,
        encoding=article.encoding,
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
    """The headline, and the masthead line above it when there is one."""
    candidates = [line for line in lines if not is_furniture(line)]
    if markdown:
        heading = _MARKDOWN_HEADING.search(text)
        if heading:
            first = candidates[0] if candidates else ""
            masthead = first if first != heading.group(0).strip() and _is_short(first) else None
            return heading.group("title"), masthead
        if len(lines) > 1 and _SETEXT_UNDERLINE.match(lines[1]):
            return lines[0], None
    if not candidates:
        return "", None
    first = candidates[0]
    if len(candidates) > 1:
        following = candidates[1]
        # A breadcrumb trail ends with the headline that follows it.
        if first != following and first.endswith(following):
            return following, None
        # A masthead is a short name above a headline (which, unlike prose, has no full stop).
        if _is_short(first) and not _ENDS_SENTENCE.search(following):
            return following, first
    return first, None


def _is_short(line: str) -> bool:
    return 0 < len(line.split()) <= _MASTHEAD_MAX_WORDS and not _ENDS_SENTENCE.search(line)


def _outlet(lines: list[str], masthead: str | None) -> str | None:
    """The outlet, from the likeliest cue first: masthead, byline, copyright, web address."""
    head, tail = lines[:6], lines[-6:]
    for line in head:
        flagged = _MASTHEAD_LINE.match(line)
        if flagged and not _ROLE_WORDS.search(flagged.group("outlet")):
            return _outlet_name(flagged.group("outlet"))
    if masthead:
        return _outlet_name(masthead)
    for line in head:
        byline = _BYLINE_OUTLET.match(line)
        if byline and not _ROLE_WORDS.search(byline.group("outlet")):
            return _outlet_name(byline.group("outlet"))
        desk = _BYLINE_DESK.match(line)
        if desk:
            return _outlet_name(desk.group("outlet"))
    for line in reversed(tail):
        copyright_line = _COPYRIGHT_OUTLET.match(line)
        if copyright_line:
            return _outlet_name(copyright_line.group("outlet"))
    for line in reversed(tail):
        site = _EXPLORE_AT.search(line) if line.lower().startswith("explore more") else None
        if site:
            return site.group("site")
    return None


def _outlet_name(name: str) -> str:
    name = name.strip(" .,")
    # "MERIDIAN WIRE" reads better as "Meridian Wire"; a lone acronym ("HBN") stays.
    if name.isupper() and " " in name:
        return name.title()
    return name


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
