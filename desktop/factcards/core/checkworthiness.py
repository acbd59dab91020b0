"""Check-worthiness: how much a clause asserts something an editor can check, from 0 to 1.

Figures, amounts, dates, names (one that opens the sentence too, when the article writes
it as a name elsewhere), a verb telling what someone did and an attribution raise it;
opinion, speculation, rhetoric and appraisal, a characterisation in someone's words,
silences, questions, bare sourcing and phrases that only say where something was said
lower it. Cards under `factcards.core.extract.SCORE_CUT` are hidden by default.
"""

import re

from factcards.core.clauses import has_finite_verb, has_verb

_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?"
    r"|thousands?|millions?|billions?|half|quarter)\b",
    re.IGNORECASE,
)
_MONEY_OR_PERCENT = re.compile(r"[$€£¥%]|\b(?:percent|per\s+cent|dollars?|euros?|pounds?)\b")
_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|fall|winter|quarter|year"
    r"|month|week|yesterday|today|tomorrow|(?:19|20)\d\d)\b",
)
_ENTITY = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'&.-]*[A-Za-z]")
_ACTION = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|did|does|said|says|say|reported|announced"
    r"|agreed|signed|bought|sold|acquired|launched|released|raised|fell|rose|jumped"
    r"|climbed|dropped|cut|hired|fired|resigned|appointed|named|plans?|planned|expects?"
    r"|expected|opened|closed|completed|approved|rejected|filed|won|lost|paid|pledged"
    r"|committed|invested|using|used|uses|built|developing|developed)\b",
    re.IGNORECASE,
)
_OPINION_WORDS = frozenset(
    """
    i we our us my should must ought could might perhaps maybe arguably apparently seem
    seems appear appears likely unlikely probably possibly hopefully surprising remarkable
    significant notable interesting important meaningful clearly obviously ultimately
    """.split()
)
_OPINION_PHRASES = re.compile(
    r"\b(?:in\s+summary|in\s+short|it\s+remains\s+to\s+be\s+seen|time\s+will\s+tell"
    r"|hard\s+not\s+to|no\s+doubt|of\s+course|(?:can|could|may|might)\s+be\s+seen\s+as)\b",
    re.IGNORECASE,
)
_OPINION_PHRASE_HINTS = ("summary", "short", "seen", "tell", "hard", "doubt", "course")
# Rhetoric and appraisal: what a writer makes of the news rather than what happened. Words
# count in lower case only ("may" is speculation, "May" a month; "Good Friday" a name).
_RHETORIC_WORDS = frozenset(
    """
    you your looks good bad fair unfair overdone unlucky lucky gamble blunder mistake wise
    unwise sombre mood may
    suggest suggests signal signals underscore underscores underscoring validate validates
    testament blur blurs reflect reflects highlight highlights reinforce reinforces
    """.split()
)
# "hopes" is a view ("fans will hope he is right"), "hopes to" a plan.
_HOPE = frozenset({"hope", "hopes", "hoped"})
_LETTERS = re.compile(r"[A-Za-z]+")
_RHETORIC_PHRASES = re.compile(
    r"\b(?:feels?\s+like|felt\s+like|closely\s+watched)\b"
    # an appraisal of what was just told: "For Ashworth it is the project of his life"
    r"|^(?:for\s+[^,]{2,40}?,?\s+)?(?:this|that|it)\s+(?:is|was)\s+(?:a|an|the|not|simply|just)\b"
    # "This decision represents a sharp turn", "This move marks …"
    r"|^(?:this|that)\s+(?:[a-z]+\s+)?(?:represents|marks)\b",
    re.IGNORECASE,
)
# What a text must hold for one of those phrases to be in it (most quotes hold none).
_RHETORIC_PHRASE_HINTS = ("like", "watched", "this ", "that ", "it ", "for ")
# A characterisation in someone's words, a view more than a fact: "called it “the day
# …”", "spoke of a “player for the next decade”", "described her as meticulous".
_CHARACTERISATION = re.compile(
    r"\b(?:called|calls|termed|dubbed)\s+(?:it|this|that|the\s+\w+)\s+[“\"]"
    r"|\bspoke\s+of\s+(?:a|an|the)?\s*[“\"]|\bdescribed\s+(?:him|her|them|it)\s+as\b",
    re.IGNORECASE,
)
# What only reports a silence, introduces an example or wonders: "did not respond to a
# request for comment", "declined to comment", "could not be reached", "asked not to be
# identified", "One notable example was Tolland Ferries", "Whether the stadium pays off…",
# "Observers ask whether …". Nothing in it to check.
_NOT_A_CLAIM = re.compile(
    r"\bfor\s+comment\b|\bdeclined\s+(?:to\s+comment|further\s+comment)\b"
    r"|\bdeclined\s+to\s+(?:say|give|disclose|elaborate|name|specify)\b"
    r"|\bcould\s+not\s+be\s+reached\b|\basked\s+not\s+to\s+be\s+(?:named|identified)\b"
    r"|^(?:one|another)\s+(?:[a-z]+\s+)?(?:example|instance)\s+(?:is|was)\b|^whether\b"
    r"|\bask(?:s|ed)?\s+(?:whether|if)\b",
    re.IGNORECASE,
)
# What makes a characterisation checkable: a figure or a superlative ("called the yard
# “the biggest private investment in Port Ellis in more than a decade”"), unless it is an
# opinion too ("“the most significant decision …”").
_CHECKABLE_MEASURE = re.compile(
    r"\d|\b(?:biggest|largest|smallest|highest|lowest|most|least|first|worst|best|fastest"
    r"|slowest|record)\b",
    re.IGNORECASE,
)
# What a text must hold for _NOT_A_CLAIM to match in it.
_NOT_A_CLAIM_HINTS = ("comment", "declined", "reached", "ask", "example", "instance", "whether")
# Only who the news came from: "Meridian Wire cited people familiar with the matter",
# "which cited a preliminary report".
_ONLY_SOURCING = re.compile(
    r"^(?:which\s+|who\s+)?(?:[\w’'.-]+\s+){0,4}?cit(?:ed|es|ing)\s+"
    r"(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:people|sources?|officials?|reports?|documents?|data|records|maps|analysts?"
    r"|estimates?|statements?|filings?|figures)\b",
    re.IGNORECASE,
)
# A phrase that only says where or in what it was said: "In an investor presentation
# published on Tuesday", "From £27 million at Calloway Road".
_SETTING = re.compile(r"(?:in|from|at|on|during|by|through|via)\s", re.IGNORECASE)
_SETTING_WORDS = 8
# A capitalised word inside a sentence: the article writes it as a name.
_NAME_INSIDE = re.compile(r"(?<=[a-z,;:] )[A-Z][\w’'-]+")
_POSSESSIVE = re.compile(r"[’']s$")
_DIGIT = re.compile(r"\d")
# An attributed quote (someone is named as saying it) is that much more worth checking.
ATTRIBUTION_BONUS = 0.05
# What each mark of opinion, speculation, rhetoric or appraisal takes off: more in the
# writer's own voice ("The S40 could cross the bay twice on one charge") than in a named
# speaker's ("…, Skerrow engineers said").
_OWN_VIEW = 0.17
_ATTRIBUTED_VIEW = 0.12
_MIN_WORDS = 5


