"""The pipeline on the team's gold corpus: the scores bench/quality.py prints, held.

Targets (issue 3): quote recall >= 0.95, no furniture cards, every planted conflict
found, attribution >= 0.9, grouping precision >= 0.9 and recall >= 0.85. Grouping recall
meets its target with two pairs to spare (286 of 334 same-claim pairs; 0.85 x 334 is
283.9); its floor is the measured score, so any change that loses a pair fails here.
"""

import tomllib
from pathlib import Path

import pytest

from bench.quality import CORPUS, Scores, load_gold, one_project, run_story, stories

GROUPING_PRECISION_FLOOR = 0.99
GROUPING_RECALL_FLOOR = 0.856
# Measured scores, held so that extraction does not get worse.
ATTRIBUTION_FLOOR = 0.985
NOT_CLAIM_CARDS_CEILING = 10
# Annotated claims that only sit on cards below the score cut (hidden by default).
HIDDEN_CLAIMS_CEILING = 13
QUOTE_RECALL_FLOOR = 0.99
# Every story's articles in one project, as editors keep a beat (the "one project" row):
# quotes of two stories on one card count against its precision.
ONE_PROJECT_PRECISION_FLOOR = 0.97
ONE_PROJECT_RECALL_FLOOR = 0.84
# ...and conflicts the annotations do not list, most of them between two stories.
ONE_PROJECT_UNLISTED_CONFLICTS_CEILING = 13


@pytest.fixture(scope="module")
def scores() -> Scores:
    total = Scores()
    for path in stories():
        total.add(run_story(load_gold(path)))
    return total


@pytest.fixture(scope="module")
def one_project_scores() -> Scores:
    return run_story(one_project([load_gold(path) for path in stories()]))


def test_the_corpus_has_enough_stories_and_articles() -> None:
    golds = [load_gold(path) for path in stories()]
    assert len(golds) >= 3
    assert sum(len(gold.texts) for gold in golds) >= 15


@pytest.mark.parametrize("path", stories(), ids=lambda p: p.parent.name)
def test_every_gold_text_is_in_its_article_exactly_once(path: Path) -> None:
    # load_gold raises on any text that is missing or appears twice.
    gold = load_gold(path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    ids = [claim["id"] for claim in raw["claims"]]
    assert len(ids) == len(set(ids))
    assert set(raw["sources"]) == set(gold.texts)
    assert gold.quotes and gold.conflicts and gold.furniture


def test_quotes_are_found(scores: Scores) -> None:
    assert scores.quote_recall >= max(QUOTE_RECALL_FLOOR, 0.95)


def test_no_furniture_becomes_a_card(scores: Scores) -> None:
    assert scores.furniture_cards == 0


def test_every_planted_conflict_is_found(scores: Scores) -> None:
    assert scores.conflicts_found == scores.conflicts


def test_attributions_are_right(scores: Scores) -> None:
    assert scores.attribution >= max(ATTRIBUTION_FLOOR, 0.9)


def test_opinion_and_rhetoric_do_not_become_more_cards(scores: Scores) -> None:
    assert scores.not_claim_cards <= NOT_CLAIM_CARDS_CEILING


def test_claims_are_not_hidden_below_the_score_cut(scores: Scores) -> None:
    assert scores.hidden_quotes <= HIDDEN_CLAIMS_CEILING


def test_grouping_does_not_get_worse(scores: Scores) -> None:
    assert scores.pair_precision >= max(GROUPING_PRECISION_FLOOR, 0.9)
    assert scores.pair_recall >= GROUPING_RECALL_FLOOR
    # What the editor is offered: joined, or suggested for one keystroke's merge.
    assert scores.suggested_recall >= 0.91


def test_stories_in_one_project_keep_to_their_own_cards(one_project_scores: Scores) -> None:
    assert one_project_scores.pair_precision >= ONE_PROJECT_PRECISION_FLOOR
    assert one_project_scores.pair_recall >= ONE_PROJECT_RECALL_FLOOR
    assert one_project_scores.conflicts_found == one_project_scores.conflicts
    assert one_project_scores.conflicts_unconfirmed <= ONE_PROJECT_UNLISTED_CONFLICTS_CEILING


def test_the_corpus_lives_in_the_repository() -> None:
    assert CORPUS.is_relative_to(Path(__file__).resolve().parents[1])
