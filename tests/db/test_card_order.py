"""The card list's orders come from counts the store keeps on each card; after imports,
merges, splits and detaches they must equal a recount from the quotes themselves."""

from pathlib import Path

from bench.make_corpus import make_corpus
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
        "sources": sorted(counts, key=lambda c: (-counts[c][0], -score[c], -c)),
        "score": sorted(counts, key=lambda c: (-score[c], -c)),
        "conflicts": sorted(counts, key=lambda c: (-counts[c][1], -score[c], -c)),
        "document": sorted(counts, key=lambda c: (counts[c][2], c)),
    }


def _paged(project: Project, card_filter: CardFilter, size: int) -> list[int]:
    """Every card of a list, a page at a time, each page starting after the last."""
    ids, key = project.card_page(card_filter, limit=size)
    while key is not None:
        page, key = project.card_page(card_filter, after=key, limit=size)
        ids += page
    return ids


def _check(project: Project) -> None:
    for order, expected in _expected_orders(project).items():
        assert project.card_ids(CardFilter(order=order)) == expected, order  # type: ignore[arg-type]
        for size in (1, 7):
            assert _paged(project, CardFilter(order=order), size) == expected, (order, size)  # type: ignore[arg-type]
    for card_id, (sources, conflicts, _) in _recount(project).items():
        card = project.card(card_id)
        assert card.conflict_count == conflicts  # the badge says the same
        quotes = project.card_detail(card_id).quotes
        origins = {quote.origin or f"source {quote.source_id}" for quote in quotes}
        assert (card.source_count, card.quote_count, card.origin_count) == (
            sources,
            len(quotes),
            len(origins),
        )
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


def test_pages_of_a_filtered_searched_list_are_the_list(tmp_path: Path) -> None:
    with Project.create(tmp_path / "demo.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        card = project.card_ids()[0]
        project.set_status(card, "confirmed", "Ann")
        for card_filter in (
            CardFilter(statuses=frozenset({"unreviewed"}), order="score"),
            CardFilter(search="ferry", order="document"),
            CardFilter(source_id=2, order="conflicts"),
            CardFilter(min_score=0.0, order="sources"),
        ):
            whole = project.card_ids(card_filter)
            assert whole, card_filter
            assert _paged(project, card_filter, 5) == whole, card_filter
        assert card not in project.card_ids(CardFilter(statuses=frozenset({"unreviewed"})))
        # A search and a source at once: the cards both pick, in the list's order.
        project.add_tag(project.card_ids()[:30], "port", "Ann")
        searched = set(project.card_ids(CardFilter(search="Skerrow")))
        from_source = set(project.card_ids(CardFilter(source_id=2)))
        tagged = set(project.card_ids(CardFilter(tag="port")))
        both = CardFilter(search="Skerrow", source_id=2, tag="port", order="score")
        assert set(project.card_ids(both)) == searched & from_source & tagged != set()
        assert project.card_ids(both) == [c for c in project.card_ids(CardFilter(order="score"))
                                          if c in searched & from_source & tagged]  # fmt: skip


def test_counts_kept_quote_by_quote_equal_a_recount(tmp_path: Path) -> None:
    # Imports keep each card's counts up quote by quote and conflict by conflict; a
    # generated corpus has cards that many sources carry and many conflicts between them.
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 60)
    files = sorted(corpus.iterdir())
    with Project.create(tmp_path / "big.factcards") as project:
        wrong: list[int] = []

        def between_files(done: int, total: int, path: str) -> bool:
            wrong.extend(project.recount_cards())  # as a crash here would leave them
            return True

        import_paths(project, files[:25], between_files)
        import_paths(project, files[25:], between_files)  # onto an earlier import's cards
        assert wrong == []
        assert project.recount_cards() == []
        _check(project)
        first, second = project.card_ids(CardFilter(order="conflicts"))[:2]
        project.merge_cards(first, second, "Ann")
        quote = project.card_detail(first).quotes[0]
        project.detach_quote(first, quote.id, "Ann")
        project.attach_quote(second, quote.id, "Ann")
        assert project.recount_cards() == []


def test_counts_per_status_are_those_of_the_list(tmp_path: Path) -> None:
    with Project.create(tmp_path / "demo.factcards") as project:
        import_paths(project, [demo_articles_dir()])
        cards = project.card_ids(CardFilter(order="score"))
        project.set_statuses({cards[0]: "confirmed", cards[1]: "disputed"}, "Ann")
        project.set_statuses({cards[2]: "confirmed"}, "Ann")
        project.set_hidden([cards[3]], True, "Ann")
        for card_filter in (
            CardFilter(),
            CardFilter(min_score=0.45),
            CardFilter(statuses=frozenset({"confirmed"})),
            CardFilter(hidden=True),
            CardFilter(search="ferry"),
            CardFilter(has_conflict=True, statuses=frozenset({"unreviewed", "disputed"})),
        ):
            listed = [project.card(card_id).status for card_id in project.card_ids(card_filter)]
            counts = project.status_counts(card_filter)
            assert counts == {status: listed.count(status) for status in counts}, card_filter
            assert sum(counts.values()) == len(listed) > 0, card_filter
