"""Properties of the counter, checked against a plain character-by-character reference."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from liasmart_desktop.core.text import Encoding, analyze, compile_template, normalize_text
from liasmart_desktop.core.text.gsm import GSM_CHARACTERS, GSM_EXTENSION_CHARACTERS

# Characters that sit on the interesting edges: GSM, extension, accents, curly quotes, Chinese,
# emoji, combining marks, line breaks, invisible and lone surrogates.
EDGE_CHARACTERS = "a]€é£Ä’中😀\u0301\r\n\u200b\ud800 ç\t"
edge_text = st.text(alphabet=st.sampled_from(EDGE_CHARACTERS) | st.characters(), max_size=40)
# A run of plain letters in front pushes the edge characters across part boundaries.
long_text = st.builds(lambda n, tail: "a" * n + tail, st.integers(0, 330), edge_text)
gsm_text = st.builds(
    lambda n, tail: "a" * n + tail,
    st.integers(0, 330),
    st.text(alphabet=st.sampled_from(sorted(GSM_CHARACTERS)), max_size=40),
)


def reference(text: str) -> tuple[Encoding, int, int, int]:
    """Encoding, units, segments and remaining, walking the text one character at a time."""
    if all(char in GSM_CHARACTERS for char in text):
        encoding, single, multi = Encoding.GSM7, 160, 153
        costs = [2 if char in GSM_EXTENSION_CHARACTERS else 1 for char in text]
    else:
        encoding, single, multi = Encoding.UCS2, 70, 67
        costs = [2 if ord(char) > 0xFFFF else 1 for char in text]
    units = sum(costs)
    if not text:
        return encoding, 0, 0, single
    if units <= single:
        return encoding, units, 1, single - units
    parts, used = 1, 0
    for cost in costs:
        if used + cost > multi:
            parts, used = parts + 1, 0
        used += cost
    return encoding, units, parts, multi - used


@given(long_text)
@example("]" * 153)
@example("a" * 66 + "😀" + "a" * 66)
def test_agrees_with_the_reference(text: str) -> None:
    analysis = analyze(text)
    assert (analysis.encoding, analysis.units, analysis.segments, analysis.remaining) == reference(
        normalize_text(text)
    )


@given(long_text.filter(bool))
def test_non_empty_text_has_at_least_one_segment(text: str) -> None:
    assert analyze(text).segments >= 1


@given(long_text, st.sampled_from(EDGE_CHARACTERS) | st.characters())
def test_adding_a_character_never_lowers_the_part_count(text: str, char: str) -> None:
    assert analyze(text + char).segments >= analyze(text).segments


@given(gsm_text)
def test_gsm_text_is_never_reported_as_unicode(text: str) -> None:
    analysis = analyze(text)
    assert analysis.encoding is Encoding.GSM7
    assert analysis.unicode_characters == ()


@given(long_text)
def test_units_and_remaining_are_consistent(text: str) -> None:
    analysis = analyze(text)
    assert analysis.units >= analysis.characters
    assert 0 <= analysis.remaining <= analysis.per_segment
    if analysis.segments > 1:
        capacity = analysis.segments * analysis.per_segment
        assert analysis.units + analysis.padding + analysis.remaining == capacity


@given(long_text)
def test_to_save_part_is_the_least_number_of_deletions_that_saves_a_part(text: str) -> None:
    analysis = analyze(text)
    count = analysis.to_save_part
    if analysis.segments <= 1:
        assert count == 0
        return
    sent = analysis.text
    assert analyze(sent[: len(sent) - count]).segments < analysis.segments
    assert analyze(sent[: len(sent) - count + 1]).segments == analysis.segments


field_names = st.text(
    alphabet=st.characters(blacklist_characters="{}", blacklist_categories=["Cs"]), min_size=1, max_size=8
).filter(lambda name: name.strip() == name and name.strip())
values = st.text(alphabet=st.characters(blacklist_characters="{}"), min_size=1, max_size=20).filter(
    lambda value: value.strip() == value and value.strip()
)
literals = st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=20)


@given(st.lists(st.tuples(literals, field_names, values), min_size=1, max_size=4), literals)
def test_rendering_with_every_field_present_leaves_no_placeholder(
    pieces: list[tuple[str, str, str]], tail: str
) -> None:
    row = {name: value for _, name, value in pieces}
    source = "".join(f"{literal}{{{name}}}" for literal, name, _ in pieces) + tail
    template = compile_template(source, list(row))
    assert template.ok, template.problems
    message = template.render(row)
    assert message.analysis is not None
    expected = "".join(literal + row[name] for literal, name, _ in pieces) + tail
    assert message.analysis.text == normalize_text(expected)
    assert "{" not in message.analysis.text
    assert "}" not in message.analysis.text
