"""What the Image window remembers between launches, in the application's ``QSettings`` (group ``image/``).

K, the colour space, the spatial weight, the paint mode, the colour-space axes, the before/after split
and the window's geometry are saved when the window closes and restored when it is made; every value read
back passes ``gui.settings``' checks, and a damaged one leaves its control at the default. View > Restore
defaults puts every control back to ``DEFAULTS`` and forgets the saved values. A saved geometry larger
than the screen it opens on is fitted to that screen (``gui.image.window.fit_to_screen``). The sample
size is not remembered: it follows each picture's size.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from engine.imaging.features import MAX_COMPONENTS, ColorSpace
from engine.imaging.render import RenderMode
from gui.image.colour_view import AXIS_PAIRS
from gui.image.window import ImageView, fit_to_screen
from gui.settings import saved_choice, saved_int, saved_number

#: The group of keys in the settings.
GROUP = "image"
#: Every remembered control's default: K, colour space, spatial weight, paint mode, axis pair, split (%).
DEFAULTS = {"components": 4, "space": ColorSpace.RGB.value, "spatial_weight": 0.0, "paint": RenderMode.MEAN.value,
            "axes": 0, "split": 0}


class ImagePreferences:
    """Saves and restores the Image window's controls and geometry.

    Parameters
    ----------
    store : QSettings
        The application's settings (``gui.settings.Settings.store``); a test's temporary INI file.
    view : ImageView
    """

    def __init__(self, store: QSettings, view: ImageView) -> None:
        self._store = store
        self._view = view
        view.restore_defaults_requested.connect(self.restore_defaults)

    def _key(self, name: str) -> str:
        return f"{GROUP}/{name}"

    def restore(self) -> None:
        """Put the saved values (those that pass the checks) into the controls, and the saved geometry back."""
        value = self._store.value
        view = self._view
        components = saved_int(value(self._key("components")), view.components.minimum(), MAX_COMPONENTS)
        space = saved_choice(value(self._key("space")), [s.value for s in ColorSpace])
        weight = saved_number(value(self._key("spatial_weight")),
                              lambda w: view.spatial_weight.minimum() <= w <= view.spatial_weight.maximum())
        paint = saved_choice(value(self._key("paint")), [m.value for m in RenderMode])
        axes = saved_int(value(self._key("axes")), 0, len(AXIS_PAIRS) - 1)
        split = saved_int(value(self._key("split")), 0, 100)
        self._apply({"components": components, "space": space, "spatial_weight": weight, "paint": paint,
                     "axes": axes, "split": split})
        geometry = value(self._key("geometry"))
        if isinstance(geometry, QByteArray) and not geometry.isEmpty() and view.restoreGeometry(geometry):
            screen = view.screen()
            if screen is not None and not screen.availableGeometry().contains(view.frameGeometry()):
                fit_to_screen(view, screen.availableGeometry())

    def save(self) -> None:
        """Write the controls' values and the window's geometry."""
        view = self._view
        values = {"components": view.components.value(), "space": view.space.currentData(),
                  "spatial_weight": float(view.spatial_weight.value()), "paint": view.paint.currentData(),
                  "axes": view.colour_view.axis_choice.currentIndex(), "split": view.compare.slider.value(),
                  "geometry": view.saveGeometry()}
        for name, saved in values.items():
            self._store.setValue(self._key(name), saved)
        self._store.sync()

    def restore_defaults(self) -> None:
        """Every control back to ``DEFAULTS``, the saved values forgotten, the window fitted to its screen."""
        self._store.remove(GROUP)
        self._apply(DEFAULTS)
        self._view.compare.original_button.setChecked(False)
        fit_to_screen(self._view)

    def _apply(self, values: dict) -> None:
        """Set each control whose value is not None."""
        view = self._view
        if values["components"] is not None:
            view.components.setValue(values["components"])
        for combo, name in ((view.space, "space"), (view.paint, "paint")):
            if values[name] is not None:
                combo.setCurrentIndex(combo.findData(values[name]))
        if values["spatial_weight"] is not None:
            view.spatial_weight.setValue(values["spatial_weight"])
        if values["axes"] is not None:
            view.colour_view.set_axes_index(values["axes"])
        if values["split"] is not None:
            view.compare.slider.setValue(values["split"])
