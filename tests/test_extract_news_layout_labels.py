"""A news page's layout words that name no case (session 25, issue 23): a caption's label
("Figure 2: ..."), a site's stock label over its story ("Deep Dive") and a menu's section of
plural nouns joined by "&", a bold "TL;DR", the acronym of a public body ("Agency (ACDA)").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft

HEAD = "Lab bans accounts of a Peruvian network\n\n"


def _names(text: str) -> set[str]:
    f = draft(HEAD + text)
    return {c.name for c in f.campaigns} | {a.name for c in f.campaigns for a in c.all_actors}


@pytest.mark.parametrize(
    "caption",
    [
        "Figure 2: How the crew moved stolen coins through mixers.",
        "Figure 2. How the crew moved stolen coins through mixers.",
        "Fig. 3: A lure the crew sent.",
        "Table 1: The wallets the crew used.",
    ],
)
def test_a_captions_label_opens_no_case(caption: str) -> None:
    f = draft(HEAD + "North Korean hackers stole coins from exchanges in Japan.\n\n"
              + caption + "\n")  # fmt: skip
    assert actors_of(f) == [("North Korean hackers", "KP")]


@pytest.mark.parametrize(
    "label", ["Deep Dive", "Products & Releases", "News & Events", "## Deep Dive"]
)
def test_a_sites_stock_label_or_section_over_the_story_names_no_case(label: str) -> None:
    names = _names(
        f"{label}\n\nThe lab banned accounts of a covert network from Peru that wrote posts "
        "about elections in Chile. The network, which the lab calls Tin Kite, translated "
        "articles with the model.\n"
    )
    assert not any(label.lstrip("# ") in n for n in names)
    assert "Tin Kite" in " ".join(names)


def test_a_heading_that_names_an_operation_still_opens_its_case() -> None:
    names = _names(
        "## Phish and Scripts\n\nA network from Peru wrote phishing lures about elections in "
        "Chile.\n"
    )
    assert "Phish and Scripts" in names


def test_a_bold_summary_label_names_no_case() -> None:
    names = _names(
        "**TL;DR** The lab is suing a Peruvian fraud ring named Grey Harbor, which used the "
        "chatbot to write scam emails to bank customers.\n"
    )
    assert "TL;DR" not in " ".join(names)
    assert "Grey Harbor" in " ".join(names)


def test_the_acronym_of_a_public_body_names_no_case() -> None:
    names = _names(
        "The Andean Cyber Defence Agency (ACDA) has published an advisory on a Peruvian group "
        "that phished banks in Chile.\n"
    )
    assert "ACDA" not in {w for n in names for w in n.split()}
