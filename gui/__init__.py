"""The PySide6 window of GMM Explorer: views and controls over the Qt-free ``engine`` package."""
