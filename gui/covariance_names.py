"""The name of each covariance type as the window shows it, in the user's language.

``CovarianceType`` values (``full``, ``tied``, ``diag``, ``spherical``) are scikit-learn's and stay in files
and on the command line; the window shows these names instead, translated at display time (the strings are
marked with ``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` extracts them under one context).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine.covariance import CovarianceType

#: Translation context of the names.
CONTEXT = "CovarianceType"

_NAMES: dict[CovarianceType, str] = {
    CovarianceType.FULL: QT_TRANSLATE_NOOP("CovarianceType", "full"),
    CovarianceType.TIED: QT_TRANSLATE_NOOP("CovarianceType", "tied (shared)"),
    CovarianceType.DIAG: QT_TRANSLATE_NOOP("CovarianceType", "diagonal"),
    CovarianceType.SPHERICAL: QT_TRANSLATE_NOOP("CovarianceType", "spherical"),
}


def covariance_type_name(covariance_type: CovarianceType) -> str:
    """The name of ``covariance_type`` shown to the user, in the installed language (English by default)."""
    return QCoreApplication.translate(CONTEXT, _NAMES[covariance_type])


__all__ = ["covariance_type_name"]
