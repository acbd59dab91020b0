"""The card list's orders come from counts the store keeps on each card; after imports,
merges, splits and detaches they must equal a recount from the quotes themselves."""

from pathlib import Path

from factcards.core.importer import import_paths
from factcards.core.resources import demo_articles_dir
from factcards_db import CardFilter, Project


def _recount(project: Project) -> dict[int, tuple[int, int, int]]:
    """Each listed card's sources, conflicts and first quote's place, from its detail."""
    counts = {}
    for card_id in project.card_ids(CardFilter()):
        detail = project.card_detail(card_id)
        sources = {quote.source_id for quote in detail.quotes}
        first = min(
            (quote.source_id * 1_000_000_000 + quote.start for quote in detail.quotes), default=0
        )
        conflicts = {conflict.other_quote_id for conflict in detail.conflicts}
        counts[card_id] = (len(sources), len(conflicts), first)
    return counts


def _expected_orders(project: Project) -> dict[str, list[int]]:
    counts = _recount(project)
    score = {card_id: project.card(card_id).score for card_id in counts}
    return {
        "sources": sorted(counts, key=lambda c: (-counts[c][0], -score[c], c)),
        "score": sorted(counts, key=lambda c: (-score[c], c)),
        "conflicts": sorted(counts, key=lambda c: (-counts[c][1], -score[c], c)),
        "document": sorted(counts, key=lambda c: (counts[c][2], c)),
    }


def _check(project: Project) -> None:
    for order, expected in _expected_orders(project).items():
        assert project.card_ids(CardFilter(order=order)) == expected, order  # type: ignore[arg-type]
    for card_id, (_, conflicts, _) in _recount(project).items():
        assert project.card(card_id).conflict_count == conflicts  # the badge says the same
    counts = _recount(project)
    single = [c for c, (sources, _, _) in counts.items() if sources == 1]
    conflicted = [c for c, (_, conflicts, _) in counts.items() if conflicts]
    assert sorted(project.card_ids(CardFilter(single_source=True))) == sorted(single)
    assert sorted(project.card_ids(CardFilter(has_conflict=True))) == sorted(conflicted)
    assert conflicted and single


def test_the_kept_counts_follow_every_edit(tmp_path: Path) -> None:
    with Project.create(tmp_path / "demo.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        _check(project)
        first, second, third = project.card_ids(CardFilter(order="sources"))[:3]
        project.merge_cards(first, second, "Ann")
        _check(project)
        quotes = project.card_detail(first).quotes
        project.split_quote(first, quotes[0].id, "split out", "Ann")
        _check(project)
        project.detach_quote(first, quotes[1].id, "Ann")
        _check(project)
        project.move_quote(quotes[2].id, first, third, "Ann")
        _check(project)
