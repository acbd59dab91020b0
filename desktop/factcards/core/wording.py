"""How a card words its claim, from the text of a quote."""

import re

_SPACE = re.compile(r"\s+")


def card_wording(quote_text: str) -> str:
    """A quote's text as one clean line, fit to be a card's wording."""
    return _SPACE.sub(" ", quote_text).strip()
