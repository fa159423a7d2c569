"""The Agreement panel: how the fit on screen agrees with the data's true labels.

Data with true labels (a preset, painted points, or a file with a ``label`` column, see
``engine.io.true_labels``) gets, after every drawn snapshot, the adjusted Rand index of the latest
E-step's most likely components against the labels and the confusion table after matching each label
to a component (``engine.agreement``): in a dock tabbed with Explain (View > True labels)
and, in short, in the status bar, where a click brings the dock forward. Data without labels hides the
status bar's entry and says so in the dock.

The hook is one object made beside the controller (``gui.app.create_window``); it only listens to
``Controller.frame_drawn`` and reads ``Controller.dataset``.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.agreement import Agreement, agreement_from_table
from engine.em import EMSnapshot
from engine.io.tables import Dataset


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreementPanel", text)


class AgreementPanel(QObject):
    """The Agreement dock and its status bar entry, updated on every frame the controller draws.

    Parameters
    ----------
    window : gui.main.window.MainWindow
        Gets the dock (tabbed with its Explain dock, listed in its View menu) and the status bar entry.
    controller : gui.main.controller.Controller
        Its ``frame_drawn`` signal drives the updates; becomes this object's parent.
    """

    def __init__(self, window, controller) -> None:
        super().__init__(controller)
        self._controller = controller
        self._dataset: Dataset | None = None
        self._label_rows: NDArray[np.int64] | None = None  # each sample's row of the table (its label's index)
        self._label_names: tuple[str, ...] = ()
        self.agreement: Agreement | None = None  # the agreement shown, None without labels or an E-step yet

        self.dock = QDockWidget(_tr("True labels"), window)  # short: it shares a tab bar
        self.dock.setObjectName("AgreementDock")
        content = QWidget()
        layout = QVBoxLayout(content)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setToolTip(_tr("Rows: the true labels (those left without a component say none). Columns: the "
                                  "components, each label's matched component first (the Hungarian algorithm "
                                  "pairs labels and components so that the most rows agree). The diagonal, in "
                                  "bold, holds the rows on their matched component."))
        self.copy_button = QPushButton(_tr("Copy table"))
        self.copy_button.setToolTip(_tr("Copy the confusion table as tab-separated text"))
        self.copy_button.clicked.connect(self.copy_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.dock.setWidget(content)
        self.dock.setToolTip(_tr("How the fit agrees with the data's true labels: the adjusted Rand index (1 for "
                                 "the same grouping, about 0 for chance, whatever the numbering) and the "
                                 "confusion table after matching labels to components"))
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.explain_dock, self.dock)
        window.explain_dock.raise_()
        window.view_menu.addAction(self.dock.toggleViewAction())

        self.status_button = QToolButton()
        self.status_button.setAutoRaise(True)
        self.status_button.setToolTip(_tr("Agreement of the fit with the true labels; click for the table"))
        self.status_button.clicked.connect(self.show_dock)
        self.status_button.setVisible(False)
        window.add_data_status(self.status_button)
        self._show_nothing(_tr("The data has no true labels. A preset, painted points or a file with a column "
                               "named 'label' has them."))
        controller.frame_drawn.connect(self._on_frame_drawn)

    @Slot()
    def show_dock(self) -> None:
        """Show the dock and bring it in front of Explain."""
        self.dock.show()
        self.dock.raise_()

    @Slot()
    def copy_table(self) -> None:
        """Put the confusion table on the clipboard as tab-separated text (a header row, a row per label)."""
        QGuiApplication.clipboard().setText(self.table_text())

    def table_text(self) -> str:
        """The table as tab-separated text; empty without an agreement."""
        result = self.agreement
        if result is None:
            return ""
        lines = ["\t".join([_tr("true label")] + [_tr("component {0}").format(k) for k in result.component_order])]
        lines += ["\t".join([name] + [str(int(v)) for v in row]) for name, row in zip(result.label_names,
                                                                                    result.confusion, strict=True)]
        return "\n".join(lines) + "\n"

    # --- updates ----------------------------------------------------------------------------------

    @Slot(int, object)
    def _on_frame_drawn(self, _run_id: int, snapshot: EMSnapshot) -> None:
        dataset = self._controller.dataset
        if dataset is not self._dataset:
            self._use_dataset(dataset)
        if self._label_rows is None:
            return
        found = snapshot.labels
        n_components = getattr(snapshot.params, "n_components", None)
        if found is None or n_components is None or len(found) != len(self._label_rows):
            self._show_nothing(_tr("The agreement shows after the first E-step."), keep_status=True)
            return
        n_labels = len(self._label_names)
        counts = np.bincount(self._label_rows * n_components + np.asarray(found, dtype=np.int64),
                             minlength=n_labels * n_components).reshape(n_labels, n_components)
        self._show(agreement_from_table(counts, self._label_names), snapshot.iteration)

    def _use_dataset(self, dataset: Dataset | None) -> None:
        """Index the true labels of new data once (each sample's row of the table)."""
        self._dataset = dataset
        if dataset is None or dataset.labels is None:
            self._label_rows, self._label_names = None, ()
            self._show_nothing(_tr("The data has no true labels. A preset, painted points or a file with a column "
                                   "named 'label' has them."))
            return
        values, rows = np.unique(dataset.labels, return_inverse=True)
        self._label_rows = rows.astype(np.int64).ravel()
        names = dataset.label_names
        self._label_names = tuple(names[v] if names is not None else str(int(v)) for v in values)

    def _show_nothing(self, message: str, keep_status: bool = False) -> None:
        self.agreement = None
        self.summary.setText(message)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.copy_button.setEnabled(False)
        if keep_status:
            self.status_button.setText(_tr("true labels: ARI –"))
        self.status_button.setVisible(keep_status)

    def _show(self, result: Agreement, iteration: int) -> None:
        previous = self.agreement
        self.agreement = result
        unchanged = (previous is not None and previous.component_order == result.component_order
                     and previous.label_names == result.label_names
                     and np.array_equal(previous.confusion, result.confusion))
        share = 100.0 * result.accuracy
        self.summary.setText(_tr("Adjusted Rand index {0:.3f}; {1} of {2} points ({3:.1f} %) on the component matched "
                                 "to their label (iteration {4}, latest E-step).").format(
            result.ari, result.n_matched, result.n_samples, share, iteration))
        self.status_button.setText(_tr("true labels: ARI {0:.3f}").format(result.ari))
        self.status_button.setVisible(True)
        self.copy_button.setEnabled(True)
        if unchanged:
            return  # the same counts: the table stays as it is (a run draws up to 60 frames a second)
        table = self.table
        table.setRowCount(len(result.label_names))
        table.setColumnCount(len(result.component_order))
        table.setHorizontalHeaderLabels([_tr("comp. {0}").format(k) for k in result.component_order])
        for i, (name, matched) in enumerate(zip(result.label_names, result.matched, strict=True)):
            shown = _tr("label {0}").format(name)  # the rows are the true labels, the columns the components
            header = QTableWidgetItem(shown if matched >= 0 else _tr("{0} (none)").format(shown))
            header.setToolTip(_tr("True label {0}, matched to component {1}").format(name, matched) if matched >= 0
                              else _tr("True label {0}: no component is left to match it (fewer components than "
                                       "labels)").format(name))
            table.setVerticalHeaderItem(i, header)
        bold = QFont(table.font())
        bold.setBold(True)
        for i, row in enumerate(result.confusion):
            matched = result.matched[i]
            for j, count in enumerate(row):
                item = QTableWidgetItem(str(int(count)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if matched >= 0 and result.component_order[j] == matched:
                    item.setFont(bold)
                table.setItem(i, j, item)
        table.resizeColumnsToContents()
