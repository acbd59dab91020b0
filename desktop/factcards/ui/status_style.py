"""How each review status looks: a word and a colour, never colour alone."""

from PySide6.QtGui import QColor

from factcards_db import Status

STATUS_LABELS: dict[Status, str] = {
    "unreviewed": "Unreviewed",
    "confirmed": "Confirmed",
    "disputed": "Disputed",
}

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
