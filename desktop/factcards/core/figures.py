"""Figures in a claim: amounts, percentages, counts, measures, dates and periods, normalised.

"€210 million", "210 million euros" and "€210m" are one figure; "spring 2027" and "the
first quarter of 2027" are two periods that do not contain each other. Shared figures
make two quotes the same claim; differing figures of the same kind about the same thing
make them a conflict. A qualified amount is a range, not a point: "more than 400,000"
agrees with 410,000 and not with 390,000, "about 190 million" agrees with 187 million and
not with 175 million.
"""

import functools
import math
import re
from dataclasses import dataclass, field

from factcards.core.folding import folded

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
}
_CURRENCIES = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "pence": "GBX",
    "cents": "USC",
}
_UNITS = {
    "km": ("length", 1.0),
    "kilometre": ("length", 1.0),
    "kilometres": ("length", 1.0),
    "kilometer": ("length", 1.0),
    "kilometers": ("length", 1.0),
    "mile": ("length", 1.609),
    "miles": ("length", 1.609),
    "metre": ("length", 0.001),
    "metres": ("length", 0.001),
    "meter": ("length", 0.001),
    "meters": ("length", 0.001),
    "kg": ("mass", 1.0),
    "tonnes": ("mass", 1000.0),
    "tons": ("mass", 1000.0),
    "months": ("duration", 1.0),
    "month": ("duration", 1.0),
    "years": ("duration", 12.0),
    "year": ("duration", 12.0),
    "weeks": ("duration", 0.25),
    "week": ("duration", 0.25),
    "days": ("duration", 1 / 30),
    "day": ("duration", 1 / 30),
    "hours": ("duration", 1 / 720),
    "hour": ("duration", 1 / 720),
    "points": ("points", 1.0),
    "basis": ("bp", 1.0),
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Periods as (first month, last month) of a year.
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 14),
}
_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3,
             "3rd": 3, "q3": 3, "fourth": 4, "4th": 4, "q4": 4}  # fmt: skip
_HALVES = {"first": (1, 6), "second": (7, 12)}
_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (10, 12)}

# The kinds of figure that are amounts, which a qualifier may make a bound or approximate.
_AMOUNT_KINDS = frozenset({"money", "percent", "measure", "count"})

_NUM = r"\d+(?:[.,]\d+)*"
_WORDNUM = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_SCALE = r"(?:thousand|million|billion|trillion|mln|bn|m|k|b)\b"
# The patterns that read a number in digits or in words come twice: the second reads
# digits only, for the texts that hold no number word (nearly all), where the engine need
# not try every number word at every letter. A number word can match only where the
# folded text holds it (see _Hints), so both find the same in such a text.
_NUMBER = rf"{_NUM}|\b(?:{_WORDNUM})"


def _money_pattern(number: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<sym>[€£$])\s?(?P<num>{_NUM})\s*(?P<scale>{_SCALE})?"
        rf"|(?P<num2>{number})\s*(?P<scale2>{_SCALE})?\s*(?P<cur>euros?|pounds?|dollars?|pence|cents)\b",
        re.IGNORECASE,
    )


