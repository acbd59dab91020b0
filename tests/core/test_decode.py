"""Any encoding an editor's files come in is read as the text it is."""

import codecs

import pytest

from factcards.core.decode import DecodeError, decode_bytes

TEXT = "Café owners in Køge said “prices rose 3%” — naïvely, perhaps.\nSecond line.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_text_is_read_in_its_encoding(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_latin1_without_smart_quotes_is_read() -> None:
    text = "Grüße aus Köln: die Fähre fährt um 9 Uhr, sagte der Betreiber.\n"
    assert decode_bytes(text.encode("latin-1")).text == text


def test_utf16_without_bom_is_detected() -> None:
    text = "The ferry carried 12,000 passengers in May, the operator said."
    assert decode_bytes(text.encode("utf-16-le")).text == text


def test_line_endings_become_newlines_and_nul_is_dropped() -> None:
    decoded = decode_bytes(b"one\r\ntwo\rthree\x00\nfour")
    assert decoded.text == "one\ntwo\nthree\nfour"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bytes(range(256)) * 8, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 32)) * 40, "binary"),
        (b"", "no text"),
        (b"  \n\t\n ", "no text"),
    ],
)
def test_what_is_not_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)
