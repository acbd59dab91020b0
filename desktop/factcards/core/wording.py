"""How a card words its claim, from the text of a quote."""

import re

_SPACE = re.compile(r"\s+")
_SUBJECT_PRONOUNS = ("it", "they", "he", "she")
_POSSESSIVE_PRONOUNS = ("its", "their")
# A short subject and the relative clause about it, and nothing after: "The move, which
# aligns Skerrow with its rivals".
_SUBJECT_AND_RELATIVE = re.compile(r"(?P<subject>[A-Z][^,]{0,40}), (?:which|who) (?P<rest>[^,]+)$")


_COMMA_IN_CLOSING_QUOTE = re.compile(r",([”\"])$")
# Words after "which" that start its subject, not its verb.
_NOT_VERB_OPENINGS = frozenset(
    "the a an this that these those its his her their our it they he she we".split()
)


def card_wording(quote_text: str) -> str:
    """A quote's text as one clean line, fit to be a card's wording: a comma the source
    put inside the closing quotation mark (the ferry “Tern,”) goes."""
    # Each run of spaces as one space, none at the ends: str.split knows the same spaces
    # as `_SPACE`, and is quicker than replacing them.
    return _COMMA_IN_CLOSING_QUOTE.sub(r"\1", " ".join(quote_text.split()))


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


def clause_wording(clause_text: str, subject: str | None) -> str:
    """A clause as a card's wording, with the subject it leaves out put back.

    "has delivered 12 ferries" about "The company" reads "The company has delivered 12
    ferries"; "which is expected to launch in 2027" about "the S40" reads "the S40 is
    expected to launch in 2027". The quote itself stays verbatim; only the wording reads.
    """
    text = card_wording(clause_text)
    if not subject:
        relative = _SUBJECT_AND_RELATIVE.match(text)
        if relative and _opens_with_a_verb(relative.group("rest")):
            # "The move, which aligns Skerrow with its rivals" says "The move aligns Skerrow…".
            text = f"{relative.group('subject')} {relative.group('rest')}"
        return _capitalised(text)
    first, _, rest = text.partition(" ")
    if first.lower() in ("which", "who", *_SUBJECT_PRONOUNS) and rest:
        # "it would cooperate" said by Aquenta reads "Aquenta would cooperate".
        text = rest
    elif first.lower() in ("whose", *_POSSESSIVE_PRONOUNS) and rest:
        return _capitalised(_possessive(subject, rest))
    return _capitalised(f"{subject} {text}")


def _opens_with_a_verb(clause: str) -> bool:
    """Whether "which"/"who" is the subject of what follows it ("which aligns …"), not its
    object ("which Holt had long pushed for", "which the council backed")."""
    first = clause.split(" ", 1)[0]
    return first.islower() and first not in _NOT_VERB_OPENINGS


def _possessive(subject: str, rest: str) -> str:
    return f"{subject}’s {rest}" if not subject.endswith("s") else f"{subject}’ {rest}"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


_PRONOUN_START = re.compile(
    r"^(?:it|its|they|their|he|his|she|her|this|these|those|that|which|who|after|instead"
    r"|including|with|up|down|while|but|and|so|because)\b",
    re.IGNORECASE,
)
_HAS_FIGURE = re.compile(r"\d")
_NAME = re.compile(r"(?<!^)\b[A-Z][a-z]+")


def wording_clarity(wording: str) -> float:
    """How well a wording stands on its own as a card's claim (higher is clearer)."""
    words = wording.split()
    clarity = 1.0
    if _PRONOUN_START.match(wording):
        clarity -= 0.6
    if wording[:1].islower():
        clarity -= 0.3
    if len(words) < 6:
        clarity -= 0.05 * (6 - len(words))
    elif len(words) > 28:
        clarity -= 0.02 * (len(words) - 28)
    if _HAS_FIGURE.search(wording):
        clarity += 0.1
    clarity += 0.05 * min(len(_NAME.findall(wording)), 3)
    return clarity


def clearer_wording(current: str, candidate: str) -> str:
    """The clearer of a card's wording and a new quote's; the current one wins ties."""
    return candidate if wording_clarity(candidate) > wording_clarity(current) + 0.05 else current
