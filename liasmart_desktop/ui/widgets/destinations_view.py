"""Where the messages go, country by country, for the review: an unexpected destination stands out.

Each country is a line, "China +86: 1,200", the largest first; every country other than the default
one is named in a warning line of its own ("Not China: United States +1 (3)"), with the warning icon,
so a list that would reach a foreign number by mistake is seen before Send.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from liasmart_desktop.ui import countries
from liasmart_desktop.ui.widgets.icon_label import INFORMATION, WARNING, IconLabel


def _ordered(destinations: Mapping[str, int]) -> list[str]:
    """The countries that get messages, the most first, then by name."""
    regions = [region for region, count in destinations.items() if count]
    return sorted(regions, key=lambda region: (-destinations[region], countries.name(region)))


def destination_lines(destinations: Mapping[str, int]) -> list[str]:
    """One line per country, the most messages first: ``China +86: 1,200``."""
    return [f"{countries.label(region)}: {destinations[region]:,}" for region in _ordered(destinations)]


def foreign_destinations(destinations: Mapping[str, int], default_country: str) -> list[str]:
    """The countries other than ``default_country`` that get messages, the most first."""
    return [region for region in _ordered(destinations) if region != default_country]


class DestinationsView(IconLabel):
    """How many messages go to each country, and which countries are not the default one."""

    def __init__(
        self, destinations: Mapping[str, int], default_country: str, parent: QWidget | None = None
    ) -> None:
        super().__init__("destinationsView", parent)
        self.foreign = foreign_destinations(destinations, default_country) if default_country else []
        lines = destination_lines(destinations)
        if self.foreign:
            others = ", ".join(
                f"{countries.label(region)} ({destinations[region]:,})" for region in self.foreign
            )
            lines.append(
                self.tr("⚠ Not {country}: {others}. Check these numbers before sending.").format(
                    country=countries.name(default_country), others=others
                )
            )
        self.show_text("\n".join(lines), WARNING if self.foreign else INFORMATION)
