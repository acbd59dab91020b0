"""PDFs: the article's text, read from the PDF's text layer by pdfminer.six.

pdfminer's layout analysis groups characters into lines and lines into text boxes, and
orders the boxes column by column. Each box becomes one paragraph of the stored text;
paragraphs are separated by blank lines. A PDF without a text layer (a scan) is refused
with a message that says to run OCR first; nothing here guesses text from pixels.
"""

import io
import re
import warnings
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from factcards.core.article import ReadArticle, UnreadableArticle

PDF_SUFFIXES = frozenset({".pdf"})
ENCODING = "pdf text layer"

# A PDF may have a little junk before its header; readers look this far for it.
_HEADER_WITHIN = 1024
# A line this much narrower than the page's column ends a line of verse, an address or a
# list, or is a line on its own (byline, dateline), not a line of wrapped prose.
_WRAPPED_SHARE = 0.6
# Lines whose heights differ by more than this share are set in different type sizes.
_SAME_SIZE = 0.15
# Typographic ligatures that PDFs store as one character: "ﬁrst" must match "first".
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
# Glyphs whose font has no map back to characters come out as "(cid:42)".
_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
_MAX_UNMAPPED_SHARE = 0.2
# Titles that PDF writers fill in for the author: a file name, a placeholder.
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled\b.*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|odt|rtf|indd|pdf|txt))$",
    re.IGNORECASE,
)
_NO_TEXT_LAYER = "it has no text layer (a scan?); run OCR first"


def read_pdf(data: bytes) -> ReadArticle:
    """The text of a PDF's text layer, one paragraph per text box, and its title.

    Raises UnreadableArticle, with a plain reason, for a scan, a password-protected or
    damaged PDF, or a file that is not a PDF.
    """
    if b"%PDF-" not in data[:_HEADER_WITHIN]:
        raise UnreadableArticle("it is not a PDF (it does not start like one)")
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        # pdfminer warns about the damage it works around; what matters is whether the
        # text comes out, and the reasons below say so when it does not.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            title, pages = _read(data)
    except PDFPasswordIncorrect as error:
        raise UnreadableArticle(
            "it is protected by a password; save an unprotected copy and import that"
        ) from error
    except PDFEncryptionError as error:
        raise UnreadableArticle(
            "it is encrypted in a way factcards cannot read; save an unprotected copy"
        ) from error
    # A damaged file can trip any of pdfminer's own errors (and some of Python's); one bad
    # file must never stop an import.
    except Exception as error:
        raise UnreadableArticle("it is damaged or not a complete PDF") from error
    if not pages:
        raise UnreadableArticle("it has no pages")
    paragraphs = [paragraph for page in pages for paragraph in page]
    text = "\n\n".join(paragraphs)
    unmapped = sum(len(glyph) for glyph in _UNMAPPED_GLYPH.findall(text))
    if text and unmapped / len(text) > _MAX_UNMAPPED_SHARE:
        raise UnreadableArticle("its fonts do not say which letters they draw; run OCR on it first")
    text = "\n\n".join(
        cleaned for cleaned in (_UNMAPPED_GLYPH.sub("", p).strip() for p in paragraphs) if cleaned
    )
    if not text.strip():
        raise UnreadableArticle(_NO_TEXT_LAYER)
    return ReadArticle(text=text, encoding=ENCODING, title=title)


def _read(data: bytes) -> tuple[str | None, list[list[str]]]:
    """The title from the PDF's metadata, and each page's paragraphs."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    resources = PDFResourceManager(caching=True)
    # all_texts: text inside form XObjects (how some writers place a whole page) counts too.
    device = PDFPageAggregator(resources, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(resources, device)
    pages = []
    for page in PDFPage.create_pages(document):
        interpreter.process_page(page)
        pages.append(_page_paragraphs(device.get_result()))
    return _title(document), pages


def _text_boxes(container: Any) -> Iterator[Any]:
    """The text boxes of a page in pdfminer's reading order, those inside figures too."""
    from pdfminer.layout import LTFigure, LTTextBox

    for item in container:
        if isinstance(item, LTTextBox):
            yield item
        elif isinstance(item, LTFigure):
            yield from _text_boxes(item)


# A line of a text box: its text, width and height (which follows the type size).
_Line = tuple[str, float, float]


def _page_paragraphs(layout: Any) -> list[str]:
    """A page's paragraphs in reading order."""
    runs = [run for box in _text_boxes(layout) for run in _runs(box)]
    # The widest line of each type size is the page's column width for it: a line much
    # narrower than that is a line on its own (a byline, a dateline), not wrapped prose.
    # Where a page mixes widths in one size, lines stay apart, and the sentence splitter
    # still reads a hard-wrapped paragraph as one.
    column: dict[int, float] = defaultdict(float)
    for run in runs:
        for _, width, height in run:
            column[round(height)] = max(column[round(height)], width)
    paragraphs = (_paragraph(run, column[round(run[0][2])]) for run in runs)
    return [paragraph for paragraph in paragraphs if paragraph]


def _runs(box: Any) -> Iterator[list[_Line]]:
    """A box's lines in runs of one type size: a headline set close above its byline is one
    box to pdfminer, but two paragraphs to a reader."""
    from pdfminer.layout import LTTextLine

    run: list[_Line] = []
    for line in box:
        text = _clean(line.get_text()) if isinstance(line, LTTextLine) else ""
        if not text:
            continue
        size = run[-1][2] if run else line.height
        if abs(line.height - size) > _SAME_SIZE * max(line.height, size):
            yield run
            run = []
        run.append((text, line.width, line.height))
    if run:
        yield run


def _paragraph(lines: list[_Line], column_width: float) -> str:
    """Lines of one size as one paragraph: wrapped prose on one line, other lines apart."""
    reference = max(column_width, *(width for _, width, _ in lines))
    if not all(width >= _WRAPPED_SHARE * reference for _, width, _ in lines[:-1]):
        return "\n".join(text for text, _, _ in lines)
    joined = lines[0][0]
    for text, _, _ in lines[1:]:
        # "electric-" + "ferry": the hyphen is kept, since without a dictionary a
        # compound's hyphen cannot be told from a hyphenation's, and no letter is invented.
        joined += text if joined.endswith("-") else " " + text
    return joined


def _clean(line: str) -> str:
    return " ".join(line.translate(_LIGATURES).translate(_INVISIBLE).split())


def _title(document: Any) -> str | None:
    """The title the PDF's metadata gives, unless it is a file name or a placeholder."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in document.info:
        value = resolve1(info.get("Title"))
        if isinstance(value, bytes):
            value = decode_text(value)
        if isinstance(value, str):
            title = _clean(value)
            if title and not _PLACEHOLDER_TITLE.match(title):
                return title
    return None
