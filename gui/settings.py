"""What the window remembers between runs, kept in a ``QSettings``.

The window never opens ``QSettings()`` itself: ``gui.app.main`` passes the user's settings and the
tests pass a temporary INI file, so a test can never touch the user's real settings.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

#: How many recently opened files the File menu lists.
MAX_RECENT = 8


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
        """The folder of the last file opened or saved (the home folder at first)."""
        folder = str(self._store.value("files/last_folder", "") or "")
        return folder if folder and os.path.isdir(folder) else os.path.expanduser("~")

    def remember_file(self, path: str, recent: bool = True) -> None:
        """Remember ``path``'s folder and, if ``recent``, put the file first in the recent list."""
        self._store.setValue("files/last_folder", os.path.dirname(os.path.abspath(path)))
        if recent:
            files = [os.path.abspath(path)] + [f for f in self.recent_files() if f != os.path.abspath(path)]
            self._store.setValue("files/recent", files[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        """Recently opened data and model files, newest first."""
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list in INI files
            value = [value]
        return [str(path) for path in value or []]

    def forget_file(self, path: str) -> None:
        self._store.setValue("files/recent", [f for f in self.recent_files() if f != path])

    # --- window and controls --------------------------------------------------------------------

    def geometry(self, key: str) -> QByteArray | None:
        value = self._store.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._store.setValue(f"window/{key}", value)

    def controls(self) -> dict[str, Any]:
        """Saved values of the side panel's controls (name -> value)."""
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

    def sync(self) -> None:
        self._store.sync()
