"""Figures read the same however they are written, and differ when they differ."""

import pytest

from factcards.core.figures import disagreement, find_figures


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
