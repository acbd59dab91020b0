"""Reading ahead: the next files of an import read, and their claims found, in a worker
process while the importer links and stores the file before.

Reading, claim extraction and each claim's signature for linking depend on one file
alone; linking and storing depend on every file before, in order. So the first half runs
on another core, a few files ahead, and the importer takes the results in the files'
order: the same files give the same cards as when everything runs in one process, which
it still does for a handful of files (a worker takes a moment to start) or on a machine
with one core.

A worker is a plain child process (`python -m factcards.core.read_ahead`, or the bundle
run with WORKER_FLAG) that reads file names on its standard input and writes each
prepared article, pickled, on its standard output. It ends when its input closes, so it
never outlives the importer, even one that is killed. If a worker cannot start or dies,
the importer reads the rest of the files itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from factcards.core.extract import ClaimCandidate, find_claims
from factcards.core.ingest import IngestError, read_source
from factcards.core.link import ClaimSignature
from factcards_db import NewSource

# Fewer files than this are read in the importer's own process, and fewer quotes than
# this have their signatures worked out there.
MIN_FILES_FOR_A_WORKER = 12
MIN_QUOTES_FOR_A_WORKER = 20_000
# The bundle's executable runs as a worker when given this (packaging/factcards_main.py).
WORKER_FLAG = "--read-ahead-worker"
# How many files a worker reads ahead of the importer: enough to keep it busy while the
# importer stores one, few enough that little text waits in memory.
_AHEAD_PER_WORKER = 4

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PreparedClaim:
    """A claim of an article, with what linking needs to know of it."""

    candidate: ClaimCandidate
    signature: ClaimSignature

    def __reduce__(self) -> tuple[type[PreparedClaim], tuple[ClaimCandidate, ClaimSignature]]:
        # Pickled by its fields: quicker to load than a slotted dataclass's default state.
        return PreparedClaim, (self.candidate, self.signature)


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article read, and its claims found: all of it that does not need the project."""

    source: NewSource
    claims: tuple[PreparedClaim, ...]


Prepared = PreparedArticle | IngestError
# A quote as linking reads it: its text, the subject it leaves out, its sentence.
SignatureInput = tuple[str, str | None, str | None]


def prepare(source: NewSource) -> PreparedArticle:
    """Find an article's claims and the signature each is linked by."""
    text = source.text
    claims = tuple(
        PreparedClaim(
            candidate,
            ClaimSignature.of(
                text[candidate.start : candidate.end], candidate.subject, candidate.context
            ),
        )
        for candidate in find_claims(text)
    )
    return PreparedArticle(source, claims)


def prepare_file(path: Path) -> Prepared:
    """Read and prepare one file, or say why it cannot be imported."""
    try:
        return prepare(read_source(path))
    except IngestError as error:
        return error


def worker_count() -> int:
    """How many worker processes read ahead: the cores beside the importer's, up to two
    (the importer itself, linking and storing, is the slower half)."""
    return max(0, min(2, (os.cpu_count() or 1) - 1))


def read_ahead(
    paths: Sequence[Path], workers: int | None = None
) -> Generator[Prepared, None, None]:
    """Each file prepared, in order, the next ones in `workers` processes (by default
    worker_count(), none for a handful of files) while the caller works.

    Closing the generator early (a cancelled import) stops the workers.
    """
    if workers is None:
        workers = worker_count() if len(paths) >= MIN_FILES_FOR_A_WORKER else 0
    count = workers
    pool = [_Worker.start() for _ in range(count)]
    live = [worker for worker in pool if worker is not None]
    try:
        if not live:
            yield from (prepare_file(path) for path in paths)
            return
        pending: deque[tuple[Path, _Worker]] = deque()
        upcoming = iter(paths)
        for path in upcoming:
            worker = live[len(pending) % len(live)]
            worker.ask(path)
            pending.append((path, worker))
            if len(pending) >= len(live) * _AHEAD_PER_WORKER:
                break
        while pending:
            path, worker = pending.popleft()
            prepared = cast(Prepared | None, worker.answer())
            if prepared is None:  # the worker died: read this file and the rest here
                yield prepare_file(path)
                yield from (prepare_file(path) for path, _ in pending)
                yield from (prepare_file(path) for path in upcoming)
                return
            following = next(upcoming, None)
            if following is not None:
                worker.ask(following)
                pending.append((following, worker))
            yield prepared
    finally:
        for worker in live:
            worker.stop()


