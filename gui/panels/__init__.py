"""The side panel: groups of controls that produce settings (a ``FitConfig``, a data request) and intents."""

from gui.panels.data import DataPanel, DataRequest
from gui.panels.display import DensityMode, DisplayOptions, DisplayPanel
from gui.panels.model import ModelPanel
from gui.panels.run import RunPanel

__all__ = ["DataPanel", "DataRequest", "DensityMode", "DisplayOptions", "DisplayPanel", "ModelPanel", "RunPanel"]
