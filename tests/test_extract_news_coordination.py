"""Coordination in news coverage (session 21, issue 23): the reporter's verbs joined by "and"
before whom it acted against, and a country in brackets after each name of a list. One test per
grammatical case, each on sentences written for it, beside one where the same words must still
count the old way."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft

NEWS = "Chatbot maker cuts off several crews\n\n"  # a plain text's first line: its headline


# --- The reporter's verbs joined by "and" (or a list of them): whom it acted against is the
# object of them all, no "And banned ..." fragment


@pytest.mark.parametrize(
    "said",
    [
        "The lab says it found and removed accounts tied to two networks based in Peru.",
        "The firm detected, disrupted and banned accounts tied to two networks based in Peru.",
        "The lab removed accounts tied to two networks based in Peru.",
    ],
)
def test_the_reporters_joined_verbs_leave_whom_they_acted_against(said: str) -> None:
    f = draft(NEWS + said + " The networks wrote phishing lures for banks.\n")
    assert actors_of(f) == [("Accounts tied to two networks", "PE")]
