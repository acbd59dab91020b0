"""`factcards import` on a terminal: a progress line when stderr is a terminal, silence
when it is piped, and Ctrl+C stops cleanly with whole files only."""

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.make_corpus import make_corpus
from factcards.terminal import ProgressLine
from factcards_db import Project, ProjectError

ARTICLES = 40


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_the_progress_line_shows_files_bar_time_left_and_file() -> None:
    stream = Terminal()
    line = ProgressLine(stream)
    assert line(0, 8, "/news/a.txt")
    assert line(2, 8, "/news/b.txt")
    last = stream.getvalue().rsplit("\r", 1)[-1]
    assert last.startswith("2/8 files [" + "#" * 6 + "." * 18 + "]")
    assert " left  b.txt" in last
    line.clear()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().rsplit("\r", 2)[-2].strip() == ""


def test_a_pipe_gets_no_progress_line() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream)
    line(3, 8, "/news/c.txt")
    line.clear()
    assert stream.getvalue() == ""


def _factcards(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "factcards", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_ctrl_c_stops_the_import_and_keeps_whole_files(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus", ARTICLES)
    project = tmp_path / "beat.factcards"
    run = _factcards("import", str(project), str(tmp_path / "corpus"))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if project.exists():
            try:
                with Project.open(project, read_only=True) as reader:
                    if len(reader.sources()) >= 3:
                        break
            except ProjectError:  # still being created: not a project yet
                continue
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert "cancelled" in out
    assert "files [" not in err  # stderr is a pipe: no progress line
    imported = int(out.split(" imported")[0].rsplit(None, 1)[-1])
    assert 3 <= imported < ARTICLES
    with Project.open(project) as reader:
        sources = reader.sources()
        assert len(sources) == imported
        assert all(reader.spans_of_source(source.id) for source in sources)
    again = _factcards("import", str(project), str(tmp_path / "corpus"))
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{ARTICLES - imported} imported, {imported} already in the project" in out
