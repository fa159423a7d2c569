"""Shared pytest set-up for GMM Explorer.

Qt must run without a screen in the tests (CI has none), so the offscreen platform is chosen here, at
import time, before pytest-qt or any test module imports PySide6. An explicit QT_QPA_PLATFORM in the
environment (say ``xcb`` to watch a test under a real display) still wins.
"""

import os

import pytest
from hypothesis import settings
from threadpoolctl import threadpool_limits

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI runs each property test on the same examples every time (a red CI must mean a change broke
# something, not that a new random example turned up); local runs keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def _one_blas_thread():
    """Tests use small arrays, where BLAS threads only cost: on a shared 2-core machine the suite ran
    several times slower with them. (The engine limits BLAS inside its own threads by itself.)"""
    with threadpool_limits(limits=1, user_api="blas"):
        yield
