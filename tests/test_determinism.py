"""Same files in, same cards out: two imports of one folder give the same export, even
when Python orders its sets of strings differently (a new hash seed every run)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.make_corpus import make_corpus

# The whole pipeline, end to end (tests/core/test_link.py holds the sharp test of the
# hash-order bug this guards against, found on a larger corpus).
ARTICLES = 60


def _import_and_export(corpus: Path, project: Path, hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    for args in (
        ["import", str(project), str(corpus)],
        ["export", str(project), "--format", "json", "-o", str(project.with_suffix(".json"))],
    ):
        subprocess.run([sys.executable, "-m", "factcards", *args], env=env, check=True)
    return project.with_suffix(".json").read_text(encoding="utf-8")


@pytest.mark.slow
def test_two_imports_under_different_hash_seeds_give_the_same_export(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, ARTICLES)
    first = _import_and_export(corpus, tmp_path / "first.factcards", "1")
    second = _import_and_export(corpus, tmp_path / "second.factcards", "2")
    assert '"conflicts": [' in first and first == second
