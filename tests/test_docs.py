"""The README documents every command, option and make target a user can reach."""

import re
from pathlib import Path

from factcards.cli import parsers

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_and_option_is_documented() -> None:
    for command, parser in parsers().items():
        if command:
            assert f"factcards {command} " in README, command
        for action in parser._actions:
            for option in action.option_strings:
                if option in ("-h", "--help"):
                    continue
                assert f"`{option}" in README or f" {option} " in README, option
            for choice in action.choices or ():
                assert choice in README, choice


def test_every_make_target_is_documented() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z][a-z-]*):.*## ", makefile, re.M)
    assert {"run", "test", "deps"} <= set(targets)
    for target in targets:
        assert f"`make {target}`" in README, target


def test_the_two_commands_stand_at_the_top() -> None:
    top = README[: README.index("## ")]
    assert "make run" in top and "make test" in top


def test_the_screenshot_is_in_the_repository() -> None:
    image = re.search(r"!\[[^\]]*\]\(([^)]+\.png)\)", README)
    assert image, "README shows no screenshot"
    assert (REPO / image.group(1)).stat().st_size > 10_000
