"""How fast articles become cards, and how that grows with the number of articles.

    .venv/bin/python -m bench.pipeline_speed                   # 100 and 1,000 articles
    .venv/bin/python -m bench.pipeline_speed --sizes 100 1000 10000
    taskset -c 1 .venv/bin/python -m bench.pipeline_speed --no-import   # on one core

For each size, a synthetic corpus (bench/make_corpus.py, ~5,000 characters an article)
is made once under /tmp/factcards-bench, then timed twice:

- extract + link: claim extraction and linking in memory (the files are read before the
  clock starts; no database), which is what issue 3's target is about (1,000 articles in
  under 60 s on one core);
- full import: the same through the real importer into a new project file (ingest,
  extract, link, store, one transaction per file).

Extract + link runs on one thread; `taskset -c N` holds it to one core, as the target
asks. The full import reads files and finds their claims ahead in a second process, so
it uses a second core when there is one. Each figure is the median of --runs runs.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.make_corpus import make_corpus
from factcards.core.extract import ClaimCandidate, find_claims
from factcards.core.importer import import_paths
from factcards.core.ingest import read_source
from factcards.core.link import ClaimSignature, Linker, assign_together
from factcards_db import Project

CACHE = Path(tempfile.gettempdir()) / "factcards-bench"


def corpus(size: int) -> list[Path]:
    """The corpus of this size, made on first use."""
    folder = CACHE / f"corpus-{size}"
    paths = sorted(folder.glob("*.*")) if folder.is_dir() else []
    if len(paths) != size:
        paths = make_corpus(folder, size)
    return sorted(paths)


def extract_and_link(paths: list[Path]) -> tuple[float, int, int]:
    """Seconds to extract and link every article in memory; characters; clauses."""
    texts = [read_source(path).text for path in paths]
    start = time.perf_counter()
    linker = Linker()
    quote_id = card_id = 0
    for source_id, text in enumerate(texts):
        # A sentence's clauses at a time, their cards chosen together, as the importer does.
        for _, sentence in itertools.groupby(find_claims(text), key=_sentence_start):
            signatures = [
                ClaimSignature.of(text[c.start : c.end], c.subject, c.context) for c in sentence
            ]
            decisions = [linker.link(signature, source_id) for signature in signatures]
            assign_together(decisions)
            for signature, decision in zip(signatures, decisions, strict=True):
                quote_id += 1
                if decision.card_id is None:
                    card_id += 1
                    target = card_id
                else:
                    target = decision.card_id
                linker.add(quote_id, target, source_id, signature)
    return time.perf_counter() - start, sum(map(len, texts)), quote_id


def _sentence_start(candidate: ClaimCandidate) -> int:
    return candidate.sentence_start


def full_import(paths: list[Path]) -> float:
    """Seconds to import every article into a new project file."""
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "bench.factcards") as project,
    ):
        start = time.perf_counter()
        import_paths(project, paths)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.pipeline_speed", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-import", action="store_true", help="time extract + link only")
    options = parser.parse_args(argv)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(
        f"{'articles':>9}{'chars/art':>10}{'clauses':>9}{'extract+link s':>16}"
        f"{'ms/article':>11}{'full import s':>15}{'articles/s':>11}"
    )
    previous: tuple[int, float] | None = None
    for size in options.sizes:
        paths = corpus(size)
        runs = [extract_and_link(paths) for _ in range(options.runs)]
        seconds = statistics.median(run[0] for run in runs)
        chars, clauses = runs[0][1], runs[0][2]
        imported = (
            statistics.median(full_import(paths) for _ in range(options.runs))
            if not options.no_import
            else float("nan")
        )
        print(
            f"{size:>9}{chars / size:>10.0f}{clauses:>9}{seconds:>16.1f}"
            f"{seconds / size * 1000:>11.1f}{imported:>15.1f}{size / imported:>11.1f}"
        )
        if previous:
            growth = (seconds / previous[1]) / (size / previous[0])
            print(f"{'':>9}time per article x{growth:.2f} from {previous[0]} to {size} articles")
        previous = (size, seconds)
    print("target: extract + link of 1,000 articles under 60 s; time per article flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
