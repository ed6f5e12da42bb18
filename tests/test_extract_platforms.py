"""The AI services an operation used: said of it, not named in passing or in a masthead."""

from __future__ import annotations

import pytest

from graphkit.extract import extract_findings
from tests.extract_helpers import by_name

_CASE = "## Quiet Ferry\n\nA Belarus-based network wrote forum posts aimed at voters in Latvia.\n"


def _platforms(text: str, op: str = "Quiet Ferry") -> list[str]:
    return [p.name for p in by_name(extract_findings(text))[op].platforms]


def test_the_publishers_own_service_in_its_masthead_is_not_one_the_actors_used() -> None:
    masthead = "# Quarterly threat notes\n\nChatGPT Threat Intelligence | OpenAI | 3 March 2026\n\n"
    f = extract_findings(masthead + _CASE)
    assert f.report.publisher == "OpenAI"
    assert not by_name(f)["Quiet Ferry"].platforms
    byline = "# Quarterly threat notes\n\nFrom the team at Anthropic, who build Claude.\n\n"
    assert _platforms(byline + _CASE) == []


def test_a_masthead_that_says_the_actors_used_the_service_names_it() -> None:
    intro = "# Quarterly threat notes\n\nOpenAI banned every account below from ChatGPT.\n\n"
    assert _platforms(intro + _CASE) == ["ChatGPT"]
    told = "# Quarterly threat notes\n\nOpenAI, March 2026\n\nEach network below used Gemini.\n\n"
    assert _platforms(told + _CASE) == ["Gemini"]
    relied = "# Notes\n\nOpenAI found that every network below relied on ChatGPT.\n\n"
    assert _platforms(relied + _CASE) == ["ChatGPT"]


def test_a_service_named_in_passing_is_no_operations() -> None:
    intro = "# Notes\n\nMistral said it had seen none of this on its own servers.\n\n"
    assert _platforms(intro + _CASE) == []
    rival = "# Notes\n\nThe posts praised a rival to Claude.\n\n"
    assert _platforms(rival + _CASE) == []
    inside = _CASE + "Its operators drafted every post with Grok; the posts mocked DeepSeek.\n"
    assert _platforms("# Notes\n\n" + inside) == ["Grok"]


def test_an_ai_company_in_a_dispute_is_no_platform_used() -> None:
    text = (
        "## Iron Wren\n\nChilean hackers wrote malware with Claude. Separately, the lab "
        "accused DeepSeek of distilling its model, and DeepSeek denied it."
    )
    assert _platforms(text, "Iron Wren") == ["Claude"]


@pytest.mark.parametrize(
    "said",
    [
        "the lab said DeepSeek, a Chinese AI company, copied its model with fake accounts.",
        "the lab said the Chinese AI startup DeepSeek copied its model with fake accounts.",
    ],
)
def test_a_service_named_as_its_maker_is_no_platform_used(said: str) -> None:
    text = f"## Iron Wren\n\nChilean hackers wrote malware with Claude. Separately, {said}"
    assert _platforms(text, "Iron Wren") == ["Claude"]


def test_a_service_asked_something_about_a_company_is_still_used() -> None:
    text = "## Iron Wren\n\nChilean hackers asked Claude a question about the company they hit."
    assert _platforms(text, "Iron Wren") == ["Claude"]


def test_image_and_voice_services_are_platforms_the_actors_used() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery used Midjourney to make images and ElevenLabs to clone "
        "a voice for its fake news videos."
    )
    (c,) = extract_findings(body, publisher="OpenAI", published="2025-06-05").campaigns
    assert sorted(p.name for p in c.platforms) == ["ElevenLabs", "Midjourney"]


def test_a_service_its_maker_speaks_of_as_its_own_is_not_one_the_actors_used() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery used Claude to write malware for phishing. Microsoft "
        "has said its Copilot products faced the same pressure."
    )
    (c,) = extract_findings(body, publisher="OpenAI", published="2025-06-05").campaigns
    assert [p.name for p in c.platforms] == ["Claude"]
    used = "## Pale Orrery\n\nMicrosoft said the hackers used its Copilot to write malware."
    (u,) = extract_findings(used, publisher="OpenAI", published="2025-06-05").campaigns
    assert [p.name for p in u.platforms] == ["Copilot"]


def test_the_defenders_security_assistant_is_no_service_the_actors_used() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery sent lures with files posing as invoices; Security "
        "Copilot, the vendor's analysis assistant, flagged the code as machine-written."
    )
    (c,) = extract_findings(body, publisher="Microsoft", published="2025-09-24").campaigns
    assert [p.name for p in c.platforms] == []
