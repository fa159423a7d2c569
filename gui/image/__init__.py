"""gui/image."""
