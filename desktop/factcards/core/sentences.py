"""The one place that splits text into blocks and sentences, with exact offsets.

A block is a run of text that belongs together: one line of a saved web article (where
every paragraph and heading is a line), or a paragraph of hard-wrapped prose. Sentences
come from syntok, which keeps "Inc.", "Corp.", "U.S." and initials inside a sentence.
Every span is a pair of offsets into the text it came from; `text[start:end]` is exact.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from syntok import segmenter

# A wrapped paragraph's lines are of similar, moderate length and mostly do not end a
# sentence; a saved web page's lines are whole paragraphs of any length.
_WRAP_MAX_LINE = 100
_WRAP_MIN_LINE = 50
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text by its offsets: `text[start:end]`."""

    start: int
    end: int


def blocks(text: str) -> Iterator[Span]:
    """Split text into blocks: lines, or paragraphs of hard-wrapped lines."""
    for paragraph in _paragraphs(text):
        lines = list(_lines(text, paragraph))
        if _is_hard_wrapped(text, lines):
            yield paragraph
        else:
            yield from lines


def sentences(text: str, block: Span) -> Iterator[Span]:
    """The sentences of one block, as spans of `text` trimmed of surrounding space."""
    piece = text[block.start : block.end]
    for paragraph in segmenter.analyze(piece):
        for sentence in paragraph:
            first, last = sentence[0], sentence[-1]
            start = block.start + first.offset
            end = block.start + last.offset + len(last.value)
            if start < end:
                yield Span(start, end)


def _paragraphs(text: str) -> Iterator[Span]:
    start = 0
    for gap in re.finditer(r"\n[ \t\f\v]*\n\s*", text):
        yield from _trimmed(text, start, gap.start())
        start = gap.end()
    yield from _trimmed(text, start, len(text))


def _lines(text: str, paragraph: Span) -> Iterator[Span]:
    start = paragraph.start
    while start < paragraph.end:
        newline = text.find("\n", start, paragraph.end)
        end = paragraph.end if newline < 0 else newline
        yield from _trimmed(text, start, end)
        start = end + 1


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield Span(start, end)


def _is_hard_wrapped(text: str, lines: list[Span]) -> bool:
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(not _WRAP_MIN_LINE <= line.end - line.start <= _WRAP_MAX_LINE for line in body):
        return False
    ends = sum(1 for line in body if _SENTENCE_END.search(text[line.start : line.end]))
    return ends * 2 < len(body)
