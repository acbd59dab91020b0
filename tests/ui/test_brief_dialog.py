"""Export brief…: the preview renders the brief, and Save writes the markdown."""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from factcards.ui.main_window import MainWindow


def _section(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {heading} \(\d+\)\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"no {heading} section"
    return match.group(1)


def test_a_confirmed_card_is_in_the_brief_with_its_quotes_and_citations(
    demo_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    card_id = demo_window.current_card_id() or 0
    detail = demo_window.project.card_detail(card_id)
    qtbot.keyClick(demo_window.card_view, Qt.Key.Key_C)

    dialog = demo_window.export_brief()
    qtbot.addWidget(dialog)
    preview = dialog.preview.toPlainText()
    assert "Confirmed (1)" in preview
    assert detail.summary.wording in preview

    assert dialog.save_to(tmp_path / "brief.md")
    brief = (tmp_path / "brief.md").read_text(encoding="utf-8")
    confirmed = _section(brief, "Confirmed")
    assert confirmed.count("### ") == 1
    assert "Unreviewed (" in brief
    footnotes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", brief, re.M))
    # Each quote is a blockquote citing its source (title and outlet) by footnote.
    numbers = re.findall(r"^> .*\[\^(\d+)\]$", confirmed, re.M)
    assert len(numbers) == len(detail.quotes)
    for quote, number in zip(detail.quotes, numbers, strict=True):
        assert " ".join(quote.text.split()) in preview
        assert quote.source_title in footnotes[number]
        assert quote.source_outlet is None or quote.source_outlet in footnotes[number]
    dialog.close()


def test_the_preview_shows_article_text_as_text(demo_window: MainWindow, qtbot: QtBot) -> None:
    dialog = demo_window.export_brief()
    qtbot.addWidget(dialog)
    html = dialog.preview.toHtml()
    assert "<script" not in html
    assert "€210 million" in dialog.preview.toPlainText()
    dialog.close()
