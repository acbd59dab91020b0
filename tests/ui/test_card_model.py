"""The card list's model keeps Qt's model contract and fetches rows lazily."""

from pathlib import Path

from pytestqt.modeltest import ModelTester

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
