"""A text list is read line by line, a piece at a time: the row limit is hit while streaming (issue 11)."""

from __future__ import annotations

import csv
import io
import random
import tracemalloc

import pytest

from liasmart_desktop.core.importing import ImportFileError, ImportLimits, ImportProblem, text_files
from liasmart_desktop.core.importing.text_files import read_text_table

ENDINGS = ("\n", "\r\n", "\r")


def test_a_list_over_the_row_limit_is_refused_without_a_copy_of_its_text() -> None:
    """A 3.9-million-row CSV reached 630 MB: ``io.StringIO`` copied its text at four bytes a character."""
    data = b"phone,name\n" + b"".join(b"+8613900%06d,Name %d\n" % (i, i) for i in range(300_000))
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as caught:
            read_text_table(data, encoding=None, delimiter=",", limits=ImportLimits(max_rows=1_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code is ImportProblem.TOO_MANY_ROWS
    # The decoded text itself (one byte a character here) and pieces of it; never four times over.
    assert peak < 2 * len(data)


@pytest.mark.parametrize("seed", range(20))
def test_lines_read_in_pieces_are_the_lines_of_the_whole(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    monkeypatch.setattr(text_files, "LINES_CHUNK_CHARS", rng.choice([1, 3, 7, 50]))
    ending = rng.choice([None, *ENDINGS])  # one ending for the file, or a mix
    lines = []
    for n in range(rng.randint(0, 40)):
        cell = rng.choice(["a", '"quoted, with\nnewline"', '"x\r\ny"', "", "长文本"])
        lines.append(f"{n},{cell}" + (ending or rng.choice(ENDINGS)))
    text = "".join(lines) + rng.choice(["", "tail,without ending"])
    assert list(text_files._lines(text)) == list(io.StringIO(text, newline=""))
    expected = list(csv.reader(io.StringIO(text, newline="")))
    assert list(csv.reader(text_files._lines(text))) == expected
