"""Claims, not sentences: a sentence split into the clauses that each carry one claim.

News sentences carry two or three claims ("Skerrow is using Corvane’s batteries to build
the S40, which is expected to launch in spring 2027"), and a sentence-sized quote would
match several cards at once. A sentence is cut at commas, dashes, semicolons, relative
pronouns, "and" before a verb, "while", "but", "after" and "instead of"; the pieces that
only say who said it ("…, the people said", "according to Meridian Wire") are set aside as
attribution; pieces too small or verbless to stand alone rejoin a neighbour.

No parser is involved: the rules read punctuation and a few hundred function words, so
they are fast, deterministic and explainable, and every clause is an exact span.
"""

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcards.core.folding import folded
from factcards.core.lexicon import (
    AMBIGUOUS_SPEECH_VERBS,
    ANONYMITY_PHRASES,
    DOCUMENT_SOURCES,
    OBJECT_SPEECH_VERBS,
    SHOWING_VERBS,
    SPEECH_VERBS,
)
from factcards.core.sentences import Span

# Auxiliaries that make a clause finite wherever they stand: "lowering costs would follow"
# has a verb of its own, whatever the "-ing" word opening it.
FINITE_AUXILIARIES = tuple(
    "is are was were has have had will would should can could may might must".split()
)
# Words in -ing that are not participles opening a phrase of their own.
NOT_PARTICIPLES = frozenset(
    """
    during including according regarding concerning notwithstanding pending nothing
    something anything everything spring morning evening ceiling wedding
    """.split()
)
_AUXILIARIES = " ".join(FINITE_AUXILIARIES) + (
    " be been being am having shall do does did cannot won't wouldn't can't couldn't isn't"
    " aren't wasn't weren't hasn't haven't hadn't doesn't didn't"
)
_COMMON_VERBS = (
    "said says say told tells tell made makes make took takes take gave gives give got gets"
    " went goes came comes fell falls rose rises won wins lost loses paid pays sold sells bought"
    " buys kept keeps left leaves led leads met meets ran runs saw sees set sets put puts"
    " built builds began begins became becomes grew grows held holds found finds brought"
    " brings spent spends sent sends hit hits cut cuts struck strikes employs owns plans"
    " expects wants needs needs remain remains stays seats costs lacks flies circles carries"
    " includes covers runs operates reaches pledged agreed signed joined"
)
_VERBS = frozenset((_AUXILIARIES + " " + _COMMON_VERBS).split())
_ED_VERB = re.compile(r"^[a-z]{2,}(?:ed|en)$")
_NOT_VERBS = frozenset(
    """
    need hundred united limited red bed seed speed feed deed shed indeed breed embed often
    eleven seven seventeen even ten kitchen children women men citizen garden golden
    wooden sudden open between given chosen dozen screen green queen
    """.split()
)
_DETERMINERS = frozenset("a an the this that these those its his her their our".split())
_VERB_PARTICLES = frozenset("for to that on in with against about into".split())
_PRONOUNS = frozenset("it they he she its their his her".split())
_ADVERBS = frozenset(
    """
    still also now already then later recently currently reportedly previously yet just
    only further again since meanwhile
    """.split()
)
# Adverbs that open a sentence before a comma: "Meanwhile, the club …".
_OPENING_ADVERBS = _ADVERBS | frozenset(
    "however separately originally historically currently recently meanwhile earlier".split()
)
_LOCATIVES = frozenset("in on at near off across of".split())
# Words in -er that compare nothing: a comma after them may well end a clause.
_NOT_COMPARATIVES = frozenset(
    """
    after later over under never ever other either neither whether however together rather
    water quarter number member customer officer partner order power paper border letter
    matter centre center manager leader minister player owner chamber summer winter
    september october november december offer computer user filter earlier further
    """.split()
)
# Prepositions a relative clause may end on: "the work it was built for".
_STRANDED_PREPOSITIONS = frozenset("for to with on about of in at from by into".split())
_PREPOSITIONS = frozenset(
    """
    of in on at to for from by with about into over under after before as than
    """.split()
)
_PARTICIPLE_START = re.compile(
    r"^(?:founded|based|led|known|owned|run|headquartered|created|established|launched"
    r"|valued|located|named|built|designed|formed|backed|listed)\b",
    re.IGNORECASE,
)
# Participles that open a second claim about the extent or the result of the first: "issued
# a boil-water notice on March 2 covering 14,200 households", "…, leaving 3,000 homes
# without power". Descriptive ones ("serving the Eastside", "weighing 2.3 tonnes") are
# not here: they say what a thing is, within the claim.
_RESULT_PARTICIPLE = re.compile(
    r"(?:,\s+|\s+)(?=(?:covering|affecting|leaving|bringing|making|taking|raising|lifting"
    r"|pushing|putting|sending|giving|cutting|lowering|reducing|boosting|valuing|killing"
    r"|injuring|displacing|forcing|prompting|wiping|totalling|totaling|adding)\s)"
)
# The terms of an agreement something is done under: "…under a 10-year contract worth…".
_TERMS = re.compile(
    r",?\s+(?=under\s+(?:a|an|its|their|the|his|her)\s+(?:[\w’'$€£¥.,-]+\s+){0,3}?"
    r"(?:contract|agreement|deal|lease|licence|license|concession|franchise)\b)",
    re.IGNORECASE,
)
_VALUE_OR_LENGTH = re.compile(
    r"[$€£¥%]|\b(?:million|billion|per\s*cent|percent)\b|\b\d+[-\s](?:year|month|week)s?\b",
    re.IGNORECASE,
)
# What may not stand just before such a participle without a comma: then it is a verb's
# ("is covering", "kept making"), a preposition's ("by cutting") or a noun ("the making").
_NOT_BEFORE_PARTICIPLE = frozenset(
    """
    not never without while when before after since by for from of in on to into than
    start started starts begin began keep kept stop stopped continue continued avoid
    """.split()
)
# Prepositions that open a phrase, never a clause: "in a group called Dock Four".
_PHRASE_PREPOSITIONS = frozenset(
    """
    in on at with from between among amid under within into through across near beside
    inside outside via without of for by to about like unlike despite toward towards
    """.split()
)
# Words that open a clause which needs the main clause after it: "When the yard opened in
# 2019, …", "Although the firm says …, …".
_SUBORDINATORS = re.compile(
    r"(?:when|whenever|although|though|even\s+though|even\s+if|if|unless|because|once"
    r"|as\s+soon\s+as)\s",
    re.IGNORECASE,
)
# Words after which an -ed word is a past tense, not a participle describing a noun:
# "that valued the yard", "it opened"; against "a unit called Dock Four".
_BEFORE_PAST_TENSE = frozenset("who which that it they he she we i".split())
# A participle that only gives a thing's name: "The new ferry, codenamed Tern, …".
_NAMING = re.compile(
    r"\s*(?:(?:also|internally|formerly|officially|now)\s+)?(?:codenamed|code-named"
    r"|code\s+named|called|dubbed|named|nicknamed|known\s+(?:internally\s+)?as|branded)\s",
    re.IGNORECASE,
)
# An apposition that only describes the noun before it, with no claim of its own: "sold as
# a leased vessel — one that operators can rent by the month".
_DESCRIPTIVE_APPOSITION = re.compile(
    r"(?:one|ones|something|someone|the\s+(?:kind|sort|type)\s+of\s+\w+)\s+"
    r"(?:that|which|who|whom|whose)\s",
    re.IGNORECASE,
)
# A piece that continues the clause before it and has no claim of its own: a focus
# adverb before a place or a time ("…, particularly in the north where …"), "where" whose
# subject only refers back ("…, where it opened its first yard"), a share of what came
# before ("…, most of which will go to the yard"), "including" some of those named
# ("…, including those in Tolland who …") and a participle that only reads the clause
# before ("…, underscoring how fast the market moves").
_CONTINUATION = re.compile(
    r"(?:(?:particularly|especially|notably|mainly|mostly|largely|chiefly|primarily|even)"
    r"\s+(?:in|on|at|among|for|with|as|when|where|after|since|during|from|across)"
    r"|where(?:by)?\s+(?:it|they|he|she|this|that|these|those)"
    r"|(?:most|some|many|all|none|much|each|both|half|several|few|part|any|one|two|three)"
    r"\s+of\s+(?:which|whom|whose|them|these|those)"
    r"|including\s+(?:those|these|some|many|most|several|ones|others)"
    r"|underscoring|underlining|highlighting|signalling|signaling|reflecting|suggesting"
    r"|showing|demonstrating|illustrating|indicating|emphasizing|emphasising)\s",
    re.IGNORECASE,
)
# A clause that only says why the sources are anonymous: "who asked not to be named",
# "because the talks are private".
_ANONYMITY = re.compile(
    r"(?:(?:who|whom|because|as|since)\s+(?:[\w’']+\s+){0,2}?"
    r"|(?:the|these|those|both|all)\s+(?:same\s+)?(?:informed\s+|anonymous\s+|unnamed\s+)?"
    r"(?:people|persons|sources|insiders)\s+(?:[\w’']+\s+)?)?(?:"
    + "|".join(r"\s+".join(phrase.split()) for phrase in ANONYMITY_PHRASES)
    + r")\b",
    re.IGNORECASE,
)
_TIME_PREPOSITION = re.compile(
    r"(?:after|before|following|since|during|until|amid)\s", re.IGNORECASE
)
# A count or an amount: "two rounds", "€30 million", "3%" (and the "5" of "Series 5").
_COUNT = re.compile(
    r"[$€£¥]?\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?)\b",
    re.IGNORECASE,
)
# "…, and" or "… or" just before a piece.
_AND_OR = re.compile(r"[,\s](?:and|or)\s+$", re.IGNORECASE)
_DIGIT_OR_AMOUNT = re.compile(r"[\d$€£¥%]")
_NAME_INSIDE = re.compile(r"(?<!^)\b[A-Z][\w’'-]*")
# Cut points. Each match's span is removed; the text after it starts a new piece.
_CUTS = re.compile(
    # A colon before an infinitive explains the noun before it ("The aim is unchanged: to
    # build ferries that …"): no cut.
    r",[”\"’]?\s+|\s*;\s+|\s+[—–]\s+|—|\s*:\s+(?!to\s+[a-z])"
    # Before a word that opens a clause (one run of space, then what follows is looked
    # at, so that a space is read once, not once for each kind of clause):
    r"|\s+(?="
    # "while", "whereas", "but", "instead of" ("…not for its size but because it proves
    # the packs work": one reason for another, no cut);
    r"(?:while|whereas|but(?!\s+(?:also|because)\b)|instead\s+of)\s"
    # "and" before a verb, before a subject and its verb, or before a count and its verb.
    r"|and\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|did|does"
    r"|kept|said|made|took|gave|got|went|fell|rose|won|lost|paid|sold|bought|left|led|ran"
    r"|\w+ed)\b"
    r"|and\s+(?:the|a|an|its|his|her|their|[A-Z][\w’'-]+)\s+(?:[\w’'-]+\s+){0,2}"
    r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|did|does)\b"
    r"|and\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*)\s+(?:\w+\s+)?"
    r"(?:were|was|are|is|had|have|ended|closed|died|\w+ed)\b)"
    # "after" opens a clause, unless a span of time leads to it: "less than two weeks
    # after bacteria were found" is one phrase (the words before are looked at only
    # where "after" follows).
    r"|(?=\s+after\s)(?<!\bweeks)(?<!\bdays)(?<!\bhours)(?<!\bmonths)(?<!\byears)"
    r"(?<!\bminutes)(?<!\bshortly)(?<!\bsoon)\s+"
)
_LEADING_JOINER = re.compile(r"(?:and|but|while|whereas|or|that)\s+", re.IGNORECASE)  # at a pos


