"""`python -m factcards`: the same as the `factcards` command."""

import sys

from factcards.cli import main

sys.exit(main())
