"""The one-folder bundle: built from packaging/factcards.spec as `make bundle` builds it,
then run as a user runs it, on a machine where factcards was never set up (empty HOME)."""

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.core.pdf_maker import make_pdf
from tests.core.test_html_source import NEWS_PAGE
from tests.core.test_pdf_source import ARTICLE_PAGES

from bench.make_corpus import make_corpus
from factcards import __version__
from factcards.core.link_store import index_version
from factcards.core.read_ahead import MIN_FILES_FOR_A_WORKER

REPO = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("objdump") is None,
        reason="PyInstaller needs objdump and objcopy: install binutils (.ci/run does)",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """dist/factcards/ built in a temporary folder (the checkout's dist/ is left alone)."""
    folder = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(folder / "dist"),
            "--workpath",
            str(folder / "build"),
            str(REPO / "packaging" / "factcards.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    print(f"bundle built in {time.monotonic() - started:.0f} s")
    yield folder / "dist" / "factcards"


@pytest.fixture
def user_env(tmp_path: Path) -> dict[str, str]:
    """A user with an empty home and no display, as on a fresh machine or in CI."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "VIRTUAL_ENV"}
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_RUNTIME_DIR=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
        PATH="/usr/bin:/bin",  # not the venv: the bundle must bring its own Python
    )
    return env


def run(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "factcards"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_bundle_tells_its_version(bundle: Path, user_env: dict[str, str]) -> None:
    result = run(bundle, user_env, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"factcards {__version__}"


def test_the_bundle_paints_the_demo_cards(bundle: Path, user_env: dict[str, str]) -> None:
    result = run(bundle, user_env, "--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("factcards self-test passed: ")
    assert "from 5 demo articles" in result.stdout
    # The self-test works in a folder of its own: the user's data folder stays untouched.
    assert not (Path(user_env["XDG_DATA_HOME"]) / "factcards").exists()


def test_the_bundle_imports_a_web_page_and_a_pdf(
    bundle: Path, user_env: dict[str, str], tmp_path: Path
) -> None:
    """The readers' data files (trafilatura's, htmldate's, pdfminer's) came along."""
    (tmp_path / "gazette.html").write_text(NEWS_PAGE, encoding="utf-8")
    (tmp_path / "gazette.pdf").write_bytes(make_pdf(ARTICLE_PAGES, title="Print edition"))
    project = tmp_path / "story.factcards"
    imported = run(
        bundle,
        user_env,
        "import",
        str(project),
        str(tmp_path / "gazette.html"),
        str(tmp_path / "gazette.pdf"),
    )
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "2 imported"
    exported = run(bundle, user_env, "export", str(project), "--format", "json")
    assert exported.returncode == 0, exported.stderr
    sources = {
        Path(source["path"]).suffix: source for source in json.loads(exported.stdout)["sources"]
    }
    assert sources[".html"]["title"] == "Skerrow wins €210m from Corvane for electric ferries"
    assert sources[".html"]["outlet"] == "The Harbour Gazette"
    assert sources[".html"]["published"] == "2025-03-11"
    assert sources[".pdf"]["title"] == "Print edition"
    assert sources[".pdf"]["published"] == "2025-03-11"


def test_the_bundle_reads_ahead_in_a_worker_of_its_own(
    bundle: Path, user_env: dict[str, str], tmp_path: Path
) -> None:
    """An import of many files runs the bundle itself as a reading-ahead worker
    (factcards.core.read_ahead); a worker that failed to start would say so on stderr."""
    corpus = tmp_path / "corpus"
    make_corpus(corpus, MIN_FILES_FOR_A_WORKER + 2)
    project = tmp_path / "story.factcards"
    imported = run(bundle, user_env, "import", str(project), str(corpus))
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr == ""
    assert imported.stdout.strip() == f"{MIN_FILES_FOR_A_WORKER + 2} imported"


def test_the_bundle_knows_which_code_made_a_link_index(bundle: Path) -> None:
    # Worked out from the source at build time: an index made by another build's linking
    # code is made again, as it is when running from a checkout.
    built = bundle / "_internal" / "factcards" / "link-index-version"
    assert built.read_text(encoding="utf-8").strip() == index_version()
    assert not index_version().endswith("/built")


def test_the_bundle_carries_the_resources(bundle: Path) -> None:
    resources = bundle / "_internal" / "factcards" / "resources"
    assert len(list((resources / "demo").iterdir())) == 5
    assert (resources / "icons" / "hicolor" / "scalable" / "apps").is_dir()
