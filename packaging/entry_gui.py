"""Frozen entry point of the windowed ``liasmart-desktop``."""

import sys

if sys.argv[1:2] == ["--run-sender"]:  # the app's sending process (core/sending/isolation.py)
    from liasmart_desktop.core.sending.isolation import main as run_sender

    run_sender()

from liasmart_desktop.ui.app import main

sys.exit(main())
