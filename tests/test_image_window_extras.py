"""The Image window's issue-13 behaviours through its real widgets (pytest-qt, offscreen): segments numbered
from 0, ellipses in the segments' colours on a chosen pair of axes, remembered settings and Restore defaults,
before/after over the same picture, Space and Esc, a size that fits the screen."""

from __future__ import annotations

import numpy as np
import pytest
from factories import band_picture
from PySide6.QtCore import QRect, QSettings, Qt
from pytestqt.qtbot import QtBot

from engine.imaging.render import RenderMode, palette_colours
from gui.image.controller import ImageMode
from gui.image.exports import save_picture
from gui.image.preferences import DEFAULTS
from gui.image.window import PREFERRED_SIZE, ImageView, fit_to_screen


@pytest.fixture
def bands(tmp_path):
    """A 30 x 24 picture of three flat colour bands (columns 0-11, 12-19, 20-23), with a little noise."""
    pixels, _ = band_picture(30, 24, (12, 20))
    path = tmp_path / "bands.png"
    save_picture(path, pixels)
    return path, pixels


@pytest.fixture
def store(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_mode(qtbot, store=None) -> ImageMode:
    mode = ImageMode(store=store)
    qtbot.addWidget(mode.view)
    return mode


def _segment_bands(qtbot, mode: ImageMode, path) -> None:
    """Open the bands picture at ``path`` in ``mode`` and segment it at K = 3."""
    with qtbot.waitSignal(mode.picture_opened, timeout=10000):
        mode.open_path(str(path))
    mode.view.components.setValue(3)
    with qtbot.waitSignal(mode.segmentation_ready, timeout=30000):
        mode.view.run_button.click()


@pytest.fixture
def segmented_alone(qtbot, bands):
    """An Image window of its own with the bands segmented at K = 3, for a test that segments it again."""
    path, pixels = bands
    mode = make_mode(qtbot)
    _segment_bands(qtbot, mode, path)
    yield mode, pixels
    mode.shutdown(5000)


@pytest.fixture(scope="module")
def _segmented_window(qapp, request, tmp_path_factory):
    """The Image window of ``segmented``, with what it showed once segmented: made once per module."""
    qtbot = QtBot(request)
    pixels, _ = band_picture(30, 24, (12, 20))
    path = tmp_path_factory.mktemp("bands") / "bands.png"
    save_picture(path, pixels)
    mode = ImageMode()
    _segment_bands(qtbot, mode, path)
    qtbot.waitUntil(lambda: not mode.running and mode.jobs.running == 0, timeout=10000)  # the fit's job has ended
    shown = (mode.segmentation, mode.view.paint.currentData(), mode.segmented_rgb())
    yield mode, pixels, shown
    mode.view.close()
    mode.shutdown(5000)
    mode.view.deleteLater()


@pytest.fixture
def segmented(_segmented_window):
    """An Image window with the bands segmented at K = 3: one for the module's tests that leave it as they found
    it (each puts back the paint, the axes or the before/after it changed; a segmentation costs a window and a
    fit). Before each test the window is shown to be as it was segmented: the same segmentation, paint, axes and
    picture, the segmented one in full."""
    mode, pixels, (segmentation, paint, segmented_rgb) = _segmented_window
    view = mode.view
    assert mode.segmentation is segmentation and not mode.running
    assert view.paint.currentData() == paint and view.colour_view.axis_choice.currentIndex() == 0
    assert view.compare.slider.value() == 0 and not view.compare.original_button.isChecked()
    assert not view.split_line.isVisible()
    np.testing.assert_array_equal(view.segmented_item.image, segmented_rgb)
    return mode, pixels


def test_legend_numbers_segments_from_zero_as_the_label_map(segmented):
    mode, _ = segmented
    labels = mode.segmentation.labels
    for k in range(3):
        assert mode.view.legend.item(k).text() == f"Segment {k}: {100 * np.mean(labels == k):.1f} %"


@pytest.mark.parametrize("paint", [RenderMode.MEAN, RenderMode.PALETTE])
def test_ellipses_are_drawn_in_the_segment_colours(segmented, paint):
    mode, _ = segmented
    view = mode.view
    painted = view.paint.currentData()
    view.paint.setCurrentIndex(view.paint.findData(paint.value))
    expected = mode.session.colours(paint)
    if paint is RenderMode.PALETTE:
        np.testing.assert_array_equal(expected, palette_colours(3))
    assert view.colour_view.ellipse_colours() == [tuple(int(c) for c in colour) for colour in expected]
    legend = [view.legend.item(k).icon().pixmap(14, 14).toImage().pixelColor(7, 7).getRgb()[:3] for k in range(3)]
    assert legend == view.colour_view.ellipse_colours()
    assert [item.textItem.toPlainText() for item in view.colour_view.number_items] == ["0", "1", "2"]
    view.paint.setCurrentIndex(view.paint.findData(painted))  # the window is shared with the module's other tests


def test_the_axis_choice_changes_the_plotted_data(segmented):
    mode, _ = segmented
    view = mode.view
    assert [view.colour_view.axis_choice.itemText(i) for i in range(3)] == ["r-g", "r-b", "g-b"]
    points, _ = mode.session.scatter()
    params = mode.segmentation.params
    for index, (first, second) in enumerate(((0, 1), (0, 2), (1, 2))):
        view.colour_view.axis_choice.setCurrentIndex(index)
        x, y = view.colour_view.scatter.getData()
        np.testing.assert_allclose(x, points[:, first])
        np.testing.assert_allclose(y, points[:, second])
        for k, item in enumerate(view.colour_view.number_items):
            assert (item.pos().x(), item.pos().y()) == pytest.approx((params.means[k, first], params.means[k, second]))
        outlines, _ = mode.session.segment_ellipses((first, second))
        for item, (expected_x, expected_y) in zip(view.colour_view.ellipse_items, outlines, strict=True):
            curve_x, curve_y = item.getData()
            np.testing.assert_allclose(curve_x, expected_x)
            np.testing.assert_allclose(curve_y, expected_y)
        width = np.nanmax(outlines[0][0]) - np.nanmin(outlines[0][0])  # the 2-sigma ring spans 4 sd on that axis
        assert width == pytest.approx(4 * np.sqrt(params.full_covariances()[0, first, first]), rel=1e-3)
        assert view.colour_plot.getAxis("bottom").labelText == "rgb"[first]
        assert view.colour_plot.getAxis("left").labelText == "rgb"[second]
    view.colour_view.axis_choice.setCurrentIndex(0)  # the window is shared with the module's other tests


def test_lab_features_offer_lab_axes(qtbot, segmented_alone):
    mode, _ = segmented_alone
    mode.view.space.setCurrentIndex(mode.view.space.findData("lab"))
    with qtbot.waitSignal(mode.segmentation_ready, timeout=30000):
        mode.view.run_button.click()
    choice = mode.view.colour_view.axis_choice
    assert [choice.itemText(i) for i in range(3)] == ["L-a", "L-b", "a-b"]
    choice.setCurrentIndex(2)
    x, _ = mode.view.colour_view.scatter.getData()
    np.testing.assert_allclose(x, mode.session.scatter()[0][:, 1])


def test_settings_survive_a_new_window_and_restore_defaults(qtbot, store):
    first = make_mode(qtbot, store)
    view = first.view
    view.components.setValue(7)
    view.space.setCurrentIndex(view.space.findData("lab"))
    view.spatial_weight.setValue(0.5)
    view.paint.setCurrentIndex(view.paint.findData(RenderMode.PALETTE.value))
    view.colour_view.axis_choice.setCurrentIndex(2)
    view.compare.slider.setValue(30)
    view.resize(700, 500)
    view.close()

    again = make_mode(qtbot, store).view
    assert again.components.value() == 7 and again.space.currentData() == "lab"
    assert again.spatial_weight.value() == 0.5 and again.paint.currentData() == RenderMode.PALETTE.value
    assert again.colour_view.axis_choice.currentIndex() == 2 and again.compare.slider.value() == 30
    assert again.size().width() == 700 and again.size().height() == 500

    again.restore_defaults_action.trigger()
    assert again.components.value() == DEFAULTS["components"] and again.space.currentData() == DEFAULTS["space"]
    assert again.spatial_weight.value() == DEFAULTS["spatial_weight"]
    assert again.paint.currentData() == DEFAULTS["paint"]
    assert again.colour_view.axis_choice.currentIndex() == 0 and again.compare.slider.value() == 0
    assert not [key for key in store.allKeys() if key.startswith("image/")]


def test_damaged_settings_leave_the_defaults(qtbot, store):
    for key, value in (("components", "many"), ("space", "cmyk"), ("spatial_weight", "1e999"), ("axes", 9)):
        store.setValue(f"image/{key}", value)
    view = make_mode(qtbot, store).view
    assert view.components.value() == 4 and view.space.currentData() == "rgb"
    assert view.spatial_weight.value() == 0.0 and view.colour_view.axis_choice.currentIndex() == 0


def test_before_after_shows_the_original_then_the_segmented_picture(qtbot, segmented):
    mode, pixels = segmented
    view = mode.view
    segmented_rgb = mode.segmented_rgb()
    np.testing.assert_array_equal(view.segmented_item.image, segmented_rgb)
    assert not np.array_equal(segmented_rgb, pixels)
    qtbot.mouseClick(view.compare.original_button, Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(view.segmented_item.image, pixels)  # the original, in the same place
    qtbot.mouseClick(view.compare.original_button, Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(view.segmented_item.image, segmented_rgb)
    view.compare.slider.setValue(50)  # left half original, right half segmented
    np.testing.assert_array_equal(view.segmented_item.image[:, :12], pixels[:, :12])
    np.testing.assert_array_equal(view.segmented_item.image[:, 12:], segmented_rgb[:, 12:])
    assert view.split_line.isVisible() and view.split_line.value() == 12
    view.compare.slider.setValue(0)  # the window is shared with the module's other tests


def test_space_segments_and_esc_stops_from_any_control(qtbot, bands):
    path, _ = bands
    mode = make_mode(qtbot)
    view = mode.view
    with qtbot.waitSignal(mode.picture_opened, timeout=10000):
        mode.open_path(str(path))
    view.components.setValue(2)
    view.activateWindow()
    view.components.setFocus()
    qtbot.waitUntil(view.components.hasFocus)
    stops = []
    view.stop_requested.connect(lambda: stops.append(True))
    with qtbot.waitSignal(mode.segmentation_ready, timeout=30000):
        qtbot.keyClick(view.components.lineEdit(), Qt.Key.Key_Space)  # typed in the spin box: still Segment
    assert view.components.value() == 2 and mode.segmentation.n_components == 2
    qtbot.keyClick(view.components.lineEdit(), Qt.Key.Key_Escape)
    assert stops == [True]
    view.set_running(True)  # while a fit runs, Space stops it too
    view.stop_button.setFocus()
    qtbot.keyClick(view.stop_button, Qt.Key.Key_Space)
    assert stops == [True, True]
    mode.shutdown(5000)


def test_opens_at_a_size_that_fits_the_screen(qtbot):
    view = ImageView()
    qtbot.addWidget(view)
    available = view.screen().availableGeometry()  # 800 x 800 on the offscreen platform
    assert available.contains(view.frameGeometry())
    assert view.width() <= PREFERRED_SIZE.width() and view.height() <= available.height()
    for width, height in ((1280, 720), (1366, 768), (1024, 600)):
        fit_to_screen(view, QRect(0, 0, width, height))
        assert view.width() <= width and view.height() <= height
        assert view.minimumSizeHint().width() <= width and view.minimumSizeHint().height() <= height
    fit_to_screen(view, QRect(0, 0, 1920, 1080))
    assert (view.width(), view.height()) == (PREFERRED_SIZE.width(), PREFERRED_SIZE.height())
