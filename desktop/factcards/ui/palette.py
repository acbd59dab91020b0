"""Light and dark: colours that follow the desktop's palette, so text stays readable.

Qt takes the palette from the desktop (GNOME's and KDE's dark schemes included); the
card list paints with its roles. Rich text in the detail pane names colours in HTML, so
it asks here for tones that suit the palette in use.
"""

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# Muted text (a quote's surrounding context) is this much of the text colour on the base.
_MUTED_SHARE = 0.62
# WCAG 2 AA: text needs 4.5:1 against its background.
READABLE = 4.5


@dataclass(frozen=True, slots=True)
class Tones:
    """HTML colours for rich text on one palette."""

    muted: str
    warning: str
    tag_background: str
    tag_text: str
    quote_highlight: str


def is_dark(palette: QPalette) -> bool:
    """Whether text is light on a dark base."""
    role = QPalette.ColorRole
    return palette.color(role.Base).lightnessF() < palette.color(role.Text).lightnessF()


def tones(palette: QPalette) -> Tones:
    """The rich-text colours that read well on `palette`."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    muted = QColor.fromRgbF(
        *(
            t * _MUTED_SHARE + b * (1 - _MUTED_SHARE)
            for t, b in zip(_rgb(text), _rgb(base), strict=True)
        )
    )
    if is_dark(palette):
        return Tones(muted.name(), "#f87171", "#1e3a8a", "#e0e7ff", "rgba(250,204,21,0.30)")
    return Tones(muted.name(), "#b91c1c", "#e0e7ff", "#1e3a8a", "rgba(250,204,21,0.35)")


def selection_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """The selected card's background and text: the desktop's highlight, deepened until
    its text reads at 4.5:1 (some desktops' highlight blue gives white text only 3.7:1)."""
    background = QColor(palette.color(QPalette.ColorRole.Highlight))
    text = palette.color(QPalette.ColorRole.HighlightedText)
    darken = _luminance(text) > _luminance(background)
    for _ in range(20):
        if contrast(background, text) >= READABLE:
            break
        background = background.darker(110) if darken else background.lighter(110)
    return background, text


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in _rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _rgb(colour: QColor) -> tuple[float, float, float]:
    return colour.redF(), colour.greenF(), colour.blueF()


def dark_palette() -> QPalette:
    """A dark palette like a dark desktop's, for the tests and the dark screenshot."""
    palette = QPalette()
    role = QPalette.ColorRole
    for colour_role, colour in (
        (role.Window, "#202124"),
        (role.WindowText, "#e8eaed"),
        (role.Base, "#17181a"),
        (role.AlternateBase, "#26282b"),
        (role.Text, "#e8eaed"),
        (role.Button, "#2b2d30"),
        (role.ButtonText, "#e8eaed"),
        (role.Highlight, "#2f6fdb"),
        (role.HighlightedText, "#ffffff"),
        (role.Link, "#8ab4f8"),
        (role.LinkVisited, "#c58af9"),
        (role.Mid, "#3c4043"),
        (role.Dark, "#111214"),
        (role.Light, "#4a4d51"),
        (role.PlaceholderText, "#9aa0a6"),
        (role.ToolTipBase, "#2b2d30"),
        (role.ToolTipText, "#e8eaed"),
    ):
        palette.setColor(colour_role, QColor(colour))
    return palette
