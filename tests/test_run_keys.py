"""Issue 13: the run keys act whatever widget of the main window has the focus (after clicking a spin box N still
steps), except while typing in a text field; Esc gives the focus back to the data view."""

from __future__ import annotations

import test_gui_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from test_gui_window import TIMEOUT_MS, on_screen

from engine.em import HalfStep

app = test_gui_window.app


def test_n_steps_after_clicking_a_spin_box_and_e_after_a_button(qtbot, app):
    window, controller = app
    spin = window.model_panel.n_init
    qtbot.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    spin.setFocus()
    assert QApplication.focusWidget() in (spin, spin.lineEdit())
    for iteration in (1, 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N)
        qtbot.waitUntil(lambda it=iteration: on_screen(controller, HalfStep.M, it), timeout=TIMEOUT_MS)
    assert spin.value() == 1  # the spin box did not take the key
    button = window.data_panel.generate
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: on_screen(controller, HalfStep.E, 3), timeout=TIMEOUT_MS)


def test_typing_in_a_text_field_keeps_its_letters_and_esc_gives_the_focus_back(qtbot, app):
    window, controller = app
    field = QLineEdit(window.data_panel)  # a text field of the window, as a lesson or a dialog may add
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "men")
    assert field.text() == "men"
    assert controller.shown.snapshot.half_step is HalfStep.INIT  # no step was taken
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.current_view().plot_widget
