"""gui/views."""
