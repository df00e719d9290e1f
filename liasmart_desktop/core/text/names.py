"""Matching column names as people write them: one key for "Phone_number ", "PHONENUMBER", "ｐｈｏｎｅ"."""

from __future__ import annotations

import unicodedata


def header_key(name: str) -> str:
    """The comparison key of a column name: NFKC, case-folded, without spaces, underscores, invisibles.

    NFKC turns full-width letters and the ideographic space into their ASCII forms, and case folding
    makes "Name", "NAME" and "name" equal (it also folds ß to ss). Every kind of white space,
    underscores and invisible format characters (a BOM at the start of a CSV header, a zero-width
    space) are dropped. Names in any script keep their letters: ``姓名`` stays ``姓名``.

    The importer and the merge fields share this key, so a column found by one is found by the other.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(
        char for char in folded if not (char.isspace() or char == "_" or unicodedata.category(char) == "Cf")
    )