def names_inside(text: str) -> frozenset[str]:
    """The capitalised words an article writes inside its sentences: its names, to tell
    "Corvane makes batteries" (a name opening a sentence) from "More innovations"."""
    return frozenset(_POSSESSIVE.sub("", word) for word in _NAME_INSIDE.findall(text))


def score_claim(
    claim_text: str, names: frozenset[str] = frozenset(), attributed: bool = False
) -> float:
    """Check-worthiness from 0 to 1: how much a sentence asserts something checkable.

    `names` are the words its article writes as names (`names_inside`): one that opens
    the sentence counts as a name too. An `attributed` quote (someone is named as saying
    it) gains `ATTRIBUTION_BONUS`, and its speculation and appraisal count for less: that
    someone said so can be checked, where the writer's own view cannot.
    """
    words = claim_text.split()
    score = 0.3
    # A digit first: the quick test, and the commonest figure.
    if _DIGIT.search(claim_text) or _FIGURE.search(claim_text):
        score += 0.15
    if _MONEY_OR_PERCENT.search(claim_text):
        score += 0.1
    if _DATE.search(claim_text):
        score += 0.1
    entities = len(_ENTITY.findall(claim_text))
    if words and _POSSESSIVE.sub("", words[0].strip('“"‘(')) in names:
        entities += 1
    score += min(entities, 3) * 0.07
    if has_verb(claim_text) or _ACTION.search(claim_text):
        score += 0.1
    letters = _LETTERS.findall(claim_text)
    lower = claim_text.lower()
    opinion = _opinion(claim_text, letters, lower)
    weight = _ATTRIBUTED_VIEW if attributed else _OWN_VIEW
    score -= weight * min(opinion, 3)
    score -= weight * min(_rhetoric(claim_text, letters, lower), 3)
    if _CHARACTERISATION.search(claim_text) and (
        not _CHECKABLE_MEASURE.search(claim_text) or opinion
    ):
        score -= 0.25
    if claim_text.rstrip("”\"’') ").endswith("?") or _phrases(
        _NOT_A_CLAIM, _NOT_A_CLAIM_HINTS, claim_text, lower
    ):
        score -= 0.5
    if _ONLY_SOURCING.search(claim_text):
        score -= 0.3
    if (
        _SETTING.match(claim_text)
        and len(words) <= _SETTING_WORDS
        and not has_finite_verb(claim_text)
    ):
        score -= 0.3
    if len(words) < _MIN_WORDS:
        # "Its shares fell 1.9%": short, but a figure makes it a claim.
        score -= 0.15 if _DIGIT.search(claim_text) else 0.3
    elif len(words) > 60:
        score -= 0.1
    score = round(min(1.0, max(0.0, score)), 3)
    if attributed:
        score = round(min(1.0, score + ATTRIBUTION_BONUS), 3)
    return score


