"""The linker's index kept in the project: an import into a project that has one places
every quote exactly as reading every stored quote again would, and the index stays true
through cancelled imports, removed cards, long imports and changes of code."""

import json
from pathlib import Path

import pytest

from bench.make_corpus import make_corpus
from factcards.core import importer
from factcards.core.export import export_json
from factcards.core.importer import import_paths, project_linker
from factcards.core.link import INDEX_POSTINGS_CAP, ClaimSignature
from factcards.core.link_store import index_version, save_index
from factcards_db import NewQuote, Project

ARTICLES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return sorted(make_corpus(tmp_path_factory.mktemp("corpus"), ARTICLES))


def _keys(project: Project, quote_id: int) -> tuple[str, ...]:
    """What the index files a stored quote under."""
    (quote,) = project.quotes_for_linking([quote_id])
    return ClaimSignature.of(quote.text, quote.subject, quote.context).index_keys()


def _import_in_two_runs(path: Path, corpus: list[Path], *, keep_index: bool) -> str:
    with Project.create(path) as project:
        import_paths(project, corpus[: ARTICLES // 2])
        if not keep_index:
            project.clear_link_index()  # the second run reads every stored quote again
        import_paths(project, corpus[ARTICLES // 2 :])
        return export_json(project)


def test_linking_through_the_stored_index_places_quotes_as_reading_every_quote(
    tmp_path: Path, corpus: list[Path]
) -> None:
    through_index = _import_in_two_runs(tmp_path / "a.factcards", corpus, keep_index=True)
    read_again = _import_in_two_runs(tmp_path / "b.factcards", corpus, keep_index=False)
    exported = json.loads(through_index)
    assert exported["conflicts"] and any(claim["suggested"] for claim in exported["claims"])
    assert through_index == read_again


def test_an_import_indexes_every_quote_and_the_next_reads_none_again(
    tmp_path: Path, corpus: list[Path]
) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:5])
        state = project.link_index_state()
        assert state is not None and state.version == index_version()
        assert state.through_quote == project.last_quote_id() == state.quotes
        opened = project_linker(project)
        assert list(opened.linker.indexed_keys()) == []  # nothing to work out again


def test_keys_are_counted_and_rare_ones_list_their_quotes(
    tmp_path: Path, corpus: list[Path]
) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:3])
        quote = project.card_details(project.card_ids()[:1])[0].quotes[0]
        keys = _keys(project, quote.id)
        counts = project.link_key_counts(keys)
        assert set(counts) == set(keys) and min(counts.values()) >= 1
        postings = project.link_postings(keys)
        for key in keys:
            listed = [quote_id for quote_id, _ in postings.get(key, [])]
            assert (quote.id in listed) == (counts[key] <= INDEX_POSTINGS_CAP)


def test_a_key_too_common_to_look_up_keeps_its_count_but_not_its_quotes(
    tmp_path: Path, corpus: list[Path]
) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:1])
        project.clear_link_index()
        quotes = [(1, ("common", "rare")), (2, ("common",)), (3, ("common",))]
        project.extend_link_index("v", 3, quotes[:2], postings_cap=2)
        assert [q for q, _ in project.link_postings(["common"])["common"]] == [1, 2]
        project.extend_link_index("v", 3, quotes[2:], postings_cap=2)
        assert project.link_key_counts(["common", "rare"]) == {"common": 3, "rare": 1}
        assert "common" not in project.link_postings(["common", "rare"])


def test_an_index_made_by_other_code_is_made_again(tmp_path: Path, corpus: list[Path]) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:3])
        last = project.last_quote_id()
        project.clear_link_index()
        project.extend_link_index("factcards 0.0.1/older lexicon", last, [], INDEX_POSTINGS_CAP)
        opened = project_linker(project)
        # Every quote is read again, none through the old index...
        assert len({quote_id for quote_id, _ in opened.linker.indexed_keys()}) == last
        import_paths(project, corpus[3:4])
        state = project.link_index_state()
        assert state is not None and state.version == index_version()
        assert state.quotes == state.through_quote == project.last_quote_id()


def test_a_cancelled_file_leaves_nothing_in_the_index(tmp_path: Path, corpus: list[Path]) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:2])

        def stop_in_the_second_file() -> bool:
            return len(project.source_labels()) == 4  # two before, one done, one going

        report = import_paths(project, corpus[2:4], stop_requested=stop_in_the_second_file)
        assert report.cancelled and report.count("imported") == 1
        state = project.link_index_state()
        assert state is not None and state.through_quote == project.last_quote_id()
        # The rolled-back file's quotes had ids the next file's quotes now take: the index
        # must hold the keys of those, not of the quotes that were never stored.
        import_paths(project, corpus[3:4])
        last = project.card_details(project.card_ids())
        for detail in last:
            for quote in detail.quotes:
                keys = _keys(project, quote.id)
                counts = project.link_key_counts(keys)
                assert set(counts) == set(keys), quote.text


def test_quotes_of_a_removed_card_are_indexed_and_found_once_it_is_back(
    tmp_path: Path, corpus: list[Path]
) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:2])
        card = project.card_ids()[0]
        quote = project.card_details([card])[0].quotes[0]
        keys = _keys(project, quote.id)
        rare = min(keys, key=lambda key: project.link_key_counts([key])[key])
        project.set_removed(card, True, "editor")
        assert quote.id not in [q for q, _ in project.link_postings([rare]).get(rare, [])]
        project.set_removed(card, False, "editor")
        assert quote.id in [q for q, _ in project.link_postings([rare])[rare]]


def test_a_quote_an_editor_made_is_indexed_by_the_next_import(
    tmp_path: Path, corpus: list[Path]
) -> None:
    with Project.create(tmp_path / "p.factcards") as project:
        import_paths(project, corpus[:1])
        source = project.sources()[0]
        start = source.text.index(".") + 2
        end = source.text.index(".", start) + 1
        wording = source.text[start:end]
        opened = project_linker(project)  # an import starts...
        card = project.new_card_from_span(source.id, NewQuote(start, end, None, 0.9), wording, "ed")
        save_index(project, opened)  # ...and ends after the editor made a card
        quote = project.card_details([card])[0].quotes[0]
        keys = _keys(project, quote.id)
        assert set(project.link_key_counts(keys)) == set(keys)
        state = project.link_index_state()
        assert state is not None and state.through_quote == quote.id == project.last_quote_id()


def test_a_long_import_writes_its_index_as_it_goes_and_counts_every_quote_once(
    tmp_path: Path, corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def index_of(project: Project) -> dict[str, int]:
        quotes = project.quotes_for_linking(list(range(1, project.last_quote_id() + 1)))
        keys = {key for quote in quotes for key in _keys(project, quote.quote_id)}
        return project.link_key_counts(sorted(keys))

    with Project.create(tmp_path / "whole.factcards") as project:
        import_paths(project, corpus[:12])
        whole = index_of(project)
    monkeypatch.setattr(importer, "HELD_QUOTES", 100)  # a break every few articles
    with Project.create(tmp_path / "breaks.factcards") as project:
        import_paths(project, corpus[:12])
        state = project.link_index_state()
        assert state is not None and state.quotes == project.last_quote_id() > 300
        assert index_of(project) == whole
        assert project.recount_cards() == []
