"""The main window on any screen: a first size that fits the screen it opens on, and a saved geometry kept on it.

The window prefers ``PREFERRED_SIZE``; on a smaller screen (down to 1280 x 720) it takes what the screen
offers, less a margin for the window frame, and is centred. A saved geometry from a larger screen is
shrunk and moved back onto the screen's available area. The Explain/Parameters dock gets a width that
leaves the data view at least half the window, and long combo boxes no longer widen the side panel.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QMainWindow, QWidget

#: The size the window prefers on a large screen.
PREFERRED_SIZE = QSize(1400, 900)
#: Combo boxes of the side panel wider than this (pixels) are made narrower ...
COMBO_MAX_WIDTH = 200
#: ... showing at least this many characters.
COMBO_CHARACTERS = 18
#: Share of the window's height the convergence plot gets ...
CONVERGENCE_SHARE = 0.34
#: ... and at least this many pixels.
CONVERGENCE_MIN_HEIGHT = 230
#: Room left around the window on a small screen for its frame and title bar (pixels).
FRAME_MARGIN = QSize(16, 40)


def available_area(window: QMainWindow) -> QRect | None:
    """The available geometry of the screen the window is on (the primary screen if it has none yet)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def first_size(area: QRect) -> QSize:
    """The window's first size on a screen whose available area is ``area``: preferred, or what fits."""
    return QSize(min(PREFERRED_SIZE.width(), area.width() - FRAME_MARGIN.width()),
                 min(PREFERRED_SIZE.height(), area.height() - FRAME_MARGIN.height()))


def fit_to_screen(window: QMainWindow, area: QRect | None = None) -> None:
    """Give ``window`` its first size on the screen (``area``: its available geometry) and centre it."""
    area = area if area is not None else available_area(window)
    if area is None:
        window.resize(PREFERRED_SIZE)
        return
    size = first_size(area)
    window.resize(size)
    window.move(area.x() + (area.width() - size.width()) // 2, area.y() + (area.height() - size.height()) // 2)


def keep_on_screen(window: QMainWindow, area: QRect | None = None) -> bool:
    """Shrink and move ``window`` (say, after a saved geometry was restored) so that it lies within ``area``;
    True if it had to be shrunk."""
    area = area if area is not None else available_area(window)
    if area is None:
        return False
    frame = window.frameGeometry()
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    width = min(window.width(), area.width() - max(extra.width(), 0))
    height = min(window.height(), area.height() - max(extra.height(), 0))
    shrunk = (width, height) != (window.width(), window.height())
    if shrunk:
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
    return shrunk


def right_dock_room(window_width: int, side_panel_width: int) -> int:
    """How wide the right dock can be while the data view keeps half of ``window_width`` beside the side panel
    (``side_panel_width``)."""
    return window_width - side_panel_width - window_width // 2 - 20


def side_dock_width(window_width: int, side_panel_width: int) -> int:
    """A width for the right dock that leaves the data view at least half of ``window_width`` beside the side
    panel (``side_panel_width``), and at most 360 pixels."""
    return max(200, min(360, right_dock_room(window_width, side_panel_width)))


def compact_combos(panel: QWidget, widest: int = COMBO_MAX_WIDTH) -> None:
    """Let every combo box in ``panel`` wider than ``widest`` pixels be narrower (its list still shows whole
    items): a long item ("tutorial (data points, identity covariances)") would widen the whole side panel."""
    for combo in panel.findChildren(QComboBox):
        if combo.sizeHint().width() > widest:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_CHARACTERS)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def convergence_share(window_height: int) -> list[int]:
    """Heights of the data view and the convergence plot under it: the plot gets ``CONVERGENCE_SHARE`` of the
    window's height, at least ``CONVERGENCE_MIN_HEIGHT`` pixels (its two plots and legend need that much)."""
    plot = max(CONVERGENCE_MIN_HEIGHT, int(CONVERGENCE_SHARE * window_height))
    return [max(window_height - plot, 1), plot]
