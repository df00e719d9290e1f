"""The message text engine: GSM/Unicode encoding, billed segments, look-alike advice and merge fields.

Qt-free. ``analyze`` counts one text; ``compile_template`` binds a ``{column}`` template to a
recipient list and renders every message with its cost; ``advise`` and ``replace_lookalikes`` offer
(never impose) cheaper look-alike characters; ``check_texts`` says what must be confirmed or refused
before a campaign is sent. Problems are codes and data for the GUI and the CLI to
put into words.
"""

from liasmart_desktop.core.text.analysis import (
    MULTI_PART_SEPTETS,
    MULTI_PART_UCS2_UNITS,
    SINGLE_PART_SEPTETS,
    SINGLE_PART_UCS2_UNITS,
    Encoding,
    EncodingPolicy,
    TextAnalysis,
    analyze,
)
from liasmart_desktop.core.text.gsm import is_gsm
from liasmart_desktop.core.text.lookalikes import (
    LOOKALIKES,
    LookalikeAdvice,
    LookalikeKind,
    Replacement,
    advise,
    replace_lookalikes,
)
from liasmart_desktop.core.text.merge import (
    CampaignRender,
    CampaignSummary,
    FieldRef,
    MergeTemplate,
    RenderedMessage,
    TemplateError,
    TemplateIssue,
    TemplateProblem,
    compile_template,
)
from liasmart_desktop.core.text.names import header_key
from liasmart_desktop.core.text.normalization import normalize_text
from liasmart_desktop.core.text.problems import TextIssue, TextProblem
from liasmart_desktop.core.text.scripts import is_script_letter, written_in_unicode_script
from liasmart_desktop.core.text.sending_rules import (
    LONG_MESSAGE_PARTS,
    MAX_PARTS,
    SendTextIssue,
    SendTextProblem,
    check_texts,
)

__all__ = [
    "LONG_MESSAGE_PARTS",
    "LOOKALIKES",
    "MAX_PARTS",
    "MULTI_PART_SEPTETS",
    "MULTI_PART_UCS2_UNITS",
    "SINGLE_PART_SEPTETS",
    "SINGLE_PART_UCS2_UNITS",
    "CampaignRender",
    "CampaignSummary",
    "Encoding",
    "EncodingPolicy",
    "FieldRef",
    "LookalikeAdvice",
    "LookalikeKind",
    "MergeTemplate",
    "RenderedMessage",
    "Replacement",
    "SendTextIssue",
    "SendTextProblem",
    "TemplateError",
    "TemplateIssue",
    "TemplateProblem",
    "TextAnalysis",
    "TextIssue",
    "TextProblem",
    "advise",
    "analyze",
    "check_texts",
    "compile_template",
    "header_key",
    "is_gsm",
    "is_script_letter",
    "normalize_text",
    "replace_lookalikes",
    "written_in_unicode_script",
]
