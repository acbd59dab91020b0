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
from syntok.tokenizer import Token, Tokenizer

# A wrapped paragraph's lines are of similar, moderate length and mostly do not end a
# sentence; a saved web page's lines are whole paragraphs of any length.
_WRAP_MAX_LINE = 100
_WRAP_MIN_LINE = 50
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")

# syntok's tokens are runs of anything but its spaces (Unicode White_Space and the zero
# width space), each cut further where punctuation, an apostrophe or a change of case
# lies inside. A run of ASCII letters and digits with no lower case letter before a
# capital is one token as it stands: most of a text's words, made here directly (syntok
# reads each through a dozen steps in Python); the rest are tokenized by syntok.
_NOT_SPACE = re.compile(
    "[^\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u200b]+"
)
_PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")
_CASE_CHANGE = re.compile(r"[a-z][A-Z]")
_TOKENIZER = Tokenizer(replace_not_contraction=False)  # as syntok's segmenter.analyze


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
    # What segmenter.analyze(piece) does, with tokens made by _tokens.
    for offset, paragraph in segmenter.preprocess_with_offsets(piece):
        for sentence in segmenter.segment(_tokens(paragraph, offset)):
            first, last = sentence[0], sentence[-1]
            start = block.start + first.offset
            end = block.start + last.offset + len(last.value)
            if start < end:
                yield Span(start, end)


def _tokens(text: str, offset: int = 0) -> Iterator[Token]:
    """syntok's tokens of a text whose first letter is at `offset` (the tokens, spacing
    and offsets `Tokenizer(replace_not_contraction=False).tokenize` gives), plain words
    made directly."""
    end = 0
    for run in _NOT_SPACE.finditer(text):
        start, word = run.start(), run.group(0)
        if _PLAIN_WORD.fullmatch(word) and not _CASE_CHANGE.search(word):
            yield Token(text[end:start], word, offset + start)
        else:
            # syntok cuts a run without looking outside it; the first token takes the
            # space before the run.
            tokens = _TOKENIZER.tokenize(word)
            first = next(tokens)
            yield Token(text[end:start], first.value, offset + start + first.offset)
            for token in tokens:
                token.update(offset + start)
                yield token
        end = run.end()
    if end < len(text):
        yield Token(text[end:], "", offset + len(text))


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
