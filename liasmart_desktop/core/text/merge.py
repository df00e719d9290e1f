"""Merge fields: ``{column}`` templates filled per recipient, with the cost of every rendered message.

Syntax. ``{name}`` is replaced by the recipient's value of the column ``name``; names may be in any
script (``{姓名}``) and are matched like the importer matches headers (``names.header_key``: case,
spaces, underscores and full-width forms do not matter), an exact match winning over a loose one.
``{{`` and ``}}`` write a literal brace. A ``{`` that is not closed, a lone ``}``, an empty ``{}``, a
name no column matches and a name several columns match are template problems: the template cannot
be rendered until they are fixed. ``{{name}}`` where ``name`` is a column is legal (literal text
``{name}``) but reported as a warning, because it is usually a mistaken field.

Values. A value is stripped of surrounding white space (a stray no-break space at the end of a cell
must not make a message Unicode). A missing or blank value is a problem of that row: the row gets no
text, so the placeholder is never sent. Each rendered text is normalized and analysed like any other
(``analysis.py``), so a value with a Chinese name or an emoji makes that row Unicode, and the
``CampaignSummary`` says which rows went Unicode or need more parts than the template alone.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from liasmart_desktop.core.errors import LiaSmartError
from liasmart_desktop.core.text.analysis import Encoding, EncodingPolicy, TextAnalysis, analyze
from liasmart_desktop.core.text.names import header_key

_TOKEN_PATTERN: Final = re.compile(
    r"(?P<escaped>\{\{|\}\})|\{(?P<field>[^{}]*)\}|(?P<unclosed>\{)|(?P<stray>\})"
)

#: A recipient's values by column name, as the importer reports them (``None`` for an empty cell).
Row = Mapping[str, str | None]


class TemplateIssue(enum.StrEnum):
    """A problem of a template as a whole (as opposed to one recipient's values)."""

    UNCLOSED_BRACE = "unclosed_brace"
    STRAY_CLOSING_BRACE = "stray_closing_brace"
    EMPTY_FIELD_NAME = "empty_field_name"
    UNKNOWN_FIELD = "unknown_field"
    AMBIGUOUS_FIELD = "ambiguous_field"
    #: ``{{name}}`` is literal text although ``name`` is a column; a warning only.
    ESCAPED_FIELD = "escaped_field"

    @property
    def blocks_rendering(self) -> bool:
        """Whether the template cannot be rendered while it has this problem."""
        return self is not TemplateIssue.ESCAPED_FIELD


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """A template problem, where it is (code-point index into the source) and what it is about."""

    code: TemplateIssue
    position: int
    #: The field name as written (stripped), where the problem concerns a field.
    field: str = ""
    #: The columns an ambiguous field matches.
    candidates: tuple[str, ...] = ()


class TemplateError(LiaSmartError):
    """A template with problems was asked to render (check ``MergeTemplate.ok`` first)."""

    def __init__(self, problems: Sequence[TemplateProblem]) -> None:
        super().__init__(", ".join(f"{p.code.value}@{p.position}" for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class FieldRef:
    """One ``{field}`` occurrence: the name as written, the column it stands for, where it is."""

    name: str
    #: The matching column ("" when the field is unknown or ambiguous).
    column: str
    position: int


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    """One recipient's message, or why there is none."""

    #: ``None`` when a value is missing: the row is reported, never sent.
    analysis: TextAnalysis | None
    #: The columns whose value is missing or blank for this recipient.
    empty_fields: tuple[str, ...] = ()

    @property
    def sendable(self) -> bool:
        """Whether the message exists and no text problem blocks it."""
        return self.analysis is not None and not self.analysis.blocks_sending


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    """The cost of a campaign before it is sent. Row references are 0-based positions in the input."""

    #: The template's literal text alone (every field empty), for comparison.
    template: TextAnalysis
    rows: int
    #: Rows with a text and no blocking problem; only these count towards ``total_segments``.
    sendable: int
    total_segments: int
    #: Rows whose values made the message Unicode although the template alone is ``T``.
    unicode_rows: tuple[int, ...]
    #: Rows that need more parts than the template alone (at least one part).
    spilled_rows: tuple[int, ...]
    empty_value_rows: tuple[int, ...]
    #: Rows with a text that must not be sent (a control character in a value, a blank result).
    blocked_rows: tuple[int, ...]
    #: (segments, number of sendable rows) in ascending order of segments.
    segment_histogram: tuple[tuple[int, int], ...]
    #: The distinct characters that made the ``unicode_rows`` Unicode, in order of first appearance.
    value_unicode_characters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CampaignRender:
    """Every recipient's message, in input order, and the summary.

    Kept as one analysis per row (``None`` where a value is missing) rather than one wrapper object
    per row: a campaign has up to hundreds of thousands of rows (``message`` builds the wrapper).
    """

    analyses: tuple[TextAnalysis | None, ...]
    #: Row position → the columns whose value is missing or blank (only rows that have such).
    empty_fields: Mapping[int, tuple[str, ...]]
    summary: CampaignSummary

    def message(self, index: int) -> RenderedMessage:
        """Row ``index``'s message, or the fields it lacks."""
        return RenderedMessage(self.analyses[index], self.empty_fields.get(index, ()))


@dataclass(frozen=True, slots=True)
class MergeTemplate:
    """A parsed template bound to the columns of a recipient list; build it with ``compile_template``."""

    source: str
    policy: EncodingPolicy
    fields: tuple[FieldRef, ...]
    problems: tuple[TemplateProblem, ...]
    #: The analysis of the literal text alone (every field empty).
    literal: TextAnalysis
    #: The distinct columns the template uses, in order of first use.
    used_columns: tuple[str, ...]
    #: The template as a ``str.format`` string with positional fields over ``used_columns``.
    format_string: str

    @property
    def ok(self) -> bool:
        """Whether the template can be rendered (no blocking problem)."""
        return not any(problem.code.blocks_rendering for problem in self.problems)

    def _check(self) -> None:
        if not self.ok:
            raise TemplateError([p for p in self.problems if p.code.blocks_rendering])

    def _values(self, row: Row) -> list[str]:
        """The row's values for ``used_columns``, stripped; "" where a value is missing or blank."""
        return [(row.get(column) or "").strip() for column in self.used_columns]

    def _empty_fields(self, values: list[str]) -> tuple[str, ...]:
        return tuple(column for column, value in zip(self.used_columns, values, strict=True) if not value)

    def render(self, row: Row) -> RenderedMessage:
        """One recipient's message; raises ``TemplateError`` when the template has problems."""
        self._check()
        values = self._values(row)
        if "" in values:
            return RenderedMessage(None, self._empty_fields(values))
        return RenderedMessage(analyze(self.format_string.format(*values), self.policy))

    def render_all(self, rows: Iterable[Row]) -> CampaignRender:
        """Every recipient's message and the campaign summary; raises ``TemplateError`` like ``render``."""
        self._check()
        template_is_gsm = self.literal.encoding is Encoding.GSM7
        baseline = max(self.literal.segments, 1)
        analyses: list[TextAnalysis | None] = []
        empty_fields: dict[int, tuple[str, ...]] = {}
        histogram: Counter[int] = Counter()
        unicode_rows: list[int] = []
        spilled_rows: list[int] = []
        blocked_rows: list[int] = []
        unicode_characters: dict[str, None] = {}
        values_of, fill, policy = self._values, self.format_string.format, self.policy
        for index, row in enumerate(rows):
            values = values_of(row)
            if "" in values:
                analyses.append(None)
                empty_fields[index] = self._empty_fields(values)
                continue
            analysis = analyze(fill(*values), policy)
            analyses.append(analysis)
            if analysis.problems and analysis.blocks_sending:
                blocked_rows.append(index)
                continue
            histogram[analysis.segments] += 1
            if template_is_gsm and analysis.encoding is Encoding.UCS2:
                unicode_rows.append(index)
                unicode_characters.update(dict.fromkeys(analysis.unicode_characters))
            if analysis.segments > baseline:
                spilled_rows.append(index)
        summary = CampaignSummary(
            template=self.literal,
            rows=len(analyses),
            sendable=histogram.total(),
            total_segments=sum(segments * count for segments, count in histogram.items()),
            unicode_rows=tuple(unicode_rows),
            spilled_rows=tuple(spilled_rows),
            empty_value_rows=tuple(empty_fields),
            blocked_rows=tuple(blocked_rows),
            segment_histogram=tuple(sorted(histogram.items())),
            value_unicode_characters=tuple(unicode_characters),
        )
        return CampaignRender(tuple(analyses), MappingProxyType(empty_fields), summary)


class _Columns:
    """Resolves field names to columns: an exact name first, then one column with the same key."""

    def __init__(self, columns: Iterable[str]) -> None:
        self._exact = set(columns)
        self._by_key: dict[str, list[str]] = {}
        for column in dict.fromkeys(columns):
            key = header_key(column)
            if key:
                self._by_key.setdefault(key, []).append(column)

    def resolve(self, name: str) -> tuple[str, ...]:
        """The columns ``name`` may mean: one when it is clear, none or several otherwise."""
        if name in self._exact:
            return (name,)
        return tuple(self._by_key.get(header_key(name), ()))


def _field_problem(name: str, matches: tuple[str, ...], position: int) -> TemplateProblem | None:
    if not name:
        return TemplateProblem(TemplateIssue.EMPTY_FIELD_NAME, position)
    if not matches:
        return TemplateProblem(TemplateIssue.UNKNOWN_FIELD, position, name)
    if len(matches) > 1:
        return TemplateProblem(TemplateIssue.AMBIGUOUS_FIELD, position, name, matches)
    return None


def compile_template(
    source: str, columns: Iterable[str], policy: EncodingPolicy = EncodingPolicy.AUTO
) -> MergeTemplate:
    """Parse ``source`` and bind its fields to ``columns`` (the recipient list's column names)."""
    known = _Columns(list(columns))
    fields: list[FieldRef] = []
    problems: list[TemplateProblem] = []
    used: dict[str, int] = {}
    format_parts: list[str] = []
    literal_parts: list[str] = []
    cursor = 0
    escape_opened_at = -1  # where the previous token was "{{", to spot "{{name}}"
    for match in _TOKEN_PATTERN.finditer(source):
        text_before = source[cursor : match.start()]
        format_parts.append(text_before)
        literal_parts.append(text_before)
        cursor = match.end()
        kind, opened_at, escape_opened_at = match.lastgroup, escape_opened_at, -1
        if kind == "escaped":
            brace = match.group()
            format_parts.append(brace)
            literal_parts.append(brace[0])
            if brace == "{{":
                escape_opened_at = match.start()
            elif opened_at >= 0 and len(known.resolve(text_before.strip())) == 1:
                problems.append(TemplateProblem(TemplateIssue.ESCAPED_FIELD, opened_at, text_before.strip()))
        elif kind == "unclosed":
            problems.append(TemplateProblem(TemplateIssue.UNCLOSED_BRACE, match.start()))
        elif kind == "stray":
            problems.append(TemplateProblem(TemplateIssue.STRAY_CLOSING_BRACE, match.start()))
        else:
            name = match.group("field").strip()
            matches = known.resolve(name) if name else ()
            problem = _field_problem(name, matches, match.start())
            if problem is not None:
                problems.append(problem)
                fields.append(FieldRef(name, "", match.start()))
                continue
            column = matches[0]
            fields.append(FieldRef(name, column, match.start()))
            format_parts.append("{" + str(used.setdefault(column, len(used))) + "}")
    format_parts.append(source[cursor:])
    literal_parts.append(source[cursor:])
    return MergeTemplate(
        source=source,
        policy=policy,
        fields=tuple(fields),
        problems=tuple(problems),
        literal=analyze("".join(literal_parts), policy),
        used_columns=tuple(used),
        format_string="".join(format_parts),
    )
