"""Reading ahead: the next files of an import prepared in worker processes, with the same
cards as when one process does everything, and no worker left behind."""

import json
import os
import signal
from pathlib import Path

import pytest

from bench.make_corpus import make_corpus
from factcards.core import read_ahead as read_ahead_module
from factcards.core.export import export_document
from factcards.core.importer import import_paths
from factcards.core.ingest import IngestError
from factcards.core.link import ClaimSignature
from factcards.core.read_ahead import PreparedArticle, prepare_file, read_ahead, signatures
from factcards_db import Project


def _children() -> set[int]:
    """The processes this one has started and that are still running (Linux /proc)."""
    children = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[1]) == os.getpid() and fields[0] != "Z":
                children.add(int(entry.name))
    return children


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, 16)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not an article \xff\xfe" * 50)
    return sorted(folder.iterdir())


def _summary(prepared: PreparedArticle | IngestError) -> object:
    if isinstance(prepared, IngestError):
        return str(prepared)
    return prepared.source, prepared.claims


def _cards(path: Path, files: list[Path], workers: int) -> str:
    original = read_ahead_module.worker_count
    read_ahead_module.worker_count = lambda: workers
    try:
        with Project.create(path) as project:
            report = import_paths(project, files)
            assert report.count("imported") == 16
            assert report.count("failed") == 1
            return json.dumps(export_document(project), sort_keys=True)
    finally:
        read_ahead_module.worker_count = original


def test_workers_give_the_cards_one_process_gives(corpus: list[Path], tmp_path: Path) -> None:
    assert _cards(tmp_path / "one.factcards", corpus, 0) == _cards(
        tmp_path / "two.factcards", corpus, 2
    )


def test_files_come_back_in_order_with_their_failures(corpus: list[Path]) -> None:
    prepared = list(read_ahead(corpus, workers=2))
    assert [_summary(p) for p in prepared] == [_summary(prepare_file(p)) for p in corpus]
    assert sum(isinstance(p, IngestError) for p in prepared) == 1


def test_a_worker_that_dies_leaves_its_files_to_the_importer(corpus: list[Path]) -> None:
    before = _children()
    articles = read_ahead(corpus, workers=1)
    first = next(articles)
    [worker] = _children() - before
    os.kill(worker, signal.SIGKILL)
    rest = list(articles)
    assert [_summary(p) for p in [first, *rest]] == [_summary(prepare_file(p)) for p in corpus]
    assert _children() == before


def test_closing_early_stops_the_workers(corpus: list[Path]) -> None:
    before = _children()
    articles = read_ahead(corpus, workers=2)
    next(articles)
    assert len(_children() - before) == 2
    articles.close()  # a cancelled import
    assert _children() == before


def _quotes(corpus: list[Path]) -> list[tuple[str, str | None, str | None]]:
    quotes = []
    for prepared in read_ahead(corpus, workers=0):
        if isinstance(prepared, PreparedArticle):
            text = prepared.source.text
            for claim in prepared.claims:
                candidate = claim.candidate
                quotes.append(
                    (text[candidate.start : candidate.end], candidate.subject, candidate.context)
                )
    return quotes


def test_signatures_worked_out_by_workers_are_those_worked_out_here(
    corpus: list[Path],
) -> None:
    # A large project's quotes are read again before each import: shared out among
    # processes a chunk at a time, they come back in order, the same.
    quotes = _quotes(corpus)
    here = [ClaimSignature.of(*quote) for quote in quotes]
    before = _children()
    assert signatures(quotes, workers=2, chunk=97) == here
    assert signatures(quotes, workers=0, chunk=97) == here
    assert _children() == before
    assert signatures(quotes, workers=2, chunk=97, stop_requested=lambda: True) is None
    assert _children() == before


def test_signatures_of_a_worker_that_dies_are_worked_out_here(corpus: list[Path]) -> None:
    quotes = _quotes(corpus)
    before = _children()
    killed: list[int] = []

    def kill_the_worker() -> bool:  # asked before each round: the worker has a chunk
        if not killed:
            killed.extend(_children() - before)
            for worker in killed:
                os.kill(worker, signal.SIGKILL)
        return False

    worked_out = signatures(quotes, workers=1, chunk=97, stop_requested=kill_the_worker)
    assert len(killed) == 1
    assert worked_out == [ClaimSignature.of(*quote) for quote in quotes]
    assert _children() == before
