"""Qt workers of the desktop app."""
