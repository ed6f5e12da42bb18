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
