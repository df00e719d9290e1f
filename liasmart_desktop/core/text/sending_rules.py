"""What a campaign's texts carry, checked before anything is sent (shared/cli.md, "What the text carries").

* Encoding ``T`` forced on characters the GSM alphabet lacks: the phone would show question marks.
  The CLI refuses it (exit 2 naming the characters); the app asks before Send.
* More than ``LONG_MESSAGE_PARTS`` parts in a message: billed per part, so it needs an explicit yes
  (``--allow-long``, or a plain question in the app with the parts and the cost per recipient).
* More than ``MAX_PARTS`` parts: a concatenated SMS numbers its parts in one byte, so it cannot be
  sent at all; refused everywhere.

Problems are codes with their data; the CLI and the GUI word them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Protocol

from liasmart_desktop.core.text.analysis import EncodingPolicy
from liasmart_desktop.core.text.gsm import NON_GSM_PATTERN, non_gsm_characters

#: A message of more parts than this needs an explicit confirmation.
LONG_MESSAGE_PARTS: Final = 10
#: The most parts a concatenated SMS can have (its part counter is one byte).
MAX_PARTS: Final = 255


class SendTextIssue(enum.StrEnum):
    """What a campaign's texts carry that the sender must know before Send."""

    #: Encoding T was chosen for characters T cannot carry (``characters``); they would be lost.
    LOST_CHARACTERS = "lost_characters"
    #: A message has more than ``LONG_MESSAGE_PARTS`` parts (``parts``: the most of any message).
    LONG_MESSAGE = "long_message"
    #: A message has more than ``MAX_PARTS`` parts (``parts``): it cannot be sent.
    TOO_MANY_PARTS = "too_many_parts"


@dataclass(frozen=True, slots=True)
class SendTextProblem:
    """One issue, with the characters or the parts it is about."""

    code: SendTextIssue
    #: LOST_CHARACTERS: the distinct characters T cannot carry, in order of first appearance.
    characters: tuple[str, ...] = ()
    #: LONG_MESSAGE, TOO_MANY_PARTS: the parts of the longest message.
    parts: int = 0
    #: LONG_MESSAGE, TOO_MANY_PARTS: the limit it passes.
    limit: int = 0
    #: LONG_MESSAGE, TOO_MANY_PARTS: how many messages pass the limit.
    messages: int = 0

    @property
    def blocks_sending(self) -> bool:
        """Whether no confirmation can make this sendable (the others need an explicit yes)."""
        return self.code is SendTextIssue.TOO_MANY_PARTS


class SizedText(Protocol):
    """A message as prepared for sending: its exact text and its parts."""

    @property
    def text(self) -> str:
        """What is sent."""

    @property
    def segments(self) -> int:
        """Parts billed."""


def check_texts(policy: EncodingPolicy | str, messages: Iterable[SizedText]) -> tuple[SendTextProblem, ...]:
    """The issues of a campaign's messages, most serious first (none: send without asking)."""
    forced_gsm = EncodingPolicy(policy) is EncodingPolicy.GSM7
    lost: dict[str, None] = {}
    longest = long_messages = too_long_messages = 0
    for message in messages:
        segments = message.segments
        longest = max(longest, segments)
        long_messages += segments > LONG_MESSAGE_PARTS
        too_long_messages += segments > MAX_PARTS
        if forced_gsm and NON_GSM_PATTERN.search(message.text) is not None:
            lost.update(dict.fromkeys(non_gsm_characters(message.text)))
    problems: list[SendTextProblem] = []
    if too_long_messages:
        problems.append(
            SendTextProblem(SendTextIssue.TOO_MANY_PARTS, (), longest, MAX_PARTS, too_long_messages)
        )
    if lost:
        problems.append(SendTextProblem(SendTextIssue.LOST_CHARACTERS, tuple(lost)))
    if long_messages and not too_long_messages:
        problems.append(
            SendTextProblem(SendTextIssue.LONG_MESSAGE, (), longest, LONG_MESSAGE_PARTS, long_messages)
        )
    return tuple(problems)
