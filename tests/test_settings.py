"""What the window remembers, read back from damaged settings files: every value falls back to its default.

A settings file can be edited by hand, written by another version or damaged on disk; the window must
start whatever it holds. Each test writes an INI file as text (the way QSettings stores it: numbers as
text, lists as ``a, b``, ``@ByteArray(...)``, ``@Variant(...)``, ``@Point(...)``), restores the window's
controls from it, and compares them with those of a window restored from an empty file.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QByteArray, QSettings

from gui.main.window import MainWindow
from gui.panels.model import MAX_COMPONENTS
from gui.panels.run import MAX_DELAY_MS
from gui.settings import MAX_RECENT, Settings

#: Every control the window saves (``MainWindow.save_settings``), with values out of its range.
OUT_OF_RANGE = {
    "n_components": ("0", "-3", str(MAX_COMPONENTS + 1)),
    "max_iter": ("-1", "100001"),
    "seed": ("-2", str(2**31)),
    "n_init": ("0", "51"),
    "tol": ("-1", "2", "1e-9"),
    "reg_covar": ("-1e-6", "10", "1e-11"),
    "delay_ms": ("-5", str(MAX_DELAY_MS + 1)),
    "hard_labels": ("2", "-1"),
    "three_sigma": ("2", "-1"),
    "density": ("Contours", "heat_map"),
    "covariance_type": ("Full", "given"),
    "init": ("given", "kmeans+++"),
}
#: Values no control can take, as they appear in an INI file.
DAMAGED = (
    "99999999999999999999",
    "-99999999999999999999",
    "1" * 400,
    "nan",
    "inf",
    "-inf",
    "1e400",
    "2.5",
    "text",
    "1, 2",
    "",
    "@ByteArray(\\0\\xff)",
    "@Point(1 2)",
    "@Size(3 4)",
    "@Invalid()",
    "@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x5QPoin)",
    "@Variant(\\0\\0\\0\\x2\\xff\\xff\\xff\\xf9)",  # an int of -7, typed
    "@Variant(\\0\\0\\0\\x6\\x7f\\xf8\\0\\0\\0\\0\\0\\0)",  # a double NaN, typed
)
LAYOUT_KEYS = ("geometry", "state", "main_splitter", "data_splitter")


def write_ini(path, text: str) -> Settings:
    path.write_text(text, encoding="utf-8")
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


def restored(qtbot, settings: Settings) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.restore_settings(settings)
    return window


def controls(window: MainWindow) -> dict:
    """Every saved control's value."""
    return {**window.model_panel.state(), **window.display_panel.state(), "delay_ms": window.run_panel.delay_ms()}


def layout(window: MainWindow) -> dict:
    """The window's size, the splitters' sizes and whether the Explain dock is shown."""
    return {"size": (window.width(), window.height()), "main_splitter": window.main_splitter.sizes(),
            "right_splitter": window.right_splitter.sizes(), "explain": window.explain_dock.isVisibleTo(window)}


def _restore_empty(tmp_path) -> MainWindow:
    window = MainWindow()
    window.restore_settings(write_ini(tmp_path / "empty.ini", ""))
    return window


@pytest.fixture(scope="module")
def _restored_from_empty(qapp, tmp_path_factory):
    """What a window restored from an empty settings file shows, and a list holding one such window that tests
    may share (``window_at_defaults``): made once per module (a window costs about 0.1 s of CPU)."""
    window = _restore_empty(tmp_path_factory.mktemp("empty"))
    shared = [window]
    yield {"controls": controls(window), "layout": layout(window)}, shared
    for window in shared:
        window.close()
        window.deleteLater()


@pytest.fixture
def defaults(_restored_from_empty):
    return _restored_from_empty[0]["controls"]


@pytest.fixture
def default_layout(_restored_from_empty):
    return _restored_from_empty[0]["layout"]


@pytest.fixture
def window_at_defaults(_restored_from_empty, tmp_path) -> MainWindow:
    """A window restored from an empty file that shows the defaults (every saved control and the layout), as a
    new one does: for tests that restore damaged or out-of-range values into it, and assert after each value
    that it shows the defaults again. One window serves them in turn; should a test leave it changed (a failed
    test), the next gets a new one, so each test still starts from what a new window shows."""
    expected, shared = _restored_from_empty
    if controls(shared[-1]) != expected["controls"] or layout(shared[-1]) != expected["layout"]:
        shared.append(_restore_empty(tmp_path))
        assert controls(shared[-1]) == expected["controls"] and layout(shared[-1]) == expected["layout"]
    return shared[-1]


