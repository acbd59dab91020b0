"""Blocks and sentences come with exact offsets, and abbreviations do not end sentences."""

import random

from syntok.tokenizer import Tokenizer

from factcards.core.sentences import Span, _tokens, blocks, sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for b in blocks(text) for s in sentences(text, b)]


def test_abbreviations_and_initials_stay_inside_their_sentence() -> None:
    text = (
        "Corvane Industries Inc. signed the deal with Skerrow Corp. on Tuesday. "
        "Dr. J. R. Okafor of the U.S. office said it would close soon. It did."
    )
    assert _sentences(text) == [
        "Corvane Industries Inc. signed the deal with Skerrow Corp. on Tuesday.",
        "Dr. J. R. Okafor of the U.S. office said it would close soon.",
        "It did.",
    ]


def test_quotations_and_dashes_keep_a_sentence_whole() -> None:
    text = "“We are on schedule — fully,” Holt said. The yard opens in May."
    assert _sentences(text) == [
        "“We are on schedule — fully,” Holt said.",
        "The yard opens in May.",
    ]


def test_each_line_of_a_saved_page_is_its_own_block() -> None:
    text = "Headline Without A Full Stop\nThe first paragraph is here.\n\nSecond paragraph."
    assert [text[b.start : b.end] for b in blocks(text)] == [
        "Headline Without A Full Stop",
        "The first paragraph is here.",
        "Second paragraph.",
    ]


def test_hard_wrapped_prose_is_one_block() -> None:
    text = (
        "The council voted on Tuesday to approve the new ferry yard on the north\n"
        "quay, after a debate that lasted more than four hours and ended with a\n"
        "vote of seven to two.\n"
    )
    [block] = blocks(text)
    assert _sentences(text) == [text.strip()]
    assert block == Span(0, len(text.rstrip()))


def test_offsets_are_exact_slices() -> None:
    text = "  Lead in.\n\n\tSecond  one here. Third?\n"
    for block in blocks(text):
        for sentence in sentences(text, block):
            piece = text[sentence.start : sentence.end]
            assert piece == piece.strip()
            assert piece


def test_words_are_cut_into_the_tokens_syntok_makes() -> None:
    # Plain words are made into tokens without syntok's tokenizer (a quicker path): every
    # token, its spacing and its offset must be what syntok's tokenizer gives, or the
    # sentences would differ.
    tricky = [
        "Corvane Industries Inc. signed (on Tuesday) with Skerrow Corp.",
        "“We’re on schedule—fully,” Holt said... It isn't late; e.g. the U.S. office.",
        "iPhone McDonald x-ray co_op 3.5% €40m 1,200 n't",
        "tabs\tand\u200bzero\u00a0width\u2028lines\x1cand\x1fseparators\u3000",
        "  leading and trailing space  ",
        "",
    ]
    alphabet = [*"aZ9 .,;:!?'’\"“”()-–—_\t\n\u200b\u00a0\x1cıİ…€%", "...", "n't", "Mc", "Inc."]
    chance = random.Random(7)
    texts = tricky + [
        "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 40))) for _ in range(3000)
    ]
    syntok = Tokenizer(replace_not_contraction=False)
    for text in texts:
        for offset in (0, 3):
            ours = [(t.spacing, t.value, t.offset) for t in _tokens(text, offset)]
            theirs = [(t.spacing, t.value, t.offset) for t in syntok.tokenize(text, offset)]
            assert ours == theirs, text
