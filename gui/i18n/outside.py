"""Texts the window shows that are written outside ``gui/``, marked here so that ``pyside6-lupdate`` finds them.

- The presets' descriptions come from ``engine.presets`` (which never imports Qt); the Data panel translates
  them at display time in the context ``presets`` (``tests/test_i18n_files.py`` checks this list against
  ``engine.presets.PRESETS``).
- pyqtgraph translates its plots' context menus (right click) through ``QCoreApplication.translate`` in its
  own contexts, but ships no translations: the entries below give them ours.

Nothing here runs: the tuples only carry the texts for extraction.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

PRESET_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("presets", "three correlated 2-D blobs, weights .3/.5/.2"),
    QT_TRANSLATE_NOOP("presets", "two 1-D Gaussians, weights .3/.7"),
    QT_TRANSLATE_NOOP("presets", "four 2-D components sharing a covariance, weights .1/.2/.3/.4"),
    QT_TRANSLATE_NOOP("presets", "k unit-variance clusters in d dimensions, equal sizes (like make_blobs)"),
    QT_TRANSLATE_NOOP("presets", "a random mixture of k components in d dimensions"),
)

PYQTGRAPH_MENUS = (
    QT_TRANSLATE_NOOP("GraphicsScene", "Export..."),
    QT_TRANSLATE_NOOP("ViewBox", "ViewBox options"),
    QT_TRANSLATE_NOOP("ViewBox", "View All"),
    QT_TRANSLATE_NOOP("ViewBox", "Mouse Mode"),
    QT_TRANSLATE_NOOP("ViewBox", "3 button"),
    QT_TRANSLATE_NOOP("ViewBox", "1 button"),
    QT_TRANSLATE_NOOP("Form", "Manual"),
    QT_TRANSLATE_NOOP("Form", "Auto"),
    QT_TRANSLATE_NOOP("Form", "Visible Data Only"),
    QT_TRANSLATE_NOOP("Form", "Auto Pan Only"),
    QT_TRANSLATE_NOOP("Form", "Invert Axis"),
    QT_TRANSLATE_NOOP("Form", "Mouse Enabled"),
    QT_TRANSLATE_NOOP("Form", "Link Axis:"),
)
