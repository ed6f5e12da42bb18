"""Distillation stories (issue 23): businesses that misuse a model act, an unnamed actor from
their people's country, and the lab whose model they copied is the target (ai-providers), not
their country. Sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft
from tests.extract_helpers import targeted_countries as _countries
from tests.extract_helpers import targeted_sectors as _sectors

HEAD = "Lab says rivals copied its model\n\n"


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Several Chinese AI companies ran distillation attacks on Claude.",
         "Chinese AI companies"),
        ("Three Chinese AI labs distilled Claude through thousands of fake accounts.",
         "Chinese AI labs"),
        ("Two Chinese AI firms used fraudulent accounts to distill Anthropic's Claude.",
         "Chinese AI firms"),
    ],
)  # fmt: skip
def test_businesses_that_misuse_a_model_are_actors_and_its_maker_the_target(
    sentence: str, actor: str
) -> None:
    f = draft(HEAD + sentence + "\n")
    assert actors_of(f) == [(actor, "CN")]
    assert (_sectors(f), _countries(f)) == ({"ai-providers"}, set())


@pytest.mark.parametrize(
    "sentence",
    [
        "Chinese AI companies were targeted by North Korean hackers.",
        "North Korean hackers sent lures to Chinese AI firms.",
    ],
)
def test_businesses_that_are_hit_stay_targets(sentence: str) -> None:
    f = draft(HEAD + sentence + "\n")
    assert [name for name, _ in actors_of(f)] == ["North Korean hackers"]
    assert _countries(f) == {"CN"}


def test_businesses_a_lab_accuses_of_copying_its_model_are_the_actors() -> None:
    f = draft(
        HEAD + "The lab accused three Chinese AI companies of running distillation campaigns "
        "against Claude. The firms made thousands of fake accounts.\n"
    )
    assert actors_of(f) == [("Chinese AI companies", "CN")]
    assert (_sectors(f), _countries(f)) == ({"ai-providers"}, set())


@pytest.mark.parametrize(
    "sentence",
    ["Russian hackers ran a campaign against Claude.", "Russian hackers probed Gemini for flaws."],
)
def test_an_ai_service_the_actors_went_after_makes_its_maker_a_target(sentence: str) -> None:
    assert _sectors(draft(HEAD + sentence + "\n")) == {"ai-providers"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The lab moved against Claude accounts that Russian hackers ran.",
        "Russian hackers ran a campaign against Gemini users in Chile.",
    ],
)
def test_what_is_held_on_an_ai_service_is_not_its_maker(sentence: str) -> None:
    assert "ai-providers" not in _sectors(draft(HEAD + sentence + "\n"))


def _platforms(f: object) -> set[str]:
    return {p.name for c in f.campaigns for p in c.platforms}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        # the businesses a passive verb's agent, named in the next sentence's clauses
        "The lab traced distillation campaigns run by three other Chinese AI companies. Zenbrook "
        "logged 90,000 chats, while Hollow Pine AI and QuarkMind were far busier.",
        # ... set apart after their noun, or listed after "such as"
        "Three Chinese AI companies, Zenbrook, Hollow Pine AI and QuarkMind, ran distillation "
        "campaigns against Claude.",
        "Chinese AI companies such as Zenbrook, Hollow Pine AI and QuarkMind distilled Claude "
        "through fake accounts.",
    ],
)
def test_businesses_named_as_the_doers_of_a_misuse_are_its_actors(text: str) -> None:
    f = draft(HEAD + text + "\n")
    assert sorted(actors_of(f)) == [("Hollow Pine AI", "CN"), ("QuarkMind", "CN"),
                                    ("Zenbrook", "CN")]  # fmt: skip
    assert _countries(f) == set()


def test_a_lab_named_as_a_doer_is_an_actor_not_a_platform_it_used() -> None:
    f = draft(
        HEAD + "The lab found copying campaigns carried out by two Chinese AI labs. DeepSeek "
        "sent 40,000 prompts, while Larkfield AI sent many more.\n"
    )
    assert sorted(actors_of(f)) == [("DeepSeek", "CN"), ("Larkfield AI", "CN")]
    assert "DeepSeek" not in _platforms(f)


@pytest.mark.parametrize(
    "text",
    [
        # the businesses hit, not acting: their names are no actors
        "Chinese AI companies such as Zenbrook and QuarkMind were targeted by North Korean "
        "hackers.",
        # a business noun as the agent of a verb that is no misuse: who follows is no member
        "North Korean hackers bought tools sold by several Chinese companies. Larkfield "
        "resold them on forums.",
        # the reporting lab opens the next sentence: it acted against them
        "The lab found distillation campaigns run by Chinese AI labs. Anthropic banned the "
        "accounts, and OpenAI did the same.",
    ],
)
def test_names_near_businesses_that_did_not_misuse_a_model_are_no_actors(text: str) -> None:
    names = [name for name, _ in actors_of(draft(HEAD + text + "\n"))]
    assert not {"Zenbrook", "QuarkMind", "Larkfield", "Anthropic", "OpenAI"} & set(names)
