"""The one place that turns a file's bytes into text.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read directly; anything else is
detected by charset-normalizer. Line endings become "\\n", so the stored text, which every
quote offset refers to, is clean and stable. Every other character is kept exactly as the
file has it (right-to-left scripts, CJK, emoji, the joiners emoji and Indic scripts need),
except characters that are invisible yet change what a reader sees or a search finds:

- NUL, which no article contains and which ends strings in other programs;
- bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
  can show a sentence in an order other than the one it is written in ("Trojan Source");
- zero-width spaces, word joiners, soft hyphens and stray byte-order marks, which hide
  inside words so that "resigned" no longer matches "resigned".

A UTF-8 file with a few bytes that are not UTF-8 (a cut-off character, a pasted byte) is
read as UTF-8 with each bad byte shown as "\ufffd", rather than as some other encoding
that would garble every accent.
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
# Code pages no newsroom file of this century is in (DOS, EBCDIC, classic Mac OS), which
# charset-normalizer would otherwise pick for Windows-1252 text with curly quotes
# ("“approved” – by" read as cp775 is "ōapprovedö ó by").
_OBSOLETE_CODEPAGES = frozenset(
    "cp037 cp273 cp424 cp437 cp500 cp720 cp737 cp775 cp850 cp852 cp855 cp856 cp857 cp858 "
    "cp860 cp861 cp862 cp863 cp864 cp865 cp866 cp869 cp875 cp1006 cp1026 cp1125 cp1140 "
    "mac_cyrillic mac_greek mac_iceland mac_latin2 mac_roman mac_turkish".split()
)
# Share of control characters above which bytes are taken for a binary file.
_MAX_CONTROL_SHARE = 0.02
# Invisible characters dropped from stored text (see the module's docstring).
_INVISIBLE = dict.fromkeys(
    map(ord, "\x00\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\u00ad\ufeff")
)
# A file read as UTF-8 despite bad bytes: at most one bad byte in this many characters,
# and no more bad bytes than well-formed multi-byte characters (evidence it is UTF-8).
_UTF8_DAMAGE_RATIO = 200


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
    text = clean_text(text)
    controls = sum(1 for char in text if char < " " and char not in "\n\t\f\v")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("it looks like a binary file, not text")
    if not text.strip():
        raise DecodeError("it holds no text")
    return DecodedText(text, encoding)


def clean_text(text: str) -> str:
    """Text as factcards stores it: "\\n" line endings, the invisible characters listed
    above dropped, every other character kept."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)


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
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _utf16_without_bom(data) or (text, "utf-8")
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    matches = charset_normalizer.from_bytes(data, cp_exclusion=list(_OBSOLETE_CODEPAGES))
    best = matches.best()
    if best is None:
        raise DecodeError("it looks like a binary file, not text")
    # Windows-1252 wins ties with its Latin neighbours, and Latin guesses with no language
    # evidence at all: it is what most Western newsrooms' non-UTF-8 files are. It also names
    # a Latin guess that reads the bytes exactly as Windows-1252 does.
    tied = [m.encoding for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    latin = best.encoding in _LATIN_CODEPAGES
    if "cp1252" in tied or latin:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if "cp1252" in tied or best.coherence == 0 or text == str(best):
                return text, "cp1252"
    return str(best), best.encoding


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text of Latin letters, saved without a BOM, is also valid UTF-8 with a NUL
    after (or before) every letter; read it as the UTF-16 it is."""
    if len(data) < 4 or len(data) % 2 or data.count(0) < len(data) // 3:
        return None
    for encoding, nuls in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if nuls.count(0) >= len(nuls) * 0.9:
            try:
                return data.decode(encoding), encoding.replace("-", "_")
            except UnicodeDecodeError:
                return None
    return None


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bad bytes, each replaced by U+FFFD; None when it is not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for char in text if char > "\x7f" and char != "\ufffd")
    if 0 < bad <= min(wide, len(text) // _UTF8_DAMAGE_RATIO + 1):
        word = "byte" if bad == 1 else "bytes"
        return text, f"utf-8 ({bad} bad {word} replaced)"
    return None
