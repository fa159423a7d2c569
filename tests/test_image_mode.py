"""The Image window (pytest-qt): open a picture, segment it, stop, mask view, exports, errors, drops, threads."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from factories import BAND_COLOURS as COLOURS
from factories import band_picture
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gui.image import exports
from gui.image.codec import load_picture
from gui.image.controller import ImageMode
from gui.image.exports import save_picture
from gui.image.session import MASKED_DARK, MASKED_LIGHT


@pytest.fixture
def regions(tmp_path):
    """A 60 x 40 picture of three flat colour bands (widths 30, 20, 10 pixels), with a little noise."""
    pixels, truth = band_picture(40, 60, (30, 50))
    path = tmp_path / "bands.png"
    save_picture(path, pixels)
    return path, truth


@pytest.fixture
def mode(qtbot):
    image_mode = ImageMode()
    qtbot.addWidget(image_mode.view)
    yield image_mode
    image_mode.shutdown(5000)


@pytest.fixture
def dialogs(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
    return shown


@pytest.fixture(scope="module")
def segmented_regions(qapp, request, tmp_path_factory):
    """The regions picture (as ``regions``) segmented at K = 3 once, for the tests that only read the segmentation
    and export it (each asserts that it stayed): the Image mode, the picture's path and true bands, and the
    dialogs shown while it was opened and segmented."""
    pixels, truth = band_picture(40, 60, (30, 50))
    path = tmp_path_factory.mktemp("regions") / "bands.png"
    save_picture(path, pixels)
    shown = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[1:]))
        qtbot = QtBot(request)
        image_mode = ImageMode()
        _open(qtbot, image_mode, path)
        _segment(qtbot, image_mode)
    yield image_mode, path, truth, shown
    image_mode.view.close()
    image_mode.shutdown(5000)
    image_mode.view.deleteLater()


def _open(qtbot, mode, path):
    with qtbot.waitSignal(mode.picture_opened, timeout=10000):
        mode.open_path(str(path))


def _segment(qtbot, mode, k=3):
    mode.view.components.setValue(k)
    with qtbot.waitSignal(mode.segmentation_ready, timeout=30000):
        mode.view.run_button.click()


def _same_up_to_permutation(labels, truth):
    pairs = set(zip(labels.ravel().tolist(), truth.ravel().tolist(), strict=True))
    return len(pairs) == len(set(truth.ravel().tolist())) == len({a for a, _ in pairs})


def test_segments_the_regions_and_legend_shares(segmented_regions, dialogs):
    mode, path, truth, shown_while_segmenting = segmented_regions
    assert _same_up_to_permutation(mode.current_labels(), truth)
    assert _same_up_to_permutation(mode.segmentation.labels, truth)
    shares = sorted(mode.current_shares())
    assert np.allclose(shares, [10 / 60, 20 / 60, 30 / 60])
    texts = sorted(mode.view.legend.item(i).text() for i in range(mode.view.legend.count()))
    shares_of = [100 * np.mean(mode.segmentation.labels == k) for k in range(3)]
    assert texts == sorted(f"Segment {k}: {share:.1f} %" for k, share in enumerate(shares_of))  # from 0, as everywhere
    assert mode.view.segmented_item.image.shape == (40, 60, 3)
    assert not dialogs and not shown_while_segmenting


def test_mask_view_shows_one_segment(qtbot, mode, regions):
    path, truth = regions
    _open(qtbot, mode, path)
    _segment(qtbot, mode)
    labels = mode.current_labels()
    component = int(labels[0, 55])  # the narrow band
    mode.view.legend.itemClicked.emit(mode.view.legend.item(component))
    shown = mode.view.segmented_item.image
    inside = labels == component
    backdrop = shown[~inside][0, 0]
    assert backdrop in (MASKED_DARK, MASKED_LIGHT)
    assert np.all(shown[~inside] == backdrop)
    assert not np.any(np.all(shown[inside] == backdrop, axis=-1))
    mode.view.pixel_clicked.emit(0, 55)  # the same segment again: every segment
    assert mode.selected is None
    mode.view.pixel_clicked.emit(0, 0)  # a click on the picture selects the segment under it
    assert mode.selected == int(labels[0, 0])


def test_exports_read_back(segmented_regions, tmp_path):
    mode, path, truth, _ = segmented_regions
    segmentation = mode.segmentation
    picture_path = tmp_path / "out" / "seg.png"
    picture_path.parent.mkdir()
    assert mode.export("picture", str(picture_path)) == [str(picture_path)]
    segmented = load_picture(picture_path).pixels.astype(np.int64)
    assert segmented.shape == (40, 60, 3)
    assert _same_up_to_permutation(segmented[..., 0] * 65536 + segmented[..., 1] * 256 + segmented[..., 2], truth)
    model_path = tmp_path / "out" / "model.json"
    assert mode.export("model", str(model_path)) == [str(model_path)]
    model = json.loads(model_path.read_text())
    assert model["image"]["space"] == "rgb"
    written = mode.export("labels", str(tmp_path / "out" / "labels.png"))
    assert np.array_equal(np.load(written[1]), mode.segmentation.labels)
    masks = mode.export("masks", str(tmp_path / "out" / "mask.png"))
    assert len(masks) == 3
    assert mode.segmentation is segmentation  # exports only read it (it is shared)


def test_broken_picture_gives_a_dialog_and_keeps_the_picture(qtbot, mode, regions, tmp_path, dialogs):
    path, _ = regions
    _open(qtbot, mode, path)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with qtbot.waitSignal(mode.open_failed, timeout=10000):
        mode.open_path(str(broken))
    assert len(dialogs) == 1 and "broken.png" in dialogs[0][1]
    assert mode.picture.path == path


def test_dropping_a_png_opens_it(qtbot, mode, regions):
    path, _ = regions
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(mode.picture_opened, timeout=10000):
        mode.view.dropEvent(event)
    assert mode.picture.path == path
    assert mode.view.original_item.image.shape == (40, 60, 3)


def test_main_window_routes_a_dropped_picture_to_image_mode(qtbot, tmp_path, regions, dialogs):
    from PySide6.QtCore import QSettings

    from gui.app import create_window
    from gui.settings import Settings

    path, _ = regions
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window, controller = create_window(settings)
    qtbot.addWidget(window)
    try:
        window.file_dropped.emit(str(path))
        image_mode = controller._image_mode
        qtbot.addWidget(image_mode.view)
        qtbot.waitUntil(lambda: image_mode.picture is not None, timeout=10000)
        assert image_mode.view.isVisible()
        assert image_mode.picture.path == path
    finally:
        controller.shutdown(5000)


def test_soft_blend_preview_is_painted_by_the_worker(qtbot, mode, regions):
    path, _ = regions
    _open(qtbot, mode, path)
    mode.view.paint.setCurrentIndex(mode.view.paint.findData("soft"))
    _segment(qtbot, mode)
    assert mode.preview.soft is not None and mode.preview.soft.shape == (40, 60, 3)
    assert mode.view.segmented_item.image.shape == (40, 60, 3)


def test_lab_features_with_position_reach_the_model(qtbot, mode, regions, tmp_path):
    path, truth = regions
    _open(qtbot, mode, path)
    mode.view.space.setCurrentIndex(mode.view.space.findData("lab"))
    mode.view.spatial_weight.setValue(0.2)
    _segment(qtbot, mode)
    assert mode.segmentation.params.n_features == 5
    assert _same_up_to_permutation(mode.segmentation.labels, truth)
    model_path = tmp_path / "lab.json"
    mode.export("model", str(model_path))
    block = json.loads(model_path.read_text())["image"]
    assert block["space"] == "lab" and block["spatial_weight"] == 0.2


def _endless(mode):
    """Settings under which EM cannot end on its own during a test: no tolerance, a million iterations."""
    mode.session.tol = 0.0
    mode.session.max_iter = 1_000_000


def _run_until_a_preview(qtbot, mode):
    with qtbot.waitSignal(mode.preview_drawn, timeout=30000):
        mode.view.run_button.click()
    assert mode.running and mode.jobs.running == 1


def _stop_an_endless_run(qtbot, mode, regions) -> None:
    """Open the regions picture, start a fit that would run a million iterations, and Stop it once a preview
    is drawn."""
    path, _ = regions
    _open(qtbot, mode, path)
    _endless(mode)
    _run_until_a_preview(qtbot, mode)
    mode.view.stop_button.click()


def test_stop_ends_the_run_at_once_and_no_preview_follows(qtbot, mode, regions):
    """A fit that would run a million iterations: after Stop its thread ends and nothing more is drawn."""
    _stop_an_endless_run(qtbot, mode, regions)
    stopped_at = mode.preview
    drawn_after_stop = []
    mode.preview_drawn.connect(lambda: drawn_after_stop.append(mode.preview))
    mode.segmentation_ready.connect(lambda: drawn_after_stop.append("segmentation"))
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=10000)
    assert not drawn_after_stop and not mode.throttle.has_pending
    assert mode.preview is stopped_at and stopped_at.iteration < mode.session.max_iter
    assert mode.segmentation is None and not mode.running
    assert mode.view.run_button.isEnabled() and not mode.view.stop_button.isEnabled()


def test_after_stop_the_status_says_where_it_stopped(qtbot, mode, regions):
    """The last preview drawn at Stop left its own status ("EM iteration k, ..."), as if EM still ran."""
    _stop_an_endless_run(qtbot, mode, regions)
    expected = f"Stopped at EM iteration {mode.preview.iteration}; the picture shows that iteration's segments."
    assert mode.view.status.text() == expected
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=10000)
    assert mode.view.status.text() == expected


def test_a_broken_picture_opened_during_a_run_leaves_the_run_and_its_busy_bar(qtbot, mode, regions, tmp_path,
                                                                               dialogs):
    """The failed decoding hid the busy bar though the segmentation went on running."""
    path, _ = regions
    _open(qtbot, mode, path)
    _endless(mode)
    _run_until_a_preview(qtbot, mode)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with qtbot.waitSignal(mode.open_failed, timeout=10000):
        mode.open_path(str(broken))
    assert len(dialogs) == 1 and mode.running and mode.view.busy.isVisibleTo(mode.view)
    mode.view.stop_button.click()
    assert not mode.view.busy.isVisibleTo(mode.view)


def test_closing_the_window_mid_segmentation_ends_its_thread(qtbot, mode, regions):
    path, _ = regions
    _open(qtbot, mode, path)
    _endless(mode)
    _run_until_a_preview(qtbot, mode)
    mode.view.close()
    assert not mode.running
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=10000)


def test_rapid_segment_and_stop_clicks_leave_no_thread_behind(qtbot, mode, tmp_path):
    rng = np.random.default_rng(2)
    pixels = np.clip(COLOURS[rng.integers(0, 3, size=(6, 8))].astype(int) + rng.integers(-6, 7, size=(6, 8, 3)),
                     0, 255).astype(np.uint8)
    path = tmp_path / "tiny.png"
    save_picture(path, pixels)
    _open(qtbot, mode, path)
    _endless(mode)
    mode.view.components.setValue(3)
    for _ in range(30):
        mode.view.run_button.click()
        mode.view.stop_button.click()
    assert not mode.running
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=30000)
    assert mode.segmentation is None


def test_switching_to_soft_blend_during_a_run_reaches_the_worker(qtbot, mode, regions):
    path, _ = regions
    _open(qtbot, mode, path)
    _endless(mode)
    _run_until_a_preview(qtbot, mode)
    assert mode.preview.soft is None
    mode.view.paint.setCurrentIndex(mode.view.paint.findData("soft"))
    qtbot.waitUntil(lambda: mode.preview.soft is not None, timeout=10000)
    assert mode.preview.soft.shape == (40, 60, 3)


def test_exported_model_has_the_fit_block_of_the_segment_command(qtbot, mode, regions, tmp_path, monkeypatch, capsys):
    """File > Export model writes what ``segment --seed 0`` writes for the same picture and K."""
    import main

    path, _ = regions
    _open(qtbot, mode, path)
    _segment(qtbot, mode, k=3)
    window_path = tmp_path / "window.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(window_path), ""))
    with qtbot.waitSignal(mode.exported, timeout=10000):
        mode.view.export_actions["model"].trigger()
    command_path = tmp_path / "command.json"
    assert main.main(["segment", str(path), "--k", "3", "--seed", str(mode.session.seed), "--out",
                      str(tmp_path / "command.png"), "--model-out", str(command_path)]) == 0
    capsys.readouterr()
    window, command = json.loads(window_path.read_text()), json.loads(command_path.read_text())
    assert mode.session.seed == 0
    assert set(window["fit"]) == set(command["fit"]) and "history" in window["fit"]
    for key in ("n_samples", "seed", "n_iter", "n_init", "init", "tol", "max_iter", "converged"):
        assert window["fit"][key] == command["fit"][key], key
    assert window["fit"]["n_samples"] == 40 * 60
    assert len(window["weights"]) == len(command["weights"]) == 3
    assert window["fit"]["mean_log_likelihood"] == pytest.approx(command["fit"]["mean_log_likelihood"], rel=1e-9)
    assert window["image"] == command["image"]


def test_a_failing_fit_gives_a_dialog_and_frees_the_buttons(qtbot, mode, tmp_path, dialogs):
    path = tmp_path / "two.png"
    save_picture(path, np.repeat(COLOURS[:2], 8, axis=0).reshape(4, 4, 3))  # two colours only
    _open(qtbot, mode, path)
    mode.view.components.setValue(5)
    mode.view.run_button.click()
    qtbot.waitUntil(lambda: not mode.running, timeout=30000)
    assert len(dialogs) == 1 and dialogs[0][0] == "Segmentation failed" and "distinct colours" in dialogs[0][1]
    assert mode.segmentation is None and mode.view.run_button.isEnabled()
    qtbot.waitUntil(lambda: mode.jobs.running == 0, timeout=10000)


def test_the_file_menu_writes_an_export_in_a_worker_and_says_so(qtbot, segmented_regions, tmp_path, monkeypatch):
    """Encoding a large picture's exports took a second on the main thread (the masks of 24 megapixels):
    the File menu's export runs as a job, with the busy bar, and the status names the files written."""
    mode, _, _, _ = segmented_regions
    segmentation = mode.segmentation
    threads = []
    writing = exports.export_files

    def recording(*args):
        threads.append(threading.current_thread())
        return writing(*args)

    monkeypatch.setattr(exports, "export_files", recording)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "mask.png"), ""))
    with qtbot.waitSignal(mode.exported, timeout=10000) as written:
        mode.view.export_actions["masks"].trigger()
        assert mode.view.busy.isVisibleTo(mode.view)
    assert written.args[0] == [str(tmp_path / f"mask-segment-{k}.png") for k in range(3)]
    assert all((tmp_path / f"mask-segment-{k}.png").is_file() for k in range(3))
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert not mode.view.busy.isVisibleTo(mode.view) and "mask-segment-0.png" in mode.view.status.text()
    assert mode.segmentation is segmentation  # exports only read it (it is shared)


def test_a_failed_export_from_the_menu_gives_a_dialog_and_frees_the_busy_bar(qtbot, segmented_regions, tmp_path,
                                                                              monkeypatch, dialogs):
    mode, _, _, _ = segmented_regions
    segmentation = mode.segmentation
    (tmp_path / "labels.npy").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "labels.png"), ""))
    mode.view.export_actions["labels"].trigger()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=10000)
    assert dialogs[0][0] == "Cannot export" and "labels.npy: it is a folder" in dialogs[0][1]
    assert not mode.view.busy.isVisibleTo(mode.view) and not (tmp_path / "labels.png").exists()
    assert mode.segmentation is segmentation  # a failed export leaves it (it is shared)
