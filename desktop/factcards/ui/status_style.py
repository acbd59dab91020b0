"""How each review status looks: a word and a colour, never colour alone."""

from PySide6.QtGui import QColor

from factcards.ui.translation import QT_TRANSLATE_NOOP, translate
from factcards_db import Status

STATUS_LABELS: dict[Status, str] = {
    "unreviewed": QT_TRANSLATE_NOOP("Status", "Unreviewed"),
    "confirmed": QT_TRANSLATE_NOOP("Status", "Confirmed"),
    "disputed": QT_TRANSLATE_NOOP("Status", "Disputed"),
}


def status_label(status: Status) -> str:
    """The status in the user's language."""
    return translate("Status", STATUS_LABELS[status])


# Mid-tone badge colours under white words: readable on light and dark palettes alike.
_STATUS_COLOURS: dict[Status, str] = {
    "unreviewed": "#5b6472",
    "confirmed": "#15803d",
    "disputed": "#b91c1c",
}
BADGE_TEXT_COLOUR = "#ffffff"


def status_colour(status: Status) -> QColor:
    """The badge colour of a status."""
    return QColor(_STATUS_COLOURS[status])


# Conflicts wear their own badge, amber-brown so as not to read as "disputed".
CONFLICT_COLOUR = "#b45309"
