"""Actors' aliases that are ordinary words ("Copper" is Tonto Team's, "Play" a gang's): when a
capitalised one names the actor and when it is only the word. One test per grammatical case,
each on sentences written for it (issue 23, "no junk names")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graphkit.extract.common_aliases import common_aliases
from graphkit.extract.reading import read_sentence
from tests.extract_helpers import actors_of, draft

ROOT = Path(__file__).resolve().parent.parent


def _actor_ids(sentence: str) -> set[str]:
    return {m.entry.id for m in read_sentence(sentence).mentions if m.entry.kind == "Actor"}


# --- Where a capital letter says nothing: the word is no name


@pytest.mark.parametrize(
    "sentence",
    [
        # the sentence's first word
        "Copper prices climbed after the new export rules took effect.",
        "Play resumed once the outage was fixed.",
        "Mask mandates ended in most of the offices that spring.",
        # a headline, most of its words capitalised
        "Copper Stocks Slide as Smelters Cut Output",
        "Lab Says Copper Shipments Were Never Its Business",
        "COPPER PRICES HIT A RECORD HIGH",
        # the first word of a longer capitalised name nothing here knows
        "The phishing pages came from Copper Wren, a cluster the lab found in May.",
        "Investigators tied the posts to the Copper Wren cluster.",
        "Microsoft saw COPPER WREN phish defence ministries.",
        # a participle after it, not an operator's deed
        "Copper used in wiring was hard to find that year.",
        # the last word of one
        "Analysts linked Operation Copper to a wave of fake job offers.",
    ],
)
def test_an_ordinary_word_where_a_capital_says_nothing_is_no_actor(sentence: str) -> None:
    assert "tonto-team" not in _actor_ids(sentence)
    assert not _actor_ids(sentence) & {"play", "careto"}


def test_an_ordinary_word_in_lower_case_is_no_actor() -> None:
    assert not _actor_ids("The operators mined copper data and tried to play the market.")


# --- Where the capital says it is a name, or a word beside it does


@pytest.mark.parametrize(
    "sentence",
    [
        # a capital inside a sentence, where no name goes on
        "Microsoft tied the lures to Copper last year.",
        # all in capitals inside a sentence, as vendors write names
        "COPPER sent lures to defence ministries in the region.",
        "The Chinese Military Crew (COPPER) Sent Lures to Defence Ministries in Seoul.",
        # an actor's noun after it
        "Copper operators sent lures to defence ministries in the region.",
        # a description of an actor set apart by a comma
        "Copper, a China-based group, sent lures to defence ministries.",
        # another name set apart by a comma
        "Copper, also tracked as Red Wren, sent lures to defence ministries.",
        # an operator's verb with its object after it
        "Copper targeted defence ministries with fake invitations.",
        # a naming word before it, in a headline
        "Microsoft Tracks the Group as Copper",
    ],
)
def test_an_ordinary_word_said_to_be_a_name_is_the_actor(sentence: str) -> None:
    assert "tonto-team" in _actor_ids(sentence)


def test_an_alias_that_is_no_ordinary_word_still_opens_a_sentence() -> None:
    assert "kimsuky" in _actor_ids("Kimsuky sent lures to think tanks in Seoul.")


def test_a_text_on_copper_mining_drafts_no_actor_of_it() -> None:
    f = draft(
        "Chatbot maker cuts off a crew\n\n"
        "The lab banned accounts of Copper Wren, a group researchers tied to China.\n\n"
        "Copper mining firms were also targeted by the operators, who used the model to write "
        "phishing emails.\n"
    )
    assert [name for name, _ in actors_of(f)] == ["Copper Wren"]


# --- The list itself


def test_the_list_holds_the_words_it_is_made_for() -> None:
    assert {
        "copper",
        "mercury",
        "lead",
        "play",
        "mask",
        "tick",
        "snake",
        "silence",
    } <= common_aliases()
    assert not {"kimsuky", "turla", "lazarus"} & common_aliases()


def test_the_list_holds_every_word_the_tool_finds() -> None:
    """A new ATT&CK or galaxy release brings new aliases: the tool writes the list again. The
    file may hold more (a system dictionary, where one is installed, adds words)."""
    run = subprocess.run(
        [sys.executable, "tools/common_aliases.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    found = set(yaml.safe_load(run.stdout)["aliases"])
    missing = found - common_aliases()
    assert not missing, f"run tools/common_aliases.py --write: {sorted(missing)}"
