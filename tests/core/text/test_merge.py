"""Merge fields: syntax, column matching, empty values per row, per-recipient cost and the summary."""

from __future__ import annotations

import pytest

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.text import (
    Encoding,
    EncodingPolicy,
    FieldRef,
    RenderedMessage,
    TemplateError,
    TemplateIssue,
    TemplateProblem,
    TextIssue,
    compile_template,
)


def render_text(source: str, row: dict[str, str | None]) -> str:
    message = compile_template(source, list(row)).render(row)
    assert message.analysis is not None
    return message.analysis.text


class TestSyntax:
    def test_fields_are_filled(self) -> None:
        assert render_text("Hi {name}, code {code}.", {"name": "Bob", "code": "42"}) == "Hi Bob, code 42."

    def test_field_names_in_any_language(self) -> None:
        text = render_text("{姓名}您好，验证码{验证码}", {"姓名": "王小明", "验证码": "1234"})
        assert text == "王小明您好，验证码1234"

    def test_doubled_braces_write_literal_braces(self) -> None:
        assert render_text("{{literal}} {name} }}{{", {"name": "Bob"}) == "{literal} Bob }{"
        assert render_text("{{{name}}}", {"name": "Bob"}) == "{Bob}"

    def test_the_same_field_twice(self) -> None:
        template = compile_template("{a}-{b}-{a}", ["a", "b"])
        assert template.used_columns == ("a", "b")
        assert template.format_string == "{0}-{1}-{0}"
        assert [f.column for f in template.fields] == ["a", "b", "a"]

    def test_spaces_inside_the_braces_are_ignored(self) -> None:
        assert render_text("Hi { name }!", {"name": "Bob"}) == "Hi Bob!"

    def test_a_value_that_looks_like_a_field_is_not_filled_again(self) -> None:
        assert render_text("Hi {name}", {"name": "{code}", "code": "x"}) == "Hi {code}"

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("Hi {name", [TemplateProblem(TemplateIssue.UNCLOSED_BRACE, 3)]),
            ("Hi name}", [TemplateProblem(TemplateIssue.STRAY_CLOSING_BRACE, 7)]),
            ("Hi {}", [TemplateProblem(TemplateIssue.EMPTY_FIELD_NAME, 3)]),
            ("Hi { }", [TemplateProblem(TemplateIssue.EMPTY_FIELD_NAME, 3)]),
            ("Hi {nmae}", [TemplateProblem(TemplateIssue.UNKNOWN_FIELD, 3, "nmae")]),
            (
                "{a{name}",
                [TemplateProblem(TemplateIssue.UNCLOSED_BRACE, 0)],
            ),
            (
                "{x} and } and {",
                [
                    TemplateProblem(TemplateIssue.UNKNOWN_FIELD, 0, "x"),
                    TemplateProblem(TemplateIssue.STRAY_CLOSING_BRACE, 8),
                    TemplateProblem(TemplateIssue.UNCLOSED_BRACE, 14),
                ],
            ),
        ],
    )
    def test_template_problems(self, source: str, expected: list[TemplateProblem]) -> None:
        template = compile_template(source, ["name"])
        assert list(template.problems) == expected
        assert not template.ok

    def test_a_template_with_problems_refuses_to_render(self) -> None:
        template = compile_template("Hi {nmae}, {name}", ["name"])
        with pytest.raises(TemplateError) as caught:
            template.render({"name": "Bob"})
        assert caught.value.problems == (TemplateProblem(TemplateIssue.UNKNOWN_FIELD, 3, "nmae"),)
        assert isinstance(caught.value, LiaSmartError)
        assert "unknown_field@3" in str(caught.value)
        with pytest.raises(TemplateError):
            template.render_all([{"name": "Bob"}])

    def test_escaped_field_name_is_a_warning_only(self) -> None:
        template = compile_template("Use {{name}} or {{other}}", ["name"])
        assert template.problems == (TemplateProblem(TemplateIssue.ESCAPED_FIELD, 4, "name"),)
        assert template.ok
        assert not TemplateIssue.ESCAPED_FIELD.blocks_rendering
        message = template.render({"name": "Bob"})
        assert message.analysis is not None
        assert message.analysis.text == "Use {name} or {other}"

    def test_unknown_fields_are_listed_with_their_names(self) -> None:
        template = compile_template("{a} {b}", [])
        assert [p.field for p in template.problems] == ["a", "b"]
        assert template.fields == (FieldRef("a", "", 0), FieldRef("b", "", 4))

    def test_a_template_without_fields(self) -> None:
        template = compile_template("Hello", [])
        assert template.ok
        assert template.used_columns == ()
        message = template.render({})
        assert message.analysis is not None
        assert message.analysis.text == "Hello"


