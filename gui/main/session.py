"""What the main window fits and shows, without Qt: the data, the models, the run and its snapshots.

``Session`` holds the state the controller used to keep in a dozen attributes, and the rules that go
with it: which rows carry responsibilities, which parameters initialisation "given" starts from, which
snapshots belong to the current run, and what a snapshot looks like in the plane of the view
(``Frame``). It imports no Qt (``tests/test_session.py`` runs it without PySide6); the controller turns
its answers into calls on the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from engine.config import FitConfig
from engine.em import HalfStep
from engine.errors import FitError
from engine.io.model_json import LoadedModel
from engine.io.tables import Dataset
from engine.params import MixtureParams
from gui.main.fit_worker import FitProgress, ReseedEvent
from gui.views.projection import Projection, feature_projection, pca_projection

if TYPE_CHECKING:
    from engine.em import EMSnapshot

#: Up to this many points carry their responsibilities in every snapshot; above it, a fixed random subset.
VIEW_MAX_POINTS = 20_000
#: Seed of that subset (the same rows for every run on the same data).
VIEW_SEED = 0
#: Feature names of data painted on an empty canvas.
DEFAULT_FEATURES = ("x0", "x1")

#: Points (n, 2) and their true classes (n,): data painted by hand.
PaintedData = tuple[NDArray[np.float64], NDArray[np.int64]]


class RunState(Enum):
    """What the fit on screen is doing."""

    IDLE = "idle"
    RUNNING = "running"
    STEPPING = "stepping"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Frame:
    """One snapshot, ready to draw.

    Attributes
    ----------
    snapshot : EMSnapshot
    plane : MixtureParams or None
        The mixture in the view: the snapshot's own parameters for 1-D and 2-D data (so the views use the
        engine's Cholesky factors), the projected mixture for more features; None if a projected
        covariance could not be factorised (the mixture is then not drawn).
    trail : tuple of ndarray or None
        After an M-step that follows its E-step on screen: the old means (K, 2) and covariances (K, 2, 2)
        in the plane, for the arrows from the old means to the new ones.
    n_init : int
        Starts of the run.
    n_samples : int
    editable : bool
        True for 2-D data, whose components can be moved by hand.
    reseeds : tuple of ReseedEvent
        The run's re-seedings so far.
    config : FitConfig or None
        The run's settings (its locks, tol and max_iter explain the M-steps and the stop).
    """

    snapshot: EMSnapshot
    plane: MixtureParams | None
    trail: tuple[NDArray[np.float64], NDArray[np.float64]] | None
    n_init: int
    n_samples: int
    editable: bool
    reseeds: tuple[ReseedEvent, ...] = ()
    config: FitConfig | None = None


@dataclass
class Session:
    """The state of the main window's fit (see the module docstring).

    Attributes
    ----------
    dataset : Dataset or None
        The data EM fits (None when every painted point was removed).
    description : str
        How the window names that data (a preset's or a file's name, "painted", ...).
    projection : Projection or None
        How points with two or more features map onto the canvas (None for 1-D data).
    view_indices : ndarray of shape (n_view,) or None
        Rows whose responsibilities the snapshots carry.
    model : LoadedModel or None
        A loaded model: initialisation "given" starts from it.
    hand_params : MixtureParams or None
        Components placed by hand: "given" starts from these first.
    config : FitConfig or None
        Of the current run.
    state : RunState
    run_id : int
        The current run; snapshots of other runs are ignored.
    latest : FitProgress or None
        Newest snapshot of the current run (drawn or not).
    shown : FitProgress or None
        The snapshot on screen.
    start_snapshots : dict of int to FitProgress
        The newest snapshot of each start of the current run.
    announced_reseeds : int
        How many of the current run's re-seedings the window has announced.
    """

    dataset: Dataset | None = None
    description: str = ""
    projection: Projection | None = None
    view_indices: NDArray[np.intp] | None = None
    model: LoadedModel | None = None
    hand_params: MixtureParams | None = None
    config: FitConfig | None = None
    state: RunState = RunState.IDLE
    run_id: int = 0
    latest: FitProgress | None = None
    shown: FitProgress | None = None
    start_snapshots: dict[int, FitProgress] = field(default_factory=dict)
    announced_reseeds: int = 0

    # --- data -----------------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset, description: str = "") -> None:
        """Fit ``dataset`` (called ``description``) from now on: new view rows, no snapshot, no hand-placed
        components.

        A loaded model is kept only if it has as many features as the data.
        """
        self.dataset = dataset
        self.description = description
        self.view_indices = view_indices(dataset.n_samples)
        if self.model is not None and self.model.params.n_features != dataset.n_features:
            self.model = None
        self.hand_params = None
        self.latest = self.shown = None

    def clear_dataset(self) -> None:
        """No data at all (every painted point was removed)."""
        self.dataset = None
        self.latest = self.shown = None

    def view_rows(self) -> NDArray[np.intp] | None:
        """Rows of the data that responsibilities come for, or None for all of them."""
        if self.dataset is None or self.view_indices is None or len(self.view_indices) == self.dataset.n_samples:
            return None
        return self.view_indices

    def choose_projection(self, kind: str, first: int, second: int) -> Projection | None:
        """Show the data on the first two principal components (``kind == "pca"``) or on features ``first`` and
        ``second`` (for more than two features; 2-D data is always shown as it is, 1-D data has no plane)."""
        dataset = self.dataset
        if dataset is None or dataset.n_features == 1:
            self.projection = None
        elif dataset.n_features > 2 and kind == "pca":
            self.projection = pca_projection(dataset.X)
        elif dataset.n_features > 2:
            self.projection = feature_projection(dataset.feature_names, first, second)
        else:
            self.projection = feature_projection(dataset.feature_names, 0, 1)
        return self.projection

    def feature_names(self) -> tuple[str, ...]:
        return self.dataset.feature_names if self.dataset is not None else DEFAULT_FEATURES

    def painted(self) -> PaintedData:
        """The points and true classes of 2-D data (class 0 where it has none), or no points: what painting edits.

        The data set's own read-only arrays, not copies: a brush or eraser stroke makes new arrays (and a copy of
        a million points would cost the main thread milliseconds at every new data set).
        """
        dataset = self.dataset
        if dataset is None or dataset.n_features != 2:
            return np.empty((0, 2)), np.empty(0, dtype=np.int64)
        labels = dataset.labels if dataset.labels is not None else np.zeros(dataset.n_samples, dtype=np.int64)
        return dataset.X, labels

    # --- models ---------------------------------------------------------------------------------

    def given_params(self) -> MixtureParams | None:
        """What initialisation "given" starts from: components placed by hand, else the loaded model."""
        if self.hand_params is not None:
            return self.hand_params
        return self.model.params if self.model is not None else None

    def hover_params(self) -> MixtureParams | None:
        """The parameters a hovered point's responsibilities follow: those the E-step on screen used (so they
        are the responsibilities the points are coloured by; before the first E-step, the starting ones), or
        those placed by hand since the last snapshot."""
        if self.hand_params is not None and self.latest is None:
            return self.hand_params
        if self.shown is None:
            return None
        snapshot = self.shown.snapshot
        params = snapshot.e_step_params if snapshot.e_step_params is not None else snapshot.params
        return params if isinstance(params, MixtureParams) else None

    def export_progress(self) -> FitProgress | None:
        """The snapshot an export writes: the newest of the run, else the one on screen."""
        return self.latest or self.shown

    # --- runs -----------------------------------------------------------------------------------

    def begin_run(self, run_id: int, config: FitConfig) -> None:
        """A new run ``run_id`` fits with ``config``; snapshots of other runs are ignored from now on."""
        self.run_id = run_id
        self.config = config
        self.latest = None
        self.start_snapshots = {}
        self.announced_reseeds = 0

    def forget_run(self, run_id: int) -> None:
        """No run is current: late snapshots of the old run must not overwrite what is shown now."""
        self.run_id = run_id
        self.latest = None
        self.announced_reseeds = 0

    def receive(self, run_id: int, progress: FitProgress) -> bool:
        """Take a snapshot of run ``run_id``; False (and nothing kept) if that run is not the current one."""
        if run_id != self.run_id:
            return False
        self.latest = progress
        self.start_snapshots[progress.snapshot.start] = progress
        return True

    def new_reseeds(self, progress: FitProgress) -> tuple[ReseedEvent, ...]:
        """The re-seedings ``progress`` (of the current run) carries that were not announced yet; now they are."""
        events = progress.reseeds[self.announced_reseeds:]
        self.announced_reseeds = max(self.announced_reseeds, len(progress.reseeds))
        return events

    def fit_has_ended(self) -> bool:
        return self.latest is not None and self.latest.snapshot.done

    # --- drawing --------------------------------------------------------------------------------

    def frame(self, progress: FitProgress) -> Frame | None:
        """``progress`` ready to draw on the data on screen, or None if it does not fit that data."""
        snapshot = progress.snapshot
        params = snapshot.params
        dataset = self.dataset
        if dataset is None or params.n_features != dataset.n_features:
            return None
        plane: MixtureParams | None = params
        trail = None
        if self.projection is not None:
            try:
                plane = self.projection.mixture(params)
            except FitError:
                plane = None
            previous = self.shown.snapshot if self.shown is not None else None
            if _follows_its_e_step(snapshot, previous):
                old = previous.params
                trail = (self.projection.means(old.means), self.projection.covariances(old.full_covariances()))
        n_init = self.config.n_init if self.config is not None else 1
        return Frame(snapshot, plane, trail, n_init, dataset.n_samples, dataset.n_features == 2, progress.reseeds,
                     self.config)


def view_indices(n_samples: int) -> NDArray[np.intp]:
    """All rows up to ``VIEW_MAX_POINTS``, else a fixed random ``VIEW_MAX_POINTS`` of them, sorted."""
    if n_samples <= VIEW_MAX_POINTS:
        return np.arange(n_samples)
    rng = np.random.default_rng(VIEW_SEED)
    return np.sort(rng.choice(n_samples, VIEW_MAX_POINTS, replace=False))


def _follows_its_e_step(snapshot: EMSnapshot, previous: EMSnapshot | None) -> bool:
    """True for an M-step whose own E-step (same start, iteration and K) is the snapshot on screen."""
    return (snapshot.half_step is HalfStep.M and previous is not None and previous.half_step is HalfStep.E
            and previous.iteration == snapshot.iteration and previous.start == snapshot.start
            and previous.params.n_components == snapshot.params.n_components)