@pytest.mark.parametrize("value", DAMAGED)
def test_a_damaged_value_of_every_key_falls_back_to_its_default(tmp_path, window_at_defaults, defaults,
                                                                default_layout, value):
    keys = sorted(OUT_OF_RANGE)
    text = ("[controls]\n" + "".join(f"{key}={value}\n" for key in keys)
            + "[window]\n" + "".join(f"{key}={value}\n" for key in LAYOUT_KEYS)
            + f"[files]\nrecent={value}\nlast_folder={value}\n")
    settings = write_ini(tmp_path / "damaged.ini", text)
    window = window_at_defaults
    window.restore_settings(settings)
    assert controls(window) == defaults
    assert layout(window) == default_layout
    assert settings.last_folder() == os.path.expanduser("~")
    assert all(isinstance(path, str) and path for path in settings.recent_files())
    assert len(settings.recent_files()) <= 2


@pytest.mark.parametrize("key", sorted(OUT_OF_RANGE))
def test_a_value_out_of_range_falls_back_to_the_default(tmp_path, window_at_defaults, defaults, key):
    window = window_at_defaults
    for index, value in enumerate(OUT_OF_RANGE[key]):
        window.restore_settings(write_ini(tmp_path / f"{index}.ini", f"[controls]\n{key}={value}\n"))
        assert controls(window) == defaults, (key, value)


def test_values_in_range_are_restored(qtbot, tmp_path, defaults):
    settings = write_ini(tmp_path / "good.ini", "")
    window = restored(qtbot, settings)
    window.model_panel.n_components.setValue(MAX_COMPONENTS)
    window.model_panel.max_iter.setValue(7)
    window.model_panel.seed.setValue(-1)
    window.model_panel.n_init.setValue(4)
    window.model_panel.tol.setValue(0.0)
    window.model_panel.reg_covar.setValue(1e-3)
    window.model_panel.covariance_type.setCurrentIndex(window.model_panel.covariance_type.findData("diag"))
    window.model_panel.init.setCurrentIndex(window.model_panel.init.findData("random"))
    window.display_panel.hard_labels.setChecked(True)
    window.display_panel.density.setCurrentIndex(window.display_panel.density.findData("heat map"))
    window.run_panel.delay.setValue(MAX_DELAY_MS)
    window.save_settings(settings)
    saved = controls(window)
    assert saved != defaults
    again = restored(qtbot, write_ini(tmp_path / "again.ini", (tmp_path / "good.ini").read_text()))
    assert controls(again) == saved


def test_a_hand_written_file_of_plain_numbers_is_read(qtbot, tmp_path, defaults):
    window = restored(qtbot, write_ini(tmp_path / "plain.ini", "[controls]\nn_components=5\ntol=0.01\n"
                                       "delay_ms=250\nhard_labels=true\nseed=-1\n"))
    assert controls(window) == {**defaults, "n_components": 5, "tol": pytest.approx(0.01), "delay_ms": 250,
                                "hard_labels": 1, "seed": -1}


def test_a_layout_of_the_wrong_kind_or_of_damaged_bytes_is_ignored(tmp_path, window_at_defaults, default_layout):
    settings = write_ini(tmp_path / "layout.ini", "")
    for key, value in (("geometry", QByteArray(b"\x01\xd9\xd0\xcb" + b"\xff" * 60)), ("state", QByteArray(b"\0" * 9)),
                       ("main_splitter", QByteArray(b"\0\0\0\xfe\0\0\0\0\0\0\0\x02\x7f\xff\xff\xff")),
                       ("data_splitter", 12)):
        settings.store.setValue(f"window/{key}", value)
    window_at_defaults.restore_settings(settings)
    assert layout(window_at_defaults) == default_layout


def test_a_window_saved_off_the_screen_or_larger_than_it_comes_back_on_it(qtbot, tmp_path):
    settings = write_ini(tmp_path / "layout.ini", "")
    window = restored(qtbot, settings)
    window.show()
    window.move(100_000, 100_000)
    window.resize(3000, 2500)
    window.save_settings(settings)
    again = restored(qtbot, settings)
    again.show()
    screen = again.screen().availableGeometry()
    assert screen.contains(again.frameGeometry().center())
    smallest = again.minimumSizeHint()
    assert again.width() <= max(screen.width(), smallest.width())
    assert again.height() <= max(screen.height(), smallest.height())


def test_thousands_of_recent_files_are_cut_to_the_newest_few_on_load_and_on_save(qtbot, tmp_path):
    paths = [f"/data/file{index}.csv" for index in range(5000)]
    settings = write_ini(tmp_path / "recent.ini", "")
    settings.store.setValue("files/recent", paths + [paths[0], 7, None])
    assert MAX_RECENT <= 10
    assert settings.recent_files() == paths[:MAX_RECENT]
    window = restored(qtbot, settings)
    assert len(window.recent_menu.actions()) == MAX_RECENT
    settings.forget_file(paths[1])
    assert settings.store.value("files/recent") == paths[:1] + paths[2:MAX_RECENT]
    settings.remember_file(str(tmp_path / "new.csv"))
    stored = settings.store.value("files/recent")
    assert len(stored) == MAX_RECENT and stored[0] == str(tmp_path / "new.csv")
