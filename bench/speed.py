"""How fast factcards feels on a big project: the window at 100,000+ cards, and import.

    .venv/bin/python -m bench.speed                      # 20,000 articles (built once)
    .venv/bin/python -m bench.speed --articles 2000      # a smaller project, quicker
    .venv/bin/python -m bench.speed --import-sizes 10 1000 --runs 3

The big project is the synthetic corpus (bench/make_corpus.py) imported through the real
importer into /tmp/factcards-bench/speed-N.factcards; it is built on first use and kept,
with the import's timings beside it (speed-N.json), so later runs measure the window at
once. The window is measured in a child process (offscreen), so its peak memory is the
window's alone:

- open to first painted card: Project.open, the main window built and shown, until the
  card list's delegate has painted its first card;
- filter change to updated list: a status filter, a source filter, a full-text search
  (the search box's 180 ms typing pause left out), each until the list has repainted;
- one screen of cards painted: the card list's viewport repainted;
- status change committed: the store's transaction (event logged, search index kept)
  until committed; and shown: C on a card until the list, the card pane and the counts
  show it;
- peak memory (maximum resident set) of the process while one window has the project
  open, through an editor's session: filters, searches, status changes, and the whole
  list fetched and scrolled through from top to bottom (measured before the other
  figures, whose windows would count too).

Import throughput: the whole pipeline (read, extract, link, store, one transaction per
file) at each --import-sizes (medians of --runs), and the 20,000-article build's time per
article at every 1,000, which shows how time grows with the size of the project; then
--add new articles imported into a copy of the big project (bench/add_speed.py), which
reads from the project's link index only the quotes each new one is compared with.
Import reads files ahead in a worker process (factcards.core.read_ahead), so it uses two
cores. Medians everywhere; the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_corpus import make_corpus
from factcards.core.importer import import_paths
from factcards_db import Project

CACHE = Path(tempfile.gettempdir()) / "factcards-bench"
TARGETS = {
    "open to first painted card": ("s", 1.0),
    "status filter to updated list": ("ms", 100),
    "source filter to updated list": ("ms", 100),
    "search to updated list": ("ms", 100),
    "one screen of cards painted": ("ms", 8),
    "status change committed": ("ms", 5),
    "status change shown (C to list, pane, counts)": ("ms", 100),
    "peak memory with the project open": ("MB", 300),
}


def corpus(size: int) -> list[Path]:
    """The synthetic corpus of this size, made on first use."""
    folder = CACHE / f"corpus-{size}"
    paths = sorted(folder.glob("*.*")) if folder.is_dir() else []
    if len(paths) != size:
        paths = make_corpus(folder, size)
    return sorted(paths)


def build_project(size: int) -> tuple[Path, dict[str, object]]:
    """The big project and its import timings, built on first use."""
    path = CACHE / f"speed-{size}.factcards"
    timings_path = path.with_suffix(".json")
    if path.exists() and timings_path.exists():
        return path, json.loads(timings_path.read_text(encoding="utf-8"))
    paths = corpus(size)
    path.unlink(missing_ok=True)
    marks: list[tuple[int, float]] = []
    start = time.perf_counter()

    def progress(done: int, total: int, _name: str) -> bool:
        if done and done % 1000 == 0:
            marks.append((done, time.perf_counter() - start))
            print(f"  imported {done:,} of {total:,} in {marks[-1][1]:.0f} s", flush=True)
        return True

    with Project.create(path) as project:
        report = import_paths(project, paths, progress)
        seconds = time.perf_counter() - start
        cards = len(project.card_ids())
    timings: dict[str, object] = {
        "articles": report.count("imported"),
        "seconds": seconds,
        "cards": cards,
        "marks": [*marks, (size, seconds)],
        "machine": machine(),
    }
    timings_path.write_text(json.dumps(timings, indent=1), encoding="utf-8")
    return path, timings


def import_seconds(size: int) -> float:
    """Seconds to import the corpus of this size into a new project file."""
    paths = corpus(size)
    with (
        tempfile.TemporaryDirectory() as folder,
        Project.create(Path(folder) / "bench.factcards") as project,
    ):
        start = time.perf_counter()
        import_paths(project, paths)
        return time.perf_counter() - start


def add_figures(project: Path, size: int, runs: int) -> dict[str, float]:
    """New articles imported into a copy of the big project (bench/add_speed.py, in a
    process of its own so that its peak memory is the importer's alone)."""
    arguments = [str(project), "--articles", str(size), "--runs", str(runs)]
    return _child_figures("bench.add_speed", arguments, "the import into the big project")


def machine() -> str:
    """The machine, in a few words."""
    cores = os.cpu_count() or 0
    return f"{platform.machine()}, {cores} cores, Python {platform.python_version()}"


def measure_window(project: Path, runs: int) -> dict[str, float]:
    """The window's figures, from a child process (see bench/window_speed.py)."""
    arguments = [str(project), "--runs", str(runs)]
    return _child_figures(
        "bench.window_speed", arguments, "the window measurement", QT_QPA_PLATFORM="offscreen"
    )


def _child_figures(
    module: str, arguments: list[str], what: str, **environment: str
) -> dict[str, float]:
    """The figures a bench module prints as JSON on its last line, run as a child process
    (its peak memory its own)."""
    result = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{what} failed:\n{result.stderr[-3000:]}")
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__)
    parser.add_argument("--articles", type=int, default=20000, help="size of the big project")
    parser.add_argument("--import-sizes", type=int, nargs="*", default=[10, 1000])
    parser.add_argument("--runs", type=int, default=5, help="runs per window figure")
    parser.add_argument("--import-runs", type=int, default=3, help="runs per import size")
    parser.add_argument(
        "--add", type=int, default=10, help="new articles imported into the big project"
    )
    options = parser.parse_args(argv)
    print(machine())
    project, timings = build_project(options.articles)
    cards = int(str(timings["cards"]))
    print(
        f"\nThe project: {options.articles:,} articles, {cards:,} cards, "
        f"{project.stat().st_size / 1e6:.0f} MB"
    )
    figures = measure_window(project, options.runs)
    heading = f"window (median of {options.runs} runs)"
    print(f"\n{heading:<40}{'measured':>12}{'target':>10}")
    for name, (unit, target) in TARGETS.items():
        value = figures[name]
        met = "" if value <= target else "  over"
        print(f"{name:<40}{value:>9.{0 if unit == 'MB' else 2 if unit == 's' else 1}f} {unit:<2}"
              f"{'≤ ' + str(target) + ' ' + unit:>10}{met}")  # fmt: skip

    print(f"\n{'import + extract + link':<28}{'seconds':>9}{'ms/article':>12}")
    for size in options.import_sizes:
        seconds = statistics.median(import_seconds(size) for _ in range(options.import_runs))
        print(f"{size:>9,} articles{'':<10}{seconds:>9.1f}{seconds / size * 1000:>12.0f}")
    print(f"{options.articles:>9,} articles (one run){'':<1}{float(str(timings['seconds'])):>9.0f}"
          f"{float(str(timings['seconds'])) / options.articles * 1000:>12.0f}")  # fmt: skip
    marks = [(int(done), float(seconds)) for done, seconds in timings["marks"]]  # type: ignore[attr-defined]
    print("\ntime per article as the project grows (the big build, per 1,000 articles):")
    previous = (0, 0.0)
    for done, seconds in marks:
        if done - previous[0] >= 1000 or done == marks[-1][0]:
            per = (seconds - previous[1]) / (done - previous[0]) * 1000
            print(f"  articles {previous[0] + 1:>6,}–{done:<6,} {per:>6.0f} ms/article")
            previous = (done, seconds)
    if options.add:
        added = add_figures(project, options.add, options.import_runs)
        print(f"\n{options.add:,} new articles into the {options.articles:,}-article project: "
              f"{added['import']:.1f} s (median of {options.import_runs}), "
              f"importer's peak memory {added['peak memory']:.0f} MB")  # fmt: skip
        first = added.get("first import, which indexes the project")
        if first is not None:
            print(f"  (its first import, made by an older factcards, indexed it: {first:.0f} s)")
    print("\ntarget: 1,000 articles in ≤ 60 s, growth close to linear")
    return 0


if __name__ == "__main__":
    sys.exit(main())
