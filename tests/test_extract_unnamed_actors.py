"""The extractor on actors a news text does not name: one introduced by its people and its noun
("A Russian military intelligence unit ...") is an actor of its own beside another ("A North
Korean group ..."), in one paragraph or in two; one whose accounts the reporter banned
("accounts of a Chinese network", "accounts belonging to a Chinese operation") is that actor,
not an unnamed actor named after the report's title. Sentences written for these tests."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import draft

_HEAD = "Two labs say state hackers try out chatbots\n\n"
_UNIT = "A Russian military intelligence unit researched satellite communication protocols."
_GROUP = "A North Korean group used the models to draft spear-phishing emails."


def _by_country(f: Findings) -> dict[str, set[str]]:
    """Each campaign's actors' country → the techniques of that campaign."""
    out: dict[str, set[str]] = {}
    for c in f.campaigns:
        for a in c.all_actors:
            if a.country:
                out.setdefault(a.country.id, set()).update(t.id for t in c.techniques)
    return out


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_unit_and_a_group_are_two_actors(gap: str) -> None:
    f = draft(_HEAD + _UNIT + gap + _GROUP + "\n")
    got = _by_country(f)
    assert sorted(got) == ["KP", "RU"]
    assert "T1566" in got["KP"] and "T1566" not in got["RU"]
    assert not any("microsoft" in a.name.lower() or "labs say" in a.name.lower() for a in f.actors)


def test_units_of_a_people_are_its_actors() -> None:
    f = draft(_HEAD + "Chinese units used the models to write spear-phishing emails.\n")
    assert list(_by_country(f)) == ["CN"]


@pytest.mark.parametrize(
    "opening",
    [
        "OpenAI said on Friday that it banned accounts of a Chinese network",
        "OpenAI said it banned accounts belonging to a Chinese network",
    ],
)
def test_the_actor_whose_accounts_were_banned_is_named_for_itself(opening: str) -> None:
    f = draft(f"AI lab shuts down surveillance project\n\n{opening} that wrote malware.\n")
    actors = [a for c in f.campaigns for a in c.all_actors]
    assert [a.country.id for a in actors if a.country] == ["CN"]
    assert all("network" in a.name for a in actors), [a.name for a in actors]
