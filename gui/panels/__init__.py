"""The side panel: groups of controls that produce settings (a ``FitConfig``, a data request) and intents.

Modules
-------
data          the Data group: a generated preset or a file, and which plane of the data to show
model         the Model group: EM's settings, turned into a checked ``FitConfig``
run           the Run group: the run actions' buttons and the speed of a live run
display       the Display group: how the fit is drawn (never what EM does)
widgets       small widgets the panels share
"""

from gui.panels.data import DataPanel, DataRequest
from gui.panels.display import DensityMode, DisplayOptions, DisplayPanel
from gui.panels.model import ModelPanel
from gui.panels.run import RunPanel

__all__ = ["DataPanel", "DataRequest", "DensityMode", "DisplayOptions", "DisplayPanel", "ModelPanel", "RunPanel"]
