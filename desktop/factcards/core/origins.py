"""Independence: which origin each quote counts as.

Five outlets that all cite one wire report are one origin. A quote whose attribution
names a news organisation ("…, Meridian Wire reported", "according to CPS") counts as
that organisation; any other quote counts as the outlet that published it. Names are
matched to the outlets of the project's sources, so "CPS", "Continental Press Service"
and "the Continental Press Service" are one origin.
"""

import re
from collections.abc import Iterable

from factcards.core.lexicon import NEWS_WORDS

_WORD = re.compile(r"[\w’'&-]+")


def _normal(name: str) -> str:
    return " ".join(_WORD.findall(name.lower().replace("’", "'"))).removeprefix("the ")


def _initials(name: str) -> str:
    words = [w for w in _WORD.findall(name) if w.lower() not in ("the", "of", "and", "&")]
    return "".join(w[0] for w in words).upper()


class OriginNamer:
    """Names the origin of quotes, knowing the outlets of a project."""

    def __init__(self, outlets: Iterable[str]) -> None:
        ordered = sorted({o for o in outlets if o}, key=lambda o: (-len(o), o))
        # Each outlet with its name as compared: worked out once, not once a quote.
        self._outlets = [(o, _normal(o), _initials(o)) for o in ordered]
        self._known: dict[str, str | None] = {}

    def known_outlet(self, name: str) -> str | None:
        """The project's outlet a name refers to ("CPS", "the Courier"), if any."""
        if name not in self._known:  # a project repeats its attributions by the thousand
            self._known[name] = self._find_outlet(name)
        return self._known[name]

    def _find_outlet(self, name: str) -> str | None:
        normal = _normal(name)
        if not normal:
            return None
        for outlet, outlet_normal, initials in self._outlets:
            if normal == outlet_normal or name.strip() == initials:
                return outlet
        for outlet, outlet_normal, _ in self._outlets:
            outlet_words = outlet_normal.split()
            words = normal.split()
            # "Northstar" for "Northstar Press Agency", "the Courier" for "The Kellsbridge
            # Courier": a distinctive part of the outlet's name.
            if (
                words
                and all(w in outlet_words for w in words)
                and not (len(words) == 1 and words[0] in NEWS_WORDS and len(outlet_words) > 2)
            ):
                return outlet
        return None

    def origin(self, attribution: str | None, outlet: str | None, source_id: int) -> str:
        """The origin a quote counts as."""
        if attribution:
            known = self.known_outlet(attribution)
            if known:
                return known
            if is_news_organisation(attribution):
                return attribution.removeprefix("the ").removeprefix("The ")
        return outlet or own_source_origin(source_id)


def own_source_origin(source_id: int) -> str:
    """The origin of a quote that cites no one, in a source with no outlet."""
    return f"source {source_id}"


def is_news_organisation(name: str) -> bool:
    """Whether a name reads as a news organisation ("Meridian Wire", "Reuters")."""
    words = _normal(name).split()
    return bool(words) and len(words) <= 5 and any(w in NEWS_WORDS for w in words)
