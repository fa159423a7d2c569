"""The Choose-K table: every finished cell ranked by the chosen criterion, with its difference to the best; a click
on a row asks for that cell's model."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from engine.selection.grid import Criterion
from engine.selection.results import CellResult
from gui.choosek.board import Ranked
from gui.covariance_names import covariance_type_name

#: Text colour of degenerate cells' rows.
DEGENERATE_COLOR = QColor(150, 150, 150)
#: Background of the best cell's row.
BEST_BACKGROUND = QColor(255, 236, 230)
#: Column of each field.
RANK, K, TYPE, VALUE, DIFFERENCE, FLAGS = range(6)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChooseK", text)


def criterion_name(criterion: Criterion) -> str:
    """The short name of a criterion, for the table's header and the notes."""
    return {Criterion.BIC: _tr("BIC"), Criterion.AIC: _tr("AIC"), Criterion.ICL: _tr("ICL"),
            Criterion.CV: _tr("CV log-lik.")}[Criterion(criterion)]


def format_value(value: float, criterion: Criterion, signed: bool = False) -> str:
    """A criterion's value (or a difference with ``signed``): two decimals, five for the per-point held-out one."""
    if not math.isfinite(value):
        return "–"
    digits = 5 if Criterion(criterion) is Criterion.CV else 2
    return f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"


def flags_text(cell: CellResult) -> str:
    """What is wrong with a cell, if anything: failed, degenerate, not converged."""
    flags = []
    if cell.error is not None:
        flags.append(_tr("failed"))
    elif cell.degenerate:
        flags.append(_tr("degenerate"))
    if cell.hit_max_iter:
        flags.append(_tr("not converged"))
    return ", ".join(flags)


class ModelsTable(QTableWidget):
    """The ranked cells (see the module docstring).

    Signals
    -------
    cell_clicked(int)
        The grid index of the cell whose row was clicked.
    """

    cell_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and the step keys stay the window's
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FLAGS, QHeaderView.ResizeMode.Stretch)
        self.setToolTip(_tr("Every finished cell, best first by the criterion. Δ is the difference to the best "
                            "cell that is not degenerate. Click a row to put that model on the canvas."))
        self._set_header(Criterion.BIC)
        self._indices: list[int] = []
        self.cellClicked.connect(self._on_row_clicked)

    def _set_header(self, criterion: Criterion) -> None:
        self.setHorizontalHeaderLabels(["#", "K", _tr("covariance"), criterion_name(criterion), "Δ",
                                        _tr("flags")])

    def show_ranked(self, rows: list[Ranked], criterion: Criterion, shown: int | None) -> None:
        """Fill the table with ``rows`` (best first); select the row of cell ``shown`` (on the canvas)."""
        self._set_header(criterion)
        self.setRowCount(len(rows))
        self._indices = [row.cell.cell_index for row in rows]
        bold = QFont(self.font())
        bold.setBold(True)
        for position, row in enumerate(rows):
            cell = row.cell
            texts = (str(position + 1), str(cell.n_components), covariance_type_name(cell.covariance_type),
                     format_value(row.value, criterion), format_value(row.difference, criterion, signed=True),
                     flags_text(cell))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column in (RANK, K, VALUE, DIFFERENCE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if cell.degenerate:
                    item.setForeground(QBrush(DEGENERATE_COLOR))
                if row.best:
                    item.setFont(bold)
                    item.setBackground(QBrush(BEST_BACKGROUND))
                self.setItem(position, column, item)
        self.set_shown(shown)

    def set_shown(self, cell_index: int | None) -> None:
        """Select the row of the cell on the canvas (none: no selection)."""
        self.blockSignals(True)
        try:
            if cell_index in self._indices:
                self.selectRow(self._indices.index(cell_index))
            else:
                self.clearSelection()
        finally:
            self.blockSignals(False)

    def cell_at(self, row: int) -> int:
        """The grid index of the cell in ``row``."""
        return self._indices[row]

    def row_of(self, cell_index: int) -> int:
        return self._indices.index(cell_index)

    def _on_row_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._indices):
            self.cell_clicked.emit(self._indices[row])


__all__ = ["ModelsTable", "criterion_name", "flags_text", "format_value"]
