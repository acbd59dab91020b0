"""Every command a user can reach by keyboard, in one table.

The main window makes its actions from this table and Help ▸ Keyboard shortcuts prints
it, so the two can never disagree (Anki keeps its reviewer keys as data the same way).
"""

from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QKeySequence

# "list": only while the card list has focus (single letters must not steal typing).
# "window": anywhere in the window.
Scope = Literal["list", "window"]


@dataclass(frozen=True, slots=True)
class Command:
    """One command: its name in code, its menu text, its keys and what it does."""

    name: str
    label: str
    keys: tuple[QKeySequence | QKeySequence.StandardKey | str, ...]
    description: str
    scope: Scope = "window"

    def sequences(self) -> list[QKeySequence]:
        """The command's key sequences as Qt takes them."""
        return [QKeySequence(key) for key in self.keys]

    def key_text(self) -> str:
        """The keys as the user reads them on this platform."""
        return ", ".join(
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in self.sequences()
            if not sequence.isEmpty()
        )


COMMANDS: tuple[Command, ...] = (
    Command(
        "new_project",
        "&New project…",
        (QKeySequence.StandardKey.New,),
        "Create an empty project file",
    ),
    Command(
        "open_project", "&Open project…", (QKeySequence.StandardKey.Open,), "Open a project file"
    ),
    Command(
        "import_files",
        "&Import files…",
        ("Ctrl+I",),
        "Import .txt and .md articles into the project",
    ),
    Command(
        "import_folder",
        "Import &folder…",
        ("Ctrl+Shift+I",),
        "Import every .txt and .md article in a folder and its subfolders",
    ),
    Command(
        "export_brief", "&Export brief…", ("Ctrl+E",), "Preview the markdown brief and save it"
    ),
    Command(
        "editor_name", "Editor &name…", (), "Set the name the event log records for your actions"
    ),
    Command("quit", "&Quit", (QKeySequence.StandardKey.Quit,), "Close factcards"),
    Command("confirm", "&Confirm", ("C",), "Mark the selected card confirmed", "list"),
    Command("dispute", "&Dispute", ("D",), "Mark the selected card disputed", "list"),
    Command(
        "unreview", "Mark &unreviewed", ("U",), "Reset the selected card to unreviewed", "list"
    ),
    Command("next_card", "Ne&xt card", ("J",), "Select the next card (the ↓ key too)", "list"),
    Command(
        "previous_card",
        "&Previous card",
        ("K",),
        "Select the previous card (the ↑ key too)",
        "list",
    ),
    Command(
        "edit_note", "Edit &note", ("N",), "Type the card's note; Esc goes back to the list", "list"
    ),
    Command(
        "merge_suggestion",
        "&Merge suggested match",
        ("M",),
        "Accept the card's best suggested match: its quotes join this card",
        "list",
    ),
    Command(
        "reject_suggestion",
        "&Reject suggested match",
        ("R",),
        "Say the card's best suggested match is another claim; it is not suggested again",
        "list",
    ),
    Command(
        "show_low_scoring",
        "Show &low-scoring candidates",
        (),
        "Also list candidates below the check-worthiness cut",
    ),
    Command("sort_sources", "Sort by &sources", (), "Most widely carried cards first"),
    Command("sort_score", "Sort by s&core", (), "Most check-worthy cards first"),
    Command("sort_document", "Sort in &document order", (), "Cards as the articles tell them"),
    Command(
        "shortcuts",
        "&Keyboard shortcuts",
        (QKeySequence.StandardKey.HelpContents,),
        "Show this table",
    ),
    Command("about", "&About factcards", (), "Version and licence"),
)

COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}