def signatures(
    items: Sequence[SignatureInput],
    workers: int | None = None,
    stop_requested: Callable[[], bool] | None = None,
    chunk: int = 2000,
) -> list[ClaimSignature] | None:
    """The link signature of each quote (text, subject, context), in order: worked out
    here and, when there are many (a large project's quotes, read again before an
    import), by `workers` processes at once, `chunk` quotes at a time. None when
    `stop_requested` says so between two chunks."""
    if workers is None:
        workers = worker_count() if len(items) >= MIN_QUOTES_FOR_A_WORKER else 0
    chunks = [list(items[start : start + chunk]) for start in range(0, len(items), chunk)]
    results: list[list[ClaimSignature] | None] = [None] * len(chunks)
    live = [worker for worker in (_Worker.start() for _ in range(workers)) if worker]
    asked: dict[_Worker, int] = {}
    following = 0

    def hand_out(worker: _Worker) -> None:
        nonlocal following
        if following < len(chunks):
            worker.ask(chunks[following])
            asked[worker] = following
            following += 1

    try:
        for worker in live:
            hand_out(worker)
        while following < len(chunks) or asked:
            if stop_requested is not None and stop_requested():
                return None
            if following < len(chunks):  # one chunk here for each round of answers
                results[following] = _signatures_of(chunks[following])
                following += 1
            for worker, index in list(asked.items()):
                answer = worker.answer()  # each worker has one chunk at a time: no deadlock
                del asked[worker]
                if answer is None:  # the worker died: its chunk is worked out here
                    live.remove(worker)
                    worker.stop()
                    answer = _signatures_of(chunks[index])
                else:
                    hand_out(worker)
                results[index] = cast(list[ClaimSignature], answer)
        return [signature for result in results for signature in result or ()]
    finally:
        for worker in live:
            worker.stop()


def _signatures_of(items: Sequence[SignatureInput]) -> list[ClaimSignature]:
    """The link signatures of quotes, worked out in this process."""
    return [ClaimSignature.of(*item) for item in items]


class _Worker:
    """One worker process, seen from the importer."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self._process = process
        self._input = cast(IO[bytes], process.stdin)
        self._output = cast(IO[bytes], process.stdout)

    @classmethod
    def start(cls) -> _Worker | None:
        if getattr(sys, "frozen", False):
            command = [sys.executable, WORKER_FLAG]
            environment = None
        else:
            command = [sys.executable, "-m", "factcards.core.read_ahead"]
            # The worker finds factcards where this process found it.
            environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, sys.path))}
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment
            )
        except OSError as error:
            _log.warning("factcards: reading ahead is off (%s); importing on one core", error)
            return None
        return cls(process)

    def ask(self, request: Path | list[SignatureInput]) -> None:
        """Ask for a file, or for the signatures of quotes (a worker that has died is
        found out at its answer)."""
        try:
            pickle.dump(str(request) if isinstance(request, Path) else request, self._input)
            self._input.flush()
        except OSError:
            pass

    def answer(self) -> object:
        """What was asked first and not answered yet; None if the worker has died."""
        try:
            answer = pickle.load(self._output)
        except (EOFError, OSError, pickle.UnpicklingError):
            _log.warning("factcards: a reading-ahead process ended; importing on one core")
            return None
        if isinstance(answer, BaseException) and not isinstance(answer, IngestError):
            raise answer  # a fault in factcards, as if it had happened here
        return answer

    def stop(self) -> None:
        """End the worker: its input closes, and it stops after its current file."""
        with contextlib.suppress(OSError):
            self._input.close()
        self._output.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


def serve() -> int:
    """Work as a worker: prepare each file named on standard input (or work out the
    signatures of each list of quotes), in order, until it closes."""
    # Ctrl+C in a terminal reaches the whole process group: the importer stops the import
    # and closes the worker's input; the worker itself does not stop with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    requests = sys.stdin.buffer
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print cannot garble answers
    while True:
        try:
            request = pickle.load(requests)
        except EOFError:
            return 0
        try:
            answer: object = (
                prepare_file(Path(request)) if isinstance(request, str) else _signatures_of(request)
            )
        except Exception as error:  # a fault in factcards: the importer raises it
            answer = error
        try:
            data = pickle.dumps(answer)
        except (pickle.PicklingError, TypeError, AttributeError):
            data = pickle.dumps(RuntimeError(f"{type(answer).__name__}: {answer}"))
        try:
            answers.write(data)
            answers.flush()
        except OSError:  # the importer has gone (killed, or done before this answer)
            return 0


if __name__ == "__main__":
    # Through the module's own name, so that what it pickles is
    # factcards.core.read_ahead.PreparedArticle, not __main__.PreparedArticle.
    from factcards.core.read_ahead import serve as _serve

    sys.exit(_serve())
