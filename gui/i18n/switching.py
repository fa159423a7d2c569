"""The Language menu (System, English, 简体中文, 한국어), and re-translating the open windows when it changes.

Why re-translate in place rather than ask for a restart: a restart loses the data, the fit and the open
lesson. Why not a ``retranslateUi`` in every panel: the texts are set once, in each widget's constructor,
across some thirty modules; a second copy of each of them would drift. Instead ``retranslate`` walks every
open window and maps each fixed text it finds (labels, buttons, menus and actions, tooltips, combo box and
list items, group box, dock and tab titles, table headers, plot axis titles, legends) from the old
language back to its English source and on to the new language, with the ``.ts`` files shipped beside the
``.qm`` files as the dictionary. Texts built with numbers (the status bar, the Explain panel, iteration
counts) are not in the dictionary as shown; each follows at its next update, and widgets that hold such
texts re-translate themselves on ``QEvent.LanguageChange`` (the lesson panel does). The choice is remembered
in the settings (``gui.i18n.languages.SETTINGS_KEY``) for the next start.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from functools import cache

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from engine.resources import resource_path
from gui.i18n.languages import LANGUAGES, SETTINGS_KEY, SYSTEM, TRANSLATORS, resolve, saved_choice


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanguageMenu", text)


@cache
def dictionary(language: str) -> dict[str, str]:
    """English source -> finished translation, over every context of ``language``'s ``.ts`` file."""
    if language == "en":
        return {}
    root = ElementTree.parse(resource_path(f"i18n/gmm_explorer_{language}.ts")).getroot()
    entries: dict[str, str] = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is not None and not translation.get("type") and translation.text:
            entries.setdefault(message.findtext("source", ""), translation.text)
    return entries


@cache
def back_to_english(language: str) -> dict[str, str]:
    """Translation in ``language`` -> its English source."""
    return {translation: source for source, translation in dictionary(language).items()}


def converter(old: str, new: str) -> Callable[[str], str | None]:
    """A function giving a text shown in ``old`` in ``new``, or None if it is not a fixed text we know."""
    backwards = back_to_english(old) if old != "en" else None
    forwards = dictionary(new)

    def convert(text: str) -> str | None:
        if not text:
            return None
        if backwards is None:
            source = text if (new == "en" or text in forwards) else None
        else:
            source = backwards.get(text)
        if source is None:
            return None
        return forwards.get(source, source) if new != "en" else source

    return convert


def _texts_of(widget: QWidget) -> Iterator[tuple[Callable[[], str], Callable[[str], None]]]:
    """Getter and setter pairs of the fixed texts ``widget`` shows."""
    yield widget.toolTip, widget.setToolTip
    yield widget.statusTip, widget.setStatusTip
    if widget.isWindow() or isinstance(widget, QDockWidget):
        yield widget.windowTitle, widget.setWindowTitle
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text, widget.setText
    if isinstance(widget, QGroupBox):
        yield widget.title, widget.setTitle
    if isinstance(widget, QMenu):
        yield widget.title, widget.setTitle
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText, widget.setPlaceholderText
    if isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText, widget.setSpecialValueText
    if isinstance(widget, QSpinBox):
        yield widget.suffix, widget.setSuffix
        yield widget.prefix, widget.setPrefix
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield (lambda i=index: widget.tabText(i)), (lambda text, i=index: widget.setTabText(i, text))
            yield (lambda i=index: widget.tabToolTip(i)), (lambda text, i=index: widget.setTabToolTip(i, text))
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield (lambda i=index: widget.itemText(i)), (lambda text, i=index: widget.setItemText(i, text))
            yield ((lambda i=index: widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or ""),
                   (lambda text, i=index: widget.setItemData(i, text, Qt.ItemDataRole.ToolTipRole)))
    if isinstance(widget, QListWidget):
        for index in range(widget.count()):
            item = widget.item(index)
            yield item.text, item.setText
            yield item.toolTip, item.setToolTip
    if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        model = widget.model()
        for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount(QModelIndex())),
                                   (Qt.Orientation.Vertical, model.rowCount(QModelIndex()))):
            for section in range(count):
                yield ((lambda s=section, o=orientation: model.headerData(s, o) or ""),
                       (lambda text, s=section, o=orientation: model.setHeaderData(s, o, text)))
    if isinstance(widget, QTableWidget):
        for row in range(widget.rowCount()):
            for column in range(widget.columnCount()):
                item = widget.item(row, column)
                if item is not None:
                    yield item.text, item.setText
    if isinstance(widget, QTreeWidget) and widget.headerItem() is not None:
        header = widget.headerItem()
        for column in range(header.columnCount()):
            yield (lambda c=column: header.text(c)), (lambda text, c=column: header.setText(c, text))


