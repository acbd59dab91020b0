"""Who the text says a claim comes from: "Meridian Wire", "a Corvane spokesperson",
"Dana Holt", "people familiar with the matter", "analysts at Brightwater Securities".

The clause splitter sets apart the phrases that only say who said something ("…, the
people said", "according to Meridian Wire", "Meridian Wire reported that …"); this module
reads the speaker out of them, and resolves what refers back: "the people" and "the
sources" to the anonymous sourcing named earlier in the article, "he" and "she" to the
last person named, "the agency" and "the wire service" to the last news organisation.
An `AttributionReader` is therefore read through one article, in order.
"""

import copy
import re
from collections.abc import Sequence

from factcards.core.clauses import SentenceParts
from factcards.core.folding import folded
from factcards.core.lexicon import (
    AMBIGUOUS_SPEECH_VERBS,
    DOCUMENT_SOURCES,
    SHOWING_VERBS,
    SPEECH_VERBS,
)
from factcards.core.origins import is_news_organisation

_SPEECH = "(?:" + "|".join((*SPEECH_VERBS, *AMBIGUOUS_SPEECH_VERBS, r"put\s+it")) + ")"
_CITING = re.compile(
    r"^(?:according\s+to|citing|quoting|per|(?:as\s+)?(?:cited|quoted|reported)\s+by)"
    r"\s+(?P<who>.+)$",
    re.IGNORECASE,
)
_INVERTED = re.compile(r"^(?:said|says|told|wrote|added)\s+(?P<who>.+)$", re.IGNORECASE)
_BEFORE_VERB = re.compile(
    rf"^(?P<who>.+?)\s+(?:(?:has|had|have|also|later|earlier|separately)\s+)*{_SPEECH}\b",
    re.IGNORECASE,
)
# "council budget documents show": the documents are the source.
_DOCUMENTS_SHOW = re.compile(
    r"^(?P<who>.*?\b(?:" + "|".join(DOCUMENT_SOURCES) + r"))\s+(?:also\s+)?"
    r"(?:" + "|".join(SHOWING_VERBS) + r")\b",
    re.IGNORECASE,
)
# Where a speaker's name ends: "Meridian Wire, which cited…", "media reports citing…".
_SPEAKER_END = re.compile(
    r",|\s+(?:citing|quoting|who|which|that|in\s+a\s+\w+|on\s+\w+day|earlier|last|this)\b",
    re.IGNORECASE,
)
# (Searched only in a sentence holding one of `_ANONYMOUS_NOUNS`: a noun a new
# alternative needs must be added there.)
_ANONYMOUS = re.compile(
    r"\b(?:(?:two|three|several|some)\s+)?(?:people|persons?|sources?|insiders?)\s+"
    r"(?:familiar|close|with\s+knowledge|briefed"
    r"|who\s+(?:asked|declined|spoke|work\s+(?:with|for|closely)))"
    # ...and the words after, up to punctuation or the verb of their speaking.
    r"(?:\s+(?!(?:said|says|say|told|tell|reported|added|confirmed)\b)[\w’'-]+)*"
    r"|\b(?:informed|unnamed|anonymous)\s+sources\b",
    re.IGNORECASE,
)
# `_ANONYMOUS` cannot match without one of these nouns: most sentences hold none, and the
# pattern is costly.
_ANONYMOUS_NOUNS = ("people", "person", "source", "insider")
_BACK_TO_ANONYMOUS = re.compile(
    r"^(?:the|these|those)\s+(?:same\s+)?(?:informed\s+)?(?:people|persons|sources|insiders"
    r"|person|source)$",
    re.IGNORECASE,
)
_BACK_TO_OUTLET = re.compile(
    r"^the\s+(?:wire(?:\s+service)?|agency|news\s+agency|newspaper|paper|broadcaster|outlet"
    r"|publication)$",
    re.IGNORECASE,
)
_QUOTE_MARK = re.compile(r"[“”]|\"")
# Speakers that cannot be "he" or "she": groups and organisations.
_GROUP = re.compile(
    r"\b(?:analysts|officials|people|sources|executives|economists|investors|employees"
    r"|securities|capital|group|inc|corp|ltd|plc|bank|partners|holdings|company|council"
    r"|authority|agency|department|ministry|government|police)\b",
    re.IGNORECASE,
)
# Plural speakers a later "they" can be.
_SPEAKING_GROUP = re.compile(
    r"\b(?:analysts|officials|people|sources|executives|economists|investors|researchers"
    r"|investigators|regulators|prosecutors|residents|engineers|insiders|police)\b",
    re.IGNORECASE,
)
_PERSON_PRONOUN = re.compile(r"^(?:he|she)$", re.IGNORECASE)
_THING_PRONOUN = re.compile(r"^(?:it|they)$", re.IGNORECASE)
# Initials count as names: "Dr. J. R. Okafor".
_PERSON_NAME = re.compile(r"(?:[A-Z][\w’'-]*\.?\s+){1,3}[A-Z][\w’'-]+$")
_LEADING_NOISE = re.compile(
    r"^(?:(?:now|then|also|meanwhile|however|separately|earlier|later|previously|recently"
    r"|on\s+\w+(?:\s+\d+\w*)?|last\s+\w+|this\s+\w+|in\s+a\s+\w+),?\s+)+",
    re.IGNORECASE,
)
_ROLES = (
    r"spokes(?:person|woman|man)|official|officials|analyst|analysts|executive|executives"
    r"|officer|minister|ministry|people|sources|source|insiders?|person|spokespeople"
    r"|representative|statement|report|reports|filing|memo|note|survey|data|chairman"
    r"|chairwoman|chair|director|founder|president|ceo|cfo|economists?|researchers?"
    r"|investors?|employees?|staff|police|regulators?|agency|company|firm|government|mayor"
    r"|councillors?|council|records|documents?|presentation|plan|notice|leader|engineer"
    r"|officer|skipper|residents?|manager|secretary|governor|judge|court|prosecutors?"
)
_ROLE = re.compile(rf"\b(?:{_ROLES})\b", re.IGNORECASE)
_NAMEISH = re.compile(r"\b[A-Z][\w’'-]+")
_DETERMINED = re.compile(r"^(?:the|a|an|its|his|her|their|two|three)\s+\w")
_NOT_SPEAKERS = frozenset(
    """
    it they we i you who which this that there these those one some many others
    """.split()
)
_MAX_WORDS = 9
# How many sentences on a quotation's speaker is looked for, where the quotation ends.
_QUOTATION_SENTENCES = 4


