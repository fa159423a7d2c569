"""The parameters table: every component's weight, mean and covariance (sigma in 1-D), and the fit's
log-likelihood, BIC and AIC, updated with each snapshot drawn and copyable as tab-separated text.

Ctrl+C (while the table has the focus) and the context menu's Copy put the whole table on the clipboard as
tab-separated text, one line per component and a line each for the log-likelihood, BIC and AIC, which
pastes into a spreadsheet as cells.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.em import EMSnapshot
from engine.model import aic_from, bic_from
from engine.params import MixtureParams
from gui.views.explain_text import matrix, number, vector


class ParametersTable(QWidget):
    """A table of the mixture on screen (see the module docstring).

    Attributes
    ----------
    table : QTableWidget
        One row per component: k, weight, mean, covariance (or sigma).
    totals : QLabel
        Log-likelihood, BIC and AIC.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Rows as tall as their wrapped texts, whatever the panel's width: a covariance wrapped onto three lines in
        # a row of two was cut off.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip(self.tr("The parameters on screen; Ctrl+C or the context menu copies the table as "
                                      "tab-separated text."))
        self.totals = QLabel()
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals.setToolTip(self.tr("Log-likelihood of the latest E-step; BIC = -2 L + p log N and "
                                       "AIC = -2 L + 2 p (lower is better), as scikit-learn computes them."))
        self.copy_action = QAction(self.tr("Copy the table"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy)
        self.addAction(self.copy_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.copy_action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        self._totals: list[tuple[str, str]] = []
        self.clear()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self._totals = []
        self.totals.setText(self.tr("No fit yet."))

    def show_snapshot(self, snapshot: EMSnapshot, n_samples: int) -> None:
        """The parameters of ``snapshot`` (of a fit to ``n_samples`` rows) and its log-likelihood, BIC and AIC."""
        params = snapshot.params
        if not isinstance(params, MixtureParams):
            return
        one_d = params.n_features == 1
        spread = self.tr("sigma") if one_d else self.tr("covariance")
        self.table.setHorizontalHeaderLabels(["k", self.tr("weight"), self.tr("mean"), spread])
        self.table.setRowCount(params.n_components)
        covariances = params.full_covariances()
        for k in range(params.n_components):
            mean = number(float(params.means[k, 0])) if one_d else vector(params.means[k])
            cov = number(float(covariances[k, 0, 0]) ** 0.5) if one_d else matrix(covariances[k])
            for column, text in enumerate((str(k), number(float(params.weights[k])), mean, cov)):
                item = self.table.item(k, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(k, column, item)
                item.setText(text)
        self.table.resizeColumnsToContents()
        mean_ll = snapshot.mean_log_likelihood
        if mean_ll != mean_ll:  # NaN: no E-step yet
            self._totals = []
            self.totals.setText(self.tr("Log-likelihood, BIC and AIC follow the first E-step."))
            return
        shape = snapshot.e_step_params if isinstance(snapshot.e_step_params, MixtureParams) else params
        self._totals = [(self.tr("log-likelihood"), f"{mean_ll * n_samples:.6f}"),
                        (self.tr("BIC"), f"{bic_from(mean_ll, n_samples, shape):.6f}"),
                        (self.tr("AIC"), f"{aic_from(mean_ll, n_samples, shape):.6f}")]
        self.totals.setText("\n".join(f"{name}: {value}" for name, value in self._totals)
                            + "\n" + self.tr("(of the parameters the latest E-step used)"))

    def as_text(self) -> str:
        """The table as tab-separated text: a header line, a line per component, then the totals."""
        columns = self.table.columnCount()
        lines = ["\t".join(self.table.horizontalHeaderItem(c).text() if self.table.horizontalHeaderItem(c) else ""
                           for c in range(columns))]
        for row in range(self.table.rowCount()):
            lines.append("\t".join(self.table.item(row, c).text() if self.table.item(row, c) else ""
                                   for c in range(columns)))
        lines.extend(f"{name}\t{value}" for name, value in self._totals)
        return "\n".join(lines) + "\n"

    def copy(self) -> None:
        """Put the table on the clipboard as tab-separated text."""
        QGuiApplication.clipboard().setText(self.as_text())
