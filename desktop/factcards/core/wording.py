"""How a card words its claim, from the text of a quote."""

import re

_SPACE = re.compile(r"\s+")


def card_wording(quote_text: str) -> str:
    """A quote's text as one clean line, fit to be a card's wording."""
    return _SPACE.sub(" ", quote_text).strip()


def quote_context(before: str, after: str, limit: int) -> tuple[str, str]:
    """The text around a quote, cut at word boundaries and marked "…" where it was cut.

    `before` and `after` are up to `limit` characters from each side of the quote; a side
    stops at a line break, since the next paragraph is not the quote's context.
    """
    cut_before = len(before) >= limit
    cut_after = len(after) >= limit
    if "\n" in before:
        before, cut_before = before.rsplit("\n", 1)[1], False
    if "\n" in after:
        after, cut_after = after.split("\n", 1)[0], False
    if cut_before and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if cut_after and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return _SPACE.sub(" ", before).lstrip(), _SPACE.sub(" ", after).rstrip()
