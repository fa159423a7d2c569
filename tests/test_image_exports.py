"""The Image window's exports (``gui.image.exports``) leave every existing file as it was when one fails."""

from __future__ import annotations

import numpy as np
import pytest

from engine.errors import InputError
from gui.image.exports import save_label_maps, save_masks, save_picture


@pytest.fixture
def labels():
    return np.array([[0, 1], [1, 2]], dtype=np.uint8)


def test_a_label_map_whose_npy_name_is_a_folder_leaves_the_png_as_it_was(tmp_path, labels):
    """The PNG was renamed into place before the .npy's rename failed: the existing PNG was replaced though
    the dialog said it was unchanged."""
    png = tmp_path / "labels.png"
    png.write_bytes(b"an earlier label map")
    (tmp_path / "labels.npy").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        save_label_maps(png, labels)
    assert png.read_bytes() == b"an earlier label map"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["labels.npy", "labels.png"]  # no temporary left


def test_masks_with_one_name_taken_by_a_folder_write_none(tmp_path, labels):
    first = tmp_path / "mask-segment-0.png"
    first.write_bytes(b"an earlier mask")
    (tmp_path / "mask-segment-2.png").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        save_masks(tmp_path / "mask.png", labels, 3)
    assert first.read_bytes() == b"an earlier mask"
    assert not (tmp_path / "mask-segment-1.png").exists()


@pytest.mark.parametrize("save", [lambda path, labels: save_picture(path, np.zeros((2, 2, 3), np.uint8)),
                                  lambda path, labels: save_label_maps(path, labels)],
                         ids=["picture", "labels"])
def test_a_folder_named_as_the_export_is_refused_in_one_sentence(tmp_path, labels, save):
    folder = tmp_path / "out.png"
    folder.mkdir()
    with pytest.raises(InputError, match=r"^cannot export to .*out\.png: it is a folder; give a file name\.$"):
        save(folder, labels)
    assert folder.is_dir() and not any(folder.iterdir())

