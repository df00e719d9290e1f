"""Cells of an .xlsx worksheet whose formula has no value in the file, or whose value is an error.

python-calamine returns both as empty cells, so a phone column filled by a formula that was never
calculated (the file was written by a program that does not calculate, such as a script) or that
gives ``#N/A`` would read as "missing". The worksheet XML tells them apart: ``<c r="B2"><f>…</f></c>``
(or an empty ``<v/>``) has no value, ``<c r="B2" t="e"><v>#N/A</v></c>`` is an error. The scan runs
on the chunks the archive checks already unpack, and only looks closely at chunks holding a formula
or an error, so an ordinary list costs one substring search per chunk.

Cells written the canonical way (``<c r="A1" …>``, what Excel and the common libraries write) are
recognised; other spellings stay "missing", as before.
"""

from __future__ import annotations

import re
from typing import Final

from liasmart_desktop.core.importing.sheet_data import column_index

#: A cell body longer than this (an enormous inline string) is not followed further.
MAX_CARRY_BYTES: Final = 1 << 20
_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"([^>]*)(?<!/)>(.*?)</c>', re.DOTALL)
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_MARKERS = (b"<f", b't="e"')


class XlsxFormulaCells:
    """Fed a worksheet part chunk by chunk; ``found`` maps (row, 0-based column) to the error text
    ("" for a formula without a value)."""

    def __init__(self) -> None:
        self._carry = b""
        self.found: dict[tuple[int, int], str] = {}

    def feed(self, chunk: bytes) -> None:
        """Take the next chunk; cells cut by its end wait for the next one."""
        data = self._carry + chunk
        cut = data.rfind(b"<c ")
        if cut < 0:
            cut = data.rfind(b"<")  # it may be the start of a cell that the next chunk completes
        if cut < 0:
            cut = len(data)
        self._scan(data[:cut])
        self._carry = data[cut:] if len(data) - cut <= MAX_CARRY_BYTES else b""

    def finish(self) -> dict[tuple[int, int], str]:
        """The cells found, once every chunk was fed."""
        self._scan(self._carry)
        self._carry = b""
        return self.found

    def _scan(self, block: bytes) -> None:
        if not any(marker in block for marker in _MARKERS):
            return
        for letters, digits, attributes, body in _CELL.findall(block):
            value = _VALUE.search(body)
            text = value[1].decode("utf-8", "replace") if value else ""
            if b't="e"' in attributes:
                self.found[(int(digits), column_index(letters.decode()))] = text or "#N/A"
            elif b"<f" in body and not text and b't="str"' not in attributes:
                # A formula with no cached value; a text formula (t="str") may well have calculated "".
                self.found[(int(digits), column_index(letters.decode()))] = ""
