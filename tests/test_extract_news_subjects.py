"""The extractor on who the actors of a news story are, past the shapes of
``test_extract_news_names.py``: an actor coordinated after another with a noun of its own, and
a name given after "called the". One test per grammatical case, each on sentences written for
it."""

from __future__ import annotations

from graphkit.findings import CampaignFindings, Findings
from tests.extract_helpers import country, draft

NEWS = "Chatbot maker cuts off two crews\n\n"  # a plain text's first line: its headline


def _with_actor(f: Findings, name: str) -> CampaignFindings:
    return next(c for c in f.campaigns if any(a.name == name for a in c.all_actors))


def test_actors_coordinated_by_as_well_as_with_a_noun_of_their_own_are_two() -> None:
    f = draft(
        NEWS + "The startup said it removed accounts run by Peruvian operators, as well as "
        "fraudsters in Laos who wrote fake rental listings in Thai.\n"
    )
    peru = _with_actor(f, "Accounts run by Peruvian operators")
    laos = _with_actor(f, "Fraudsters in Laos")
    assert peru is not laos
    assert country(peru) == "PE" and country(laos) == "LA"
    assert [x.id for x in laos.languages] == ["th"] and not peru.languages