# Who is told: a name ("Keystone Wire", "HBN"), "the Gazette", "a news conference",
# "reporters". A name runs as far as its capitals (matched case-sensitively inside
# patterns that are not); anything longer is the claim told.
_LISTENER = (
    r"(?:(?:the|a|an)\s+)?(?-i:[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4}"
    r"|(?:news\s+|press\s+)?[a-z][\w’'-]*)"
)


def _speech(verbs: tuple[str, ...]) -> str:
    # "told the Gazette", "tells HBN": telling takes its listener along.
    alternatives = [
        rf"{verb}\s+{_LISTENER}" if verb in ("told", "tells") else verb for verb in verbs
    ]
    return "(?:" + "|".join(alternatives) + ")"


_SPEECH = _speech(SPEECH_VERBS + AMBIGUOUS_SPEECH_VERBS)
# Verbs that open a frame ("X said that…"): not the ambiguous ones.
_FRAME_SPEECH = _speech(SPEECH_VERBS)
_WHEN = (
    r"(?:\s+(?:in\s+(?:a|an|the|its|their|his|her)\s+\w+(?:\s+(?:note|statement|report|interview|memo|letter"
    r"|filing|post|briefing|email|call))?(?:\s+to\s+\w+)?"
    # Where it was said: "on a conference call", "at City Hall", "at the White House".
    r"|on\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+)?(?:call|podcast|broadcast|programme|program)\b"
    r"|at\s+(?:the\s+)?(?-i:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})"
    r"|on\s+\w+(?:,?\s+\w+\s+\d+)?"
    r"|last\s+\w+|this\s+\w+|earlier(?:\s+this\s+\w+)?|late\s+\w+|early\s+\w+"
    r"|at\s+a\s+\w+(?:\s+\w+)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today"
    r"|tonight))*"
)
# A piece that only says who said it.
# Before a word that may be a speech verb or a noun ("forecast", "reports", "claims"),
# these make it the noun: "Tolland cut its forecast".
_NOT_SPEAKING = (
    r"(?<!\bits\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\ba\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bour\s)"
)
# What is cited as a source, not as a reason: "citing people familiar with the matter",
# "citing Meridian Wire", "citing a company filing"; not "citing weaker demand".
_SOURCE = (
    r"(?:\S+\s+){0,2}?(?:(?-i:[A-Z])|(?:people|persons?|sources?|officials?|analysts?|data"
    r"|documents?|records?|reports?|statements?|filings?|notes?|memos?|surveys?|studies"
    r"|study|research|executives?|insiders?|representatives?|spokes\w+|media|figures)\b)"
)
# Documents that show what the clause before says: "…, council budget documents show".
_DOCUMENTS_SHOW = (
    r"(?:[\w.’'&()-]+\s+){0,5}?(?:" + "|".join(DOCUMENT_SOURCES) + r")\s+(?:also\s+)?"
    r"(?:" + "|".join(SHOWING_VERBS) + r")\b"
)
_DOCUMENTS_SHOW_PIECE = re.compile(rf"^{_DOCUMENTS_SHOW}{_WHEN}$", re.IGNORECASE)
# The words that open a citation in `_ATTRIBUTION_PIECE`: "according to", "per", "cited by".
# (A piece is matched against `_ATTRIBUTION_PIECE` and `_FRAME` only when it holds one of
# `_ATTRIBUTING_WORDS`: a word a new alternative of either needs must be added there.)
_CITING_WORDS = ("according", "citing", "quoting", "per", "cited", "quoted", "reported")
_ATTRIBUTION_PIECE = re.compile(
    rf"^(?:according\s+to\s+.+|citing\s+{_SOURCE}.*|quoting\s+.+|per\s+[A-Z].*"
    r"|(?:as\s+)?(?:cited|quoted|reported)\s+by\s+.+"
    # ("…, was announced on Monday" is passive: what happened, not who said it; "it was
    # reported" is still an attribution.)
    rf"|(?:[\w.’'&()-]+\s+){{0,8}}?[\w.’'&()-]+\s+(?:has\s+|had\s+)?{_NOT_SPEAKING}"
    rf"(?<!(?<!\bit\s)\bwas\s)(?<!\bwere\s)(?<!(?<!\bit\s)\bis\s)(?<!\bare\s)"
    rf"(?<!\bbeen\s)(?<!\bbe\s){_SPEECH}{_WHEN}"
    rf"|{_SPEECH}\s+(?:[A-Z][\w.’'-]*\s*){{1,5}}(?:,\s*.*)?)$",
    re.IGNORECASE,
)
# A speech verb and when it was spoken, with no speaker: "said on Friday", "told reporters".
_BARE_SPEECH = re.compile(rf"{_SPEECH}{_WHEN}$", re.IGNORECASE)
_OPENING_SPEECH = re.compile(rf"{_SPEECH}\s+", re.IGNORECASE)
_CITATION = re.compile(
    r"^(?:according\s+to|citing|quoting|per|(?:as\s+)?(?:cited|quoted|reported)\s+by)\s",
    re.IGNORECASE,
)
# Participles that open a frame: "…, adding that …".
_FRAMING_PARTICIPLES = (
    "saying announcing confirming adding noting stating explaining warning arguing insisting"
    " acknowledging claiming"
).split()
# "Meridian Wire reported that", "The presentation also forecast that", "the club said",
# "after saying": a frame before the claim it introduces.
_FRAME = re.compile(
    rf"(?:(?:after|when)\s+)?(?:(?P<who>(?:[\w.’'&()-]+\s+){{0,8}}?)(?<!\bwere\s)(?<!\bwas\s)"
    # Whole words: "Farris said" and "Clare said" are speakers; "is said" is not, nor
    # "declined to say" (a silence).
    rf"(?<!\bis\s)(?<!\bare\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bnot\s)(?<!\bnever\s)(?<!\bto\s)(?<!’s\s)(?<!'s\s)(?:has\s+|had\s+|also\s+)?"
    rf"{_NOT_SPEAKING}(?P<verb>{_FRAME_SPEECH}){_WHEN}"
    r"|(?:" + "|".join(_FRAMING_PARTICIPLES) + r"))\s+(?P<that>that\s+)?",
    re.IGNORECASE,
)
# The words an attribution piece or a frame cannot match without, each between spaces (or
# at an end) there: a speech verb, a word that cites ("according to", "per") or a framing
# participle. Both patterns are costly and most pieces hold none of these words.
_ATTRIBUTING_WORDS = frozenset(
    (*SPEECH_VERBS, *AMBIGUOUS_SPEECH_VERBS, *_CITING_WORDS, *_FRAMING_PARTICIPLES)
)
# Who puts a figure on something gives their own estimate: "the city puts the cost of
# repairs at $3.2 million", "people familiar with the matter put it at about £290 million".
_PUTS_AT = re.compile(
    r"(?P<who>(?:[\w.’'&()-]+\s+){1,8}?)(?:(?:also|has|had|now)\s+)?puts?\s+"
    r"(?:[\w’'-]+\s+){1,7}?at\s+(?:[a-z]+\s+){0,2}[$€£¥\d]",
    re.IGNORECASE,
)
# Who calls something by a quoted phrase speaks that phrase: "Mayor Tomas Reyne called the
# yard “the biggest investment in a decade”". Without the quotation mark "called" names
# ("a unit called Dock Four") or convenes ("the council called a vote").
_CALLS_IT = re.compile(
    r"(?P<who>(?:[\w.’'&()-]+\s+){1,8}?)(?:has\s+|had\s+|also\s+)?(?:called|described)\s+"
    r"(?:[\w’'-]+\s+){1,4}?(?:as\s+)?[“\"]",
    re.IGNORECASE,
)
# "…were left devastated when the agency confirmed that the satellite was lost": what
# the agency confirmed is a claim of its own, in its voice.
_WHEN_SAID = re.compile(
    rf"\s+(?=when\s+(?:[\w.’'&-]+\s+){{1,6}}?{_FRAME_SPEECH}\s+that\s)", re.IGNORECASE
)
_FIGURE_OR_DATE = re.compile(
    r"\d|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer"
    r"|autumn|winter|quarter|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|twenty|thirty|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)
# A piece that continues a list of names: "Harbourline and Tolland…", "Calder’s buses and Skerrow".
_LIST_ITEM = re.compile(r"[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,2}\s+(?:and|or)\s+[A-Z\w]")
_ENDS_WITH_NAME = re.compile(r"\b[A-Z][\w.’'-]*$")
# The capitalised words that end a piece: "Tolland Point", "Corvane Industries".
_NAME_AT_END = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}$")
_WORD = re.compile(r"[\w’'-]+")
# Where a subject ends before an aside: "Skerrow, …", "The team — sometimes called …".
_ASIDE = re.compile(r",|\s*[—–]\s*")
_MIN_WORDS = 3
# What follows a participle that describes the noun before it: "…, led by Harriet Munroe,",
# "…, based in Leeds,".
_AGENT_PREPOSITIONS = frozenset(("by", "in", "at", "from"))
# Pieces that open with these carry a claim of their own even without a verb:
# "subject to approval by regulators", "up from €38 million last year".
_CONNECTOR = re.compile(
    r"(?:subject\s+to|after|including|up\s+from|down\s+from|instead\s+of|well\s+short\s+of"
    r"|far\s+(?:below|above)|compared\s+with|against|excluding|pending)(?:\s+\S+){3}",
    re.IGNORECASE,
)
_ROLE_APPOSITIVE = re.compile(
    r"\b(?:chief\s+executive|chief\s+\w+\s+officer|ceo|cfo|founder|chairman|chairwoman|chair"
    r"|president|director|spokes(?:person|woman|man)|minister|head|boss|mayor|leader"
    r"|manager|secretary|governor|editor|analyst)\b",
    re.IGNORECASE,
)
# A piece this long is a claim of its own even when no verb in it is recognised.
_LONG_PIECE = 8
# Words that open a clause in which "put … at" or "called … “" has no speaker: "which puts
# the total at…", "that put the cost at…" (a relative clause's subject is the noun before it).
_NOT_SUBJECT_OPENINGS = frozenset("which that this what after when if".split())
# Participles that say why the clause before happened, not another thing done.
_WHY_PARTICIPLES = frozenset(
    """
    citing blaming attributing pointing hoping seeking aiming trying looking wanting
    intending arguing explaining noting claiming insisting warning
    """.split()
)
# A participle and at least this many words after it make a phrase with an object.
_PARTICIPLE_PHRASE = 4
# A framed claim shorter than this keeps its frame in its quote.
_SHORT_CLAIM = 5
# A "who" clause longer than this about a speaker tells more than who the speaker is.
_LONG_DESCRIPTION = 12
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Inc|Corp|Ltd|Co|Bros|Jr|Sr|Dr|Mr|Mrs|Ms|St|No|Nos|Gov|Gen|Rep|Sen|Prof|Ave)"
    r"|(?:\b[A-Z]\.){2,}|\b[A-Z])\.$"
)
_EDGE = " \t\n,;:—–-“”\"‘’'()"


