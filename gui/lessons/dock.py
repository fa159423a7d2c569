"""The Lesson panel: the list of lessons, or the open lesson's text, its own controls and a Leave button."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.lessons.catalogue import Extra, Lesson, tr
from gui.lessons.kmeans_view import KMeansView
from gui.lessons.lesson_list import LessonList
from gui.lessons.setups import SINGULAR_REG_COVAR


class LessonDock(QDockWidget):
    """The list of lessons, or one lesson: its title, what it sets up, what to do, what to notice.

    Attributes
    ----------
    lessons : LessonList
    text : QTextBrowser
    kmeans : KMeansView
        Lloyd's k-means beside EM (the EM-and-k-means lesson).

    Signals
    -------
    leave_requested()
    keep_going_requested()
        Run EM on from where it stopped, with tol 0.
    reg_covar_switched(bool)
        reg_covar on (``setups.SINGULAR_REG_COVAR``) or off (0).
    """

    leave_requested = Signal()
    keep_going_requested = Signal()
    reg_covar_switched = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lesson"), parent)
        self.setObjectName("LessonDock")
        self.lessons = LessonList()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must stay the run key
        self.text.setMinimumHeight(120)
        self.keep_going = QPushButton(self.tr("Keep going (tol 0)"))
        self.keep_going.setToolTip(self.tr("Runs EM on from the parameters on screen with tol 0: all max "
                                           "iterations, however small the change."))
        self.keep_going.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reg_covar = QCheckBox(self.tr("reg_covar = {0:g}").format(SINGULAR_REG_COVAR))
        self.reg_covar.setToolTip(self.tr("Adds reg_covar to every variance in the M-step (0 when off), and goes "
                                          "back to the start."))
        self.reg_covar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._kmeans: KMeansView | None = None  # made when a lesson first shows it (a plot costs start-up time)
        self.leave = QPushButton(self.tr("Leave lesson"))
        self.leave.setToolTip(self.tr("Ends the lesson and brings back your data, settings and view as they were."))
        self.leave.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_lessons = QPushButton(self.tr("All lessons"))
        self.all_lessons.setToolTip(self.tr("Shows the list of lessons (the lesson stays open until you choose "
                                            "another or leave)."))
        self.all_lessons.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.keep_going)
        layout.addWidget(self.reg_covar)
        self._kmeans_layout, self._kmeans_index = layout, layout.count()
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_lessons)
        buttons.addWidget(self.leave)
        layout.addLayout(buttons)
        self.lesson_page = page
        self.pages = QStackedWidget()
        self.pages.addWidget(self.lessons)
        self.pages.addWidget(page)
        self.setWidget(self.pages)

        self.leave.clicked.connect(self.leave_requested)
        self.all_lessons.clicked.connect(self.show_list)
        self.keep_going.clicked.connect(self.keep_going_requested)
        self.reg_covar.toggled.connect(self.reg_covar_switched)
        self.show_lesson(None)

    @property
    def kmeans(self) -> KMeansView:
        """The k-means plot below the lesson's text, made on first use."""
        if self._kmeans is None:
            self._kmeans = KMeansView()
            self._kmeans_layout.insertWidget(self._kmeans_index, self._kmeans)
        return self._kmeans

    def show_list(self) -> None:
        """The list of lessons."""
        self.pages.setCurrentWidget(self.lessons)
        self.lessons.list.setFocus()

    def show_lesson(self, lesson: Lesson | None) -> None:
        """``lesson``'s page with its own controls (None: the list, and no lesson page)."""
        if lesson is None:
            self.show_list()
            return
        self.retranslate_lesson(lesson)
        self.keep_going.setVisible(Extra.KEEP_GOING in lesson.extras)
        self.reg_covar.setVisible(Extra.REG_COVAR in lesson.extras)
        self.reg_covar.blockSignals(True)
        self.reg_covar.setChecked(False)
        self.reg_covar.blockSignals(False)
        if Extra.KMEANS in lesson.extras or self._kmeans is not None:
            self.kmeans.setVisible(Extra.KMEANS in lesson.extras)
        self.pages.setCurrentWidget(self.lesson_page)

    def retranslate_lesson(self, lesson: Lesson | None) -> None:
        """``lesson``'s title and text in the current language (None: nothing to do)."""
        if lesson is None:
            return
        self.title.setText(tr(lesson.title))
        parts = ((self.tr("Set up"), lesson.about), (self.tr("What to do"), lesson.do),
                 (self.tr("What to notice"), lesson.notice))
        self.text.setHtml("".join(f"<p><b>{html.escape(heading)}</b><br>{html.escape(tr(text))}</p>"
                                  for heading, text in parts))

    def lesson_text(self) -> str:
        """The lesson's text as shown, without markup (for tests)."""
        return self.text.toPlainText()
