"""Which language the window speaks, and loading it: our translations, Qt's own (``qtbase``) and a CJK font.

The language is, in this order: ``gmm-explorer --lang CODE`` (for one run, not remembered), the choice made
in the Language menu (kept in the settings under ``SETTINGS_KEY``), or the system's locale. A locale in
Chinese gives Simplified Chinese (``zh_CN``), in Korean gives Korean (``ko``), anything else English, the
language of the sources.

``Translators.install(app, language)`` replaces the installed translators: ours from
``resources/i18n/gmm_explorer_<language>.qm`` (found through the installed package, ``engine.resources``),
and Qt's ``qtbase_<language>.qm`` from the translations PySide6 ships, so file dialogs and standard buttons
speak the same language. Installing sends every widget a ``LanguageChange`` event (``gui.i18n.switching``
re-translates the open windows on it). For Chinese and Korean the application font becomes a family
with CJK glyphs (``CJK_FAMILIES``, the first installed: Debian's ``fonts-wqy-microhei`` or
``fonts-noto-cjk``), so no text is drawn as boxes whatever fontconfig would pick.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from engine.resources import resource_path

#: The languages the window speaks, by code, with their names in themselves (as the Language menu shows them).
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "ko": "한국어"}
#: What the settings keep: a language code, or ``SYSTEM`` to follow the system's locale.
SETTINGS_KEY = "window/language"
SYSTEM = "system"
#: Font families with Chinese and Korean glyphs, the preferred first (WenQuanYi covers both in 1.6 MB).
CJK_FAMILIES = ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK KR", "Noto Sans CJK JP",
                "Source Han Sans SC", "NanumGothic")
#: The languages that need a CJK font.
CJK_LANGUAGES = frozenset({"zh_CN", "ko"})


def normalise(code: str) -> str | None:
    """A language code as the user may type it (``zh_CN``, ``zh-CN``, ``zh``, ``ko_KR``, ``EN``) as one of
    ``LANGUAGES``, or None if the window does not speak it."""
    text = code.strip().replace("-", "_").lower()
    if text in ("zh", "zh_cn", "zh_hans", "zh_hans_cn", "zh_sg"):
        return "zh_CN"
    if text in ("ko", "ko_kr"):
        return "ko"
    if text in ("en", "c", "posix") or text.startswith("en_"):
        return "en"
    return None


def system_language(locale: QLocale | None = None) -> str:
    """The language the system's locale asks for (``QLocale.system()`` by default): a code of ``LANGUAGES``."""
    locale = QLocale.system() if locale is None else locale
    if locale.language() == QLocale.Language.Chinese:
        return "zh_CN"
    if locale.language() == QLocale.Language.Korean:
        return "ko"
    return "en"


def saved_choice(store) -> str:
    """The Language menu's choice kept in ``store`` (a QSettings): a code of ``LANGUAGES`` or ``SYSTEM``."""
    value = store.value(SETTINGS_KEY, SYSTEM)
    return value if isinstance(value, str) and (value == SYSTEM or value in LANGUAGES) else SYSTEM


def resolve(choice: str) -> str:
    """The language ``choice`` (a code or ``SYSTEM``) means now."""
    return system_language() if choice == SYSTEM else choice


def translation_file(language: str) -> str | None:
    """Our compiled translations for ``language`` (None for English, the sources' language)."""
    if language == "en":
        return None
    return str(resource_path(f"i18n/gmm_explorer_{language}.qm"))


def cjk_family() -> str | None:
    """The first family of ``CJK_FAMILIES`` that is installed, or None."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


class Translators:
    """The translators installed in the application, replaced together when the language changes."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self._latin_font: QFont | None = None
        self.language = "en"

    def install(self, app: QCoreApplication, language: str) -> None:
        """Speak ``language`` (a code of ``LANGUAGES``) from now on: translators and font.

        Raises
        ------
        FileNotFoundError
            Our ``.qm`` file for ``language`` is missing (a broken installation).
        """
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        qm = translation_file(language)
        if qm is not None:
            ours = QTranslator(app)
            if not ours.load(qm):
                raise FileNotFoundError(f"cannot load the translations {qm}")
            qt_own = QTranslator(app)
            if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._installed.append(qt_own)
            self._installed.append(ours)
            for translator in self._installed:
                app.installTranslator(translator)
        self.language = language
        self._choose_font(app, language)

    def _choose_font(self, app: QCoreApplication, language: str) -> None:
        if not isinstance(app, QApplication):
            return
        if self._latin_font is None:
            self._latin_font = QFont(app.font())
        family = cjk_family() if language in CJK_LANGUAGES else None
        if family is None:
            app.setFont(self._latin_font)
            return
        font = QFont(self._latin_font)
        font.setFamilies([family, *self._latin_font.families()])
        app.setFont(font)


#: The application's translators (one application per process).
TRANSLATORS = Translators()
