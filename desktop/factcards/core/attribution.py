"""Who the text says a claim comes from: "Bloomberg", "a Meta spokesperson", "Jensen Huang",
"people familiar with the matter".

Attribution is read from the sentence that carries the claim. "The people said" and
"the sources said" refer back to the anonymous sourcing named earlier in the article,
so an `AttributionReader` is read through one article, in order.
"""

import re

_VERBS = (
    r"(?:reported|reports|said|says|told|tells|wrote|writes|announced|announces|confirmed"
    r"|confirms|stated|states|added|adds|noted|notes|disclosed|revealed|estimated|estimates"
    r"|claimed|claims|insisted|explained|warned|argued|acknowledged|predicted|believed"
    r"|believes|cautioned|quoted)"
)
# The words just before a reporting verb, up to a comma, a quotation mark or a clause word.
_SPEAKER_BEFORE_VERB = re.compile(
    r"(?:^|[,;:“”\"—–(]\s*|\b(?:that|while|as|but|and|because)\s+)"
    r"(?P<who>[^,;:“”\"—–()]{2,80}?)\s+(?:has\s+|had\s+|have\s+)?" + _VERBS + r"\b"
)
_SPEAKER_AFTER_VERB = re.compile(
    r"[,”\"]\s*(?:said|says|according\s+to|wrote|told)\s+"
    r"(?P<who>(?:[A-Z][\w.’'-]*\s?){1,4})(?=[,.;]|$)"
)
_ACCORDING_TO = re.compile(
    r"\baccording\s+to\s+(?P<who>[^,.;:“”\"()—–]+?)(?=\s*(?:[,.;:“”\"()—–]|$|\bwho\b|\bquoting\b))"
)
_CITING = re.compile(
    r"\b(?:citing|quoting)\s+(?P<who>[^,.;:“”\"()—–]+?)(?=\s*(?:[,.;:“”\"()—–]|$|\bwho\b))"
)
# Who may speak: a named someone (a capital letter) or a role.
_ROLES = (
    r"spokes(?:person|woman|man)|official|officials|analyst|analysts|executive|executives"
    r"|officer|minister|ministry|people|sources|source|insiders?|person|spokespeople"
    r"|representative|statement|report|reports|filing|memo|note|survey|data|chairman"
    r"|chairwoman|chair|director|founder|president|ceo|cfo|economists?|researchers?"
    r"|investors?|employees?|staff|police|regulators?|agency|company|firm|government"
)
_ROLE = re.compile(rf"\b(?:{_ROLES})\b", re.IGNORECASE)
_NAMEISH = re.compile(r"\b[A-Z][\w’'-]+")
_ANONYMOUS = re.compile(
    r"\b(?:people|persons?|sources?|insiders?)\s+(?:familiar|close|with\s+knowledge|briefed"
    r"|who\s+(?:asked|declined|spoke))[^,.;]*|\binformed\s+sources\b|\bunnamed\s+sources\b"
    r"|\banonymous\s+sources\b",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"^(?:the|these|those)\s+(?:people|persons|sources|insiders|person|source)$", re.IGNORECASE
)
# Leading words that are not part of who spoke ("Now, Zuckerberg said" -> "Zuckerberg").
_LEADING_NOISE = re.compile(
    r"^(?:(?:now|then|also|meanwhile|however|separately|earlier|later|previously|recently"
    r"|in\s+a\s+statement|in\s+an?\s+\w+|on\s+\w+|last\s+\w+|this\s+\w+),?\s+)+",
    re.IGNORECASE,
)
_TRAILING_NOISE = re.compile(
    r"\s+(?:on|in|last|this|earlier|late|early)\s+\w+$|\s+(?:also|has|had|have|had\s+earlier)$",
    re.IGNORECASE,
)
# "the mayor", "a council official", "its owner": a determiner and a few words.
_DETERMINED = re.compile(r"^(?:the|a|an|its|his|her|their)\s+\w[\w-]*(?:\s+\w[\w-]*){0,3}$")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "this"})
_MAX_WORDS = 9


class AttributionReader:
    """Reads attributions sentence by sentence through one article."""

    def __init__(self) -> None:
        self._anonymous: str | None = None

    def read(self, sentence: str) -> str | None:
        """Who this sentence attributes its claim to, or None when it speaks for itself."""
        anonymous = _ANONYMOUS.search(sentence)
        if anonymous:
            self._anonymous = _clean(anonymous.group(0))
        for found in (
            _speaker_before_verb(sentence),
            _first_match(_SPEAKER_AFTER_VERB, sentence),
            _first_match(_ACCORDING_TO, sentence),
            _first_match(_CITING, sentence),
        ):
            if found is None:
                continue
            if _BACK_REFERENCE.match(found):
                return self._anonymous or found
            return found
        return _clean(anonymous.group(0)) if anonymous else None


def _speaker_before_verb(sentence: str) -> str | None:
    # The last speaker in the sentence is usually the attribution ("…, Bloomberg reported").
    candidates = [m.group("who") for m in _SPEAKER_BEFORE_VERB.finditer(sentence)]
    for candidate in reversed(candidates):
        who = _clean(candidate)
        if who is not None:
            return who
    return None


def _first_match(pattern: re.Pattern[str], sentence: str) -> str | None:
    for match in pattern.finditer(sentence):
        who = _clean(match.group("who"))
        if who is not None:
            return who
    return None


def _clean(raw: str) -> str | None:
    who = _LEADING_NOISE.sub("", raw.strip())
    who = _TRAILING_NOISE.sub("", who).strip(" .")
    words = who.split()
    if not words or len(words) > _MAX_WORDS or who.lower() in _PRONOUNS:
        return None
    if not (_NAMEISH.search(who) or _ROLE.search(who) or _DETERMINED.match(who)):
        return None
    return who
