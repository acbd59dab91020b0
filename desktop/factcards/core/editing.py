"""The editor's actions, each undoable, and the undo history that holds them.

As in Anki, undo lives in the logic, not in the widgets: every action here is a step with
a name ("Confirm 5 cards", "Merge cards") that knows how to do and undo itself through
the store, and the window only asks for the names to label Edit ▸ Undo and Redo. Each
action returns a `Change`: what the views must refresh, nothing more.

Undoing writes new entries to the event log (the log only grows); it never deletes one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from factcards.core.checkworthiness import score_claim
from factcards.core.wording import card_wording
from factcards_db import STATUSES, MergeRecord, NewQuote, Project, Status

# How many steps back undo reaches.
HISTORY_LIMIT = 200
_STATUS_VERBS: dict[Status, str] = {
    "confirmed": "Confirm",
    "disputed": "Dispute",
    "unreviewed": "Mark unreviewed",
}


@dataclass(frozen=True, slots=True)
class Change:
    """What an action changed: cards to repaint, whether the list itself changed (cards
    appeared or went), and which card to select afterwards."""

    cards: frozenset[int] = frozenset()
    listing: bool = False
    select: int | None = None


@dataclass(slots=True)
class Step:
    """One undoable action."""

    name: str
    redo: Callable[[], Change]
    undo: Callable[[], Change]


@dataclass(slots=True)
class History:
    """Steps to undo and to redo; a new action clears what could be redone."""

    limit: int = HISTORY_LIMIT
    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)

    def record(self, step: Step) -> None:
        """Add a step just done."""
        self.done.append(step)
        del self.done[: -self.limit]
        self.undone.clear()

    def undo_name(self) -> str | None:
        """The name of the step Undo would take back."""
        return self.done[-1].name if self.done else None

    def redo_name(self) -> str | None:
        """The name of the step Redo would do again."""
        return self.undone[-1].name if self.undone else None

    def clear(self) -> None:
        """Forget every step (another project was opened)."""
        self.done.clear()
        self.undone.clear()


class Editing:
    """An editor's undoable actions on one project."""

    def __init__(self, project: Project, editor: Callable[[], str]) -> None:
        self.project = project
        self._editor = editor
        self.history = History()

    @property
    def editor(self) -> str:
        """Who the event log names for these actions (read from settings each time)."""
        return self._editor()

    def _run(self, name: str, redo: Callable[[], Change], undo: Callable[[], Change]) -> Change:
        change = self._at_once(redo)
        self.history.record(Step(name, redo, undo))
        return change

    def _at_once(self, step: Callable[[], Change]) -> Change:
        """Do a step in one transaction: a bulk merge or a split lands whole or not at all
        (a full disk, say, raises ProjectError and leaves the project as it was)."""
        with self.project.atomic():
            return step()

    def undo(self) -> Change | None:
        """Take the last step back; None when there is nothing to undo.

        A step that fails (ProjectError) stays where it was, to be undone again later.
        """
        if not self.history.done:
            return None
        step = self.history.done[-1]
        change = self._at_once(step.undo)
        self.history.undone.append(self.history.done.pop())
        return change

    def redo(self) -> Change | None:
        """Do the last undone step again; None when there is nothing to redo."""
        if not self.history.undone:
            return None
        step = self.history.undone[-1]
        change = self._at_once(step.redo)
        self.history.done.append(self.history.undone.pop())
        return change

    # -- review ---------------------------------------------------------------------------

    def set_status(self, card_ids: Sequence[int], status: Status) -> Change:
        """Confirm, dispute or reset cards: one step however many cards."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        ids = list(dict.fromkeys(card_ids))
        before: dict[int, Status] = {}

        def redo() -> Change:
            before.update(self.project.set_statuses(dict.fromkeys(ids, status), self.editor))
            return Change(frozenset(ids))

        def undo() -> Change:
            self.project.set_statuses(dict(before), self.editor)
            return Change(frozenset(ids))

        return self._run(_counted(_STATUS_VERBS[status], ids), redo, undo)

    def set_note(self, card_id: int, note: str) -> Change:
        """Save a card's note (one step per save, as the note is saved while typing)."""
        before = self.project.card(card_id).note
        if before == note:
            return Change()

        def redo() -> Change:
            self.project.set_note(card_id, note, self.editor)
            return Change(frozenset({card_id}))

        def undo() -> Change:
            self.project.set_note(card_id, before, self.editor)
            return Change(frozenset({card_id}))

        return self._run("Edit note", redo, undo)

    def set_wording(self, card_id: int, wording: str) -> Change:
        """Word a card as the editor wants it; no import will change it again."""
        wording = card_wording(wording)
        if not wording:
            raise ValueError("a card needs a wording")
        previous: list[tuple[str, bool]] = []

        def redo() -> Change:
            previous[:] = [self.project.set_wording(card_id, wording, self.editor)]
            return Change(frozenset({card_id}))

        def undo() -> Change:
            text, edited = previous[0]
            self.project.set_wording(card_id, text, self.editor, edited=edited)
            return Change(frozenset({card_id}))

        return self._run("Edit wording", redo, undo)

    def hide(self, card_ids: Sequence[int], hidden: bool = True) -> Change:
        """Hide cards that are not claims (kept, restorable), or show them again."""
        ids = list(dict.fromkeys(card_ids))
        changed: list[int] = []

        def redo() -> Change:
            changed[:] = self.project.set_hidden(ids, hidden, self.editor)
            return Change(frozenset(changed), listing=True)

        def undo() -> Change:
            self.project.set_hidden(changed, not hidden, self.editor)
            return Change(frozenset(changed), listing=True, select=changed[0] if changed else None)

        return self._run(_counted("Hide" if hidden else "Show", ids), redo, undo)

    def tag(self, card_ids: Sequence[int], tag: str) -> Change:
        """Give cards a free-text tag."""
        tag = " ".join(tag.split())
        if not tag:
            raise ValueError("a tag needs a name")
        ids = list(dict.fromkeys(card_ids))
        changed: list[int] = []

        def redo() -> Change:
            changed[:] = self.project.add_tag(ids, tag, self.editor)
            return Change(frozenset(changed), listing=True)

        def undo() -> Change:
            self.project.remove_tag(changed, tag, self.editor)
            return Change(frozenset(changed), listing=True)

        return self._run(_counted(f"Tag “{tag}” on", ids), redo, undo)

    def untag(self, card_ids: Sequence[int], tag: str) -> Change:
        """Take a tag off cards."""
        ids = list(dict.fromkeys(card_ids))
        changed: list[int] = []

        def redo() -> Change:
            changed[:] = self.project.remove_tag(ids, tag, self.editor)
            return Change(frozenset(changed), listing=True)

        def undo() -> Change:
            self.project.add_tag(changed, tag, self.editor)
            return Change(frozenset(changed), listing=True)

        return self._run(_counted(f"Remove tag “{tag}” from", ids), redo, undo)

    # -- cards and quotes ---------------------------------------------------------------------

    def merge(self, keep: int, others: Sequence[int]) -> Change:
        """Make several cards one: the others' quotes join `keep`."""
        others = [card for card in dict.fromkeys(others) if card != keep]
        if not others:
            return Change()
        records: list[MergeRecord] = []

        def redo() -> Change:
            records[:] = [self.project.merge_cards(keep, other, self.editor) for other in others]
            return Change(frozenset({keep, *others}), listing=True, select=keep)

        def undo() -> Change:
            for record in reversed(records):
                self.project.unmerge(record, self.editor)
            return Change(frozenset({keep, *others}), listing=True, select=keep)

        return self._run(
            "Merge cards" if len(others) == 1 else f"Merge {len(others) + 1} cards", redo, undo
        )

    def split(self, card_id: int, quote_id: int) -> Change:
        """Move a quote off its card onto a card of its own."""
        quote = next(q for q in self.project.card_detail(card_id).quotes if q.id == quote_id)
        created: list[int] = []

        def redo() -> Change:
            if created:  # redo: the same new card again, so its id and history stay
                self.project.set_removed(created[0], False, self.editor)
                self.project.move_quote(quote_id, card_id, created[0], self.editor)
            else:
                created.append(
                    self.project.split_quote(
                        card_id, quote_id, card_wording(quote.text), self.editor
                    )
                )
            return Change(frozenset({card_id, created[0]}), listing=True, select=created[0])

        def undo() -> Change:
            self.project.move_quote(quote_id, created[0], card_id, self.editor)
            self.project.set_removed(created[0], True, self.editor)
            return Change(frozenset({card_id, created[0]}), listing=True, select=card_id)

        return self._run("Split quote", redo, undo)

    def detach(self, card_id: int, quote_id: int) -> Change:
        """Take a quote off a card (it stays in its source)."""

        def redo() -> Change:
            self.project.detach_quote(card_id, quote_id, self.editor)
            return Change(frozenset({card_id}), listing=True, select=card_id)

        def undo() -> Change:
            self.project.attach_quote(card_id, quote_id, self.editor)
            return Change(frozenset({card_id}), listing=True, select=card_id)

        return self._run("Detach quote", redo, undo)

    def new_card(self, source_id: int, start: int, end: int) -> Change:
        """A card made from a span of a source the editor selected."""
        quote = self._quote(source_id, start, end)
        created: list[int] = []

        def redo() -> Change:
            if created:
                self.project.set_removed(created[0], False, self.editor)
            else:
                wording = card_wording(self._text(source_id, start, end))
                created.append(
                    self.project.new_card_from_span(source_id, quote, wording, self.editor)
                )
            return Change(frozenset(created), listing=True, select=created[0])

        def undo() -> Change:
            self.project.set_removed(created[0], True, self.editor)
            return Change(frozenset(created), listing=True)

        return self._run("New card", redo, undo)

    def add_quote(self, card_id: int, source_id: int, start: int, end: int) -> Change:
        """Add a span of a source as a quote of a card."""
        quote = self._quote(source_id, start, end)
        added: list[int] = []

        def redo() -> Change:
            with self.project.atomic():
                if not added:
                    added.append(self.project.quote_for_span(source_id, quote))
                self.project.attach_quote(card_id, added[0], self.editor)
            return Change(frozenset({card_id}), listing=True, select=card_id)

        def undo() -> Change:
            self.project.detach_quote(card_id, added[0], self.editor)
            return Change(frozenset({card_id}), listing=True, select=card_id)

        return self._run("Add quote", redo, undo)

    # -- suggestions ----------------------------------------------------------------------------

    def accept_suggestion(self, card_id: int, other: int) -> Change:
        """The suggested card is the same claim: merge it into this one."""
        return self.merge(card_id, [other])

    def reject_suggestion(self, card_id: int, other: int) -> Change:
        """The suggested card is another claim: never suggest it again."""

        def redo() -> Change:
            self.project.reject_suggestion(card_id, other, self.editor)
            return Change(frozenset({card_id, other}))

        def undo() -> Change:
            self.project.reopen_suggestion(card_id, other, self.editor)
            return Change(frozenset({card_id, other}))

        return self._run("Reject suggested match", redo, undo)

    # -- helpers ----------------------------------------------------------------------------------

    def _text(self, source_id: int, start: int, end: int) -> str:
        text = self.project.source(source_id).text
        if not 0 <= start < end <= len(text):
            raise ValueError("the selection is not inside the source")
        return text[start:end]

    def _quote(self, source_id: int, start: int, end: int) -> NewQuote:
        text = self._text(source_id, start, end)
        # Trim the selection to its words, so the quote is exactly the claim's text.
        lead = len(text) - len(text.lstrip())
        trail = len(text) - len(text.rstrip())
        start, end = start + lead, end - trail
        if start >= end:
            raise ValueError("the selection holds no text")
        return NewQuote(start, end, None, score_claim(text.strip()))


def _counted(verb: str, card_ids: Sequence[int]) -> str:
    count = len(card_ids)
    return f"{verb} card" if count == 1 else f"{verb} {count} cards"
