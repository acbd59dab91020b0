"""Ready for translation: every user-visible string goes through Qt's translate().

Strings in data tables (commands, statuses, sort orders, file filters) are marked with
QT_TRANSLATE_NOOP so that pyside6-lupdate collects them, and are translated where they are
shown. At start the application loads the translation for the user's language from
resources/translations (factcards_<language>.qm), and Qt's own (qtbase_<language>.qm,
for the texts of standard dialogs and buttons), when they exist. README.md ("Translating
factcards") says how a translator makes one.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from factcards.core.resources import resources_dir


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; translate it later with translate()."""
    del context
    return text


def translate(context: str, text: str) -> str:
    """`text` in the user's language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text)


def translations_dir() -> Path:
    """Where factcards' compiled translations (.qm) live."""
    return resources_dir() / "translations"


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Load factcards' translation for `locale` (default: the user's) from `folder`
    (default: resources/translations) and Qt's own into the application; return the
    translators that were found and installed."""
    locale = locale or QLocale()
    installed = []
    for name, place in (
        ("factcards", folder or translations_dir()),
        ("qtbase", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", str(place)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