class TestColumnMatching:
    @pytest.mark.parametrize(
        "field", ["phone number", "PHONE_NUMBER", "PhoneNumber", "ｐｈｏｎｅ ｎｕｍｂｅｒ"]
    )
    def test_like_the_importer(self, field: str) -> None:
        template = compile_template(f"Call {{{field}}}", ["Phone_Number "])
        assert template.ok
        assert template.fields[0].column == "Phone_Number "

    def test_an_exact_name_wins_over_a_loose_match(self) -> None:
        template = compile_template("{Name}", ["name", "Name"])
        assert template.ok
        assert template.used_columns == ("Name",)

    def test_several_loose_matches_are_ambiguous(self) -> None:
        template = compile_template("{NAME}", ["name", "Name"])
        assert template.problems == (
            TemplateProblem(TemplateIssue.AMBIGUOUS_FIELD, 0, "NAME", ("name", "Name")),
        )

    def test_a_field_whose_key_is_empty_only_matches_exactly(self) -> None:
        assert compile_template("{_}", ["_"]).ok
        assert not compile_template("{_}", ["__"]).ok


class TestValues:
    @pytest.mark.parametrize("value", [None, "", "   ", "\u00a0"])
    def test_an_empty_value_gives_no_message(self, value: str | None) -> None:
        template = compile_template("Hi {name}, code {code}", ["name", "code"])
        message = template.render({"name": value, "code": "1"})
        assert message == RenderedMessage(None, ("name",))
        assert not message.sendable

    def test_a_missing_column_in_the_row_is_an_empty_value(self) -> None:
        template = compile_template("Hi {name}, code {code}", ["name", "code"])
        assert template.render({}).empty_fields == ("name", "code")

    def test_values_are_stripped_so_a_trailing_no_break_space_does_not_cost_unicode(self) -> None:
        message = compile_template("Hi {name}!", ["name"]).render({"name": " Bob\u00a0"})
        assert message.analysis is not None
        assert message.analysis.text == "Hi Bob!"
        assert message.analysis.encoding is Encoding.GSM7
        assert message.sendable

    def test_line_breaks_in_values_are_normalized(self) -> None:
        assert render_text("{a}", {"a": "one\r\ntwo"}) == "one\ntwo"

    def test_a_decomposed_accent_split_between_template_and_value_is_normalized(self) -> None:
        assert render_text("Caf{e}", {"e": "e\u0301"}) == "Café"

    def test_policy_applies_to_every_message(self) -> None:
        template = compile_template("Hi {name}", ["name"], EncodingPolicy.UCS2)
        message = template.render({"name": "Bob"})
        assert message.analysis is not None
        assert message.analysis.encoding is Encoding.UCS2

    def test_a_control_character_in_a_value_blocks_that_message(self) -> None:
        message = compile_template("Hi {name}", ["name"]).render({"name": "Bob\x00"})
        assert message.analysis is not None
        assert message.analysis.problems[0].code is TextIssue.CONTROL_CHARACTER
        assert not message.sendable


class TestCampaign:
    TEMPLATE = "Dear {name}, your parcel is ready for collection at the counter. " * 2 + "Thanks"

    def test_summary(self) -> None:
        template = compile_template(self.TEMPLATE, ["name"])
        assert (template.literal.encoding, template.literal.segments) == (Encoding.GSM7, 1)
        rows: list[dict[str, str | None]] = [
            {"name": "Bob"},  # 0: one part
            {"name": "Bartholomew-Maximilian"},  # 1: spills into a second part
            {"name": "王小明"},  # 2: goes Unicode (and so needs more parts)
            {"name": ""},  # 3: empty value
            {"name": "Ann\u202e"},  # 4: bidi override blocks it
            {"name": "François"},  # 5: ç forces Unicode
        ]
        rendering = template.render_all(rows)
        summary = rendering.summary
        assert summary.template is template.literal
        assert summary.rows == 6
        assert summary.sendable == 4
        assert summary.unicode_rows == (2, 5)
        assert summary.spilled_rows == (1, 2, 5)
        assert summary.empty_value_rows == (3,)
        assert summary.blocked_rows == (4,)
        assert summary.value_unicode_characters == ("王", "小", "明", "ç")
        # 130 GSM characters; 168 GSM; 130 Unicode; 140 Unicode.
        counted = [a.segments for i in (0, 1, 2, 5) if (a := rendering.analyses[i]) is not None]
        assert counted == [1, 2, 2, 3]
        assert summary.total_segments == 8
        assert summary.segment_histogram == ((1, 1), (2, 2), (3, 1))
        assert rendering.analyses[3] is None
        assert rendering.empty_fields == {3: ("name",)}
        assert rendering.message(3) == RenderedMessage(None, ("name",))
        assert rendering.message(0).sendable

    def test_a_unicode_template_does_not_list_rows_as_gone_unicode(self) -> None:
        template = compile_template("{姓名}您好", ["姓名"])
        summary = template.render_all([{"姓名": "王"}, {"姓名": "Bob"}]).summary
        assert summary.unicode_rows == ()
        assert summary.total_segments == 2

    def test_a_template_of_only_a_field_compares_against_one_part(self) -> None:
        template = compile_template("{message}", ["message"])
        assert template.literal.segments == 0
        assert template.literal.problems[0].code is TextIssue.EMPTY
        summary = template.render_all([{"message": "hi"}, {"message": "a" * 161}]).summary
        assert summary.spilled_rows == (1,)

    def test_no_rows(self) -> None:
        summary = compile_template("Hi", []).render_all([]).summary
        assert (summary.rows, summary.sendable, summary.total_segments) == (0, 0, 0)
        assert summary.segment_histogram == ()
