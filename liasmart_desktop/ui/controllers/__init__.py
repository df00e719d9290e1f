"""Qt controllers of the desktop app."""
