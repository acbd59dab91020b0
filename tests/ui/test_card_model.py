"""The card list's model keeps Qt's model contract and fetches rows lazily."""

from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester

import factcards.ui.card_model
from factcards.core.demo import ensure_demo_project
from factcards.ui.card_model import CARD_ROLE, CardListModel
from factcards_db import CardFilter, CardSummary, Project


def test_the_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    with Project.open(ensure_demo_project()) as project:
        model = CardListModel(project)
        qtmodeltester.check(model)
        model.set_filter(CardFilter(min_score=0.5))
        qtmodeltester.check(model)


def test_rows_come_from_the_store_in_its_order(tmp_path: Path) -> None:
    with Project.open(ensure_demo_project()) as project:
        model = CardListModel(project)
        ids = project.card_ids()
        assert model.rowCount() == len(ids)
        last = model.data(model.index(len(ids) - 1), CARD_ROLE)
        assert isinstance(last, CardSummary)
        assert last.id == ids[-1]
        assert model.row_of(ids[3]) == 3


def test_the_list_is_fetched_a_batch_at_a_time_as_the_view_asks(
    qtmodeltester: ModelTester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(factcards.ui.card_model, "ID_BATCH", 7)
    with Project.open(ensure_demo_project()) as project:
        listed = CardFilter(order="score", min_score=0.5)
        ids = project.card_ids(listed)
        assert len(ids) > 3 * 7
        model = CardListModel(project, listed)
        assert model.rowCount() == 7 and model.canFetchMore(model.index(-1))
        inserted: list[tuple[int, int]] = []
        model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
        model.fetchMore(model.index(-1))
        assert inserted == [(7, 13)] and model.rowCount() == 14

        deep = ids[-2]
        assert model.row_of(deep) == len(ids) - 2  # fetched as far as the card
        every = project.card_ids(CardFilter(min_score=0.0, order="score"))
        unlisted = next(card for card in every if card not in ids)
        assert model.row_of(unlisted) is None
        model.fetch_all()
        assert not model.canFetchMore(model.index(-1))
        assert [model.card_at(row).id for row in range(model.rowCount())] == ids
        model.set_filter(CardFilter(order="document"))
        assert model.rowCount() == 7
        qtmodeltester.check(model)