class AttributionReader:
    """Reads attributions sentence by sentence through one article."""

    def __init__(self) -> None:
        self._anonymous: str | None = None
        self._person: str | None = None
        # The last speaker that is not a person: what "it said" and "they added" mean.
        self._body: str | None = None
        self._outlet: str | None = None
        self._quoted: str | None = None
        # The surnames of the people named so far: "Calloway" alone is then a person too.
        self._surnames: set[str] = set()
        # Who the last sentence's last clause was attributed to.
        self._previous: str | None = None

    def read(
        self,
        sentence: str,
        parts: SentenceParts,
        following: Sequence[tuple[str, SentenceParts]] = (),
    ) -> list[str | None]:
        """Who each clause of a sentence is attributed to (None: the outlet's own voice).

        `following` are the sentences after it in its paragraph (text and parts): a
        quotation that runs over several sentences names its speaker where it ends.
        """
        lower = folded(sentence)
        anonymous = (
            _ANONYMOUS.search(sentence) if any(noun in lower for noun in _ANONYMOUS_NOUNS) else None
        )
        if anonymous:
            self._anonymous = _tidy(anonymous.group(0))
        sentence_speaker = self._sentence_speaker(parts)
        if sentence_speaker is None and _opens_quotation(sentence):
            # "“We will play there in 2028. I have no doubt,” Ashworth said.": the first
            # sentence is Ashworth's.
            sentence_speaker = self._speaker_where_quotation_ends(following)
        if sentence_speaker is None and sentence.lstrip().startswith(("“", '"')):
            # A quotation that runs on from the last sentence is still its speaker's.
            sentence_speaker = self._quoted
        if sentence_speaker is None and _goes_on_about_speakers(parts, self._previous):
            # "Analysts at Brightwater wrote that …. They raised their price target …": what
            # the speakers did next is known from them, as what they said was.
            sentence_speaker = self._previous
        results: list[str | None] = []
        current: str | None = None
        for clause in parts.clauses:
            if clause.speaker and clause.own_voice:
                # "the club confirmed the sale": the club speaks for this clause alone.
                results.append(self._resolve(clause.speaker) or current or sentence_speaker)
                continue
            if clause.speaker:
                # A frame ("X said …") speaks for its clause and the clauses after it.
                current = self._resolve(clause.speaker) or current
            results.append(current or sentence_speaker)
        self._quoted = results[-1] if results and _QUOTE_MARK.search(sentence) else None
        self._previous = results[-1] if results else None
        return results

    def _speaker_where_quotation_ends(
        self, following: Sequence[tuple[str, SentenceParts]]
    ) -> str | None:
        for sentence, parts in following[:_QUOTATION_SENTENCES]:
            if _opens_quotation(sentence):
                return None  # another quotation starts: the first one was never closed
            if _closes_quotation(sentence):
                # Read on a copy: the later sentence updates who was named when its turn comes.
                return copy.copy(self)._sentence_speaker(parts)
        return None

    def _sentence_speaker(self, parts: SentenceParts) -> str | None:
        citing: str | None = None
        for phrase in parts.attributions:
            cited = _CITING.match(phrase)
            who = self._resolve(speaker_of(phrase))
            if who is None:
                continue
            if cited and phrase.lower().startswith(("citing", "quoting")):
                citing = citing or who
                continue
            return who
        return citing

    def _resolve(self, who: str | None) -> str | None:
        if not who:
            return None
        # "Athletic on Tuesday confirmed …": the day is not part of who spoke.
        speaker = _SPEAKER_END.split(who, maxsplit=1)[0]
        anonymous = _ANONYMOUS.match(who.strip())
        if anonymous and len(anonymous.group(0)) > len(speaker.strip()):
            # ...but "people who work with Ashworth" are who they are by their "who".
            speaker = anonymous.group(0)
        who = _tidy(speaker)
        if not who:
            return None
        if _BACK_TO_ANONYMOUS.match(who):
            return self._anonymous or who
        if _BACK_TO_OUTLET.match(who):
            return self._outlet or who
        if _PERSON_PRONOUN.match(who):
            return self._person
        if _THING_PRONOUN.match(who):
            return self._body
        cleaned = _clean(who)
        if cleaned is None:
            return None
        if is_news_organisation(cleaned):
            self._outlet = self._body = cleaned
        elif _names_a_person(cleaned):
            self._person = cleaned
            self._surnames.add(cleaned.split()[-1])
        elif cleaned in self._surnames:
            self._person = cleaned
        else:
            self._body = cleaned
        return cleaned


