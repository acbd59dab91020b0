"""What a format reader (web page, PDF) hands to ingest: an article's text and what the
file says about it. Ingest turns it into a source; the readers never see the store.
"""

from dataclasses import dataclass


class UnreadableArticle(ValueError):
    """A file that holds no article factcards can read; the message says why in plain words.

    The message completes "cannot import FILE: …", e.g. "it has no text layer (a scan?);
    run OCR first".
    """


@dataclass(frozen=True, slots=True)
class ReadArticle:
    """An article's text as it will be stored, with the metadata its file gave.

    `text` is plain text, paragraphs separated by blank lines; every quote offset will
    refer to it. `encoding` says what the text was read from ("utf-8", "pdf text layer").
    """

    text: str
    encoding: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
