"""The list of lessons, as one reusable widget (the Lesson panel shows it; a first-run screen can too)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from gui.lessons.catalogue import LESSONS, lesson, tr

#: The item data role that holds a lesson's key.
KEY_ROLE = Qt.ItemDataRole.UserRole


class LessonList(QWidget):
    """Every lesson by number and title, and what the selected one sets up; a double click or Open starts one.

    Signals
    -------
    chosen(str)
        The key of the lesson to start.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setToolTip(self.tr("The classic EM examples: each sets up its data, model, start and view in "
                                     "one click. Leaving a lesson brings back your own data and settings."))
        for number, entry in enumerate(LESSONS, start=1):
            item = QListWidgetItem(self.tr("{0}. {1}").format(number, tr(entry.title)))
            item.setData(KEY_ROLE, entry.key)
            item.setToolTip(tr(entry.about))
            self.list.addItem(item)
        self.about = QTextBrowser()
        self.about.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.about.setMaximumHeight(self.about.fontMetrics().height() * 7)
        self.about.setToolTip(self.tr("What the selected lesson sets up."))
        self.list.currentItemChanged.connect(self._on_selected)
        self.list.setCurrentRow(0)
        self.open_button = QPushButton(self.tr("Open lesson"))
        self.open_button.setToolTip(self.tr("Sets up the selected lesson; your data and settings come back when "
                                            "you leave it."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.about)
        layout.addWidget(self.open_button)
        self.list.itemActivated.connect(self._on_activated)
        self.open_button.clicked.connect(self._on_open)

    def retranslate_items(self) -> None:
        """The lessons' titles and the selected one's text again, in the current language."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            entry = lesson(item.data(KEY_ROLE))
            item.setText(self.tr("{0}. {1}").format(row + 1, tr(entry.title)))
            item.setToolTip(tr(entry.about))
        self._on_selected(self.list.currentItem())

    def keys(self) -> list[str]:
        """The lessons' keys in the order shown."""
        return [self.list.item(row).data(KEY_ROLE) for row in range(self.list.count())]

    def _on_selected(self, item: QListWidgetItem | None) -> None:
        self.about.setPlainText(tr(lesson(item.data(KEY_ROLE)).about) if item is not None else "")

    def _on_activated(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(KEY_ROLE))

    def _on_open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(item.data(KEY_ROLE))