_MONEY, _MONEY_IN_DIGITS = _money_pattern(_NUMBER), _money_pattern(_NUM)
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|this|that|his|her)\b", re.IGNORECASE)
_PERCENT = re.compile(rf"(?P<num>{_NUM})\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


def _measure_pattern(number: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<num>{number})(?:\s|-)(?P<unit>km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|kg"
        r"|tonnes|tons|months?|years?|weeks?|days?|hours?|basis\s+points|points)\b",
        re.IGNORECASE,
    )


_MEASURE, _MEASURE_IN_DIGITS = _measure_pattern(_NUMBER), _measure_pattern(_NUM)
# What a text must hold for each kind of figure to be in it: most quotes give no figure,
# and are not searched with the patterns (which try every number word at every letter).
# These are plain substrings of the folded text (factcards.core.folding), so a pattern's
# match always holds one.
_DIGITS = re.compile(r"\d+")


def _substrings(*words: str) -> re.Pattern[str]:
    """A pattern that finds any of these words inside a folded text, as `in` would (one
    search is quicker than one `in` a word)."""
    return re.compile("|".join(re.escape(word) for word in words))


_CURRENCY_HINTS = _substrings("€", "£", "$", "euro", "pound", "dollar", "pence", "cent")
_MEASURE_HINTS = _substrings(
    "km", "kilomet", "mile", "metre", "meter", "kg", "ton", "month", "year", "week", "day", "hour",
    "point",
)  # fmt: skip
_SEASON_HINTS = _substrings("spring", "summer", "autumn", "fall", "winter")
_PERCENT_HINTS = _substrings("%", "cent")
_NUMBER_WORD_HINTS = _substrings(*_NUMBER_WORDS)
_DAY_MONTH = re.compile(
    r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Z][a-z]{2,8})"
    r"|(?P<month2>[A-Z][a-z]{2,8})\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?)\b(?!\s*(?:%|,\d))"
)
_SEASON = re.compile(
    r"\b(?:(?P<part>early|late|mid)[\s-]+)?(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+of)?(?:\s+(?P<year>(?:19|20)\d\d)|\s+(?P<next>next\s+year))?\b",
    re.IGNORECASE,
)
_QUARTER = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|(?P<q>Q[1-4]))"
    r"(?:\s+of)?(?:\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_YEAR_PART = re.compile(
    r"\b(?:(?P<part>early|late|mid|end\s+of)[\s-]+(?P<year>(?:19|20)\d\d)"
    r"|(?P<season>20\d\d)[–-](?P<season_end>\d\d)\s+season)\b",
    re.IGNORECASE,
)
# "34 to 17", "34–17", "34 votes to 17": a vote or a score.
_PAIR = re.compile(
    r"(?<![\d.,])(?P<a>\d{1,4})\s*(?:votes?\s+)?(?:–|-|to)\s*(?P<b>\d{1,4})(?![\d.,%])"
)
# A number standing alone ("will seat 42,000"): large enough to be a figure.
_BARE = re.compile(r"(?<![\w.,€£$–-])(?P<num>\d{1,3}(?:,\d{3})+|\d{3,})(?![\w.,%])")
_YEAR = re.compile(
    r"(?<![\d.,€£$])\b(?P<year>(?:19|20)\d\d)\b(?![\d%.,]|\s*(?:euros|pounds|dollars))"
)


def _count_pattern(number: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.,€£$–-])(?P<num>{number})(?:\s*(?P<scale>thousand|million|billion))?"
        r"(?:-\w+)?(?=\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}))",
        re.IGNORECASE,
    )


_COUNT, _COUNT_IN_DIGITS = _count_pattern(f"{_NUM}|{_WORDNUM}"), _count_pattern(_NUM)
_NOT_NOUNS = frozenset(
    """
    and or of on in at to for from by with as than the a an was were is are had has have
    will would shall could can may might did do does after before since until
    """.split()
)
# Words before an amount that make it a bound or an approximation, and which: "lower" and
# "upper" bounds ("more than", "up to"), "below" and "above" for just short of or just
# past a value ("nearly", "just over"), "approximate" for a rounded value ("about").
# Longer phrases first, so that "no more than" is not read as "more than".
_QUALIFIERS = {
    "no more than": "upper",
    "no fewer than": "lower",
    "no less than": "lower",
    "not more than": "upper",
    "not less than": "lower",
    "slightly more than": "above",
    "slightly less than": "below",
    "a little over": "above",
    "a little under": "below",
    "just over": "above",
    "just under": "below",
    "just shy of": "below",
    "well over": "lower",
    "well under": "upper",
    "more than": "lower",
    "fewer than": "upper",
    "less than": "upper",
    "at least": "lower",
    "at most": "upper",
    "up to": "upper",
    "as many as": "upper",
    "as much as": "upper",
    "upwards of": "lower",
    "in excess of": "lower",
    "over": "lower",
    "above": "lower",
    "under": "upper",
    "below": "upper",
    "nearly": "below",
    "almost": "below",
    "close to": "below",
    "about": "approximate",
    "around": "approximate",
    "roughly": "approximate",
    "approximately": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "estimated": "approximate",
    "in the region of": "approximate",
}
_QUALIFIER = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
_QUALIFIER_AT_START = re.compile(
    r"^(?P<q>"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True)
    )
    + r")\s",
    re.IGNORECASE,
)
# "repaid over 25 years", "€90 million over three years": before a duration these words
# say across how long, not how much.
_NOT_BEFORE_DURATION = frozenset({"over", "under", "up to"})
# Two amounts within this share of the larger are one amount told with different rounding.
_ROUNDING = 0.01
# An approximation is a value rounded at its last significant digit ("about 190 million":
# 185 to 195 million), never looser than this share of it ("about 400": 360 to 440).
_APPROXIMATION = 0.1
# A bound reaches at most this factor past its value: "more than 400,000" is not how a
# reporter gives 900,000, and "up to 300" is not how one gives 100.
_BOUND_REACH = 1.5

