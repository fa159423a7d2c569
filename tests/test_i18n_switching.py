"""Choosing the language: at start-up (``--lang``, the saved choice, the system's locale), with Qt's own
translations and a CJK font, and from the Language menu of a running window, which changes its menus and
panels at once and is remembered.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

import main
from engine.em import HalfStep
from gui import app as gui_app
from gui.app import create_window
from gui.i18n.languages import SETTINGS_KEY, SYSTEM, TRANSLATORS, cjk_family, normalise, saved_choice, system_language
from gui.lessons.guide import LessonGuide
from gui.settings import Settings

TIMEOUT_MS = 20_000


@pytest.fixture
def english(qapp):
    TRANSLATORS.install(qapp, "en")
    yield qapp
    TRANSLATORS.install(qapp, "en")


@pytest.fixture
def running(qtbot, tmp_path, english):
    """An English window on its demo data, with its lessons, and its settings store."""
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window, controller = create_window(Settings(store))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: controller.shown is not None and controller.is_settled()
                    and controller.shown.snapshot.half_step is HalfStep.INIT, timeout=TIMEOUT_MS)
    yield window, controller, store
    controller.shutdown(5000)


def _menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_language_menu_switches_menus_and_panels_at_once_and_is_remembered(qtbot, running):
    window, controller, store = running
    guide = controller.findChild(LessonGuide)
    menu = window.language_menu
    assert [action.text() for action in menu.menu.actions()] == ["System", "English", "简体中文", "한국어"]
    assert _menu_titles(window)[-2:] == ["Lan&guage", "&Help"]
    guide.open("two-coins")

    menu.choose("zh_CN")
    assert _menu_titles(window)[:2] == ["文件(&F)", "编辑(&E)"]
    assert _menu_titles(window)[-2:] == ["语言(&G)", "帮助(&H)"]
    assert window.run_pause_action.toolTip() == "一次接一次地迭代运行 EM，或在当前位置暂停。"
    assert window.data_panel.title() == "数据"
    assert window.model_panel.covariance_type.itemText(0) == "完全"
    assert menu.actions[SYSTEM].text() == "跟随系统"
    qtbot.waitUntil(lambda: guide.lesson_actions["two-coins"].text() == "7. 两枚硬币（Do 和 Batzoglou）")
    assert guide.dock.title.text() == "两枚硬币（Do 和 Batzoglou）" and "响应度" in guide.dock.lesson_text()
    assert store.value(SETTINGS_KEY) == "zh_CN"

    menu.choose("ko")
    assert _menu_titles(window)[0] == "파일(&F)" and window.data_panel.title() == "데이터"
    assert window.model_panel.covariance_type.itemText(0) == "완전"
    qtbot.waitUntil(lambda: guide.lesson_actions["two-coins"].text() == "7. 두 동전 (Do와 Batzoglou)")

    menu.choose("en")
    assert _menu_titles(window)[0] == "&File" and window.data_panel.title() == "Data"
    assert window.model_panel.covariance_type.itemText(0) == "full"
    qtbot.waitUntil(lambda: guide.lesson_actions["two-coins"].text() == "7. Two coins (Do and Batzoglou)")
    assert store.value(SETTINGS_KEY) == "en"
    guide.leave()


def test_chinese_and_korean_load_qts_own_translations_and_a_cjk_font(english):
    latin = QApplication.font().families()
    family = cjk_family()
    assert family is not None, "install fonts-wqy-microhei (README, .ci/run)"
    for language, cancel in (("zh_CN", "取消"), ("ko", "취소")):
        TRANSLATORS.install(english, language)
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
        assert QApplication.font().families()[0] == family
    TRANSLATORS.install(english, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QApplication.font().families() == latin


def test_the_language_follows_the_system_unless_chosen(tmp_path):
    assert system_language(QLocale("zh_CN")) == "zh_CN" and system_language(QLocale("zh_TW")) == "zh_CN"
    assert system_language(QLocale("ko_KR")) == "ko" and system_language(QLocale("de_DE")) == "en"
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert saved_choice(store) == SYSTEM
    store.setValue(SETTINGS_KEY, "ko")
    assert saved_choice(store) == "ko"
    store.setValue(SETTINGS_KEY, "klingon")
    assert saved_choice(store) == SYSTEM


def test_lang_on_the_command_line_is_for_the_window(monkeypatch, capsys):
    assert main._split_language(["--lang", "ko"]) == ("ko", [])
    assert main._split_language(["--lang=zh_CN", "data.csv"]) == ("zh_CN", ["data.csv"])
    assert main._split_language(["fit", "x.csv"]) == (None, ["fit", "x.csv"])
    assert main._split_language(["data.csv", "--lang", "ko"]) == ("ko", ["data.csv"])  # after the file too
    assert main._split_language(["data.csv", "--lang=zh_CN"]) == ("zh_CN", ["data.csv"])
    assert main._split_language(["fit", "--lang", "ko"]) == (None, ["fit", "--lang", "ko"])  # the command's
    assert main._split_language(["a.csv", "b.csv", "--lang", "ko"]) == (None, ["a.csv", "b.csv", "--lang", "ko"])
    assert [normalise(code) for code in ("zh-CN", "zh", "ko_KR", "EN", "fr")] == ["zh_CN", "zh_CN", "ko", "en", None]
    opened = []
    monkeypatch.setattr(gui_app, "main", lambda argv, language=None: opened.append((argv, language)) or 0)
    assert main.main(["--lang", "ko"]) == 0 and opened == [([], "ko")]
    assert main.main(["data.csv", "--lang", "ko"]) == 0 and opened[-1] == (["data.csv"], "ko")


def test_an_unknown_language_ends_before_any_window(capsys):
    assert gui_app.main([], language="klingon") == 2
    assert "unknown language 'klingon'" in capsys.readouterr().err