def _plot_texts(view: QGraphicsView) -> Iterator[tuple[Callable[[], str], Callable[[str], None]]]:
    """Axis titles, plot titles, legend entries and text items in a pyqtgraph view."""
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            yield (lambda a=item: a.labelText or ""), (lambda text, a=item: a.setLabel(text, **a.labelStyle))
        elif isinstance(item, pg.LabelItem):
            yield (lambda label=item: label.text or ""), (lambda text, label=item: label.setText(text))
        elif isinstance(item, pg.TextItem):
            yield (lambda t=item: t.toPlainText()), (lambda text, t=item: t.setText(text))


def _describe(thing: QObject) -> str:
    name = thing.objectName()
    return f"{type(thing).__name__}({name})" if name else type(thing).__name__


def text_slots(top: QWidget) -> list[tuple[str, Callable[[], str], Callable[[str], None]]]:
    """Every fixed text ``top`` and its children show: (where, getter, setter)."""
    slots = []
    for widget in [top, *top.findChildren(QWidget)]:
        where = _describe(widget)
        slots.extend((where, getter, setter) for getter, setter in _texts_of(widget))
        if isinstance(widget, QGraphicsView):
            slots.extend((where + " plot", getter, setter) for getter, setter in _plot_texts(widget))
    for action in top.findChildren(QAction):
        where = f"QAction in {_describe(action.parent())}"
        slots.extend((where, getter, setter) for getter, setter in (
            (action.text, action.setText), (action.toolTip, action.setToolTip),
            (action.statusTip, action.setStatusTip), (action.iconText, action.setIconText)))
    return slots


def retranslate(top: QWidget, old: str, new: str) -> int:
    """Give every fixed text of ``top`` and its children, shown in ``old``, in ``new``; returns how many changed."""
    convert = converter(old, new)
    changed = 0
    for _where, getter, setter in text_slots(top):
        text = getter()
        if isinstance(text, str) and (replacement := convert(text)) is not None and replacement != text:
            setter(replacement)
            changed += 1
    return changed


def switch_language(language: str) -> None:
    """Speak ``language`` from now on, in every open window."""
    app = QApplication.instance()
    old = TRANSLATORS.language
    if language == old:
        return
    TRANSLATORS.install(app, language)
    for top in QApplication.topLevelWidgets():
        retranslate(top, old, language)


class LanguageMenu(QObject):
    """The Language menu of ``window``, before its Help menu: System, English, 简体中文, 한국어.

    The choice switches the open windows at once and is kept in ``store`` (a QSettings) for the next start.
    """

    def __init__(self, window: QMainWindow, store) -> None:
        super().__init__(window)
        self._store = store
        self.menu = QMenu(_tr("Lan&guage"), window)
        self.menu.setObjectName("LanguageMenu")
        self.group = QActionGroup(self.menu)
        self.actions: dict[str, QAction] = {}
        system = QAction(_tr("System"), self.menu)
        system.setToolTip(_tr("Follows the language of the system."))
        entries = [(SYSTEM, system)] + [(code, QAction(name, self.menu)) for code, name in LANGUAGES.items()]
        choice = saved_choice(store)
        for code, action in entries:
            action.setCheckable(True)
            action.setChecked(code == choice)
            action.setData(code)
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        self.group.triggered.connect(self._chosen)
        menu_bar = window.menuBar()
        help_menu = next((action for action in menu_bar.actions() if action.menu() is not None
                          and action.menu().objectName() == "HelpMenu"), None)
        if help_menu is None:
            help_menu = menu_bar.actions()[-1] if menu_bar.actions() else None
        if help_menu is None:
            menu_bar.addMenu(self.menu)
        else:
            menu_bar.insertMenu(help_menu, self.menu)

    def choose(self, code: str) -> None:
        """Choose ``code`` (a code of ``LANGUAGES`` or ``SYSTEM``), as the menu does."""
        self.actions[code].trigger()

    def _chosen(self, action: QAction) -> None:
        code = action.data()
        self._store.setValue(SETTINGS_KEY, code)
        switch_language(resolve(code))
