"""One main window for the tests of a module that change it: after each test it is taken back to the demo data at
EM's start, and everything a test could have left changed is compared with the fresh window's (``restored_app`` in
``conftest.py``).

Opening a window costs about 0.2 CPU-seconds; taking one back costs a generated preset and a reset. What is
compared (``window_state``): the data (values, names, labels, source), the config and every control (the Model
and Display settings, locks, delay, plane, the Data panel's request), EM's state, half-step and the means on
screen and drawn, the canvas's size, every fixed text the window shows (``gui.i18n.switching.text_slots``:
labels, buttons, table cells and headers, titles, menus), the layout (docks, splitters, size), which widgets and
docks are shown, which actions are enabled and checked, the BIC and AIC (once scored), the recent files and every
saved setting, the window's title, loads and jobs running and the busy cursor.
A test that leaves anything else changed must not use it. A test whose changes are not undone fails at its
teardown (and, the window being shared, the module's later tests may fail there too).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView, QWidget
from test_gui_window import TIMEOUT_MS, on_screen, press

from engine.em import HalfStep
from gui.i18n.switching import text_slots
from gui.main.controller import RunState
from gui.main.criteria import FitCriteria


def window_state(window, controller) -> dict[str, Any]:
    """What the tests of a shared window may change, in a form ``==`` compares (see the module docstring); keys
    starting with ``_`` are what ``restore`` needs, not compared (Qt's saved layout remembers hidden docks' sizes)."""
    QApplication.sendPostedEvents()  # what layouts posted (a new legend row is shown by a posted event)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # widgets replaced (legend rows), not yet gone
    dataset = controller.dataset
    snapshot = controller.shown.snapshot
    return {
        "data": (dataset.source, dataset.feature_names, dataset.X.shape, dataset.X.tobytes(),
                 None if dataset.labels is None else dataset.labels.tobytes(), dataset.label_names),
        "config": controller.config,
        "controls": window.controls(),
        "data_request": window.data_request(),
        "em": (controller.state, snapshot.half_step, snapshot.iteration, snapshot.params.means.tobytes()),
        "drawn_means": np.column_stack(window.canvas.mean_scatter.getData()).tobytes(),
        # (Not its range: fitted with the axes' widths, which follow their tick labels, it differs by a few pixels'
        # worth after a narrower canvas.)
        "canvas_size": window.canvas.plot_widget.size().toTuple(),
        "texts": sorted((where, text) for where, getter, _setter in text_slots(window)
                        if not where.endswith(" plot") and (text := str(getter()))),
        "plot_texts": sorted(_shown_plot_texts(window)),
        "shown_widgets": sorted(f"{type(widget).__name__}({widget.objectName()}) in {type(widget.parent()).__name__}"
                                for widget in window.findChildren(QWidget) if widget.isVisible()),
        "_saved_layout": [bytes(window.saveState().data()), bytes(window.main_splitter.saveState().data()),
                          bytes(window.right_splitter.saveState().data()), window.size().toTuple()],
        "layout": (window.size().toTuple(), window.main_splitter.sizes(), window.right_splitter.sizes(),
                   sorted((dock.objectName(), dock.geometry().getRect()) for dock in window.findChildren(QDockWidget)
                          if not dock.visibleRegion().isEmpty())),  # (a dock in a tab behind another keeps a stale one)
        "docks": sorted((dock.objectName(), dock.windowTitle(), dock.isVisible())
                        for dock in window.findChildren(QDockWidget)),
        "actions": sorted((action.text(), action.isEnabled(), action.isChecked())
                          for action in window.findChildren(QAction)),
        "recent_files": controller.settings.recent_files(),
        "settings": sorted((key, repr(controller.settings.store.value(key)))
                           for key in controller.settings.store.allKeys()),
        "_settings": {key: controller.settings.store.value(key) for key in controller.settings.store.allKeys()},
        "title": window.windowTitle(),
        "busy": (controller.sources.is_loading(), controller.runner.running_jobs, QApplication.overrideCursor()),
    }


def _shown_plot_texts(window) -> list[tuple[str, str]]:
    """The axis titles, labels and text items shown in the window's plots (a hidden item's text is not shown)."""
    texts = []
    for view in window.findChildren(QGraphicsView):
        for item in view.scene().items() if view.scene() is not None else ():
            if not item.isVisible():
                continue
            if isinstance(item, pg.AxisItem):
                texts.append((type(view).__name__, item.labelText or ""))
            elif isinstance(item, pg.LabelItem):
                texts.append((type(view).__name__, item.text or ""))
            elif isinstance(item, pg.TextItem):
                texts.append((type(view).__name__, item.toPlainText()))
    return texts


def _layout_restorers(window) -> tuple:
    """What takes back each of ``window_state``'s layouts (the window's docks, the two splitters, the size)."""
    return (window.restoreState, window.main_splitter.restoreState, window.right_splitter.restoreState,
            lambda size: window.resize(*size))


def wait_for_criteria(qtbot, controller) -> None:
    """Wait for the status bar's BIC and AIC of the parameters on screen (scored in a job, a moment after they
    are drawn)."""
    criteria = controller.findChild(FitCriteria)
    qtbot.waitUntil(lambda: criteria.values is not None, timeout=TIMEOUT_MS)


def _extra(these, those) -> object:
    """What ``these`` holds that ``those`` does not (items of lists, with repeats), or ``these`` itself."""
    if isinstance(these, list) and isinstance(those, list):
        return list((Counter(map(repr, these)) - Counter(map(repr, those))).elements())
    return these


def restore(qtbot, window, controller, fresh: dict[str, Any]) -> None:
    """Take the window back to ``fresh`` (``window_state`` of the fresh window): the saved settings and the recent
    files menu, the layout, the Data panel's settings and the demo data generated again, the controls, and R for
    EM's start; then assert that its state is ``fresh``."""
    qtbot.waitUntil(lambda: not controller.sources.is_loading() and QApplication.overrideCursor() is None,
                    timeout=TIMEOUT_MS)
    store = controller.settings.store
    store.clear()
    for key, value in fresh["_settings"].items():
        store.setValue(key, value)
    window.set_recent_files(controller.settings.recent_files())
    for restore_layout, layout in zip(_layout_restorers(window), fresh["_saved_layout"], strict=True):
        restore_layout(layout if isinstance(layout, tuple) else QByteArray(layout))  # docks, splitters, size
    data, request = window.data_panel, fresh["data_request"]
    data.preset.setCurrentIndex(data.preset.findData(request.preset))
    for spin, value in ((data.n_samples, request.n), (data.k_true, request.k), (data.d_true, request.d),
                        (data.seed, request.seed)):
        spin.setValue(value)
    generated = controller.dataset
    data.generate.click()  # the demo preset, generated at once
    qtbot.waitUntil(lambda: controller.dataset is not generated, timeout=TIMEOUT_MS)
    window.set_controls(fresh["controls"])
    qtbot.waitUntil(lambda: not controller._settings_timer.isActive(), timeout=TIMEOUT_MS)
    press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.INIT) and controller.state is RunState.PAUSED
                    and controller.is_settled(), timeout=TIMEOUT_MS)
    wait_for_criteria(qtbot, controller)
    window.statusBar().clearMessage()  # a message a test left hides the status labels while it shows
    now = window_state(window, controller)
    changed = sorted(key for key in fresh if not key.startswith("_") and now[key] != fresh[key])
    assert not changed, f"the shared window was not taken back: {changed}" + "".join(
        f"\n{key}: now also {_extra(now[key], fresh[key])}, no more {_extra(fresh[key], now[key])}" for key in changed)
