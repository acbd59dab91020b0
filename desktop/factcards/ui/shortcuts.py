"""Every command a user can reach by keyboard, in one table.

The main window makes its actions from this table and Help ▸ Keyboard shortcuts prints
it, so the two can never disagree (Anki keeps its reviewer keys as data the same way).
"""

from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QKeySequence

from factcards.ui.translation import QT_TRANSLATE_NOOP, translate

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

    def text(self) -> str:
        """The menu text in the user's language."""
        return translate("Command", self.label)

    def help(self) -> str:
        """What the command does, in the user's language."""
        return translate("Command", self.description)

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
    Command(
        "new_project",
        QT_TRANSLATE_NOOP("Command", "&New project…"),
        (_K.New,),
        QT_TRANSLATE_NOOP("Command", "Create an empty project file"),
    ),
    Command(
        "open_project",
        QT_TRANSLATE_NOOP("Command", "&Open project…"),
        (_K.Open,),
        QT_TRANSLATE_NOOP("Command", "Open a project file"),
    ),
    Command(
        "import_files",
        QT_TRANSLATE_NOOP("Command", "&Import files…"),
        ("Ctrl+I",),
        QT_TRANSLATE_NOOP("Command", "Import articles into the project"),
    ),
    Command(
        "import_folder",
        QT_TRANSLATE_NOOP("Command", "Import &folder…"),
        ("Ctrl+Shift+I",),
        QT_TRANSLATE_NOOP("Command", "Import every article in a folder and its subfolders"),
    ),
    Command(
        "paste_source",
        QT_TRANSLATE_NOOP("Command", "&Paste as new source"),
        ("Ctrl+Shift+V",),
        QT_TRANSLATE_NOOP("Command", "Import the text on the clipboard as a new article"),
    ),
    Command(
        "export_brief",
        QT_TRANSLATE_NOOP("Command", "&Export brief…"),
        ("Ctrl+E",),
        QT_TRANSLATE_NOOP(
            "Command",
            "Choose the brief's options, preview it, save it or copy it; ClaimReview and CSV",
        ),
    ),
    Command(
        "save_copy",
        QT_TRANSLATE_NOOP("Command", "Save a &copy…"),
        (_K.SaveAs, "Ctrl+Shift+S"),
        QT_TRANSLATE_NOOP(
            "Command", "Write a copy of the project to another file, even while it is open"
        ),
    ),
    Command(
        "settings",
        QT_TRANSLATE_NOOP("Command", "&Settings…"),
        ("Ctrl+,",),
        QT_TRANSLATE_NOOP("Command", "Your name and the brief's default options"),
    ),
    Command(
        "quit",
        QT_TRANSLATE_NOOP("Command", "&Quit"),
        (_K.Quit, "Ctrl+Q"),
        QT_TRANSLATE_NOOP("Command", "Close factcards"),
    ),
    # Edit
    Command(
        "undo",
        QT_TRANSLATE_NOOP("Command", "&Undo"),
        (_K.Undo,),
        QT_TRANSLATE_NOOP("Command", "Take the last action back"),
    ),
    Command(
        "redo",
        QT_TRANSLATE_NOOP("Command", "&Redo"),
        (_K.Redo, "Ctrl+Shift+Z"),
        QT_TRANSLATE_NOOP("Command", "Do the last undone action again"),
    ),
    Command(
        "find",
        QT_TRANSLATE_NOOP("Command", "&Find…"),
        (_K.Find,),
        QT_TRANSLATE_NOOP("Command", "Search wording, quotes, notes and tags"),
    ),
    Command(
        "clear_filters",
        QT_TRANSLATE_NOOP("Command", "&Clear search and filters"),
        ("Ctrl+Shift+F",),
        QT_TRANSLATE_NOOP("Command", "Show every card again"),
    ),
    Command(
        "new_card_from_selection",
        QT_TRANSLATE_NOOP("Command", "New card from &selection"),
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Command", "Make a card of the text selected in the source"),
    ),
    Command(
        "add_selection_to_card",
        QT_TRANSLATE_NOOP("Command", "&Add selection to this card"),
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP(
            "Command", "Add the text selected in the source as a quote of the selected card"
        ),
    ),
    # Card
    Command(
        "confirm",
        QT_TRANSLATE_NOOP("Command", "&Confirm"),
        ("C",),
        QT_TRANSLATE_NOOP("Command", "Mark the selected cards confirmed"),
        "list",
    ),
    Command(
        "dispute",
        QT_TRANSLATE_NOOP("Command", "&Dispute"),
        ("D",),
        QT_TRANSLATE_NOOP("Command", "Mark the selected cards disputed"),
        "list",
    ),
    Command(
        "unreview",
        QT_TRANSLATE_NOOP("Command", "Mark &unreviewed"),
        ("U",),
        QT_TRANSLATE_NOOP("Command", "Reset the selected cards to unreviewed"),
        "list",
    ),
    Command(
        "next_card",
        QT_TRANSLATE_NOOP("Command", "Ne&xt card"),
        ("J",),
        QT_TRANSLATE_NOOP("Command", "Select the next card (the ↓ key too)"),
        "list",
    ),
    Command(
        "previous_card",
        QT_TRANSLATE_NOOP("Command", "&Previous card"),
        ("K",),
        QT_TRANSLATE_NOOP("Command", "Select the previous card (the ↑ key too)"),
        "list",
    ),
    Command(
        "next_unreviewed",
        QT_TRANSLATE_NOOP("Command", "Next un&reviewed card"),
        ("Space",),
        QT_TRANSLATE_NOOP("Command", "Select the next card still to review"),
        "list",
    ),
    Command(
        "select_all",
        QT_TRANSLATE_NOOP("Command", "Select &all cards"),
        (_K.SelectAll,),
        QT_TRANSLATE_NOOP(
            "Command", "Select every card of the list, for a bulk confirm, dispute or tag"
        ),
        "list",
    ),
    Command(
        "edit_note",
        QT_TRANSLATE_NOOP("Command", "Edit &note"),
        ("N",),
        QT_TRANSLATE_NOOP("Command", "Type the card's note; Esc goes back to the list"),
        "list",
    ),
    Command(
        "edit_wording",
        QT_TRANSLATE_NOOP("Command", "Edit &wording…"),
        ("E",),
        QT_TRANSLATE_NOOP("Command", "Word the card as you want it"),
        "list",
    ),
    Command(
        "tag",
        QT_TRANSLATE_NOOP("Command", "&Tag…"),
        ("T",),
        QT_TRANSLATE_NOOP("Command", "Give the selected cards a tag"),
        "list",
    ),
    Command(
        "hide",
        QT_TRANSLATE_NOOP("Command", "&Hide or show"),
        ("H",),
        QT_TRANSLATE_NOOP(
            "Command", "Hide the selected cards as not claims (or show hidden ones again)"
        ),
        "list",
    ),
    Command(
        "merge_selected",
        QT_TRANSLATE_NOOP("Command", "Merge &selected cards"),
        ("Ctrl+M",),
        QT_TRANSLATE_NOOP("Command", "Make the selected cards one card"),
        "list",
    ),
    Command(
        "merge_suggestion",
        QT_TRANSLATE_NOOP("Command", "&Merge suggested match"),
        ("M",),
        QT_TRANSLATE_NOOP(
            "Command", "Accept the card's best suggested match: its quotes join this card"
        ),
        "list",
    ),
    Command(
        "reject_suggestion",
        QT_TRANSLATE_NOOP("Command", "&Reject suggested match"),
        ("R",),
        QT_TRANSLATE_NOOP(
            "Command",
            "Say the card's best suggested match is another claim; it is not suggested again",
        ),
        "list",
    ),
    # View
    Command(
        "sort_sources",
        QT_TRANSLATE_NOOP("Command", "Sort by &sources"),
        (),
        QT_TRANSLATE_NOOP("Command", "Most widely carried cards first"),
    ),
    Command(
        "sort_score",
        QT_TRANSLATE_NOOP("Command", "Sort by s&core"),
        (),
        QT_TRANSLATE_NOOP("Command", "Most check-worthy cards first"),
    ),
    Command(
        "sort_conflicts",
        QT_TRANSLATE_NOOP("Command", "Sort by co&nflicts"),
        (),
        QT_TRANSLATE_NOOP("Command", "Cards with most conflicts first"),
    ),
    Command(
        "sort_document",
        QT_TRANSLATE_NOOP("Command", "Sort in &document order"),
        (),
        QT_TRANSLATE_NOOP("Command", "Cards as the articles tell them"),
    ),
    Command(
        "show_low_scoring",
        QT_TRANSLATE_NOOP("Command", "Show &low-scoring candidates"),
        (),
        QT_TRANSLATE_NOOP("Command", "Also list candidates below the check-worthiness cut"),
    ),
    # Help
    Command(
        "shortcuts",
        QT_TRANSLATE_NOOP("Command", "&Keyboard shortcuts"),
        (_K.HelpContents,),
        QT_TRANSLATE_NOOP("Command", "Show this table"),
    ),
    Command(
        "about",
        QT_TRANSLATE_NOOP("Command", "&About factcards"),
        (),
        QT_TRANSLATE_NOOP("Command", "Version and licences"),
    ),
)

COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}