@dataclass(frozen=True, slots=True)
class Clause:
    """One claim-carrying piece of a sentence, and the words it leaves out."""

    start: int
    end: int
    # Who this clause says it comes from, when it opens with its own frame ("the club said
    # it had agreed…"); "" means the sentence's subject speaks ("said it would pay…").
    speaker: str | None = None
    # Who or what the clause is about when it does not say so itself: the sentence's
    # subject for a clause that starts with its verb ("has delivered 12 ferries"), the
    # noun before "which"/"who" for a relative clause. Used for the card's wording.
    subject: str | None = None
    # True when `subject` is the noun a relative clause refers to (a guess good enough
    # for a wording, too loose to match claims by).
    relative: bool = False
    # True when the speaker is named inside the clause ("the club confirmed the sale of
    # its striker"): it speaks for this clause only, not for the clauses after it.
    own_voice: bool = False
    # True when the clause only says when the one before it happened ("after the Series 5
    # launch"): kept as a quote, but no claim to check on its own.
    says_when: bool = False
    # True when the clause is a noun phrase that says what the name before it is ("…at
    # Tolland Point, the former naval base south of the harbour"): `subject` is that
    # name, and the card says it "is" the phrase.
    appositive: bool = False


@dataclass(frozen=True, slots=True)
class SentenceParts:
    """A sentence's clauses, and the attributions it sets apart from them, in order."""

    clauses: list[Clause]
    attributions: list[str]
    subject: str | None = None


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    attribution: bool = False
    speaker: str | None = None
    # A participle phrase split off the clause before it ("covering 14,200 households").
    participle: bool = False
    # Why the sources are anonymous ("who asked not to be named"): neither claim nor speaker.
    anonymity: bool = False
    # The piece opened with the speech verb of a frame whose speaker is named before it,
    # in pieces of its own: "Dana Holt, the chief executive, said [that] …".
    framed: bool = False
    # The frame was left in the quote (see `_SHORT_CLAIM`); its speaker still speaks for
    # the clauses after it, as any frame's does.
    kept_frame: bool = False
    # A framed subject with the participle phrase that describes it ("Calloway said the
    # review, led by Harriet Munroe,"): a claim of its own, and not the subject of one
    # with the clause after it, which is another claim about the same subject.
    described: bool = False


def split_clauses(text: str, sentence: Span) -> list[Clause]:
    """The clauses of one sentence, as exact spans of `text`, in order."""
    return split_sentence(text, sentence).clauses


def split_sentence(text: str, sentence: Span) -> SentenceParts:
    """A sentence's clauses (exact spans of `text`) and its attribution phrases."""
    pieces = _pieces(text, sentence)
    attributions = [
        text[p.start : p.end].rstrip(".") for p in pieces if p.attribution and not p.anonymity
    ]
    merged = _split_terms(text, _split_participles(text, _merge(text, pieces)))
    if not merged:
        return SentenceParts([], attributions)
    subject = _subject(text, merged[0])
    clauses: list[Clause] = []
    for index, piece in enumerate(merged):
        start, end = _trim(text, piece.start, piece.end)
        if start >= end:
            continue
        words = _words(text[start:end])
        lead = None
        if index > 0 and words and words[0].lower() in ("which", "who", "whose"):
            lead = _antecedent(text, sentence.start, start)
        elif piece.participle and not text[sentence.start : start].rstrip().endswith(","):
            # "a boil-water notice … covering 14,200 households": the notice covers them.
            lead = _antecedent(text, sentence.start, start)
        elif index > 0 and _starts_with_verb(words):
            lead = subject
            first_speaker = merged[0].speaker
            if first_speaker and words[0].lower() in _WHAT_SPEAKERS_DO:
                # "A spokesperson said the valve was on a list and declined to comment":
                # the spokesperson declined, not the valve.
                lead = _without_time_phrase(first_speaker.strip())
        speaker = piece.speaker
        if speaker == "" and clauses and clauses[-1].speaker:
            # "Skerrow said …, adding that …": whoever spoke the clause before goes on.
            speaker = clauses[-1].speaker
        elif speaker == "" and subject:
            speaker = subject
        if lead is None and speaker and words and words[0].lower() in _PRONOUNS:
            # "Aldermoor Re said it expected to pay…": "it" is the speaker (not "Aldermoor
            # Re on Friday" of "Aldermoor Re on Friday said it…").
            lead = _without_time_phrase(speaker.strip())
        relative = piece.participle or (
            bool(words)
            and words[0].lower() in ("which", "who", "whose", "where")
            # "…Dr. Anneke Voss, who has led the programme": a name just before "who"
            # is surely whom it refers to, unlike a noun before "which".
            and not (words[0].lower() == "who" and _names_a_person(lead))
        )
        if lead and not relative and words and words[0].lower() == "who":
            lead = _name_of(lead)
        own_voice = not piece.kept_frame and bool(
            piece.speaker and text.find(piece.speaker.strip(), start, end) >= 0
        )
        says_when = index > 0 and _says_when(text[start:end])
        appositive = False
        if lead is None and index:
            named = _name_described(text, merged[index - 1], start, words)
            if named:
                lead, appositive = named, True
        clauses.append(
            Clause(start, end, speaker, lead, relative, own_voice, says_when, appositive)
        )
    return SentenceParts(clauses, attributions, subject)


