"""A folder of hostile input, made on demand: every kind of file an import must survive.

    make_hostile_corpus(folder) -> list[Case]

Each `Case` is one kind of bad (or merely odd) input, the file that holds it, and what
factcards should do with it: import it, or report it in one line with the reason. The
files are generated here, never committed: empty and whitespace-only files, binary and
compressed data, NUL bytes, bad UTF-8, UTF-16 and UTF-32 with and without byte-order
marks, Latin-1 and Windows-1252, mixed line endings, a 50 MB file, a 5 MB line, 3 MB of
text, a long line, zero-width and bidirectional control characters, right-to-left, CJK and
emoji text, HTML saved as .txt, markdown full of raw HTML and script, names with spaces,
accents, newlines, terminal escapes and bytes that are not UTF-8, a file nobody may read,
a broken link, a link loop, a folder named like a file, a link back to its own folder, a
named pipe, a file rewritten while it is read, and files that are not articles at all.

bench/robustness.py imports the corpus and prints a table; tests/robustness holds every
outcome to what `Case.expect` says.
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcards.core.ingest import display_name

IMPORTED = frozenset({"imported"})
FAILED = frozenset({"failed"})
SKIPPED = frozenset({"skipped"})
DUPLICATE = frozenset({"duplicate"})


@dataclass(frozen=True, slots=True)
class Case:
    """One kind of input: its file (relative to the corpus folder) and what should happen.

    `expect` holds the outcomes that are right (two for a file rewritten while it is
    read: a whole version of it imported, or refused as changing); `reason` is a phrase
    the report must give when the file is not imported.
    """

    kind: str
    name: str
    expect: frozenset[str]
    reason: str = ""

    def shown_path(self, folder: Path) -> str:
        """The file's path as an import report shows it."""
        return display_name(str(folder / self.name))


def article(number: int, title: str = "Council approves the ferry yard") -> str:
    """A short, distinct news article with claims in it (`number` makes it unique)."""
    return (
        f"{title}\n"
        "By Ann Lowe, The Harbour Gazette\n\n"
        f"The Port Ellis council approved a €{number} million ferry yard on Tuesday by seven "
        "votes to two, the mayor said.\n"
        f"The yard will employ {number * 3} people and open in the spring of 2027, "
        "according to the council.\n"
        "Skerrow Electric Ferries said it would build four vessels there.\n"
    )


# A page as a browser saves it, under a .txt name.
_HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferry yard vote | The Harbour Gazette</title>
<script>document.write('tracking')</script></head>
<body><nav>Home | News | Sport</nav>
<article><h1>Ferry yard vote</h1>
<p>The Port Ellis council approved a €31 million ferry yard on Tuesday by seven votes to
two, the mayor said.</p>
<p>The yard will employ 93 people and open in the spring of 2027, according to the
council.</p></article>
<footer>© 2026 The Harbour Gazette</footer></body></html>
"""
_SCRIPTED_MARKDOWN = """# Ferry yard approved

<script>alert('markdown')</script>
<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a>
<iframe src="https://evil.example"></iframe>

