"""A LiaSmart-compatible HTTP server on 127.0.0.1 for practice, tests and benchmarks.

``SandboxServer`` runs it on a daemon thread (tests, the GUI's sandbox mode); ``serve_forever``
runs it in the calling thread (``liasmart sandbox``). ``SandboxConfig`` says how it behaves,
``FaultKind`` names what can go wrong, and the ledger records every request without the password.
"""

from liasmart_desktop.sandbox.config import SandboxConfig
from liasmart_desktop.sandbox.faults import FaultKind
from liasmart_desktop.sandbox.ledger import LedgerEntry, SandboxStats
from liasmart_desktop.sandbox.server import SandboxServer, serve_forever

__all__ = ["FaultKind", "LedgerEntry", "SandboxConfig", "SandboxServer", "SandboxStats", "serve_forever"]