def _name_described(text: str, before: _Piece, start: int, words: Sequence[str]) -> str | None:
    """The name a verbless noun phrase after a comma describes, when the piece before
    ends with that name: "…at Tolland Point, the former naval base south of the harbour"
    says what Tolland Point is."""
    if not words or words[0].lower() not in ("the", "a", "an") or len(words) < 3:
        return None
    if text[before.end : start].strip() != "," or any(_is_verb(word) for word in words):
        return None
    name = _NAME_AT_END.search(text, before.start, before.end)
    if name is None or name.start() == before.start:
        return None  # the piece before is only the name: the phrase is its apposition
    return name.group(0)


def _names_a_person(antecedent: str | None) -> bool:
    """Whether the words before ", who" end in a name: "mission director Dr Anneke Voss"."""
    words = _words(antecedent or "")
    return len(words) >= 2 and all(word[:1].isupper() for word in words[-2:])


def _name_of(antecedent: str) -> str:
    """The name that ends an antecedent: "Dr Anneke Voss" of "director Dr Anneke Voss"."""
    words = list(_words(antecedent))
    while words and not words[0][:1].isupper():
        words.pop(0)
    return " ".join(words)


def _pieces(text: str, sentence: Span) -> list[_Piece]:
    pieces: list[_Piece] = []
    start = sentence.start
    cuts = [*_CUTS.finditer(text, sentence.start, sentence.end)]
    if " when " in text[sentence.start : sentence.end]:
        cuts = sorted(
            [*cuts, *_WHEN_SAID.finditer(text, sentence.start, sentence.end)],
            key=lambda cut: cut.start(),
        )
    for cut in cuts:
        if _joins_adjectives(text, start, cut) or _joins_comparatives(text, cut):
            continue
        if cut.start() > start:
            pieces.append(_Piece(start, _closing_quote_end(text, start, cut)))
        start = cut.end()
    if start < sentence.end:
        pieces.append(_Piece(start, sentence.end))
    pieces = _rejoin_framed_subject(text, _rejoin_lists(text, pieces))
    for piece in pieces:
        piece.start, piece.end = _trim(text, piece.start, piece.end)
        body = _text(text, piece).rstrip(".")
        if _ANONYMITY.match(body):
            piece.attribution = piece.anonymity = True
            continue
        attributes = _may_attribute(body)
        if (
            attributes
            and _ATTRIBUTION_PIECE.match(body)
            and (_CITATION.match(body) or not _FIGURE_OR_DATE.search(_claim_part(body)))
            and not _tells_a_clause(body)
        ) or _documents_show(body):
            piece.attribution = True
            continue
        frame = _FRAME.match(body) if attributes else None
        verb = frame.group("verb") if frame else None
        if verb and verb[0].isupper():
            # "Note that the yard will close in June": a verb that opens the sentence is
            # an imperative (no one is named as speaking), not a frame.
            frame = None
        # The substring test first: the pattern is costly, "put" is rare.
        estimate = None if frame or "put" not in body.lower() else _PUTS_AT.match(body)
        if estimate and _is_a_speaker(estimate.group("who")):
            # The estimate is the clause, in its maker's own voice.
            piece.speaker = estimate.group("who")
            continue
        quoting = "“" in body or '"' in body
        calls = _CALLS_IT.match(body) if quoting and not frame else None
        if calls and _is_a_speaker(calls.group("who")):
            # The quoted phrase is the caller's, in the caller's own voice.
            piece.speaker = calls.group("who")
            continue
        rest = _words(body[frame.end() :]) if frame else []
        # Only a frame before a clause: "Holt said" alone is an attribution piece.
        frames = _frames_clause(frame, rest) if frame else False
        if frame and frames is None and not body.lower().startswith(("after ", "when ")):
            # "the club confirmed the sale": a statement, but not "after the club
            # confirmed the sale", which only dates the claim it belongs to.
            piece.speaker = frame.group("who")
            continue
        if not frames:
            frame = None
        if frame and (any(_is_verb(word) for word in rest) or len(rest) >= _LONG_PIECE // 2):
            piece.speaker = frame.group("who") or ""
            piece.framed = not frame.group("who")
            if piece.speaker.strip().lower() in ("which", "who"):
                # "…operated by Aquenta Utilities Corp., which said that …": Aquenta spoke.
                piece.speaker = _antecedent(text, sentence.start, piece.start) or ""
            if len(rest) >= _SHORT_CLAIM or not frame.group("who"):
                piece.start += frame.end()
            else:
                # "Officials say 23 people got sick": cut off, "23 people got sick" is too
                # short a quote to read alone; the frame stays in it and still speaks.
                piece.kept_frame = True
    pieces = [p for p in pieces if p.start < p.end]
    for described, following in itertools.pairwise(pieces):
        if described.described and described.speaker and following.speaker is None:
            # What the frame says is the clause after the aside: "Calloway has promised
            # that the review, led by …, will be finished"; the aside is the writer's.
            following.speaker, described.speaker = described.speaker, None
    pieces = _gather_speakers(text, pieces)
    return _rejoin_interrupted_subject(text, pieces)


def _may_attribute(body: str) -> bool:
    """Whether a piece holds one of `_ATTRIBUTING_WORDS` in any case, without which it is
    neither an attribution nor a frame."""
    return not _ATTRIBUTING_WORDS.isdisjoint(folded(body).split())


def _closing_quote_end(text: str, start: int, cut: re.Match[str]) -> int:
    """Where a piece ends at a cut: before the cut, or after the quotation mark the cut
    takes with its comma when the piece opened that quotation (the ferry “Tern,” based on
    …), so that the piece keeps its closing mark."""
    end = cut.start()
    if text[end : end + 1] == "," and _closes_a_quotation(text, start, end + 1):
        return end + 2
    return end


def _closes_a_quotation(text: str, start: int, at: int) -> bool:
    """Whether the character at `at` is a quotation mark closing a quotation that the
    text from `start` opened."""
    mark = text[at : at + 1]
    if mark == "”":
        return text.count("“", start, at) > text.count("”", start, at)
    if mark == '"':
        return text.count('"', start, at) % 2 == 1
    return False


def _is_a_speaker(words_before_verb: str) -> bool:
    """Whether the words before "puts … at" or "called … “" are who does it: a subject,
    not "which" of a relative clause nor a clause with its own verb ("The yard opened a
    shop it called “Dock Four”")."""
    words = _words(words_before_verb)
    return (
        bool(words)
        and words[0].lower() not in _NOT_SUBJECT_OPENINGS
        and not any(_is_verb(word) for word in words)
    )


def _tells_a_clause(body: str) -> bool:
    """Whether a piece that opens with a speech verb goes on to a clause of its own: "told
    the Courier it was safe" is a frame and its claim, "said Dana Holt, the chief
    executive" only an attribution."""
    opening = _OPENING_SPEECH.match(body)
    if opening is None:
        return False
    return any(_is_verb(word) for word in _words(body[opening.end() :].split(",")[0]))


def _gather_speakers(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join a speaker's name and its appositions to the verb of their speaking: in "…,”
    Dr. Ines Varga, the port’s medical officer, said on Friday" and "Dana Holt, the chief
    executive, said the yard…" the commas cut the speaker from "said"; rejoined, the
    whole is one attribution, and neither the name nor the role becomes a claim.

    After the speaker in "…,” said Marisol Tran, 34, who lives on Ashgrove Street", the
    age and the "who" clause that only describes her join the attribution too."""
    gathered: list[_Piece] = []
    for piece in pieces:
        body = _text(text, piece).rstrip(".")
        if (
            gathered
            and _names_speaker_after_verb(text, gathered[-1])
            and (_describes_someone(text, piece) or _is_age(body))
        ):
            gathered[-1] = _Piece(gathered[-1].start, piece.end, attribution=True)
            continue
        bare = not piece.anonymity and _BARE_SPEECH.match(body) is not None
        if not (bare or piece.framed):
            gathered.append(piece)
            continue
        first = len(gathered)
        while first > 0 and len(gathered) - first < 3 and _names_someone(text, gathered[first - 1]):
            first -= 1
        while first < len(gathered) and _describes_someone(text, gathered[first]):
            first += 1  # a run opens with the name that its "who" clause describes
        run = gathered[first:]
        if not any(_NAME_INSIDE.search(" " + _text(text, named)) for named in run):
            gathered.append(piece)
        elif bare:
            gathered[first:] = [_Piece(run[0].start, piece.end, attribution=True)]
        elif first == 0:
            # The frame's speech verb ("said", "told the Courier", "that") ends the
            # attribution; what follows is the claim, in the sentence's speaker's voice.
            frame_end = run[0].start + len(text[run[0].start : piece.start].rstrip())
            if text[frame_end - 5 : frame_end].lower() == " that":
                frame_end -= 5
            gathered[:] = [_Piece(run[0].start, frame_end, attribution=True)]
            piece.speaker, piece.framed = None, False
            gathered.append(piece)
        else:
            gathered.append(piece)
    return gathered


def _names_speaker_after_verb(text: str, piece: _Piece) -> bool:
    """Whether a piece is an attribution that names its speaker after the verb: "said
    Marisol Tran", "added the mayor"."""
    return (
        piece.attribution
        and not piece.anonymity
        and _OPENING_SPEECH.match(_text(text, piece)) is not None
    )


def _is_age(body: str) -> bool:
    """Whether a piece is only someone's age: the "34" of "Marisol Tran, 34, who…"."""
    return body.isdigit() and len(body) <= 3


def _names_someone(text: str, piece: _Piece) -> bool:
    """Whether a piece may be a speaker's name or apposition: "Dr. Ines Varga", "the
    port’s medical officer", "61" (an age), "who has lived on Quay Street for decades";
    no claim of its own."""
    if _describes_someone(text, piece):
        return True
    words = _words(_text(text, piece))
    if piece.attribution or piece.speaker is not None or not words or len(words) > _LONG_PIECE:
        return False
    if any(_is_verb(word) for word in words):
        return False
    first = words[0]
    return first[:1].isupper() or first.lower() in _DETERMINERS or first.isdigit()


def _describes_someone(text: str, piece: _Piece) -> bool:
    """Whether a piece is a "who" clause that only describes a speaker: "who has lived on
    Quay Street for decades". With a figure or a date ("who founded Skerrow in 2015") it
    tells something to check, and stays a claim."""
    body = _text(text, piece)
    words = _words(body)
    return (
        bool(words)
        and words[0].lower() == "who"
        and len(words) <= _LONG_DESCRIPTION
        and not piece.attribution
        and piece.speaker is None
        and not _FIGURE_OR_DATE.search(body)
    )


def _rejoin_interrupted_subject(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Keep a subject with its verb across an attribution between them: "Skerrow,
    according to Meridian Wire, plans a second yard" and "The yard, the agency said, will
    close in June" are one claim each, quoted whole; the attribution is still read.

    Cut apart, the subject alone is no claim and the rest has lost what it is about.
    """
    for position in range(1, len(pieces) - 1):
        subject, between, verb = pieces[position - 1 : position + 2]
        if not between.attribution or between.anonymity or subject.attribution:
            continue
        if verb.attribution or verb.speaker is not None:
            continue
        words = _words(_text(text, subject))
        if (
            not words
            or len(words) > _LONG_PIECE
            or any(_is_verb(word) for word in words)
            or _SUBORDINATORS.match(_text(text, subject))
            or not _starts_with_verb(_words(_text(text, verb)))
        ):
            continue
        whole = _Piece(subject.start, verb.end)
        return [*pieces[: position - 1], whole, between, *pieces[position + 2 :]]
    return pieces


def _joins_adjectives(text: str, start: int, cut: re.Match[str]) -> bool:
    """Whether a cut before "and" falls inside a noun phrase: "the dynamic and
    interconnected nature of the market" joins two words that describe one noun, where
    "the plant and reported 23 cases" or "the water and four were" start a clause."""
    after = _words(text[cut.end() : cut.end() + 60])
    if len(after) < 3 or after[0].lower() != "and" or not _ED_VERB.match(after[1]):
        return False
    noun = after[2]
    if not noun.isalpha() or not noun.islower() or noun in _DETERMINERS | _PREPOSITIONS:
        return False
    before = _words(text[start : cut.start()])
    return len(before) >= 2 and before[-2].lower() in _DETERMINERS and not _is_verb(before[-1])


def _joins_comparatives(text: str, cut: re.Match[str]) -> bool:
    """Whether a comma falls between two comparatives that describe one noun: "a template
    for newer, more efficient ferries" (not "…rose in the quarter, more than analysts had
    expected")."""
    if not cut.group(0).startswith(","):
        return False
    before = _words(text[max(0, cut.start() - 30) : cut.start()])
    after = _words(text[cut.end() : cut.end() + 40])
    if not before or len(after) < 3 or after[0] not in ("more", "less"):
        return False
    comparative = before[-1]
    return (
        comparative.islower()
        and len(comparative) >= 5
        and comparative.endswith("er")
        and comparative not in _NOT_COMPARATIVES
        and after[1].isalpha()
        and after[1].islower()
        and "than" not in (after[1], after[2])
        and after[1] not in _PREPOSITIONS | _DETERMINERS
    )


def _frames_clause(frame: re.Match[str], rest: Sequence[str]) -> bool | None:
    """Whether a speech verb that may also name an event introduces what follows it.

    "Meridian Wire reported the yard would close" frames a clause (True); "the club
    confirmed the sale of its striker" is the club's own statement with its object, not
    a frame (None: the words stay in the quote, the club is still its speaker); "Skerrow
    announced two new ferries and Tolland unveiled a third" is an event, and the clause
    after "and" is another subject's (False: no speaker at all).
    """
    verb = (frame.group("verb") or "").split()
    if not verb or verb[0].lower() not in OBJECT_SPEECH_VERBS or frame.group("that"):
        return True
    for position, word in enumerate(rest):
        if word.lower() in ("and", "or"):
            return False
        if position == 0 and _ED_VERB.match(word) and word.lower() not in _VERBS:
            # "promised affected households a credit": an -ed word straight after the
            # verb describes its object; a clause would open with its subject.
            continue
        if _is_verb(word):
            return True
    return None


def _rejoin_lists(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Undo cuts inside a list of names: "Corvane’s packs, Calder’s buses and Skerrow",
    "listed Harbourline, Coastal Ferries and Tolland as customers"."""
    joined: list[_Piece] = []
    for piece in pieces:
        body = _text(text, piece)
        if (
            joined
            and _LIST_ITEM.match(body)
            and _ENDS_WITH_NAME.search(text, joined[-1].start, joined[-1].end)
        ):
            joined[-1] = _Piece(joined[-1].start, piece.end)
        else:
            joined.append(piece)
    return joined


def _rejoin_framed_subject(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Keep a subject that follows a frame with the participle phrase that describes it:
    "Calloway has promised that the review, led by retired engineer Harriet Munroe, will
    be finished by June 30" says, in Calloway's voice, who leads the review ("the review,
    led by …") and when it will be finished (about the review). Cut at its commas it was
    a frame with half a subject, "Calloway led by Harriet Munroe" and "Calloway will be
    finished by June 30"."""
    for position in range(len(pieces) - 2):
        first, aside, last = pieces[position : position + 3]
        body = _text(text, first).strip()
        frame = _FRAME.match(body)
        if frame is None or not frame.group("who"):
            continue
        subject = _words(body[frame.end() :])
        aside_words = _words(_text(text, aside))
        if (
            not subject
            or len(subject) > _SHORT_CLAIM
            or any(_is_verb(word) for word in subject)
            or len(aside_words) < 2
            or aside_words[1].lower() not in _AGENT_PREPOSITIONS
            or not (_ED_VERB.match(aside_words[0]) or aside_words[0].lower() in _VERBS)
            or not _starts_with_verb(_words(_text(text, last)))
        ):
            continue
        joined = _Piece(first.start, aside.end, described=True)
        return [*pieces[:position], joined, *pieces[position + 2 :]]
    return pieces


def _claim_part(body: str) -> str:
    # "according to the statement" has no figure of its own; "Holt said in 2019" does, but
    # its date belongs to the speaking, not to a claim, so the frame's words are ignored.
    return re.sub(rf"^.*?{_SPEECH}{_WHEN}", "", body, count=1, flags=re.IGNORECASE)


def _documents_show(body: str) -> bool:
    """Whether a piece only says which documents show the claim: "council records show"."""
    lower = body.lower()
    # The substring test first: most pieces hold neither word.
    return ("show" in lower or "indicat" in lower) and _DOCUMENTS_SHOW_PIECE.match(body) is not None


def _merge(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join pieces too small or verbless to stand alone to a neighbour.

    Attribution pieces are barriers: a merge never reaches across one, since a quote is a
    contiguous span and must not swallow the "…, the people said" between two claims.
    """
    merged: list[_Piece] = []
    run: list[_Piece] = []
    for piece in [*pieces, None]:
        if piece is None or piece.attribution:
            merged += _merge_run(text, run)
            run = []
        else:
            run.append(piece)
    return merged


def _merge_run(text: str, pieces: list[_Piece]) -> list[_Piece]:
    merged: list[_Piece] = []
    carry: _Piece | None = None
    subordinate_run = False
    for position, own in enumerate(pieces):
        following = pieces[position + 1] if position + 1 < len(pieces) else None
        appositive = _is_appositive(text, own, following)
        piece = own
        if carry is not None and own.speaker is not None and _only_an_adverb(text, carry):
            # "Separately, the board said the yard would close": joined, the adverb would
            # pull the frame between them back into the quote.
            carry = None
        if carry is not None:
            piece = _Piece(
                carry.start,
                own.end,
                speaker=carry.speaker or own.speaker,
                kept_frame=own.kept_frame and not carry.speaker,
            )
            carry = None
        words = _words(_text(text, piece))
        has_verb = any(_is_verb(w) for w in words) or _starts_with_verb(
            _words(text[own.start : own.end])
        )
        if carry is None and not merged and _is_label(text, piece, pieces[position + 1 :]):
            # "The good news: Halcyon-1 is still sending data": the label is no claim.
            continue
        if not merged and following is not None and not has_verb and len(words) <= 5:
            # A sentence-initial subject ("Skerrow,", "Corvane,") joins what follows it.
            carry = piece
            continue
        if (
            not merged
            and following is not None
            and not has_verb
            and _TIME_PREPOSITION.match(_text(text, own))
        ):
            # "After three decades of false starts, the club will…": when, not what.
            carry = piece
            continue
        subordinate = _SUBORDINATORS.match(_text(text, own)) or (
            subordinate_run and _after_and_or(text, own.start)
        )
        subordinate_run = False
        if not merged and following is not None and subordinate:
            # "When the yard opened in 2019, the town gained 400 jobs": the clause before the
            # comma (and any joined to it by "and") needs the main clause after it.
            carry, subordinate_run = piece, True
            continue
        if (
            len(merged) == 1
            and merged[0].start == pieces[0].start
            and not merged[0].described
            and _starts_with_verb(_words(text[own.start : own.end]))
            and _bare_opening_subject(text, merged[0])
        ):
            # "The director of the water authority, Paul Ferrante, resigned on Friday": a
            # sentence that opens with a subject and its appositive, then gives the verb,
            # is one claim, not a name and a subjectless clause.
            merged[0] = _Piece(merged[0].start, own.end, speaker=merged[0].speaker)
            continue
        body = _text(text, piece)
        weak = len(words) < _MIN_WORDS or (
            not has_verb
            and not appositive
            and not _stands_alone(text, piece)
            and not _CONNECTOR.match(text[own.start : own.end])
        )
        if weak and following is None and merged and _tells_what_the_subject_does(text, own):
            # "The chairman has become more involved in the build, attending site meetings
            # most mornings": what else the subject does is a claim of its own.
            weak = False
        if appositive and _ROLE_APPOSITIVE.search(body) and not _FIGURE_OR_DATE.search(body):
            # "Mr. Marcus Ebbe, the chief executive of Corvane," names who someone is;
            # it is not a claim of its own.
            weak = True
        if merged and (
            _only_qualifies(text, own)
            or _describes_the_thing_before(text, own)
            or _describes_with_a_gap(text, own)
        ):
            weak = True
        if weak and merged:
            merged[-1] = _Piece(merged[-1].start, piece.end, speaker=merged[-1].speaker)
        elif weak and following is not None:
            carry = piece
        elif weak and not _stands_alone(text, piece):
            continue
        else:
            merged.append(piece)
    if carry is not None:
        if merged:
            merged[-1] = _Piece(merged[-1].start, carry.end, speaker=merged[-1].speaker)
        elif _stands_alone(text, carry):
            merged.append(carry)
    return merged


# Verbs that go on with what a speaker did after speaking: "… and declined to comment".
_WHAT_SPEAKERS_DO = frozenset(
    """
    declined refused added noted stressed insisted promised apologised apologized
    acknowledged warned conceded
    """.split()
)
_PARTICIPLE_LINKS = frozenset("on by as from with in for to".split())


def _describes_the_thing_before(text: str, piece: _Piece) -> bool:
    """Whether a piece is a past participle and what it links to, describing the noun
    before it: "…the ferry “Tern,” based on Corvane's licensed hull design",
    "…a yard, owned by the council". With a figure or a date of its own ("founded in
    Port Ellis in 2015") it tells something of its own; with a verb it is a clause."""
    words = _words(_text(text, piece))
    if len(words) < 2 or not words[0].islower() or not _is_verb(words[0]):
        return False
    if _after_and_or(text, piece.start):
        return False  # "…praised Corvane's cells and pointed to Tern as …": a verb
    if words[1].lower() not in _PARTICIPLE_LINKS or _FIGURE_OR_DATE.search(_text(text, piece)):
        return False
    return not any(word.lower() in _VERBS for word in words)


def _describes_with_a_gap(text: str, piece: _Piece) -> bool:
    """Whether a piece is a relative clause that ends on its preposition, describing the
    noun before it: "…certain routes — such as island crossings — that Corvane's
    chemistry is known for"."""
    words = _words(_text(text, piece))
    # Trimming a piece drops its leading "that": it is then the word just before.
    before = _words(text[max(0, piece.start - 7) : piece.start])
    openings = {words[0].lower() if words else "", before[-1].lower() if before else ""}
    return (
        len(words) >= 2
        and not openings.isdisjoint(("that", "which"))
        and words[-1].lower() in _STRANDED_PREPOSITIONS
    )


def _tells_what_the_subject_does(text: str, piece: _Piece) -> bool:
    """Whether a piece that ends a sentence after a comma is a participle with its object,
    telling another thing the subject does: "…, attending site meetings most mornings".
    A lone participle ("…, smiling") colours the clause, and one that gives the reason or
    the aim ("…, citing weaker demand", "…, hoping to fund the stadium") belongs to it."""
    words = _words(_text(text, piece))
    if len(words) < _PARTICIPLE_PHRASE or not text[: piece.start].rstrip().endswith(","):
        return False
    first = words[0]
    return (
        first.islower()
        and first.endswith("ing")
        and len(first) > 5
        and first not in NOT_PARTICIPLES
        and first.lower() not in _WHY_PARTICIPLES
        and not any(_is_verb(word) for word in words)
    )


def _after_and_or(text: str, at: int) -> bool:
    """Whether "and" or "or" comes just before `at` ("…, and" / "… or"): only the end of
    the text before `at` is searched (`_AND_OR` matches there or not at all), not all of it
    from the article's start."""
    words_end = len(text[:at].rstrip())  # where "and"/"or" must end, before the space
    return _AND_OR.search(text, max(0, words_end - 4), at) is not None


def _only_an_adverb(text: str, piece: _Piece) -> bool:
    """Whether a piece is one opening adverb: "Separately", "Meanwhile"."""
    words = _words(_text(text, piece))
    return len(words) == 1 and words[0].lower() in _OPENING_ADVERBS


def _says_when(body: str) -> bool:
    """Whether a clause only says when: "after the Series 5 launch", "following the vote".
    Not when it has a verb, or counts something of its own ("after two rounds of tests");
    a number inside a name ("Series 5", "May 5") counts nothing."""
    words = _words(body)
    # Lower case only: "after the May vote" names a month.
    if not _TIME_PREPOSITION.match(body) or any(w.islower() and _is_verb(w) for w in words):
        return False
    for count in _COUNT.finditer(body):
        before = body[: count.start()].split()
        if not (count.group(0)[0].isdigit() and before and before[-1][:1].isupper()):
            return False
    return True


def _is_label(text: str, piece: _Piece, rest: list[_Piece]) -> bool:
    """Whether a sentence opens with a short label before a colon and a clause: "The good
    news:", "The reason:", "One problem:". Not a name ("Holt: the yard will open"), which
    says who speaks, and not before a phrase with no verb, which the label is the subject of.
    """
    words = _words(_text(text, piece))
    if not rest or not 2 <= len(words) <= 3 or words[0].lower() not in ("the", "one"):
        return False
    if not text[piece.end : rest[0].start].lstrip().startswith(":"):
        return False
    if any(_is_verb(w) or w[:1].isupper() for w in words[1:]):
        return False
    return any(_is_verb(w) for following in rest for w in _words(_text(text, following)))


def _split_participles(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Cut a clause before a participle that opens a claim of its own: "The city issued a
    boil-water notice on March 2 covering 14,200 households" is a notice and its date, and
    how many households it covered.

    Only where both sides stand: the part before is a clause with its verb, and the part
    after carries a figure or a name of its own (else it only colours the first claim).
    """
    split: list[_Piece] = []
    for piece in pieces:
        start = piece.start
        first = True
        for cut in _RESULT_PARTICIPLE.finditer(text, piece.start, piece.end):
            before = _words(text[start : cut.start()])
            after = text[cut.end() : piece.end]
            comma = text[cut.start()] == ","
            if (
                len(before) < _MIN_WORDS
                or not any(_is_verb(word) for word in before)
                or (not comma and before[-1].lower() in _NOT_BEFORE_PARTICIPLE)
                or (not comma and (_is_verb(before[-1]) or before[-1].lower() in _DETERMINERS))
                or len(_words(after)) < _MIN_WORDS
                or not (_FIGURE_OR_DATE.search(after) or _NAME_INSIDE.search(after))
            ):
                continue
            speaker = piece.speaker if first else None
            kept_frame = piece.kept_frame and first
            split.append(
                _Piece(
                    start, cut.start(), speaker=speaker, participle=not first, kept_frame=kept_frame
                )
            )
            start, first = cut.end(), False
        split.append(
            _Piece(
                start,
                piece.end,
                speaker=piece.speaker if first else None,
                participle=not first,
                kept_frame=piece.kept_frame and first,
            )
        )
    return split


def _split_terms(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Cut a clause before the terms of the agreement it acts under: "Aquenta runs the
    plant under a 10-year contract worth $18 million a year" says who runs the plant, and
    how long and how much the contract is for; either may be reported without the other.

    Only where the terms give a value or a length (else "under a contract awarded in 2022"
    only says how, and when) and the part before is a clause with its verb.
    """
    split: list[_Piece] = []
    for piece in pieces:
        # The substring test first: the pattern tries every space, "under" is rare.
        under = text.find("under ", piece.start, piece.end)
        cut = _TERMS.search(text, max(piece.start, under - 2), piece.end) if under >= 0 else None
        if cut is not None:
            before = _words(text[piece.start : cut.start()])
            terms = text[cut.end() : piece.end]
            if (
                len(before) >= _MIN_WORDS
                and any(_is_verb(word) for word in before)
                and _VALUE_OR_LENGTH.search(terms)
            ):
                split.append(
                    _Piece(
                        piece.start,
                        cut.start(),
                        speaker=piece.speaker,
                        participle=piece.participle,
                        kept_frame=piece.kept_frame,
                    )
                )
                split.append(_Piece(cut.end(), piece.end))
                continue
        split.append(piece)
    return split


def _only_qualifies(text: str, piece: _Piece) -> bool:
    """Whether a piece only qualifies the clause before it and has no claim of its own.

    That is a continuation of the clause before ("…, particularly in Tolland where …",
    "…, most of which will …", "…, where it …", "…, including those who …"), a phrase
    that opens with a preposition and has no verb of its own nor a figure ("…, in a unit
    called Dock Four"), a description of the noun before ("sold as a leased
    vessel — one that operators can rent"), or a verbless phrase after a colon that only
    spells out what came before ("…between two yards: Skerrow (a ferry maker) and Tolland").
    """
    body = _text(text, piece)
    words = _words(body)
    if not words or _DESCRIPTIVE_APPOSITION.match(body):
        return bool(words)
    if _MEASURE_PARTICIPLE.match(body) or _describes_the_noun_before(text, piece):
        return True
    ellipsis = _ELLIPSIS.match(body)
    if ellipsis and not any(_is_verb(w) for w in _words(ellipsis.group("tail") or "")):
        return True
    if _CONTINUATION.match(body) and not _DIGIT_OR_AMOUNT.search(body):
        return True
    if text[: piece.start].rstrip().endswith(":") and not any(_is_verb(w) for w in words):
        return True
    return (
        words[0].lower() in _PHRASE_PREPOSITIONS
        and not _has_finite_verb(words)
        and not _DIGIT_OR_AMOUNT.search(body)
    )


_TIME_WORDS = frozenset("yesterday today tonight".split())
_TIME_OPENERS = frozenset("on last this next earlier late".split())
_TIME_UNITS = frozenset("this week weekend month year morning afternoon evening night".split())
_DATE_INSIDE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer"
    r"|autumn|winter|quarter|(?:19|20)\d\d)\b"
)
# How a noun phrase in apposition opens: "a 300-passenger ferry", "the highest in five
# years", "the first since 2019".
_APPOSITION_START = re.compile(
    r"(?:an?\s|the\s+(?:\w+est|first|only|last|biggest|largest|most|least)\b)", re.IGNORECASE
)
# A participle that gives the size of the thing just named: "…, weighing 2.3 tonnes at
# launch", "…, measuring 40 metres". Alone it is a fragment with no subject; with the
# clause it describes, one claim.
_MEASURE_PARTICIPLE = re.compile(
    r"(?:weighing|measuring|spanning|stretching|standing)\s+(?:about\s+|some\s+|nearly\s+"
    r"|almost\s+|roughly\s+|more\s+than\s+|over\s+|under\s+|just\s+)?\d",
    re.IGNORECASE,
)
# A clause that leaves out its predicate, said just before it: "The water is safe to drink,
# and it has been since Wednesday", "…, as it was in 2019", "…, and still is".
_ELLIPSIS = re.compile(
    r"(?:as\s+)?(?:(?:it|they|he|she|this|that)\s+)?(?:(?:still|always|not|never|also)\s+)?"
    r"(?:(?:has|have|had)\s+been|is|are|was|were|(?:will|would|could|can)(?:\s+be)?)"
    r"(?:\s+(?:since|until|till|for|in|through)(?P<tail>(?:\s+[\w’'-]+){1,4}))?[.”\"’]*$",
    re.IGNORECASE,
)


def _describes_the_noun_before(text: str, piece: _Piece) -> bool:
    """Whether a piece is a noun phrase in apposition to the noun that ends the clause
    before: "…the S40 — a 300-passenger battery ferry", "…to €38 million, the highest in
    five years". It says what that noun is; cut off, it is a card with no subject."""
    body = _text(text, piece)
    words = _words(body)
    if len(words) < 2 or not _APPOSITION_START.match(body) or _DATE_INSIDE.search(body):
        # With a date of its own ("a bypass completed on March 6") it tells an event.
        return False
    if _CONTINUATION.match(body) or _DESCRIPTIVE_APPOSITION.match(body):
        return False
    before = _words(text[max(0, piece.start - 80) : piece.start])
    if not before or before[-1].lower() in _PREPOSITIONS or _is_verb(before[-1]):
        return False
    # A verb of its own, even in a relative clause, tells something of its own: "…Series
    # 5, a ferry that failed its sea trials".
    return not any(_is_verb(word) or word.lower() in ("that", "which", "who") for word in words)


def _has_finite_verb(words: Sequence[str]) -> bool:
    """Whether words hold a verb that makes a clause, not only a participle describing a
    noun: "a unit that opened in 2019" does, "a unit called Dock Four" does not."""
    return any(
        word.lower() in _VERBS
        or (_is_verb(word) and index > 0 and words[index - 1].lower() in _BEFORE_PAST_TENSE)
        for index, word in enumerate(words)
    )


def _text(text: str, piece: _Piece) -> str:
    return text[piece.start : piece.end]


def _bare_opening_subject(text: str, piece: _Piece) -> bool:
    """Whether a sentence's opening piece is only its subject with a name or figure in
    apposition ("The director of the authority, Paul Ferrante", "The new ferry, codenamed
    Tern"), not a description ("Corvane, a maker of batteries") or a relative clause,
    which are claims of their own."""
    head, _, apposition = _text(text, piece).partition(",")
    naming = _NAMING.match(apposition)
    if naming:
        rest = _words(head) + _words(apposition[naming.end() :])
        return not any(_is_verb(w) or w.lower() in ("which", "who") for w in rest)
    if _describes(head, apposition):
        return True
    words = _words(_text(text, piece))
    if any(_is_verb(w) or w.lower() in ("which", "who", "whose") for w in words):
        return False
    _, comma, apposition = _text(text, piece).partition(",")
    following = _words(apposition)
    return bool(comma and following) and following[0].lower() not in _DETERMINERS


def _describes(head: str, apposition: str) -> bool:
    """Whether an aside after a sentence's subject only says who or what the subject is:
    "Opposition councillors, led by the Green group", "Dana Holt, who founded Skerrow".

    Without a figure or a date of its own it is no news to check, only a description
    (like a role: "Mr. Marcus Ebbe, the chief executive of Corvane"); with one ("Skerrow,
    founded in Port Ellis in 2015") it is a claim of its own.
    """
    head_words, aside = _words(head), _words(apposition)
    if not head_words or not aside or any(_is_verb(w) for w in head_words):
        return False
    if len(aside) > _LONG_PIECE or _FIGURE_OR_DATE.search(apposition):
        return False
    first = aside[0]
    # Not "which": "The move, which aligns Skerrow with Tolland, …" says what a thing did.
    return first.lower() == "who" or (
        _PARTICIPLE_START.match(first) is not None and first.islower()
    )


def _stands_alone(text: str, piece: _Piece) -> bool:
    """Whether a piece with nothing to join may be a claim of its own."""
    body = _text(text, piece)
    words = _words(body)
    return (
        any(_is_verb(w) for w in words)
        or len(words) >= _LONG_PIECE
        or (len(words) >= 4 and _FIGURE_OR_DATE.search(body) is not None)
    )


def _is_appositive(text: str, piece: _Piece, following: _Piece | None) -> bool:
    """'a maker of batteries' or 'founded in 2015' between a subject and its verb."""
    if following is None:
        return False
    words = _words(_text(text, piece))
    starts_like_one = bool(words) and (
        words[0].lower() in _DETERMINERS or _PARTICIPLE_START.match(words[0]) is not None
    )
    return starts_like_one and _starts_with_verb(_words(text[following.start : following.end]))


def _starts_with_verb(words: Sequence[str]) -> bool:
    for position, word in enumerate(words[:3]):
        if word.lower() in _ADVERBS:
            continue
        following = words[position + 1] if position + 1 < len(words) else ""
        return _is_verb(word) or (_may_be_an_s_verb(word) and _opens_an_object(following))
    return False


def _may_be_an_s_verb(word: str) -> bool:
    """Whether a word reads as a verb in -s the lists do not name ("advocates", "plans",
    "belongs", "suggests", "shows"): `_opens_an_object` after it tells."""
    return (
        word.islower()
        and word.isalpha()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ics"))
        and len(word) > 3
    )


def _opens_an_object(word: str) -> bool:
    """Whether a word after a verb in -s opens what it does: a particle, an article or a
    name ("advocates for", "suggests the", "shows Skerrow")."""
    lower = word.lower()
    return lower in _VERB_PARTICLES or lower in _DETERMINERS or word[:1].isupper()


def _subject(text: str, first: _Piece) -> str | None:
    """The words before the first verb (or comma, or dash) of the sentence's first clause, past an
    opening phrase that only sets the scene ("In a surprising turn, Skerrow …")."""
    segments = _ASIDE.split(text[first.start : first.end])
    while len(segments) > 1 and _sets_the_scene(segments[0]):
        segments.pop(0)
    words = _WORD.findall(segments[0])
    for index, word in enumerate(words):
        if _is_verb(word):
            words = words[:index] if 0 < index <= 8 else []
            break
    else:
        words = words if len(words) <= 5 else []
    words = words[: _time_phrase_start(words)]
    while words and words[-1].islower() and words[-1].endswith("ly"):
        # "Skerrow hastily launched …": the subject is Skerrow, not how it acted.
        words.pop()
    if not words or words[-1].endswith(("’s", "'s")):
        # "Skerrow’s planned purchase of …": a possessive is not who did it.
        return None
    return " ".join(words)


def _without_time_phrase(phrase: str) -> str:
    """A phrase cut before the time phrase in it: "The regional government" of "The
    regional government on Friday"."""
    words = list(_WORD.finditer(phrase))
    cut = _time_phrase_start([word.group(0) for word in words])
    return phrase[: words[cut].start()].rstrip(" ,") if cut < len(words) else phrase


def _time_phrase_start(words: Sequence[str]) -> int:
    """Where a time phrase starts in the words before a sentence's verb, or their end:
    "Marrowport City Council on Tuesday approved …" is about the council, not Tuesday."""
    for index in range(1, len(words)):
        word = words[index].lower()
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _TIME_WORDS or (
            word in _TIME_OPENERS
            and (_DATE_INSIDE.match(following) or following.lower() in _TIME_UNITS)
        ):
            return index
    return len(words)


def _sets_the_scene(segment: str) -> bool:
    """Whether an opening phrase before a comma only sets the scene: "In 2019", "On
    Tuesday", "In a surprising turn of events", "Meanwhile"."""
    words = _words(segment)
    if not words or any(_is_verb(word) for word in words):
        return False
    first = words[0].lower()
    return first in _PHRASE_PREPOSITIONS or (len(words) == 1 and first in _OPENING_ADVERBS)


def _antecedent(text: str, sentence_start: int, clause_start: int) -> str | None:
    """The few words before ", which" that it refers to ("the S40", "Aquenta").

    A place after "in" or "on" is passed over for the thing it locates: in "a new yard
    on the north quay in Port Ellis, which will create 400 jobs" it is the yard.
    """
    words = _WORD.findall(text[sentence_start:clause_start])
    taken: list[str] = []
    skips = 0
    position = len(words)
    while position > 0:
        position -= 1
        word = words[position]
        lower = word.lower()
        if lower in _LOCATIVES and taken and skips < 2:
            taken, skips = [], skips + 1
            continue
        if _is_verb(word) or lower in _PREPOSITIONS or len(taken) == 4:
            break
        taken.insert(0, word)
        if lower in _DETERMINERS:
            before = words[position - 1].lower() if position > 0 else ""
            if before in _LOCATIVES and skips < 2:
                continue  # the next word back is "in"/"on"/"of": look past this place
            break
    return " ".join(taken) or None


# Words before a participle that make it describe a noun ("its licensed technology",
# "more localized innovations"), not tell what someone did.
_DEGREE_WORDS = frozenset("more most less least well highly newly widely so very too".split())
# Past tenses not in -ed that the verb lists leave out: what `has_verb` also counts.
_IRREGULAR_PASTS = frozenset(
    """
    drew drove knew thought caught chose spoke wrote froze stole tore wore woke shook threw
    blew flew hid bit lit fed fled dealt meant felt slept swept lent bent spun stuck sank
    rang swam forgot forgave ate lay sat stood understood withdrew overtook undertook oversaw
    upheld withheld sought taught fought bore
    """.split()
)


def has_verb(text: str) -> bool:
    """Whether a clause tells that something did or is something: a verb the lists know
    ("is", "said", "fell"), a past tense after its subject ("Ebbe sidelined …"), or
    a present tense in -s before its object ("A review points to …", "Corvane makes
    batteries for …"). A participle after a determiner, a preposition, a possessive or
    a degree word describes a noun and does not count."""
    words = _words(text)
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _VERBS or lower in _IRREGULAR_PASTS:
            return True
        if index == 0:
            continue
        before = words[index - 1].lower()
        if (
            before in _DETERMINERS
            or before in _PREPOSITIONS
            or before in _DEGREE_WORDS
            or before.endswith(("’s", "'s"))
        ):
            continue
        if _is_verb(word):
            return True
        after = words[index + 1] if index + 1 < len(words) else ""
        if (
            word.islower()
            and word.isalpha()
            and len(word) > 2
            and not word.endswith(("ing", "ly"))
            and word not in _PREPOSITIONS
            and word not in _VERB_PARTICLES
            and word not in _DETERMINERS
            and before.endswith("s")
            and not before.endswith(("ss", "us", "is"))
            and after.lower() in _DETERMINERS
        ):
            return True  # a plural subject and its verb: "investigators suspect a …"
        if (
            _may_be_an_s_verb(word)
            and before not in ("and", "or")
            and (_opens_an_object(after) or after[:1].isdigit())
        ):
            return True
    return False


def has_finite_verb(text: str) -> bool:
    """Whether a clause holds an auxiliary or a verb the lists know ("was", "said",
    "fell"): a phrase such as "In a notice filed on Thursday" holds none."""
    return any(word.lower() in _VERBS for word in _words(text))


@functools.lru_cache(maxsize=4096)
def _is_verb(word: str) -> bool:
    # Cached: the rules ask this of a sentence's words many times over.
    lower = word.lower()
    if lower in _VERBS:
        return True
    return lower not in _NOT_VERBS and _ED_VERB.match(lower) is not None and word == lower


@functools.lru_cache(maxsize=4096)
def _words(piece: str) -> tuple[str, ...]:
    # Cached: the rules read the same piece's words again and again (a sentence's pieces
    # each pass through a dozen of them), and a tuple cannot be changed by one of them.
    return tuple(_WORD.findall(piece))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] == "."):
        # Keep the full stop of an abbreviation at the end ("Corp.", "U.S.").
        # (The pattern can only match at the end, and any match leaves one in the last five
        # characters: only they are searched, not the whole clause.)
        if text[end - 1] == "." and _ABBREVIATION_END.search(text, max(start, end - 5), end):
            break
        # Keep a bracket the clause opened: "Tolland (a cell supplier)".
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        # And a quotation it opened: the valve “was on a replacement list”.
        if _closes_a_quotation(text, start, end - 1):
            break
        end -= 1
    joiner = _LEADING_JOINER.match(text, start, end)
    if joiner:
        start = joiner.end()
    return start, end
