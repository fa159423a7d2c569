"""Shared pytest set-up for GMM Explorer.

Qt must run without a screen in the tests (CI has none), so the offscreen platform is chosen here, at
import time, before pytest-qt or any test module imports PySide6. An explicit QT_QPA_PLATFORM in the
environment (say ``xcb`` to watch a test under a real display) still wins.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
