"""gui/main."""
