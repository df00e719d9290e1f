"""Qt models of the desktop app."""
