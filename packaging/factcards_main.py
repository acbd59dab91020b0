"""The bundle's entry point: the same `factcards` command as the installed one."""

import sys

from factcards.cli import main
from factcards.core.read_ahead import WORKER_FLAG, serve

if __name__ == "__main__":
    # The bundle is also the worker that reads files ahead of an import (read_ahead.py).
    sys.exit(serve() if sys.argv[1:] == [WORKER_FLAG] else main())
