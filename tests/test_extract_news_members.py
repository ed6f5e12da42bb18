"""Members and parts in news coverage (session 25, issue 23): a list of countries given as the
members of the plural noun a clause opens on ("Hostile states, including ..., are using AI")
stands for the actors, not for their targets. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft, targeted_countries

NEWS = "Chatbot maker warns of state hackers\n\n"  # a plain text's first line: its headline


@pytest.mark.parametrize(
    "said",
    [
        "Hostile states, including Peru, Chile and Bolivia, are using AI to write phishing "
        "emails against Canada.",
        "Hostile states\u2014including Peru, Chile, and Bolivia\u2014are using AI to write "
        "phishing emails against Canada.",
        "The lab warned that hostile states such as Peru, Chile and Bolivia are now using "
        "chatbots to write phishing emails against Canada.",
        "In its yearly review of threats to its services, the lab said foreign adversaries, "
        "among them Peru, Chile and Bolivia, have used AI to write phishing emails against "
        "Canada.",
    ],
)
def test_countries_listed_as_members_of_the_subject_are_the_actors_origins(said: str) -> None:
    f = draft(NEWS + said + "\n")
    assert {c for _, c in actors_of(f)} == {"PE", "CL", "BO"}
    assert targeted_countries(f) == {"CA"}


def test_countries_listed_as_members_of_a_subject_that_underwent_it_stay_targets() -> None:
    f = draft(
        NEWS + "Neighbouring states, including Peru and Chile, were targeted with phishing "
        "emails that the crew wrote with AI.\n"
    )
    assert not {c for _, c in actors_of(f)} & {"PE", "CL"}
    assert targeted_countries(f) == {"PE", "CL"}
