"""A card that hundreds of sources carry: the pane lists the first quotes and says how many
more there are, instead of laying out every one."""

from pytestqt.qtbot import QtBot

from factcards.ui.detail_pane import SHOWN_QUOTES, DetailPane
from factcards_db import CardDetail, CardSummary, QuoteView


def _quote(number: int) -> QuoteView:
    return QuoteView(
        id=number,
        source_id=number,
        start=0,
        end=40,
        text=f"The yard will employ {number} people, the council said.",
        attribution="the council",
        score=0.8,
        source_title=f"Yard story {number}",
        source_outlet=f"Outlet {number}",
        source_path=f"/news/{number}.txt",
        context_before="",
        context_after="",
    )


def test_a_card_of_many_quotes_lists_the_first_and_counts_the_rest(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    count = SHOWN_QUOTES + 25
    summary = CardSummary(
        id=1,
        wording="The yard will employ people",
        status="unreviewed",
        note="",
        score=0.8,
        source_count=count,
        quote_count=count,
        first_quote=_quote(1).text,
        first_source="Outlet 1",
        origin_count=count,
    )
    pane.show_card(CardDetail(summary=summary, quotes=[_quote(n) for n in range(1, count + 1)]))
    assert "… and 25 more quotes" in pane.quotes.toPlainText()

    # What the window asks the store for: the first quotes only; the summary counts all.
    pane.show_card(CardDetail(summary=summary, quotes=[_quote(n) for n in range(1, 42)]))

    text = pane.quotes.toPlainText()
    assert f"Yard story {SHOWN_QUOTES}\n" in text or f"Yard story {SHOWN_QUOTES} " in text
    assert f"Yard story {SHOWN_QUOTES + 1}" not in text
    assert "… and 25 more quotes" in text
    assert f"{count} sources" in pane.facts.text()
    assert f"Origins: {count} independent" in text
