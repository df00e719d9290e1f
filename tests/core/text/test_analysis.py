"""Encoding, units and segments against the billing facts and the calculators' known pitfalls."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.text import (
    MULTI_PART_SEPTETS,
    MULTI_PART_UCS2_UNITS,
    SINGLE_PART_SEPTETS,
    SINGLE_PART_UCS2_UNITS,
    Encoding,
    EncodingPolicy,
    TextIssue,
    TextProblem,
    analyze,
)

T, U = Encoding.GSM7, Encoding.UCS2

# docs/decisions.md, "Counting parts": the 18 cases on which smsutil, Twilio's calculator and a
# reference implementation agree (encoding, units, segments).
PROBE_CASES = [
    ("a" * 160, T, 160, 1),
    ("a" * 161, T, 161, 2),
    ("a" * 306, T, 306, 2),
    ("a" * 307, T, 307, 3),
    ("Price: 10€ [promo]", T, 21, 1),
    ("a" * 158 + "€", T, 160, 1),
    ("a" * 159 + "€", T, 161, 2),
    ("a" * 152 + "€" + "a" * 152, T, 306, 3),
    ("您好，您的验证码是123456，请勿泄露。", U, 21, 1),
    ("中" * 70, U, 70, 1),
    ("中" * 71, U, 71, 2),
    ("Hello 😀", U, 8, 1),
    ("a" * 68 + "😀", U, 70, 1),
    ("a" * 69 + "😀", U, 71, 2),
    ("a" * 66 + "😀" + "a" * 66, U, 134, 3),
    ("It’s “great” – thanks", U, 21, 1),
    ("Ça va? ça va.", U, 13, 1),
    ("Müller señor è à ù", T, 18, 1),
]


@pytest.mark.parametrize(("text", "encoding", "units", "segments"), PROBE_CASES)
def test_ecosystem_probe_table(text: str, encoding: Encoding, units: int, segments: int) -> None:
    analysis = analyze(text)
    assert (analysis.encoding, analysis.units, analysis.segments) == (encoding, units, segments)


@pytest.mark.parametrize(
    ("text", "encoding", "characters", "units", "segments", "per_segment", "remaining"),
    [
        pytest.param("a" * 160, T, 160, 160, 1, 160, 0, id="160 GSM characters: one part"),
        pytest.param("a" * 161, T, 161, 161, 2, 153, 145, id="161 GSM characters: two parts"),
        pytest.param("中" * 70, U, 70, 70, 1, 70, 0, id="70 Chinese characters: one part"),
        pytest.param("中" * 71, U, 71, 71, 2, 67, 63, id="71 Chinese characters: two parts"),
        pytest.param("]" * 80, T, 80, 160, 1, 160, 0, id="80 ] fill one part"),
        pytest.param("]" * 153, T, 153, 306, 3, 153, 151, id="153 ] are three parts, not two"),
        pytest.param("]" * 154, T, 154, 308, 3, 153, 149, id="154 ]"),
        pytest.param("a" * 152 + "€" + "a" * 7, T, 160, 161, 2, 153, 144, id="escape pair pushed to part 2"),
        pytest.param("a" * 66 + "😀", U, 67, 68, 1, 70, 2, id="emoji fits a single part"),
        pytest.param("a" * 66 + "😀" + "a" * 4, U, 71, 72, 2, 67, 61, id="surrogate pair pushed"),
        pytest.param("中€", U, 2, 2, 1, 70, 68, id="euro counts one in Unicode"),
        pytest.param("é£Ä", T, 3, 3, 1, 160, 157, id="é £ Ä stay GSM"),
        pytest.param("It’s", U, 4, 4, 1, 70, 66, id="one curly quote forces Unicode"),
        pytest.param("a" * 400 + "€", T, 401, 402, 3, 153, 57, id="escape far past two boundaries"),
        pytest.param("\f", T, 1, 2, 1, 160, 158, id="form feed is an extension character"),
    ],
)
def test_counts(
    text: str,
    encoding: Encoding,
    characters: int,
    units: int,
    segments: int,
    per_segment: int,
    remaining: int,
) -> None:
    analysis = analyze(text)
    assert analysis.encoding is encoding
    assert analysis.characters == characters
    assert analysis.units == units
    assert analysis.segments == segments
    assert analysis.per_segment == per_segment
    assert analysis.remaining == remaining


def test_limits_are_the_standard_ones() -> None:
    assert (SINGLE_PART_SEPTETS, MULTI_PART_SEPTETS) == (160, 153)
    assert (SINGLE_PART_UCS2_UNITS, MULTI_PART_UCS2_UNITS) == (70, 67)
    assert (T.single_part_units, T.multi_part_units, U.single_part_units, U.multi_part_units) == (
        160,
        153,
        70,
        67,
    )


def test_encoding_values_are_the_liasmart_parameter() -> None:
    assert (T.value, U.value) == ("T", "U")
    assert [policy.value for policy in EncodingPolicy] == ["auto", "T", "U"]


def test_empty_text_is_zero_segments_and_blocks_sending() -> None:
    analysis = analyze("")
    assert (analysis.characters, analysis.units, analysis.segments) == (0, 0, 0)
    assert (analysis.encoding, analysis.per_segment, analysis.remaining) == (T, 160, 160)
    assert analysis.unicode_characters == ()
    assert analysis.problems == (TextProblem(TextIssue.EMPTY),)
    assert analysis.blocks_sending
    assert analysis.to_save_part == 0


def test_empty_text_forced_unicode_reports_the_unicode_limits() -> None:
    analysis = analyze("", EncodingPolicy.UCS2)
    assert (analysis.encoding, analysis.per_segment, analysis.remaining) == (U, 70, 70)


def test_padding_counts_the_units_lost_at_part_ends() -> None:
    assert analyze("a" * 152 + "€" + "a" * 152).padding == 1
    assert analyze("]" * 153).padding == 2
    assert analyze("a" * 66 + "😀" + "a" * 66).padding == 1
    assert analyze("a" * 161).padding == 0


def test_unicode_characters_are_distinct_in_order_of_first_appearance() -> None:
    analysis = analyze("“Hi” – it’s “me” 😀 😀")
    assert analysis.unicode_characters == ("“", "”", "–", "’", "😀")


def test_double_unit_characters() -> None:
    assert analyze("[€]").double_unit_characters == 3
    assert analyze("[€]中").double_unit_characters == 0  # in Unicode every one of them is one unit
    assert analyze("😀😀中").double_unit_characters == 2


def test_text_is_what_is_sent_crlf_counts_one() -> None:
    analysis = analyze("Line 1\r\nLine 2\rLine 3")
    assert analysis.text == "Line 1\nLine 2\nLine 3"
    assert analysis.characters == 20
    assert analysis.encoding is T


def test_decomposed_accent_is_counted_composed_and_stays_gsm() -> None:
    analysis = analyze("Cafe\u0301")
    assert analysis.text == "Café"
    assert (analysis.encoding, analysis.characters, analysis.units) == (T, 4, 4)


def test_combining_mark_without_precomposed_form_forces_unicode_and_counts_per_code_point() -> None:
    analysis = analyze("q\u0301")
    assert (analysis.encoding, analysis.characters, analysis.units) == (U, 2, 2)
    assert analysis.unicode_characters == ("\u0301",)


def test_characters_are_code_points_not_graphemes() -> None:
    analysis = analyze("👍🏽")  # thumbs up + skin tone modifier: two code points, four UTF-16 units
    assert (analysis.characters, analysis.units) == (2, 4)


class TestToSavePart:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("a" * 161, 1),
            ("a" * 306, 146),
            ("a" * 310, 4),
            ("]" * 153, 1),
            ("a" * 69 + "😀", 1),
            ("a" * 100 + "’", 1),  # deleting the quote makes it GSM and one part
            ("a" * 60 + "’" + "a" * 20, 11),  # 81 units, 2 parts; 11 fewer leave 70 units
            ("中" * 140, 6),
        ],
    )
    def test_characters_to_delete_from_the_end(self, text: str, expected: int) -> None:
        analysis = analyze(text)
        assert analysis.to_save_part == expected
        fewer = analyze(text[: len(text) - expected])
        assert fewer.segments < analysis.segments
        assert analyze(text[: len(text) - expected + 1]).segments == analysis.segments

    def test_one_part_has_nothing_to_save(self) -> None:
        assert analyze("hello").to_save_part == 0

    def test_keeps_the_forced_encoding(self) -> None:
        analysis = analyze("a" * 71, EncodingPolicy.UCS2)
        assert (analysis.segments, analysis.to_save_part) == (2, 1)


class TestPolicy:
    def test_forced_unicode_counts_utf16_units(self) -> None:
        analysis = analyze("Hello [€]", EncodingPolicy.UCS2)
        assert (analysis.encoding, analysis.units, analysis.segments, analysis.per_segment) == (U, 9, 1, 70)
        assert analysis.unicode_characters == ()
        assert analysis.problems == ()
        assert analysis.policy is EncodingPolicy.UCS2

    def test_forced_gsm_reports_the_characters_that_would_be_lost(self) -> None:
        analysis = analyze("It’s 😀 [ok]", EncodingPolicy.GSM7)
        assert analysis.encoding is T
        assert analysis.units == 13  # every lost character assumed to become one septet
        lost = TextProblem(TextIssue.NOT_IN_GSM_ALPHABET, ("’", "😀"))
        assert analysis.problems == (lost,)
        assert not analysis.blocks_sending

    def test_forced_gsm_on_gsm_text_is_the_same_as_auto(self) -> None:
        forced = analyze("Price: 10€", EncodingPolicy.GSM7)
        auto = analyze("Price: 10€")
        assert (forced.encoding, forced.units, forced.segments, forced.problems) == (
            auto.encoding,
            auto.units,
            auto.segments,
            auto.problems,
        )

    def test_auto_chooses_gsm_for_gsm_text(self) -> None:
        assert analyze("hello").policy is EncodingPolicy.AUTO
        assert analyze("hello").encoding is T


class TestProblems:
    @pytest.mark.parametrize(
        ("text", "expected", "blocks"),
        [
            ("   ", (TextProblem(TextIssue.BLANK),), True),
            ("\n\n", (TextProblem(TextIssue.BLANK),), True),
            ("\u3000", (TextProblem(TextIssue.BLANK),), True),
            (
                " \u200b ",
                (TextProblem(TextIssue.BLANK), TextProblem(TextIssue.INVISIBLE_CHARACTER, ("\u200b",))),
                True,
            ),
            (
                "\u200b\u202e",
                (
                    TextProblem(TextIssue.BLANK),
                    TextProblem(TextIssue.INVISIBLE_CHARACTER, ("\u200b",)),
                    TextProblem(TextIssue.BIDI_CONTROL, ("\u202e",)),
                ),
                True,
            ),
            ("\u200bhi", (TextProblem(TextIssue.INVISIBLE_CHARACTER, ("\u200b",)),), False),
            ("hi\u00ad\u200e", (TextProblem(TextIssue.INVISIBLE_CHARACTER, ("\u00ad", "\u200e")),), False),
            ("a\x00b\x07", (TextProblem(TextIssue.CONTROL_CHARACTER, ("\x00", "\x07")),), True),
            ("a\x85", (TextProblem(TextIssue.CONTROL_CHARACTER, ("\x85",)),), True),
            ("pay \u202eusd", (TextProblem(TextIssue.BIDI_CONTROL, ("\u202e",)),), True),
            ("a\u2066b\u2069", (TextProblem(TextIssue.BIDI_CONTROL, ("\u2066", "\u2069")),), True),
            ("a\ud800", (TextProblem(TextIssue.LONE_SURROGATE, ("\ud800",)),), True),
            ("a\tb", (), False),
            ("a\fb", (), False),
            ("中文 hi", (), False),
            ("👨\u200d👩\u200d👧", (), False),  # ZWJ sequences are not reported
        ],
    )
    def test_problem_codes(self, text: str, expected: tuple[TextProblem, ...], blocks: bool) -> None:
        analysis = analyze(text)
        assert analysis.problems == expected
        assert analysis.blocks_sending is blocks

    def test_lone_surrogate_is_counted_without_crashing(self) -> None:
        analysis = analyze("a\udc80")
        assert (analysis.encoding, analysis.units, analysis.segments) == (U, 2, 1)

    def test_only_blocking_codes_block(self) -> None:
        blocking = {issue for issue in TextIssue if issue.blocks_sending}
        assert blocking == {
            TextIssue.EMPTY,
            TextIssue.BLANK,
            TextIssue.CONTROL_CHARACTER,
            TextIssue.LONE_SURROGATE,
            TextIssue.BIDI_CONTROL,
        }


def test_analysis_is_frozen() -> None:
    analysis = analyze("hello")
    with pytest.raises(AttributeError):
        analysis.segments = 2  # type: ignore[misc]
