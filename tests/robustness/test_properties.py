"""Any text in, valid spans out, never an exception: ingest → extract → store, by hypothesis."""

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcards.core.decode import DecodeError, decode_bytes
from factcards.core.extract import find_claims
from factcards.core.importer import import_text
from factcards_db import Project

# Pieces of news prose and of what hides in it, so that generated text makes claims too.
_PIECES = (
    "The council approved the yard on Tuesday, the mayor said.",
    "Skerrow Electric Ferries will hire 400 people in 2027, according to Meridian Wire.",
    "€210 million",
    "“It is a good day,” she said.",
    "By Ann Lowe, The Quayside Post",
    "# Heading",
    "- a list item",
    "U.S.",
    "Inc.",
    "which is expected to open in spring 2027",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "",
    " ",
    "...",
    "?",
    "(",
    ")",
    '"',
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "👩🏽‍⚖️",
    "🇬🇧",
    "وافق المجلس على الحوض",
    "東京電力は火曜日に承認した。",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
)
_PROSE = st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join)
_ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
_TEXTS = st.one_of(_PROSE, _ANY_TEXT, st.lists(st.one_of(_PROSE, _ANY_TEXT)).map("\n".join))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_are_read_as_clean_text_or_refused_with_a_reason(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as error:
        assert str(error).startswith("it ")
        return
    assert decoded.text.strip()
    assert not set(decoded.text) & {"\r", "\x00", "\u202e", "\u2066", "\u200b"}


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_text_gives_claims_that_are_exact_spans_of_it(text: str) -> None:
    for claim in find_claims(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end].strip()
        assert 0 <= claim.score <= 1


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_any_text_stored_gives_quotes_that_equal_their_slice(texts: list[str]) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "p.factcards") as project,
    ):
        for text in texts:
            outcome = import_text(project, text)
            assert outcome.outcome in ("imported", "duplicate", "failed")
            if outcome.outcome == "failed":
                assert outcome.message == "the pasted text is empty"
        stored = {source.id: source.text for source in project.sources()}
        for source_id, text in stored.items():
            for span in project.spans_of_source(source_id):
                assert 0 <= span.start < span.end <= len(text)
        for detail in project.card_details(project.card_ids()):
            for quote in detail.quotes:
                assert quote.text == stored[quote.source_id][quote.start : quote.end]
        assert project.integrity_check() == "ok"


def test_letters_that_match_ascii_only_case_insensitively_are_imported() -> None:
    # Dotless ı, İ, long ſ and the Kelvin sign match i, s and k in case-insensitive
    # patterns, but are not those letters in a lookup table: no pattern may crash on them.
    article = (
        "Skerrow names a new chief executive\n\n"
        "Skerrow's chief executive stepped down on Tuesday, the company said.\n"
        "The yard will cost some €210 million and open in spring 2027.\n"
        "About 400 people will work there, more than 12 km from Port Ellis.\n"
    )
    odd = article.translate(str.maketrans({"i": "ı", "s": "ſ", "k": "\u212a", "I": "İ"}))
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "p.factcards") as project,
    ):
        assert import_text(project, odd).outcome == "imported"
        assert project.card_ids()
