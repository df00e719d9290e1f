"""Languages: English (the source texts) and Simplified Chinese, following the system unless chosen.

Qt's own dialogs (file choosers, standard buttons) are translated by Qt's catalogue ``qtbase_<lang>``,
read from Qt's translations folder, or from ``resources/i18n`` where a build put it beside the app's;
texts Qt's catalogue lacks are in the app's own (``ui/qt_strings.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from liasmart_desktop.ui.resources import resource_path

#: Language code → its own name, as the settings dialog lists them.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}
SOURCE_LANGUAGE = "en"


def system_language() -> str:
    """The supported language closest to the system's (Chinese locales → zh_CN, else English)."""
    locale = QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else SOURCE_LANGUAGE


def resolve_language(setting: str) -> str:
    """The language to use: the saved choice when supported, otherwise the system's."""
    return setting if setting in LANGUAGES else system_language()


def translation_file(language: str) -> str:
    """The compiled ``.qm`` path for a language (built from ``resources/i18n/*.ts``)."""
    return str(resource_path("i18n", f"liasmart_{language}.qm"))


def qt_translation_folders() -> list[str]:
    """Where Qt's own catalogues are looked for: Qt's translations folder, then the app's resources."""
    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), str(resource_path("i18n"))]


def load_qt_catalogue(translator: QTranslator, language: str) -> bool:
    """Load Qt's own catalogue ``qtbase_<language>`` from the first folder that has it."""
    return any(
        Path(folder).is_dir() and translator.load(f"qtbase_{language}", folder)
        for folder in qt_translation_folders()
    )


class Translations:
    """Installs the app's and Qt's own translators; switching replaces them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def install(self, language: str) -> bool:
        """Use ``language``; return whether its translation was found (English always is)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        # Dates, numbers and Qt's own dialogs follow the interface language.
        QLocale.setDefault(QLocale.system() if language == SOURCE_LANGUAGE else QLocale(language))
        if language == SOURCE_LANGUAGE or app is None:
            return True
        ours = QTranslator(app)
        found = ours.load(translation_file(language))
        if found:
            QCoreApplication.installTranslator(ours)
            self._installed.append(ours)
        # Installed after the app's, so asked first; texts it lacks fall through to the app's (qt_strings.py).
        qt_base = QTranslator(app)
        if load_qt_catalogue(qt_base, language):
            QCoreApplication.installTranslator(qt_base)
            self._installed.append(qt_base)
        return found
