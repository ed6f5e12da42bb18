"""The extractor on a news passage that tells of several unnamed actors, each introduced by its
people and its noun ("A Russian military intelligence unit ...", "A North Korean group ..."):
each is an actor of its own with its own origin and its own techniques, in one paragraph or in
two. Sentences written for these tests."""

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
