"""LiaSmart Desktop: send SMS through the LiaSmart HTTP API from a desktop app or the command line."""

__version__ = "0.1.0"
