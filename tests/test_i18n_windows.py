"""Every window in Chinese and Korean (pytest-qt, offscreen): no visible text is left in English, and switching
the language in a running window changes its menus and panels.

For each language the main window (with each lesson opened in turn) and the Image window are built once per
module, and every fixed text they show is walked (``gui.i18n.switching.text_slots``: labels, buttons, menus
and actions, tooltips, combo box and list items, group box, dock and tab titles, table headers, plot axis
titles and legends). A text fails when, without its markup, it still holds an English word that is not one of
``KEPT``: names, symbols and units that stay as they are in every language.
"""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from engine.em import HalfStep
from gui.app import create_window
from gui.choosek.chooser import KChooser
from gui.i18n.languages import TRANSLATORS
from gui.i18n.switching import text_slots
from gui.image.controller import ImageMode
from gui.lessons.catalogue import LESSONS
from gui.lessons.guide import LessonGuide
from gui.settings import Settings

TIMEOUT_MS = 20_000
LANGUAGES = ("zh_CN", "ko")
#: Words that stay as they are: names of people, programs, formats and methods, symbols and units.
KEPT = frozenset("""
EM GMM Explorer Qt PySide pyqtgraph scikit-learn sklearn mclust numpy BIC AIC ICL CV PC RGB Lab CIE sRGB CSV
NPY JSON PNG JPEG JPG BMP TIFF npy k-means k-means++ kmeans kmeans++ Lloyd Li Hang Do Batzoglou reg_covar tol
n_init max_iter make_blobs tied log exp lik English blobs three-blobs two-1d four-2d random Ctrl Ctrl+Z Shift
Space Esc px ms ARI bic aic Ctrl+K Ctrl+C
""".split())
TOKEN = re.compile(r"[A-Za-z0-9_+\-'.]+")
TAG = re.compile(r"<[^>]*>")
#: Symbols: a letter with digits or a subscript (x0, PC1, r_k), a pair of one-letter features on two axes (r-g,
#: L-a), or a number.
SYMBOL = re.compile(r"[A-Za-z]{1,2}[0-9]*|[A-Za-z]_[A-Za-z0-9]+|[A-Za-z]-[A-Za-z]|[-+]?[0-9.]*([eE][-+]?[0-9]+)?")


def english_words(text: str) -> list[str]:
    """The English words of a shown text: markup, mnemonics, symbols, numbers and ``KEPT`` left out."""
    plain = html.unescape(TAG.sub(" ", text)).replace("&&", "\0").replace("&", "").replace("\0", "&")
    words = (token.strip("'.-") for token in TOKEN.findall(plain))
    return [word for word in words if word and word not in KEPT and not SYMBOL.fullmatch(word)]


def untranslated(top) -> list[str]:
    """``where: text`` for each visible text of ``top`` with English words left."""
    found = []
    for where, getter, _setter in text_slots(top):
        text = getter()
        if isinstance(text, str) and text.strip() and english_words(text):
            found.append(f"{where}: {text!r}")
    return found


@pytest.fixture(scope="module", params=LANGUAGES)
def translated(request, qapp, tmp_path_factory):
    """(language, QtBot, main window, controller, lesson guide, Image mode) built once in ``language``."""
    language = request.param
    TRANSLATORS.install(qapp, language)
    qtbot = QtBot(request)
    settings = Settings(QSettings(str(tmp_path_factory.mktemp(language) / "settings.ini"),
                                  QSettings.Format.IniFormat))
    window, controller = create_window(settings)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: controller.shown is not None and controller.is_settled()
                    and controller.shown.snapshot.half_step is HalfStep.INIT, timeout=TIMEOUT_MS)
    controller.findChild(KChooser).view  # noqa: B018 (the Choose K panel's contents are made on first use)
    window.restarts.plot_widget  # noqa: B018 (so are the restarts strip's plot and the 1-D view's)
    window.histogram.made  # noqa: B018
    image_mode = ImageMode()
    yield language, qtbot, window, controller, controller.findChild(LessonGuide), image_mode
    image_mode.shutdown(5000)
    image_mode.view.close()
    controller.shutdown(5000)
    window.close()
    TRANSLATORS.install(qapp, "en")


@pytest.fixture(autouse=True)
def _no_message_boxes(monkeypatch):
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Ok))


def test_main_window_shows_no_english(translated):
    language, _qtbot, window, *_ = translated
    assert not (left := untranslated(window)), f"{language}: {len(left)} texts in English:\n" + "\n".join(left)


def test_image_window_shows_no_english(translated):
    language, *_, image_mode = translated
    left = untranslated(image_mode.view)
    assert not left, f"{language}: {len(left)} texts in English:\n" + "\n".join(left)


def test_every_lesson_shows_no_english(translated):
    language, qtbot, window, controller, guide, _ = translated
    left = []
    window.setUpdatesEnabled(False)  # the texts are walked, not painted: no repaints of each lesson's views (0.3 s)
    try:
        for lesson in LESSONS:
            guide.lesson_actions[lesson.key].trigger()
            if lesson.is_coins:
                qtbot.waitUntil(lambda: guide.coins.shown is not None and not guide.coins.runner.has_pending,
                                timeout=TIMEOUT_MS)
            else:
                qtbot.waitUntil(lambda: controller.shown is not None and controller.is_settled(), timeout=TIMEOUT_MS)
            left += [f"[{lesson.key}] {entry}" for entry in untranslated(window)]
            assert guide.dock.lesson_text().strip()
        guide.leave()
    finally:
        window.setUpdatesEnabled(True)
    left = list(dict.fromkeys(left))
    assert not left, f"{language}: {len(left)} texts in English:\n" + "\n".join(left)


def test_the_menu_bar_mnemonics_are_unique(translated):
    """Alt + a letter opens one menu: the translated titles keep distinct letters (语言(&G) beside 课程(&L))."""
    language, _qtbot, window, *_ = translated
    letters = [re.search(r"&(\w)", action.text()).group(1).lower() for action in window.menuBar().actions()]
    assert len(letters) == len(set(letters)), (language, [action.text() for action in window.menuBar().actions()])
