"""Phone numbers as people read them (+86 139 1234 5678), and a search text that matches them however typed.

The journal and every export keep the digits (country code + number); only the window groups them.
"""

from __future__ import annotations

import functools
import re

import phonenumbers

#: What a typed search may hold to be taken as (part of) a phone number: digits and the usual separators.
_PHONE_LIKE = re.compile(r"[\d\s+\-().]*\d[\d\s+\-().]*")
_NOT_DIGIT = re.compile(r"\D")


@functools.lru_cache(maxsize=8192)
def readable_phone(digits: str) -> str:
    """``8613912345678`` → ``+86 139 1234 5678`` (``+`` and the digits when the number is not known)."""
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return "+" + digits
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_digits(search: str) -> str:
    """The digits of a search that looks like a phone number (``+86 137`` → ``86137``), else ""."""
    text = search.strip()
    return _NOT_DIGIT.sub("", text) if _PHONE_LIKE.fullmatch(text) else ""
