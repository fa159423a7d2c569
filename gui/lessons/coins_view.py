"""The coins view: the paper's table of the latest E-step, and EM's path on the log-likelihood plane.

It takes the place of the data views for the two-coins and three-coins lessons. On the left, the plane of
the two coins' head probabilities with the log-likelihood's contours (under the current weights), EM's
path from the start (one dot per iteration), where it is now, the other start's path, and the answer that
knowing the coins would give. On the right, the parameters with their textbook rounding, the table of the
latest E-step (per observation: heads and tails, each coin's responsibility r, the heads H and tails T
credited to it; the totals) and the M-step's divisions. It only draws: ``gui.lessons.coins_run`` hands it
each snapshot with the path so far; the numbers come from ``gui.lessons.coin_numbers``.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from numpy.typing import NDArray
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.em import EMSnapshot, HalfStep
from engine.families.binomial import BinomialParams, CoinData
from gui.colors import style_plot
from gui.lessons.catalogue import CoinNames
from gui.lessons.coin_numbers import CoinTable, contour_levels, e_step_table, plane_field, total_log_likelihood
from gui.views.geometry import contour_segments

PATH_COLOR = (40, 90, 170)
OTHER_PATH_COLOR = (150, 150, 150)
NOW_COLOR = (210, 70, 30)
STAR_COLOR = (230, 170, 20)
CONTOUR_COLOR = (120, 120, 120, 160)


def _fixed(value: float, digits: int) -> str:
    return f"{value:.{digits}f}"


class CoinsView(QWidget):
    """The table and the plane of a coin lesson (see the module docstring).

    Attributes
    ----------
    plot_widget : pyqtgraph.PlotWidget
        The plane (it takes the keyboard focus, so the run keys reach the window's actions).
    table : QTableWidget
    numbers : QLabel
    start_choice : QComboBox
        The lesson's starts (shown when it has more than one).

    Signals
    -------
    start_chosen(int)
        Another start was chosen.
    """

    start_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(background="w", enableMenu=False)
        self.plot = self.plot_widget.getPlotItem()
        style_plot(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setXRange(0.0, 1.0, padding=0.02)
        self.plot.setYRange(0.0, 1.0, padding=0.02)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot_widget.setMinimumSize(200, 150)
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot_widget.setToolTip(self.tr("The two head probabilities: the log-likelihood's contours, EM's path "
                                            "from the start (a dot per iteration) and where it is now."))
        self.contours = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(CONTOUR_COLOR, width=1))
        self.other_path = pg.PlotDataItem(pen=pg.mkPen(OTHER_PATH_COLOR, width=2, style=Qt.PenStyle.DashLine),
                                          symbol="o", symbolSize=5, symbolBrush=OTHER_PATH_COLOR, symbolPen=None)
        self.path = pg.PlotDataItem(pen=pg.mkPen(PATH_COLOR, width=2), symbol="o", symbolSize=6,
                                    symbolBrush=PATH_COLOR, symbolPen=None)
        self.start_mark = pg.ScatterPlotItem(symbol="s", size=11, pen=pg.mkPen(PATH_COLOR, width=2), brush=None)
        self.now = pg.ScatterPlotItem(symbol="o", size=15, pen=pg.mkPen("w", width=2), brush=pg.mkBrush(NOW_COLOR))
        self.star = pg.ScatterPlotItem(symbol="star", size=20, pen=pg.mkPen((90, 60, 0)), brush=pg.mkBrush(STAR_COLOR))
        for z, item in enumerate((self.contours, self.other_path, self.path, self.start_mark, self.star, self.now)):
            item.setZValue(z)
            self.plot.addItem(item)

        self.start_choice = QComboBox()
        self.start_choice.setToolTip(self.tr("Where EM starts; choosing one goes back to that start."))
        self.start_choice.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the run keys stay the window's
        self.start_choice.activated.connect(self.start_chosen)
        self.start_label = QLabel(self.tr("Start"))
        self.numbers = QLabel()
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.numbers.setToolTip(self.tr("The parameters on screen, rounded as the textbook rounds them (four "
                                        "decimals in brackets), and the log-likelihood of all the counts (natural "
                                        "log, a total over the observations)."))
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and the letter keys stay the run keys
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.setToolTip(self.tr("The latest E-step: each coin's responsibility r for each observation, "
                                      "and the heads H and tails T credited to it (r times the counts)."))
        self.formulas = QLabel()
        self.formulas.setTextFormat(Qt.TextFormat.RichText)
        self.formulas.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formulas.setToolTip(self.tr("The M-step: each coin's credited heads over its credited tosses."))
        self.formulas.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # No word wrap here or above: a height-for-width label would make the scroll area size the content by
        # the plane's size hint, and push the table out of sight on a small screen; the lines are short.

        content = QWidget()
        layout = QGridLayout(content)
        side = QVBoxLayout()  # beside the plane: the start (Li Hang's two) and the numbers
        side.addWidget(self.start_label)
        side.addWidget(self.start_choice)
        side.addWidget(self.numbers, 1)
        layout.addWidget(self.plot_widget, 0, 0)
        layout.addLayout(side, 0, 1)
        layout.addWidget(self.table, 1, 0, 1, 2)
        layout.addWidget(self.formulas, 2, 0, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setRowStretch(0, 1)
        scroll = QScrollArea()  # on a small screen the view scrolls rather than squeezing the table
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._data: CoinData | None = None
        self._names: CoinNames | None = None
        self._complete: NDArray[np.float64] | None = None
        self._weights_drawn: NDArray[np.float64] | None = None
        self._numbers: dict[str, object] = {}

    # --- set-up ---------------------------------------------------------------------------------

    def set_problem(self, data: CoinData, names: CoinNames, complete_data: NDArray[np.float64] | None) -> None:
        """A lesson's counts, its names for coins and parameters, and the complete-data answer (or None)."""
        self._data, self._names, self._complete = data, names, complete_data
        self._weights_drawn = None
        self.plot.setLabel("bottom", names.thetas[0])
        self.plot.setLabel("left", names.thetas[1])
        self.start_choice.blockSignals(True)
        self.start_choice.clear()
        self.start_choice.addItems(list(names.start_labels))
        self.start_choice.blockSignals(False)
        self.start_label.setText(self.tr("Start {0}").format(names.start_symbols))
        several = len(names.start_labels) > 1
        self.start_choice.setVisible(several)
        self.start_label.setVisible(several)
        if complete_data is not None:
            self.star.setData([float(complete_data[0])], [float(complete_data[1])])
            self.star.setToolTip(self.tr("Knowing which coin made each observation: {0} = {1}, {2} = {3}").format(
                names.thetas[0], _fixed(complete_data[0], 2), names.thetas[1], _fixed(complete_data[1], 2)))
        else:
            self.star.setData([], [])
        self.other_path.setData([], [])
        self._make_columns()

    def set_start(self, index: int) -> None:
        """Show start ``index`` as the chosen one (without ``start_chosen``)."""
        self.start_choice.setCurrentIndex(index)

    def show_other_path(self, path: list[BinomialParams]) -> None:
        """The path of the other start, faded (empty: none)."""
        thetas = np.array([p.theta[:2] for p in path]).reshape(-1, 2)
        self.other_path.setData(thetas[:, 0], thetas[:, 1])

    def _make_columns(self) -> None:
        names = self._names
        columns = [self.tr("#"), self.tr("heads"), self.tr("tails")]
        columns += [f"r {coin}" for coin in names.coins]
        for coin in names.coins:
            columns += [f"H {coin}", f"T {coin}"]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(self._data.n_observations + 1)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + self.table.verticalHeader().defaultSectionSize() * self.table.rowCount()
                                  + 2 * self.table.frameWidth())

    # --- drawing ------------------------------------------------------------------------------

    def show_snapshot(self, snapshot: EMSnapshot, path: list[BinomialParams], used: BinomialParams | None) -> None:
        """Draw ``snapshot`` (of a coin fit) with EM's ``path`` so far (the start, then each M-step's parameters);
        ``used`` are the parameters of the latest E-step (None before the first)."""
        params: BinomialParams = snapshot.params
        thetas = np.array([p.theta[:2] for p in path]).reshape(-1, 2)
        self.path.setData(thetas[:, 0], thetas[:, 1])
        self.start_mark.setData(thetas[:1, 0], thetas[:1, 1])
        self.now.setData([float(params.theta[0])], [float(params.theta[1])])
        self._draw_contours(np.asarray(params.weights))
        table = e_step_table(self._data, used) if used is not None else None
        self._fill_table(table)
        self._write_numbers(snapshot, table)

    def _draw_contours(self, weights: NDArray[np.float64]) -> None:
        if self._weights_drawn is not None and np.array_equal(weights, self._weights_drawn):
            return
        self._weights_drawn = weights.copy()
        field = plane_field(self._data, weights)
        x, y = contour_segments(field, contour_levels(field), (0.0, 1.0), (0.0, 1.0))
        self.contours.setData(x, y)

    def _fill_table(self, table: CoinTable | None) -> None:
        data = self._data
        n, k = data.n_observations, len(self._names.coins)
        digits = 1 if data.tosses.max() >= 10 else 2  # the paper's 2.2 H of ten tosses; 0.36 H of one
        cells: list[list[str]] = []
        for i in range(n):
            row = [str(i + 1), str(int(data.heads[i])), str(int(data.tails[i]))]
            if table is None:
                row += [""] * (3 * k)
            else:
                row += [_fixed(table.resp[i, j], 2) for j in range(k)]
                for j in range(k):
                    row += [_fixed(table.credited_heads[i, j], digits), _fixed(table.credited_tails[i, j], digits)]
            cells.append(row)
        total = [self.tr("total"), str(int(data.heads.sum())), str(int(data.tails.sum()))]
        if table is None:
            total += [""] * (3 * k)
        else:
            total += [_fixed(table.total_resp[j], 2) for j in range(k)]
            for j in range(k):
                total += [_fixed(table.total_heads[j], digits), _fixed(table.total_tails[j], digits)]
        cells.append(total)
        for r, row in enumerate(cells):
            for c, text in enumerate(row):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(r, c, item)
                item.setText(text)
                if r == n:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)

    def _write_numbers(self, snapshot: EMSnapshot, table: CoinTable | None) -> None:
        names, params = self._names, snapshot.params
        step = {HalfStep.INIT: self.tr("Start"),
                HalfStep.E: self.tr("Iteration {0}: E-step").format(snapshot.iteration),
                HalfStep.M: self.tr("Iteration {0}: M-step").format(snapshot.iteration),
                HalfStep.BEST: self.tr("Result")}[snapshot.half_step]
        lines = [f"<b>{html.escape(step)}</b>"]
        shown = [(names.weight, float(params.weights[0]))] if names.weight is not None else []
        shown += list(zip(names.thetas, params.theta.tolist(), strict=True))
        for name, value in shown:
            exact = f" ({_fixed(value, 4)})" if names.digits < 4 else ""
            lines.append(f"<span style='font-size:large'>{html.escape(name)} = <b>{_fixed(value, names.digits)}</b>"
                         f"</span>{exact}")
        log_likelihood = total_log_likelihood(self._data, params)
        lines.append(html.escape(self.tr("log-likelihood {0}").format(f"{log_likelihood:.4f}")))
        if self._complete is not None:
            known = ", ".join(f"{html.escape(name)} = {_fixed(theta, 2)}"
                              for name, theta in zip(names.thetas, self._complete, strict=True))
            lines.append("★ " + html.escape(self.tr("knowing the coins:")) + "<br>" + known)
        self.numbers.setText("<br>".join(lines))
        self._numbers = {"theta": np.array(params.theta), "weights": np.array(params.weights),
                         "log_likelihood": log_likelihood, "half_step": snapshot.half_step,
                         "iteration": snapshot.iteration}
        self.formulas.setText(self._m_step_text(snapshot, table))

    def _m_step_text(self, snapshot: EMSnapshot, table: CoinTable | None) -> str:
        if table is None:
            return html.escape(self.tr("Press E: the E-step fills the table."))
        names = self._names
        done = snapshot.half_step is not HalfStep.E
        parts = []
        for j, name in enumerate(names.thetas):
            heads, tails = table.total_heads[j], table.total_tails[j]
            text = f"{name} = H {names.coins[j]} / (H {names.coins[j]} + T {names.coins[j]}) = " \
                   f"{_fixed(heads, 2)} / ({_fixed(heads, 2)} + {_fixed(tails, 2)})"
            if done:
                text += f" = {_fixed(heads / (heads + tails), 4)}"
            parts.append(html.escape(text))
        if names.weight is not None:
            n = self._data.n_observations
            text = f"{names.weight} = Σ r {names.coins[0]} / N = {_fixed(table.total_resp[0], 4)} / {n}"
            if done:
                text += f" = {_fixed(table.total_resp[0] / n, 4)}"
            parts.append(html.escape(text))
        heading = self.tr("M-step") if done else self.tr("M-step (press M)")
        return f"<b>{html.escape(heading)}</b>: " + "<br>".join(parts)

    def numbers_shown(self) -> dict[str, object]:
        """The numbers on show (for tests): theta, weights, log_likelihood, half_step, iteration."""
        return dict(self._numbers)

    def table_text(self) -> list[list[str]]:
        """The table's cells as shown, row by row (for tests)."""
        return [[self.table.item(r, c).text() if self.table.item(r, c) else "" for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]
