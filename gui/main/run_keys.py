"""Run keys that always work: Space, N, Right, E, M, R and Esc reach their actions whatever has the focus in the
main window, except while the user types in a text field; Esc also gives the focus back to the data view.

A spin box, slider, combo box or button with the focus would otherwise take these keys (a spin box's line
edit swallows N, a button clicks on Space). ``RunKeyFilter``, an event filter on whichever widget of the main
window has the focus, triggers the action of a run key unless the focus is a text field being typed in: a ``QLineEdit``
that is not a spin box's, or any widget that takes text input (``Qt.WA_InputMethodEnabled`` on a plain text
editor). A spin box's own line edit takes digits only, so letters and Space are never its input: after
clicking a spin box, N still steps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QGraphicsView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: Keys handled here (without modifiers): the run actions' shortcuts.
RUN_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_N, Qt.Key.Key_Right, Qt.Key.Key_E, Qt.Key.Key_M, Qt.Key.Key_R,
                      Qt.Key.Key_Escape})
#: Keys a focused slider or spin box keeps (they move its value).
VALUE_KEYS = frozenset({Qt.Key.Key_Right})


def is_text_field(widget: QWidget | None) -> bool:
    """True if ``widget`` takes typed text: a line edit (not a spin box's) or a text editor that is not read-only."""
    if isinstance(widget, QLineEdit):
        return not isinstance(widget.parent(), QAbstractSpinBox) and not widget.isReadOnly()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        return not widget.isReadOnly()
    return False


class RunKeyFilter(QObject):
    """Routes the run keys pressed anywhere in ``window`` to its actions (see the module docstring).

    Parameters
    ----------
    window : MainWindow
        The main window (the parent; its ``focus_view`` gives the focus back to the data view, for Esc); keys
        pressed in its other windows (dialogs, the Image window) are left alone.
    actions : list of QAction
        The run actions, matched by their shortcuts.
    """

    def __init__(self, window: QWidget, actions: list[QAction]) -> None:
        super().__init__(window)
        # Neither the window nor its methods are kept here: a reference cycle through the window would leave it to
        # the garbage collector, which may then destroy its widgets in the middle of another window's construction.
        self._actions = actions
        # Not an application-wide filter (Python would be called for every event of the program, including those
        # of widgets being destroyed): each widget of the window is watched once it has the focus (installing a
        # filter again only moves it to the front).
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self.parent():
            new.installEventFilter(self)

    def action_for(self, event: QKeyEvent) -> QAction | None:
        """The run action whose shortcut is this key, or None."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or event.key() not in RUN_KEYS:
            return None
        sequence = QKeySequence(event.key())
        return next((action for action in self._actions if action.isEnabled()
                     and any(shortcut.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch
                             for shortcut in action.shortcuts())), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's naming
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.parent() or event.isAutoRepeat():
            return False
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self.parent() or watched is not focus:
            return False
        key = event.key()
        if key == Qt.Key.Key_Escape and is_text_field(focus):  # leaves the field for the data view, stops nothing
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
            else:
                self.parent().focus_view()
            return True
        if is_text_field(focus) or key in VALUE_KEYS and not isinstance(focus, QGraphicsView):
            return False
        action = self.action_for(event)
        if action is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to us as a KeyPress, not to the widget's shortcut handling
            return True
        action.trigger()
        if key == Qt.Key.Key_Escape:
            self.parent().focus_view()
        return True
