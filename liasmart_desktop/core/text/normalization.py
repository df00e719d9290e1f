"""What a message text becomes before it is counted and sent: LF line breaks and Unicode NFC.

The count must be the count of what is actually sent, so ``analyze`` counts the normalized text and
the send engine sends exactly ``TextAnalysis.text``. Two changes are made, both invisible to a reader:

* Line breaks: CRLF (Windows, pasted text, spreadsheet cells) and a lone CR (old Mac) become LF.
  A CRLF would cost two characters where the reader sees one line break, and providers have billed
  that twice (docs/decisions.md, "What a message text becomes").
* Unicode NFC: ``e`` + U+0301 becomes ``é``, which is in the GSM alphabet, so a decomposed accent
  pasted from macOS or a PDF does not turn the message into Unicode at three times the price. NFC only
  joins canonically equivalent sequences (it also maps a few singletons such as the Ohm sign to Ω and
  CJK compatibility ideographs to their unified form); it never removes an accent or changes a letter.

Nothing else is changed here. Characters that are risky or cost money (control characters, bidi
overrides, zero-width characters, curly quotes) are kept and *reported* (``problems.py``); removing
or replacing them is an explicit choice the caller makes (``lookalikes.py``).
"""

from __future__ import annotations

import unicodedata
from typing import Final

NORMAL_FORM: Final = "NFC"


def normalize_text(text: str) -> str:
    """``text`` with CRLF and CR turned into LF, in Unicode NFC (already-normal text costs two scans)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not unicodedata.is_normalized(NORMAL_FORM, text):
        text = unicodedata.normalize(NORMAL_FORM, text)
    return text
