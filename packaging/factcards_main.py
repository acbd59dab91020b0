"""The bundle's entry point: the same `factcards` command as the installed one."""

import sys

from factcards.cli import main

if __name__ == "__main__":
    sys.exit(main())