def _goes_on_about_speakers(parts: SentenceParts, previous: str | None) -> bool:
    """Whether a sentence's subject is "they" meaning the group that spoke in the sentence
    before: "analysts at Brightwater Securities", "people familiar with the matter"."""
    return (
        previous is not None
        and (parts.subject or "").lower() == "they"
        and not any(clause.speaker for clause in parts.clauses)
        and _SPEAKING_GROUP.search(previous) is not None
    )


def _opens_quotation(sentence: str) -> bool:
    """Whether a sentence opens a quotation it does not close."""
    curly = sentence.count("“") > sentence.count("”")
    return curly or (sentence.lstrip().startswith('"') and sentence.count('"') % 2 == 1)


def _closes_quotation(sentence: str) -> bool:
    """Whether a sentence closes a quotation opened before it."""
    curly = sentence.count("”") > sentence.count("“")
    return curly or (not sentence.lstrip().startswith('"') and sentence.count('"') % 2 == 1)


def _names_a_person(speaker: str) -> bool:
    """Whether a speaker ends in a person's name: "Dana Holt", "Council chair Ruth Adair"
    (a role before the name is still one person), not "Brightwater Securities" nor
    "analysts at Crestline Research"."""
    name = _PERSON_NAME.search(speaker)
    if name is None or _GROUP.search(name.group(0)):
        return False
    # "Analysts at Crestline Municipal Research" ends in a firm's name, and is a group.
    return _SPEAKING_GROUP.search(speaker, 0, name.start()) is None


def speaker_of(phrase: str) -> str | None:
    """The speaker named in an attribution phrase ("Meridian Wire" in "…, Meridian Wire
    reported on Tuesday"), or None."""
    phrase = phrase.strip(' .,;:“”"')
    for pattern in (_CITING, _INVERTED, _BEFORE_VERB, _DOCUMENTS_SHOW):
        match = pattern.match(phrase)
        if match:
            who = _SPEAKER_END.split(match.group("who"), maxsplit=1)[0]
            return who.strip() or None
    return None


# How a speaker spoke, not who: "The club later said", "Corvane quickly said".
_SPEAKING_ADVERBS = frozenset(
    """
    also later then now again still already earlier meanwhile separately previously
    recently reportedly quickly swiftly publicly privately initially subsequently repeatedly
    officially formally jointly immediately briefly
    """.split()
)


def _tidy(who: str) -> str:
    words = re.sub(r"\s+", " ", who).strip(' ,.;:“”"').split(" ")
    while len(words) > 1 and words[-1] in _SPEAKING_ADVERBS:
        words.pop()
    return " ".join(words)


def _clean(raw: str) -> str | None:
    who = _LEADING_NOISE.sub("", raw.strip())
    who = who.strip(" .,")
    words = who.split()
    if not words or len(words) > _MAX_WORDS or words[0].lower() in _NOT_SPEAKERS:
        return None
    if not (_NAMEISH.search(who) or _ROLE.search(who) or _DETERMINED.match(who)):
        return None
    return who
