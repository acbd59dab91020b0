"""Figures read the same however they are written, and differ when they differ."""

import pytest

from factcards.core.figures import Figure, disagreement, find_figures


def _one(text: str) -> tuple[str, tuple[float, float], str]:
    [figure] = find_figures(text)
    return figure.kind, figure.value, figure.unit


@pytest.mark.parametrize(
    "text", ["€210 million", "210 million euros", "€210m", "EUR 210 million"[4:] + " euros"]
)
def test_one_amount_written_many_ways(text: str) -> None:
    assert _one(text) == ("money", (210e6, 210e6), "EUR")


def test_counts_measures_percentages_and_dates() -> None:
    assert _one("covering 14,200 households") == ("count", (14200, 14200), "household")
    assert _one("has delivered twelve ferries") == ("count", (12, 12), "ferry")
    assert _one("about 540 km above Earth")[0:2] == ("measure", (540, 540))
    assert _one("rose 3.5% on Tuesday") == ("percent", (3.5, 3.5), "%")
    assert _one("lifted on Wednesday, March 11") == ("date", (311, 311), "day")
    assert _one("started on 5 March") == ("date", (305, 305), "day")


def test_periods_that_do_not_contain_each_other_disagree() -> None:
    [spring] = find_figures("to launch in spring 2027")
    [first_quarter] = find_figures("in the first quarter of 2027")
    [year] = find_figures("in late 2027")
    assert disagreement(spring, first_quarter)
    assert not disagreement(spring, spring)
    assert disagreement(year, spring)


def test_rounding_is_not_a_disagreement() -> None:
    [a] = find_figures("€210 million")
    [b] = find_figures("€210.5 million")
    [c] = find_figures("€240 million")
    assert not disagreement(a, b)
    assert disagreement(a, c)


def test_a_part_of_an_amount_is_not_the_amount() -> None:
    [part] = find_figures("About £20 million of the fee will go to the stadium")
    [fee] = find_figures("a fee of £52 million")
    assert part.unit != fee.unit
    assert not disagreement(part, fee)


def _figure(text: str) -> Figure:
    [figure] = find_figures(text)
    return figure


def test_a_bound_agrees_with_values_on_its_side() -> None:
    more_than = _figure("handed out more than 400,000 bottles")
    assert more_than.qualifier == "lower"
    assert not disagreement(more_than, _figure("handed out 410,000 bottles"))
    assert disagreement(more_than, _figure("handed out 390,000 bottles"))
    up_to = _figure("carries up to 300 passengers")
    assert not disagreement(up_to, _figure("carries 280 passengers"))
    assert disagreement(up_to, _figure("carries 320 passengers"))
    # Far past its value, a bound is not how a reporter gives a figure.
    assert disagreement(more_than, _figure("handed out 2 million bottles"))


def test_bounds_on_opposite_sides_of_one_value_disagree() -> None:
    assert disagreement(_figure("more than 400 people"), _figure("fewer than 400 people"))
    assert not disagreement(_figure("more than 300 people"), _figure("fewer than 400 people"))


def test_an_approximation_agrees_within_its_rounding() -> None:
    assert not disagreement(_figure("roughly 14,200 homes"), _figure("14,200 households"))
    assert not disagreement(_figure("about 190 million euros"), _figure("€187 million"))
    assert not disagreement(_figure("approximately $21.6 billion"), _figure("$21.6 billion"))
    assert not disagreement(_figure("nearly 3%"), _figure("2.9%"))
    assert disagreement(_figure("nearly 3%"), _figure("3.2%"))


def test_planted_conflicts_survive_approximation() -> None:
    assert disagreement(_figure("about €240 million"), _figure("€210 million"))
    assert disagreement(_figure("about 190 million euros"), _figure("about €175 million"))
    assert disagreement(_figure("about 540 km"), _figure("480 kilometres"))
    assert disagreement(_figure("rose about 3%"), _figure("rose 1.8%"))


def test_over_a_duration_is_how_long_not_a_bound() -> None:
    assert _figure("to be repaid over 25 years").qualifier == ""
    assert _figure("cost over £60 million").qualifier == "lower"


def test_hours_and_days_are_durations_not_counts() -> None:
    # "14 hours" is how long, never the "14" of "14 cities".
    hours = _figure("crews took 14 hours to shut off the main")
    assert (hours.kind, hours.unit) == ("measure", "duration")
    assert _figure("a 10-day strike").unit == "duration"
    assert not disagreement(_figure("within 48 hours"), _figure("within two days"))
    assert disagreement(_figure("within 48 hours"), _figure("within three days"))


def test_a_copy_of_a_figure_keeps_its_qualifier() -> None:
    bound = _figure("more than 400,000 bottles")
    copy = Figure(bound.kind, bound.value, "other", bound.text)
    assert copy.qualifier == "lower"


def test_a_number_word_inside_another_word_is_not_a_number() -> None:
    assert find_figures("Crews often years later found the wreck.") == []
    assert find_figures("Skerrow spent a tone euros would not buy.") == []
    assert [f.text for f in find_figures("The refit took ten years and cost twenty euros.")] == [
        "twenty euros",
        "ten years",
    ]


def test_letters_that_match_ascii_only_case_insensitively_are_read_without_a_crash() -> None:
    # "ı" (dotless i), "İ", "ſ" (long s) and the Kelvin sign match i, s and k in a
    # case-insensitive pattern; what such a pattern matched is read like its ASCII twin.
    [amount] = find_figures("Skerrow paid ſome €5 million.")
    assert (amount.text, amount.qualifier) == ("ſome €5 million", "approximate")
    [season] = find_figures("The S40 sails in SPRİNG 2027.")
    [plain] = find_figures("The S40 sails in spring 2027.")
    assert (season.kind, season.value) == (plain.kind, plain.value)
