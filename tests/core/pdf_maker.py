"""Real PDF files for tests, written byte by byte: no binary fixtures in the repository.

The PDFs follow the PDF 1.4 specification: a catalog, a page tree, one content stream per
page drawing lines of text in Helvetica (a standard font every PDF reader knows, with
WinAnsi encoding, so "€" and curly quotes work), an /Info dictionary with the title, and a
cross-reference table with exact offsets. `encrypt_with` protects the file with the
Standard security handler (revision 2, 40-bit RC4), as old Acrobat versions did, so that
the reader's password check and decryption are exercised for real.
"""

import hashlib
import struct
import zlib
from collections.abc import Sequence

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
LEFT, TOP, LEADING, FONT_SIZE = 56, 780, 15, 11
# Algorithm 2 of the PDF specification pads passwords with these 32 bytes.
_PASSWORD_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
_FILE_ID = bytes.fromhex("5f2a9c0e8d3b47a1b6c4e2f0a1d3c5e7")
_PERMISSIONS = -44  # printing and copying allowed, nothing else


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _padded(password: str) -> bytes:
    return (password.encode("latin-1") + _PASSWORD_PAD)[:32]


class _Security:
    """The Standard security handler, revision 2 (PDF 1.7 spec, algorithms 2, 3 and 4)."""

    def __init__(self, user_password: str, owner_password: str) -> None:
        owner_key = hashlib.md5(_padded(owner_password)).digest()[:5]
        self.owner_entry = _rc4(owner_key, _padded(user_password))
        self.key = hashlib.md5(
            _padded(user_password) + self.owner_entry + struct.pack("<i", _PERMISSIONS) + _FILE_ID
        ).digest()[:5]
        self.user_entry = _rc4(self.key, _PASSWORD_PAD)

    def encrypt(self, number: int, data: bytes) -> bytes:
        object_key = hashlib.md5(self.key + struct.pack("<I", number)[:3] + b"\0\0").digest()
        return _rc4(object_key[:10], data)

    def dictionary(self) -> bytes:
        return (
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + self.owner_entry.hex().encode()
            + b"> /U <"
            + self.user_entry.hex().encode()
            + b"> /P "
            + str(_PERMISSIONS).encode()
            + b" >>"
        )


def _literal(text: str) -> bytes:
    """A PDF string in WinAnsi encoding, with its special characters escaped."""
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


Line = str | tuple[str, int]


def text_page(lines: Sequence[Line]) -> bytes:
    """A content stream that writes the lines down the page; "" leaves a paragraph gap.

    A line is its text, or (text, type size) for a headline.
    """
    ops = [b"BT"]
    y = TOP
    for line in lines:
        text, size = (line, FONT_SIZE) if isinstance(line, str) else line
        if text:
            ops.append(b"/F1 %d Tf 1 0 0 1 %d %d Tm (%s) Tj" % (size, LEFT, y, _literal(text)))
            y -= LEADING * size // FONT_SIZE
        else:
            y -= LEADING // 2 + 4
    ops.append(b"ET")
    return b"\n".join(ops)


def image_page() -> bytes:
    """A content stream that only paints a picture, as a scanner's PDF does."""
    return b"q %d 0 0 %d 0 0 cm /Scan Do Q" % (PAGE_WIDTH, PAGE_HEIGHT)


def make_pdf(
    pages: Sequence[Sequence[Line]] = (),
    *,
    title: str | None = None,
    scanned_pages: int = 0,
    encrypt_with: tuple[str, str] | None = None,
) -> bytes:
    """A PDF with a page of text for each list of lines, then `scanned_pages` image pages.

    `encrypt_with` is (user password, owner password); an empty user password makes a
    file that opens without asking, with the owner's restrictions.
    """
    security = _Security(*encrypt_with) if encrypt_with else None
    contents = [text_page(lines) for lines in pages] + [image_page()] * scanned_pages
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(number: int, data: bytes, extra: bytes = b"") -> bytes:
        packed = zlib.compress(data)
        if security:
            packed = security.encrypt(number, packed)
        return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n%s\nendstream" % (
            len(packed),
            extra,
            packed,
        )

    catalog = add(b"")
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    scan = add(b"")
    # A 64 x 64 grey picture of "ink": what a scanned page is to a PDF reader.
    pixels = bytes((x * y) % 256 for y in range(64) for x in range(64))
    objects[scan - 1] = stream(
        scan,
        pixels,
        b" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8",
    )
    kids = []
    for content in contents:
        content_number = len(objects) + 1
        add(stream(content_number, content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R"
                b" /Resources << /Font << /F1 %d 0 R >> /XObject << /Scan %d 0 R >> >> >>"
                % (tree, PAGE_WIDTH, PAGE_HEIGHT, content_number, font, scan)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info = add(b"")
    title_bytes = _literal(title or "")
    if security:
        title_bytes = (
            b"<"
            + security.encrypt(info, title.encode("cp1252") if title else b"").hex().encode()
            + b">"
        )
    else:
        title_bytes = b"(" + title_bytes + b")"
    objects[info - 1] = (
        b"<< /Title %s /Producer (factcards tests) >>" % title_bytes if title else b"<< >>"
    )
    encrypt = add(security.dictionary()) if security else None

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]" % (
        len(objects) + 1,
        catalog,
        info,
        _FILE_ID.hex().encode(),
        _FILE_ID.hex().encode(),
    )
    if encrypt:
        trailer += b" /Encrypt %d 0 R" % encrypt
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