_ADJECTIVES = frozenset(
    """
    new more than about around roughly some nearly almost over under up to electric other
    additional extra affected independent own major local small large big per cent
    """.split()
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: its kind, its normalised value and unit, and its words in the text."""

    kind: str  # money, percent, measure, count, date, period, year
    value: tuple[float, float]  # a number is (v, v); a date or period is (first, last)
    unit: str
    # Its words, with what qualifies an amount ("more than 400,000 bottles").
    text: str
    # How an amount is qualified: "" (as stated), "lower" or "upper" (a bound), "below" or
    # "above" (just short of, just past) or "approximate". Read from the figure's own
    # words, so a copy of a figure keeps it; read once, as linking compares each figure
    # with dozens of others.
    qualifier: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        qualifier = _qualifier(self.text) if self.kind in _AMOUNT_KINDS else ""
        object.__setattr__(self, "qualifier", qualifier)

    def __reduce__(self) -> tuple[type["Figure"], tuple[str, tuple[float, float], str, str]]:
        # Pickled by its fields in order: far quicker to load than a slotted dataclass's
        # default state (figures travel from the read-ahead workers by the thousand).
        return Figure, (self.kind, self.value, self.unit, self.text)

    @property
    def key(self) -> str:
        """What two equal figures have in common, for an index."""
        return f"{self.kind}:{self.unit}:{self.value[0]:g}:{self.value[1]:g}"


@functools.lru_cache(maxsize=4096)
def _qualifier(text: str) -> str:
    # Cached: a figure's words recur (each clause of a sentence, each copy of a figure).
    match = _QUALIFIER_AT_START.match(text)
    if match is None:
        return ""
    return _QUALIFIERS[" ".join(folded(match["q"]).split())]


def parse_number(token: str) -> float | None:
    """A number written in digits ("14,200", "3.5") or words ("twelve")."""
    lower = folded(token)
    if lower in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[lower])
    cleaned = token.replace(",", "")
    if token.count(",") and not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        cleaned = token.replace(",", ".")  # a decimal comma ("1,8")
    try:
        return float(cleaned)
    except ValueError:
        return None


def find_figures(text: str) -> list[Figure]:
    """Every figure in a piece of text, most specific kinds first, without overlaps."""
    return [figure for _, _, figure in figure_spans(text)]


class _Hints:
    """Which kinds of figure a text may hold, from substrings (see _CURRENCY_HINTS)."""

    __slots__ = (
        "_lower",
        "digit",
        "long_run",
        "number",
        "number_word",
        "short_run",
        "two_runs",
        "year",
    )

    def __init__(self, text: str) -> None:
        self._lower = folded(text)
        # The runs of digits: a year is a run of four from 19 or 20, a day of the month a
        # run of one or two, a large bare number one of three or more (or a comma's
        # group of three), a score two runs.
        runs = _DIGITS.findall(text)
        self.digit = bool(runs)
        self.number_word = self.any(_NUMBER_WORD_HINTS)
        self.number = self.digit or self.number_word
        self.year = any(len(run) == 4 and run[:2] in ("19", "20") for run in runs)
        self.short_run = any(len(run) <= 2 for run in runs)
        self.long_run = any(len(run) >= 3 for run in runs)
        self.two_runs = len(runs) >= 2

    def any(self, hints: re.Pattern[str]) -> bool:
        """Whether the text holds one of these (`_substrings`)."""
        return hints.search(self._lower) is not None

    def holds(self, word: str) -> bool:
        """Whether the text holds this."""
        return word in self._lower


def figure_spans(text: str) -> list[tuple[int, int, Figure]]:
    """Every figure with the span of its words in `text`."""
    figures: list[tuple[int, int, Figure]] = []

    def add(start: int, end: int, figure: Figure | None) -> None:
        if figure is None or any(s < end and start < e for s, e, _ in figures):
            return
        if figure.kind in _AMOUNT_KINDS:
            qualifier = _QUALIFIER.search(text, max(0, start - 24), start)
            if (
                qualifier is not None
                and not any(s < start and qualifier.start() < e for s, e, _ in figures)
                and not (
                    figure.unit == "duration"
                    and " ".join(folded(qualifier[0]).split()) in _NOT_BEFORE_DURATION
                )
            ):
                start = qualifier.start()
                words = " ".join(qualifier[0].split())
                figure = Figure(figure.kind, figure.value, figure.unit, f"{words} {figure.text}")
        figures.append((start, end, figure))

    hints = _Hints(text)
    money_pattern, measure_pattern, count_pattern = (
        (_MONEY, _MEASURE, _COUNT)
        if hints.number_word
        else (_MONEY_IN_DIGITS, _MEASURE_IN_DIGITS, _COUNT_IN_DIGITS)
    )
    for match in (
        money_pattern.finditer(text) if hints.number and hints.any(_CURRENCY_HINTS) else ()
    ):
        money = _money(match)
        if money is not None and _PART_OF.match(text, match.end()):
            # "£20 million of the fee" is a part of an amount, not the amount.
            money = Figure(money.kind, money.value, money.unit + ":part", money.text)
        add(match.start(), match.end(), money)
    for match in _PERCENT.finditer(text) if hints.digit and hints.any(_PERCENT_HINTS) else ():
        value = parse_number(match["num"])
        if value is not None:
            add(match.start(), match.end(), Figure("percent", (value, value), "%", match[0]))
    for match in (
        measure_pattern.finditer(text) if hints.number and hints.any(_MEASURE_HINTS) else ()
    ):
        add(match.start(), match.end(), _measure(match))
    quarter = hints.holds("quarter") or (hints.digit and hints.holds("q"))
    for match in _QUARTER.finditer(text) if quarter else ():
        add(match.start(), match.end(), _quarter(match))
    for match in _SEASON.finditer(text) if hints.any(_SEASON_HINTS) else ():
        add(match.start(), match.end(), _season(match))
    if not hints.number:
        return figures  # the rest all need a number
    for match in _YEAR_PART.finditer(text) if hints.year else ():
        add(match.start(), match.end(), _year_part(match))
    for match in _DAY_MONTH.finditer(text) if hints.short_run else ():
        add(match.start(), match.end(), _date(match))
    for match in _PAIR.finditer(text) if hints.two_runs else ():
        a, b = float(match["a"]), float(match["b"])
        if not (1900 <= a <= 2100):  # "2028-29" is a season, handled above
            add(match.start(), match.end(), Figure("pair", (a, b), "", match[0]))
    for match in _YEAR.finditer(text) if hints.year else ():
        year = float(match["year"])
        add(match.start(), match.end(), Figure("year", (year, year), "", match[0]))
    for match in count_pattern.finditer(text):
        add(match.start(), match.start() + len(match["num"]), _count(match))
    for match in _BARE.finditer(text) if hints.long_run else ():
        value = parse_number(match["num"])
        if value is not None:
            add(match.start(), match.end(), Figure("count", (value, value), "", match[0]))
    return figures


def _money(match: re.Match[str]) -> Figure | None:
    raw = match["num"] or match["num2"]
    value = parse_number(raw)
    if value is None:
        return None
    scale = folded(match["scale"] or match["scale2"] or "")
    value *= _SCALES.get(scale, 1.0)
    currency = _CURRENCIES.get(folded(match["sym"] or match["cur"] or ""), "")
    return Figure("money", (value, value), currency, match[0].strip())


def _measure(match: re.Match[str]) -> Figure | None:
    value = parse_number(match["num"])
    unit = folded(match["unit"]).split()[0]
    if value is None or unit not in _UNITS:
        return None
    dimension, factor = _UNITS[unit]
    return Figure("measure", (value * factor, value * factor), dimension, match[0])


def _quarter(match: re.Match[str]) -> Figure:
    number = _QUARTERS[folded(match["ord"] or match["q"])]
    year = float(match["year"]) if match["year"] else 0.0
    first = year * 12 + (number - 1) * 3 + 1
    return Figure("period", (first, first + 2), "month", match[0])


def _season(match: re.Match[str]) -> Figure:
    first, last = _SEASONS[folded(match["season"])]
    if match["part"]:
        span = last - first
        third = (span + 1) // 3
        part = folded(match["part"])
        if part == "early":
            last = first + third - 1
        elif part == "late":
            first = last - third + 1
    year = float(match["year"]) if match["year"] else 0.0
    return Figure("period", (year * 12 + first, year * 12 + last), "month", match[0])


def _year_part(match: re.Match[str]) -> Figure:
    if match["season"]:
        start = float(match["season"])
        return Figure("period", (start * 12 + 8, start * 12 + 17), "month", match[0])
    year = float(match["year"])
    first, last = _PARTS[folded(match["part"].split()[0])]
    return Figure("period", (year * 12 + first, year * 12 + last), "month", match[0])


def _date(match: re.Match[str]) -> Figure | None:
    month_name = folded(match["month"] or match["month2"])
    day = int(match["day"] or match["day2"])
    month = _MONTHS.get(month_name)
    if month is None or not 1 <= day <= 31:
        return None
    value = month * 100 + day
    return Figure("date", (value, value), "day", match[0])


def _count(match: re.Match[str]) -> Figure | None:
    value = parse_number(match["num"])
    if value is None:
        return None
    if match["scale"]:
        value *= _SCALES[folded(match["scale"])]
    words = match["noun"].lower().split()
    for word in words:
        if word in _ADJECTIVES:
            continue
        if word in _NOT_NOUNS or (word.endswith("ed") and len(word) > 4):
            return None
        return Figure("count", (value, value), _singular(word), f"{match['num']} {word}")
    return None


def _singular(noun: str) -> str:
    for suffix, replacement in (("ies", "y"), ("ses", "s"), ("s", "")):
        if noun.endswith(suffix) and len(noun) > len(suffix) + 2:
            return noun[: -len(suffix)] + replacement
    return noun


def disagreement(a: Figure, b: Figure) -> bool:
    """True when two figures of one kind and unit say different things."""
    return a.kind == b.kind and a.unit == b.unit and values_differ(a, b)


def values_differ(a: Figure, b: Figure) -> bool:
    """True when two figures of one kind say different things, whatever their units
    ("42,000 spectators" and "42,000 seats" give one number)."""
    if a.kind == "period":
        (a1, a2), (b1, b2) = a.value, b.value
        if a1 < 12 or b1 < 12:  # a period without a year: compare within the year
            a1, a2, b1, b2 = a1 % 12 or 12, a2 % 12 or 12, b1 % 12 or 12, b2 % 12 or 12
        contains = (a1 <= b1 and b2 <= a2) or (b1 <= a1 and a2 <= b2)
        return not contains
    if a.kind in ("date", "pair", "year"):
        return a.value != b.value
    # Amounts within 1% of each other are one amount told with different rounding.
    slack = _ROUNDING * max(abs(a.value[0]), abs(b.value[0]))
    qualifier_a, qualifier_b = a.qualifier, b.qualifier
    if not qualifier_a and not qualifier_b:  # the usual case, and the quickest
        return abs(a.value[0] - b.value[0]) > slack
    (low_a, high_a) = _admits(a.value[0], qualifier_a)
    (low_b, high_b) = _admits(b.value[0], qualifier_b)
    if {qualifier_a, qualifier_b} == {"lower", "upper"}:
        # "more than 400" and "fewer than 400" meet at a value neither allows.
        return max(low_a, low_b) >= min(high_a, high_b)
    return max(low_a, low_b) - min(high_a, high_b) > slack


def _admits(value: float, qualifier: str) -> tuple[float, float]:
    """The values an amount allows, from its qualifier: "more than 400,000" allows 400,000
    to 600,000, "about 190 million" 185 to 195 million, "€210 million" only itself."""
    if qualifier == "lower":
        return value, value * _BOUND_REACH
    if qualifier == "upper":
        return value / _BOUND_REACH, value
    if qualifier == "below":
        return value * (1 - _APPROXIMATION), value
    if qualifier == "above":
        return value, value * (1 + _APPROXIMATION)
    if qualifier == "approximate":
        spread = min(_last_digit(value) / 2, _APPROXIMATION * abs(value))
        return value - spread, value + spread
    return value, value


def _last_digit(value: float) -> float:
    """The place of a number's last significant digit: 10 million for 190 million, 0.1 for
    3.2, 100 for 14,200."""
    if value == 0:
        return 0.0
    place = 10.0 ** math.floor(math.log10(abs(value)))
    while place > 1e-6:
        scaled = value / place
        if abs(scaled - round(scaled)) < 1e-6:
            return place
        place /= 10
    return place
