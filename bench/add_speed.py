"""How long an editor waits when the day's articles join months of coverage: new
generated articles imported into a copy of a large project, and the importer's memory.

    .venv/bin/python -m bench.add_speed PROJECT --articles 10 --runs 3

The project is copied first (it is never changed). A project whose link index is missing
or was made by other code (built by an older factcards) gets one on its first import,
which reads every stored quote again: that import is timed on its own. Then --runs
imports of --articles new articles each (a different set each time) are timed. Peak
memory is this process's own, so run it as a process of its own (bench/speed.py does);
the last line printed is the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.make_corpus import make_corpus
from bench.memory import peak_resident_mb
from factcards.core.importer import import_paths
from factcards.core.link_store import index_version
from factcards_db import Project


def _timed_import(project: Project, folder: Path, articles: int, seed: int) -> float:
    paths = make_corpus(folder / f"new-{seed}", articles, seed=seed)
    start = time.perf_counter()
    import_paths(project, paths)
    return time.perf_counter() - start


def measure(path: Path, articles: int, runs: int) -> dict[str, float]:
    """Seconds to import new articles into a copy of the project, and the peak memory."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        figures: dict[str, float] = {}
        with Project.open(copy) as project:
            state = project.link_index_state()
        if state is None or state.version != index_version():
            # In a process of its own, `factcards import` as an editor would run it, so
            # that its memory does not count in the peak of the imports that follow.
            paths = make_corpus(Path(folder) / "new-10", articles, seed=10)
            command = [sys.executable, "-m", "factcards", "import", str(copy), *map(str, paths)]
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            figures["first import, which indexes the project"] = time.perf_counter() - start
        with Project.open(copy) as project:
            seconds = [
                _timed_import(project, Path(folder), articles, seed=11 + run) for run in range(runs)
            ]
        figures["import"] = statistics.median(seconds)
        figures["peak memory"] = peak_resident_mb()
        return figures


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.add_speed", description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--articles", type=int, default=10, help="new articles per import")
    parser.add_argument("--runs", type=int, default=3, help="imports timed")
    options = parser.parse_args(argv)
    figures = measure(options.project, options.articles, options.runs)
    for name, value in figures.items():
        unit = "MB" if name == "peak memory" else "s"
        print(f"{name:<45}{value:>9.1f} {unit}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
