"""Every keyboard command is in the README's shortcut table, with its keys."""

from pathlib import Path

from factcards.ui.shortcuts import COMMANDS

README = " ".join(
    (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8").split()
)


def test_every_command_and_key_is_documented() -> None:
    for command in COMMANDS:
        label = command.label.replace("&", "").rstrip("…")
        assert label in README, label
        for sequence in command.sequences():
            key = sequence.toString()
            if key:
                assert f"| {key}" in README or f"{key}, " in README or f", {key}" in README, key