The Port Ellis council approved a €32 million ferry yard on Tuesday <b onclick="x()">by
seven votes to two</b>, the mayor said.
=HYPERLINK("http://evil.example","The yard") will employ 96 people, the council said.
"""
_RIGHT_TO_LEFT = (
    "وافق مجلس مدينة بورت إليس يوم الثلاثاء على بناء حوض للعبارات بقيمة 33 مليون يورو، "
    "حسبما قال رئيس البلدية.\n"
    "מועצת העיר אישרה ביום שלישי מספנה חדשה בעלות של 33 מיליון אירו, כך אמר ראש העיר.\n"
    "The Port Ellis council approved a €33 million ferry yard on Tuesday, the mayor said.\n"
)
_CJK = (
    "波特埃利斯市议会周二以七票对两票批准了一座耗资3400万欧元的渡轮造船厂，市长说。\n"
    "ポートエリス市議会は火曜日、3400万ユーロのフェリー造船所を承認したと市長が述べた。\n"
    "포트엘리스 시의회는 화요일 3400만 유로 규모의 페리 조선소를 승인했다고 시장이 말했다.\n"
)
_EMOJI = (
    "Ferry yard approved 🎉🚢\n\n"
    "The Port Ellis council 👩🏽‍⚖️ approved a €35 million ferry yard on Tuesday by seven "
    "votes to two, the mayor said 👍🏽.\n"
    "Families 👨‍👩‍👧‍👦 in the harbour district welcomed the 105 jobs, the council said 🇬🇧.\n"
)
_ZERO_WIDTH = (
    "Ferry yard approved\n\n"
    "The Port Ellis council appro\u200bved a €36 million ferry\u2060 yard on Tues\u00adday by "
    "seven votes to two, the mayor\ufeff said.\n"
    "The yard will employ 108 people (👩\u200d🔧 welders among them), the council said.\n"
)
_BIDI = (
    "Ferry yard approved\n\n"
    "The Port Ellis council approved a \u202e€37 million\u202c ferry yard on Tuesday, "
    "the mayor said.\n"
    "The yard will employ \u2067111\u2069 people \u202bfrom 2027\u202c, the council said.\n"
)
_CONTROLS = (
    "Ferry yard approved\n\n\f"
    "The Port Ellis council approved a €38 million ferry yard on Tuesday by seven votes to "
    "two, the mayor said. \x1b[31mThe yard will employ 114 people\x1b[0m, the council said.\n"
    + "The vote followed a two-hour debate in the town hall, officials said.\n"
    * 4
)


def make_hostile_corpus(folder: Path) -> list[Case]:
    """Write the hostile corpus into `folder` (created) and return its cases."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(6)
    cases: list[Case] = []

    def add(
        kind: str, name: str, data: bytes | str, expect: frozenset[str], reason: str = ""
    ) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        (folder / name).write_bytes(raw)
        cases.append(Case(kind, name, expect, reason))

    # Nothing, or nothing that is text.
    add("empty file", "empty.txt", b"", FAILED, "holds no text")
    add("whitespace only", "whitespace.txt", b"  \n\t \r\n   \n", FAILED, "holds no text")
    binary = b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4096))
    add("binary (a PNG named .txt)", "binary.txt", binary, FAILED, "binary")
    add(
        "gzip data named .txt",
        "compressed.txt",
        gzip.compress(article(1).encode() * 20),
        FAILED,
        "binary",
    )
    # Text in every encoding and with every damage an editor's files come with.
    add(
        "NUL bytes", "nul-bytes.txt", article(11).encode().replace(b" the ", b" the\x00 "), IMPORTED
    )
    add(
        "invalid UTF-8 (a stray byte)",
        "invalid-utf8.txt",
        article(12).encode().replace(b"ferry", b"fe\xffrry", 1),
        IMPORTED,
    )
    cut = "Café owners: " + article(13)
    add(
        "UTF-8 cut inside a character",
        "cut-utf8.txt",
        cut.encode()[:-1] + "é".encode()[:1],
        IMPORTED,
    )
    add("UTF-8 with a BOM", "utf8-bom.txt", codecs.BOM_UTF8 + article(14).encode(), IMPORTED)
    add("UTF-16 with a BOM", "utf16-bom.txt", article(15).encode("utf-16"), IMPORTED)
    add(
        "UTF-16 (LE) without a BOM", "utf16le-no-bom.txt", article(16).encode("utf-16-le"), IMPORTED
    )
    add(
        "UTF-16 (BE) without a BOM", "utf16be-no-bom.txt", article(17).encode("utf-16-be"), IMPORTED
    )
    add("UTF-32", "utf32.txt", article(18).encode("utf-32"), IMPORTED)
    latin = (
        "Fähre für Köln\n\nDie Stadt genehmigte am Dienstag eine Werft für 19 Millionen Euro, "
        "sagte der Bürgermeister.\n"
    )
    add("Latin-1", "latin1.txt", latin.encode("latin-1"), IMPORTED)
    windows = article(20).replace("approved", "“approved”").replace(" by ", " – by ")
    add("Windows-1252 (smart quotes, €)", "cp1252.txt", windows.encode("cp1252"), IMPORTED)
    mixed = article(21).replace("\n", "\r\n", 2).replace("said.\n", "said.\r")
    add("mixed line endings", "mixed-line-endings.txt", mixed, IMPORTED)
    add("control characters (escapes, form feed)", "controls.txt", _CONTROLS, IMPORTED)
    # Size.
    line = article(22).replace("\n", " ")
    add("one long line (100 KB)", "long-line.txt", line * (100_000 // len(line)), IMPORTED)
    with (folder / "huge-50mb.txt").open("wb") as huge:
        block = (article(23) * 200).encode()
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            huge.write(block)
    cases.append(Case("a 50 MB text file", "huge-50mb.txt", FAILED, "larger than any article"))
    add(
        "one 5 MB line",
        "one-5mb-line.txt",
        line * (5 * 1024 * 1024 // len(line) + 1),
        FAILED,
        "larger than any article",
    )
    add(
        "3 MB of text (3 million characters)",
        "three-million-characters.txt",
        article(24) * (3_000_000 // len(article(24)) + 1),
        FAILED,
        "characters long",
    )
    add("a single word", "one-word.txt", "Hello", IMPORTED)
    # Characters that hide, turn text round, or are not Latin.
    add("zero-width characters", "zero-width.txt", _ZERO_WIDTH, IMPORTED)
    add("bidirectional control characters", "bidi-controls.txt", _BIDI, IMPORTED)
    add("right-to-left text (Arabic, Hebrew)", "right-to-left.txt", _RIGHT_TO_LEFT, IMPORTED)
    add("CJK text", "cjk.txt", _CJK, IMPORTED)
    add("emoji", "emoji.txt", _EMOJI, IMPORTED)
    # Markup where text is expected.
    add("HTML saved as .txt", "html-saved-as.txt", _HTML_PAGE, IMPORTED)
    add(".md full of raw HTML and script", "raw-html-and-script.md", _SCRIPTED_MARKDOWN, IMPORTED)
    add(
        "web page with no article",
        "menu-only.html",
        "<html><body><nav>Home | News</nav></body></html>",
        FAILED,
        "no article text",
    )
    add("not a PDF, named .pdf", "fake.pdf", "This is not a PDF at all.\n", FAILED, "not a PDF")
    add(
        "not an article (a JPEG)",
        "photo.jpg",
        b"\xff\xd8\xff\xe0" + bytes(64),
        SKIPPED,
        "factcards imports",
    )
    # Sorted after emoji.txt, so imported after it.
    add(
        "emoji.txt's text again, in UTF-16",
        "same-text-utf16.txt",
        _EMOJI.encode("utf-16"),
        DUPLICATE,
    )
    # Names.
    add("file name with spaces", "name with spaces.txt", article(41), IMPORTED)
    add("non-ASCII file name", "ñame ü 東京 🚢.txt", article(42), IMPORTED)
    add("newline in the file name", "line\nbreak.txt", article(43), IMPORTED)
    add("terminal escape in the file name", "escape-\x1b[31m-red.txt", article(44), IMPORTED)
    add("a 254-byte file name", "long-name-" + "x" * 240 + ".txt", article(45), IMPORTED)
    latin_name = os.fsdecode(b"latin1-caf\xe9.txt")
    add("file name that is not UTF-8", latin_name, article(46), IMPORTED)
    # The file system's own oddities.
    unreadable = folder / "unreadable.txt"
    unreadable.write_text(article(51), encoding="utf-8")
    unreadable.chmod(0)
    readable = _can_read(unreadable)
    cases.append(
        Case(
            "a file nobody may read" + (" (readable here: run as root)" if readable else ""),
            unreadable.name,
            IMPORTED if readable else FAILED,
            "" if readable else "permission",
        )
    )
    (folder / "broken-link.txt").symlink_to("nowhere.txt")
    cases.append(Case("broken symbolic link", "broken-link.txt", SKIPPED, "which is not there"))
    (folder / "link-loop.txt").symlink_to("link-loop.txt")
    cases.append(Case("symbolic link loop", "link-loop.txt", SKIPPED, "loop"))
    (folder / "folder-loop").symlink_to(".")
    cases.append(Case("link to its own folder", "folder-loop", SKIPPED, "leads back"))
    inner = folder / "folder-named-like-a-file.txt"
    inner.mkdir()
    (inner / "inside.txt").write_text(article(52), encoding="utf-8")
    cases.append(Case("folder named like a file", f"{inner.name}/inside.txt", IMPORTED))
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "named-pipe.txt")
        cases.append(Case("named pipe", "named-pipe.txt", FAILED, "not a regular file"))
    changing = folder / "changing.txt"
    changing.write_text(VERSIONS[0], encoding="utf-8")
    cases.append(
        Case(
            "a file that changes while it is read",
            changing.name,
            frozenset({"imported", "failed"}),
            "changing",
        )
    )
    return cases


# The two versions a rewritten file alternates between (same length, different text).
VERSIONS = (article(61, "Yard vote: first version"), article(62, "Yard vote: later version"))


@contextlib.contextmanager
def rewritten(path: Path) -> Iterator[None]:
    """While inside, another process rewrites `path` without pause, in place, with one
    version and then the other of `VERSIONS` (as an editor saving over and over)."""
    first, second = (version.encode() for version in VERSIONS)
    assert len(first) == len(second)
    code = (
        "import os, sys\n"
        "fd = os.open(sys.argv[1], os.O_WRONLY)\n"
        "a, b = sys.argv[2].encode(), sys.argv[3].encode()\n"
        "print('ready', flush=True)\n"
        "while True:\n"
        "    os.pwrite(fd, a, 0)\n"
        "    os.pwrite(fd, b, 0)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(path), VERSIONS[0], VERSIONS[1]],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        writer.stdout.readline()  # it has the file open and is about to write
        yield
    finally:
        writer.kill()
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()


def _can_read(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


def without_privilege(command: list[str]) -> list[str]:
    """`command`, run without root's power to read any file when this process is root.

    Root reads a file whatever its permissions; run with CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH dropped (util-linux's setpriv) it obeys them, as a user would.
    Where that is not possible, `command` as it is.
    """
    if os.geteuid() != 0 or not _setpriv_works():
        return command
    return [*_SETPRIV, *command]


_SETPRIV = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--")


@cache
def _setpriv_works() -> bool:
    if shutil.which("setpriv") is None:
        return False
    probe = [*_SETPRIV, sys.executable, "-c", "import factcards"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0
