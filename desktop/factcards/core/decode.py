"""The one place that turns a file's bytes into text.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read directly; anything else is
detected by charset-normalizer. Line endings become "\\n" and NUL characters are dropped,
so the stored text, which every quote offset refers to, is clean and stable.
"""

import codecs
from dataclasses import dataclass

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte code pages for Latin script that charset-normalizer cannot tell apart on a
# short article; among them Windows-1252 is by far the commonest for news copy.
_LATIN_CODEPAGES = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp437",
        "cp775",
        "cp850",
        "latin_1",
        "iso8859_15",
        "iso8859_2",
        "iso8859_9",
        "mac_iceland",
        "mac_latin2",
        "mac_roman",
        "mac_turkish",
    }
)
# Share of control characters above which bytes are taken for a binary file.
_MAX_CONTROL_SHARE = 0.02


class DecodeError(ValueError):
    """The bytes are not text factcards can read; the message says why, in plain words."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text ready to store, and the encoding it was read from."""

    text: str
    encoding: str


def decode_bytes(data: bytes, declared: str | None = None) -> DecodedText:
    """Decode an article's bytes, normalising line endings; raise DecodeError if binary.

    `declared` is the encoding the file names for itself (a web page's charset); it is
    trusted after a byte-order mark and before any guess, when the bytes agree with it.
    """
    text, encoding = _decode(data, declared)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = sum(1 for char in text if char < " " and char not in "\n\t\f\v")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("it looks like a binary file, not text")
    if not text.strip():
        raise DecodeError("it holds no text")
    return DecodedText(text, encoding)


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError as error:
                raise DecodeError(
                    f"it starts like {encoding} but is not ({error.reason})"
                ) from error
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: the bytes are read as if none were given
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("it looks like a binary file, not text")
    # Windows-1252 wins ties with its Latin neighbours, and Latin guesses with no language
    # evidence at all: it is what most Western newsrooms' non-UTF-8 files are.
    tied = [m.encoding for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    if "cp1252" in tied or (best.encoding in _LATIN_CODEPAGES and best.coherence == 0):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding
