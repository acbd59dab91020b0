"""Which organisation a clause means when it does not spell out its name.

News names an organisation in full once and then shortens it: to its initials ("the
Valmoran Space Agency" … "The VSA has suspended …") or to its kind ("Kellsbridge Water
Authority" … "the authority", "the water authority"). Two reports of one claim often
shorten differently ("The VSA has suspended the mission director" / "The agency has
suspended mission director Anneke Voss"), and only the full name shows they speak of
the same body. An `ArticleNames` is made once per article, from its whole text.
"""

import bisect
import re

# Capitalised words in a row, on one line, with "of", "for", "and" or "&" between them:
# "Valmoran Space Agency", "Bank of Ellis". A full stop ends a name (it may end a
# sentence), so "Corp." and "F.C." end theirs before the dot.
_NAME = re.compile(r"[A-Z][\w’'&-]*(?:[^\S\n]+(?:(?:of|for|and|&)[^\S\n]+)?[A-Z][\w’'&-]*)+")
_SMALL_WORDS = frozenset({"of", "for", "and", "&"})
# What opens a sentence rather than a name: "The Valmoran Space Agency said …".
_OPENING = re.compile(r"^(?:The|A|An|This|That|Its|Their|His|Her)[^\S\n]+")
# Three letters at least: two-letter capitals ("AI", "US", "EU") are common words as
# often as initials, and would match names by chance.
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
# Nouns that name a kind of organisation, as its name ends ("… Water Authority").
ORGANISATION_KINDS = frozenset(
    """
    agency authority council company commission ministry department board bank group
    committee university court union association federation institute bureau
    administration corporation foundation trust party club
    """.split()
)
# "the agency", "the water authority": the kind, and at most one word of the name before it.
_DEFINITE = re.compile(
    r"\bthe\s+(?:([a-z]+)\s+)?(" + "|".join(sorted(ORGANISATION_KINDS)) + r")\b", re.IGNORECASE
)


class ArticleNames:
    """The organisations an article names in full, to read its shortened names by."""

    def __init__(self, text: str) -> None:
        # Per kind, where each name of that kind starts and the name, in the text's order.
        self._kinds: dict[str, tuple[list[int], list[str]]] = {}
        self._acronyms: dict[str, str] = {}
        for match in _NAME.finditer(text):
            name = _OPENING.sub("", match.group(0))
            if " " not in name:
                continue
            kind = name.rsplit(" ", 1)[1].lower()
            if kind in ORGANISATION_KINDS:
                positions, names = self._kinds.setdefault(kind, ([], []))
                positions.append(match.start())
                names.append(name)
            initials = "".join(w[0] for w in name.split() if w not in _SMALL_WORDS)
            # The first name with these initials: an article defines its acronyms once.
            self._acronyms.setdefault(initials, name)

    def meant(self, clause: str, offset: int) -> list[str]:
        """The full names of the organisations a clause names only by initials or by
        kind, in the order it names them; `offset` is where the clause starts in the
        article (a kind means the last organisation of that kind named before it)."""
        found: list[str] = []
        for match in _ACRONYM.finditer(clause):
            name = self._acronyms.get(match.group(0))
            if name and name not in found:
                found.append(name)
        if "the" not in clause.lower():
            return found
        for match in _DEFINITE.finditer(clause):
            kind, modifier = match.group(2).lower(), match.group(1)
            name = self._last_of_kind(kind, modifier, offset + match.start())
            if name and name not in found:
                found.append(name)
        return found

    def _last_of_kind(self, kind: str, modifier: str | None, before: int) -> str | None:
        """The last name before an offset that ends with a kind ("… Authority") and holds
        the word before the kind, if any ("the water authority")."""
        positions, names = self._kinds.get(kind, ((), ()))
        for index in range(bisect.bisect_left(positions, before) - 1, -1, -1):
            if modifier is None or modifier.lower() in names[index].lower().split():
                return names[index]
        return None
