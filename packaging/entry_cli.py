"""Frozen entry point of the console ``liasmart``."""

import sys

from liasmart_desktop.cli.main import main

sys.exit(main())
