"""Frozen entry point of the windowed ``liasmart-desktop``."""

import sys

from liasmart_desktop.ui.app import main

sys.exit(main())
