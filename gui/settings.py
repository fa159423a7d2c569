"""What the window remembers between runs, kept in a ``QSettings``, and the checks every value read back passes.

The window never opens ``QSettings()`` itself: ``gui.app.main`` passes the user's settings and the
tests pass a temporary INI file, so a test can never touch the user's real settings.

A settings file may be edited by hand, written by another version or damaged, and QSettings hands back
whatever it holds: text, a list, a ``QByteArray``, a ``QPoint``, None. Every value is therefore read
through ``saved_int``, ``saved_number``, ``saved_flag`` or ``saved_choice``, which answer None for
anything that is not a value of the right kind within range, and the caller then keeps its default.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

#: How many recently opened files the File menu lists (and the settings keep).
MAX_RECENT = 8
#: Longest text read as a number: a longer one is damage, and ``int`` would spend time on it.
MAX_NUMBER_TEXT = 64


def _from_text(value: object, parse):
    """A saved number as it came: text parsed with ``parse`` (None if empty, too long or not a number), a
    ``bool`` refused (None), anything else unchanged for the caller to check."""
    if isinstance(value, bool):
        return None
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text or len(text) > MAX_NUMBER_TEXT:
        return None
    try:
        return parse(text)
    except ValueError:
        return None


def saved_int(value: object, low: int, high: int) -> int | None:
    """``value`` as a whole number in ``[low, high]``, or None if it is anything else.

    Accepts an ``int`` (not a ``bool``), a whole finite ``float``, or text holding a whole number.
    """
    value = _from_text(value, int)
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if not isinstance(value, int):
        return None
    return value if low <= value <= high else None


def saved_number(value: object, accepts) -> float | None:
    """``value`` as a finite ``float`` that ``accepts(number)`` takes, or None if it is anything else."""
    value = _from_text(value, float)
    if not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) and accepts(number) else None


def saved_flag(value: object) -> bool | None:
    """``value`` as a yes or no (``true``/``false``, ``1``/``0``, a bool), or None if it is anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {0: False, 1: True}.get(value)
    if isinstance(value, str):
        return {"true": True, "1": True, "false": False, "0": False}.get(value.strip().lower())
    return None


def saved_choice(value: object, choices: Iterable[str]) -> str | None:
    """``value`` if it is one of ``choices`` exactly, else None."""
    return value if isinstance(value, str) and value in set(choices) else None


class Settings:
    """Typed access to the few values GMM Explorer keeps.

    Parameters
    ----------
    store : QSettings
    """

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @property
    def store(self) -> QSettings:
        return self._store

    # --- folders and recent files ---------------------------------------------------------------

    def last_folder(self) -> str:
        """The folder of the last file opened or saved (the home folder at first, or if it is gone or damaged)."""
        folder = self._store.value("files/last_folder", "")
        return folder if isinstance(folder, str) and folder and os.path.isdir(folder) else os.path.expanduser("~")

    def remember_file(self, path: str, recent: bool = True) -> None:
        """Remember ``path``'s folder and, if ``recent``, put the file first in the recent list."""
        self._store.setValue("files/last_folder", os.path.dirname(os.path.abspath(path)))
        if recent:
            files = [os.path.abspath(path)] + [f for f in self.recent_files() if f != os.path.abspath(path)]
            self._store.setValue("files/recent", files[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        """Recently opened data and model files, newest first: at most ``MAX_RECENT``, each once, text only."""
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list in INI files
            value = [value]
        if not isinstance(value, list):
            return []
        files: list[str] = []
        for path in value:
            if isinstance(path, str) and path and "\0" not in path and path not in files:
                files.append(path)
                if len(files) == MAX_RECENT:
                    break
        return files

    def forget_file(self, path: str) -> None:
        self._store.setValue("files/recent", [f for f in self.recent_files() if f != path])

    # --- window and controls --------------------------------------------------------------------

    def geometry(self, key: str) -> QByteArray | None:
        """A saved layout (``geometry``, ``state``, a splitter's state) as Qt wrote it, or None.

        Only its kind is checked here: Qt's ``restoreGeometry``/``restoreState`` refuse bytes they cannot
        read and keep a window on the screen.
        """
        value = self._store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"window/{key}", value)

    def controls(self) -> dict[str, Any]:
        """Saved values of the side panel's controls (name -> value as stored: check them with ``saved_*``)."""
        self._store.beginGroup("controls")
        try:
            return {key: self._store.value(key) for key in self._store.childKeys()}
        finally:
            self._store.endGroup()

    def set_controls(self, values: dict[str, Any]) -> None:
        self._store.beginGroup("controls")
        try:
            for key, value in values.items():
                self._store.setValue(key, value)
        finally:
            self._store.endGroup()

    def hint_dismissed(self, name: str) -> bool:
        """True once the user dismissed the hint ``name`` (a damaged value counts as not dismissed)."""
        return saved_flag(self._store.value(f"hints/{name}")) is True

    def set_hint_dismissed(self, name: str, dismissed: bool = True) -> None:
        self._store.setValue(f"hints/{name}", dismissed)

    def has_saved_controls(self) -> bool:
        """True if the controls were ever saved (False at the first launch, and after Restore defaults)."""
        self._store.beginGroup("controls")
        try:
            return bool(self._store.childKeys())
        finally:
            self._store.endGroup()

    def restore_defaults(self) -> None:
        """Forget the saved controls, the window's layout and the dismissed hints (the recent files stay)."""
        for group in ("controls", "window", "hints"):
            self._store.remove(group)

    def sync(self) -> None:
        self._store.sync()