def _opinion(claim_text: str, letters: list[str], lower: str) -> int:
    """How many marks of opinion or speculation a quote holds ("should", "likely");
    `letters` are its words' letters and `lower` the quote in lower case."""
    count = 0
    for index, word in enumerate(letters):
        lower_word = word.lower()
        # Capitals are initials, not a word: "US" is the country, not "us".
        if lower_word not in _OPINION_WORDS or (len(word) > 1 and word.isupper()):
            continue
        if lower_word == "could" and letters[index + 1 : index + 2] in (["not"], ["never"]):
            continue  # "could not carry out its mission": what was so, no guess
        count += 1
    return count + _phrases(_OPINION_PHRASES, _OPINION_PHRASE_HINTS, claim_text, lower)


def _rhetoric(claim_text: str, letters: list[str], lower: str) -> int:
    """How many marks of rhetoric or appraisal a quote holds (as `_opinion`)."""
    count = 0
    for index, word in enumerate(letters):
        if index == 0:
            word = word.lower()
        last = index + 1 == len(letters)
        if word in _RHETORIC_WORDS or (
            word in _HOPE and (last or letters[index + 1].lower() != "to")
        ):
            count += 1
    return count + _phrases(_RHETORIC_PHRASES, _RHETORIC_PHRASE_HINTS, claim_text, lower)


def _phrases(pattern: re.Pattern[str], hints: tuple[str, ...], text: str, lower: str) -> int:
    """How many times a pattern matches in a text, looked for only when the text (`lower`,
    in lower case) holds one of the words it needs: most quotes hold none."""
    if not any(hint in lower for hint in hints):
        return 0
    return len(pattern.findall(text))
