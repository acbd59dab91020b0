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
        """The command's key sequences as Qt takes them: the platform's standard key
        first, then the fallbacks a platform may lack; none twice, none empty."""
        sequences: list[QKeySequence] = []
        for key in self.keys:
            sequence = QKeySequence(key)
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
        return sequences

    def key_text(self) -> str:
        """The keys as the user reads them on this platform."""
        return ", ".join(
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in self.sequences()
            if not sequence.isEmpty()
        )


_K = QKeySequence.StandardKey
COMMANDS: tuple[Command, ...] = (
    # File
    Command("new_project", "&New project…", (_K.New,), "Create an empty project file"),
    Command("open_project", "&Open project…", (_K.Open,), "Open a project file"),
    Command("import_files", "&Import files…", ("Ctrl+I",), "Import articles into the project"),
    Command("import_folder", "Import &folder…", ("Ctrl+Shift+I",),
            "Import every article in a folder and its subfolders"),
    Command("paste_source", "&Paste as new source", ("Ctrl+Shift+V",),
            "Import the text on the clipboard as a new article"),
    Command("export_brief", "&Export brief…", ("Ctrl+E",),
            "Choose the brief's options, preview it, save it or copy it; ClaimReview and CSV"),
    Command("settings", "&Settings…", ("Ctrl+,",), "Your name and the brief's default options"),
    Command("quit", "&Quit", (_K.Quit, "Ctrl+Q"), "Close factcards"),
    # Edit
    Command("undo", "&Undo", (_K.Undo,), "Take the last action back"),
    Command("redo", "&Redo", (_K.Redo, "Ctrl+Shift+Z"), "Do the last undone action again"),
    Command("find", "&Find…", (_K.Find,), "Search wording, quotes, notes and tags"),
    Command("clear_filters", "&Clear search and filters", ("Ctrl+Shift+F",),
            "Show every card again"),
    Command("new_card_from_selection", "New card from &selection", ("Ctrl+Shift+N",),
            "Make a card of the text selected in the source"),
    Command("add_selection_to_card", "&Add selection to this card", ("Ctrl+Shift+A",),
            "Add the text selected in the source as a quote of the selected card"),
    # Card
    Command("confirm", "&Confirm", ("C",), "Mark the selected cards confirmed", "list"),
    Command("dispute", "&Dispute", ("D",), "Mark the selected cards disputed", "list"),
    Command("unreview", "Mark &unreviewed", ("U",),
            "Reset the selected cards to unreviewed", "list"),
    Command("next_card", "Ne&xt card", ("J",), "Select the next card (the ↓ key too)", "list"),
    Command("previous_card", "&Previous card", ("K",),
            "Select the previous card (the ↑ key too)", "list"),
    Command("next_unreviewed", "Next un&reviewed card", ("Space",),
            "Select the next card still to review", "list"),
    Command("edit_note", "Edit &note", ("N",),
            "Type the card's note; Esc goes back to the list", "list"),
    Command("edit_wording", "Edit &wording…", ("E",), "Word the card as you want it", "list"),
    Command("tag", "&Tag…", ("T",), "Give the selected cards a tag", "list"),
    Command("hide", "&Hide or show", ("H",),
            "Hide the selected cards as not claims (or show hidden ones again)", "list"),
    Command("merge_selected", "Merge &selected cards", ("Ctrl+M",),
            "Make the selected cards one card", "list"),
    Command("merge_suggestion", "&Merge suggested match", ("M",),
            "Accept the card's best suggested match: its quotes join this card", "list"),
    Command("reject_suggestion", "&Reject suggested match", ("R",),
            "Say the card's best suggested match is another claim; it is not suggested again",
            "list"),
    # View
    Command("sort_sources", "Sort by &sources", (), "Most widely carried cards first"),
    Command("sort_score", "Sort by s&core", (), "Most check-worthy cards first"),
    Command("sort_conflicts", "Sort by co&nflicts", (), "Cards with most conflicts first"),
    Command("sort_document", "Sort in &document order", (), "Cards as the articles tell them"),
    Command("show_low_scoring", "Show &low-scoring candidates", (),
            "Also list candidates below the check-worthiness cut"),
    # Help
    Command("shortcuts", "&Keyboard shortcuts", (_K.HelpContents,), "Show this table"),
    Command("about", "&About factcards", (), "Version and licences"),
)  # fmt: skip

COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}
