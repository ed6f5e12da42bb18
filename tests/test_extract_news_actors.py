"""The extractor on who acts in news coverage (session 17): a business that writes what it
was paid to write, a people named by its plural, some members of a group, a group named again
by its people, and headings that say a country's part. One test per grammatical case, each on
sentences written for it, beside one where the same words must still count the old way."""

from __future__ import annotations

import pytest

from graphkit.findings import Findings
from tests.extract_helpers import country, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


def _actors(f: Findings) -> list[tuple[str, str | None]]:
    """Every drafted actor's name and country, sorted."""
    return sorted(
        (a.name, a.country.id if a.country else None) for c in f.campaigns for a in c.all_actors
    )


# --- A business that writes: what it made, not what it reports


@pytest.mark.parametrize("firm", ["A PR firm in Israel", "A marketing company in Israel"])
def test_a_business_in_a_place_that_wrote_content_is_the_actor_from_there(firm: str) -> None:
    f = draft(NEWS + f"{firm} wrote fake posts about the elections in India.\n")
    (c,) = f.campaigns
    assert country(c) == "IL" and {x.id for x in c.targets.countries} == {"IN"}
    assert c.all_actors[0].name.endswith("in Israel")


def test_a_reporter_that_wrote_what_it_found_is_still_no_actor() -> None:
    f = draft(
        NEWS + "The firm wrote in a blog post that Russian hackers phished banks in Poland.\n"
    )
    assert _actors(f) == [("Russian hackers", "RU")]


def test_a_business_named_before_the_accounts_it_ran_is_the_actor_not_its_accounts() -> None:
    f = draft(NEWS + "A marketing firm in Ghana ran fake accounts that praised the ruling party.\n")
    assert _actors(f) == [("Marketing firm in Ghana", "GH")]
