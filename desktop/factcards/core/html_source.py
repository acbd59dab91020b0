"""Saved web pages: the article's main text and its metadata, found by trafilatura.

Menus, cookie banners, share buttons, related links, comments, footers, scripts and styles
are left out. The stored text is plain text: one block per paragraph, heading, list item
or table row, blocks separated by blank lines. It is built from the text nodes of
trafilatura's own tree of the article, never from the page's markup, so no tag, script or
event handler of the page can reach it.
"""

import html
import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from factcards.core.article import ReadArticle, UnreadableArticle
from factcards.core.decode import decode_bytes

if TYPE_CHECKING:
    from trafilatura.settings import Document

HTML_SUFFIXES = frozenset({".html", ".htm"})

# Browsers look for the charset in the first 1024 bytes; pages saved by them say it there.
_PRESCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# The WHATWG encoding standard reads all of these labels as Windows-1252, as browsers do.
_WINDOWS_1252_LABELS = frozenset(
    "ascii us-ascii iso-8859-1 iso8859-1 iso_8859-1 latin1 latin-1 l1 cp819 ibm819".split()
)
_TITLE_TAG = re.compile(r"<title[^>]*>(?P<title>.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
# "Headline | Outlet", "Headline – Outlet", "Outlet :: Headline".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•:-]|::)\s+")
# Invisible characters that only steer line breaking; in stored text they would hide inside
# words and make two identical sentences differ.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# trafilatura's tree: elements that are blocks of their own, and those whose text is none.
_BLOCK_TAGS = frozenset(
    "doc body main p head item list quote table row cell code div fw note".split()
)
_SKIPPED_TAGS = frozenset({"graphic"})


def read_html(data: bytes) -> ReadArticle:
    """The main text of a saved web page, with its title, site name, author and date.

    Raises UnreadableArticle when no article text is found, DecodeError when the bytes
    are not text.
    """
    decoded = decode_bytes(data, declared=declared_charset(data))
    document = _extract(decoded.text)
    if document is None:
        raise UnreadableArticle("no article text was found in the page")
    blocks = [block for block in map(_clean, _blocks(document.body)) if block]
    if not blocks:
        raise UnreadableArticle("no article text was found in the page")
    title = _one_line(document.title or "") or blocks[0].split("\n")[0]
    outlet = _site_name(document.sitename) or _outlet_from_title_tag(decoded.text, title)
    if outlet is None and document.hostname:
        outlet = document.hostname.removeprefix("www.")
    # The headline leads, then the byline, then the article, as in a saved text article.
    # NewSource has no author field, so the author is kept where a reader looks for one.
    if not _same(blocks[0], title):
        blocks.insert(0, title)
    byline = _byline(document.author)
    if byline and not any(_words(document.author or "") <= _words(b) for b in blocks[:3]):
        blocks.insert(1, byline)
    return ReadArticle(
        text="\n\n".join(blocks),
        encoding=decoded.encoding,
        title=title,
        outlet=outlet,
        published=_iso_date(document.date),
    )


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its `<meta charset>`, as a browser would read it."""
    found = _META_CHARSET.search(data[:_PRESCAN_BYTES])
    if not found:
        return None
    label = found.group(1).decode("ascii", "replace").lower()
    return "cp1252" if label in _WINDOWS_1252_LABELS else label


def _extract(page: str) -> "Document | None":
    """trafilatura's document for the page, or None; a second, looser pass for short pages."""
    import trafilatura  # loaded on the first web page: it takes a quarter of a second
    from trafilatura.settings import Document

    for favor_recall in (False, True):
        try:
            document = trafilatura.bare_extraction(
                page,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                favor_recall=favor_recall,
                with_metadata=True,
            )
        # A hostile or damaged page can trip any of lxml's or trafilatura's own errors; one
        # bad file must never stop an import.
        except Exception as error:
            raise UnreadableArticle("the page cannot be read as HTML") from error
        if isinstance(document, Document) and document.body is not None and len(document.body):
            return document
    return None


def _blocks(element: Any) -> Iterator[str]:
    """The text of each block under an element of trafilatura's tree, in reading order."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED_TAGS:
        return
    if tag == "row":
        # One line per table row, cells apart by tabs: a row reads as one record.
        cells = (" ".join(_inline(cell).split()) for cell in element)
        yield "\t".join(cell for cell in cells if cell)
        return
    if not any(child.tag in _BLOCK_TAGS for child in element):
        yield _inline(element)
        return
    if element.text:
        yield element.text
    for child in element:
        if child.tag in _BLOCK_TAGS:
            yield from _blocks(child)
        else:
            yield _inline(child)
        if child.tail:
            yield child.tail


def _inline(element: Any) -> str:
    """All the text inside an element; line breaks (`<lb/>`) become newlines."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag and tag not in _SKIPPED_TAGS and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return "".join(parts)


def _clean(block: str) -> str:
    """A block with its spaces collapsed, its empty lines gone and invisible characters out."""
    lines = (" ".join(line.translate(_INVISIBLE).split()) for line in block.split("\n"))
    return "\n".join(line for line in lines if line)


def _one_line(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())


def _same(a: str, b: str) -> bool:
    return _one_line(a).casefold() == _one_line(b).casefold()


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _site_name(name: str | None) -> str | None:
    """The site name as a reader would write it ("@harbourgazette" is a handle, not one)."""
    name = _one_line(name or "").strip(" .,|")
    if not name or name.startswith("@"):
        return None
    return name


def _outlet_from_title_tag(page: str, title: str) -> str | None:
    """ "The Courier" from `<title>Headline – The Courier</title>`, when the headline is known."""
    tag = _TITLE_TAG.search(page)
    if not tag:
        return None
    parts = _TITLE_SEPARATOR.split(_one_line(html.unescape(tag.group("title"))))
    if len(parts) < 2:
        return None
    if _same(parts[0], title) or _same(" ".join(parts[:-1]), title):
        return parts[-1] or None
    if _same(parts[-1], title):
        return parts[0] or None
    return None


def _byline(author: str | None) -> str | None:
    """ "By Ann Lowe, Sam Reed" from trafilatura's "Ann Lowe; Sam Reed"."""
    names = [_one_line(name) for name in (author or "").split(";")]
    names = [name for name in names if name]
    return "By " + ", ".join(names) if names else None


def _iso_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from trafilatura's date, or None when it is not one."""
    try:
        return date.fromisoformat((value or "")[:10]).isoformat()
    except ValueError:
        return None
