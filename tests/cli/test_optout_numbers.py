"""The do-not-message list reads numbers by the one number rule: an unclear number is refused, not guessed."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli_runs import cli, cli_json


def test_a_number_of_unclear_country_is_not_guessed_into_the_list(isolated_env: Path) -> None:
    env = {"LIASMART_HOME": str(isolated_env), "LANG": "en_US.UTF-8"}
    status, _out, err = cli("optout", "add", "13512345678", env=env)
    assert status == 2
    assert "+1 351" in err.replace("-", " ") or "United States" in err
    assert "China" in err
    assert cli_json("optout", "list", env=env)["numbers"] == []  # nothing was changed
    # With the office's country, or written with +, it is one number, and it is listed as such.
    assert cli("optout", "add", "13512345678", "--country", "CN", env=env)[0] == 0
    assert cli("optout", "add", "+1 415 555 0100", env=env)[0] == 0
    listed = sorted(entry["phone"] for entry in cli_json("optout", "list", env=env)["numbers"])
    assert listed == ["14155550100", "8613512345678"]
