"""A section under a heading that names no actor and says nothing is the story's, not a case
of its own (issue 23): a news subheading, a masthead over the introduction. Sentences written
for the tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import actors_of, draft


def test_a_subheading_over_nothing_new_is_no_case_and_hides_no_actor() -> None:
    f = draft(
        "AI and hackers\n\nHacking crews from North Korea, Russia, and Iran are relying on "
        "Claude to write malware.\n\n## Speed Before Invention\n\nThe crews use the model to go "
        "faster, not to invent new attacks.\n"
    )
    assert "Speed Before Invention" not in {c.name for c in f.campaigns}
    assert {origin for _, origin in actors_of(f)} == {"KP", "RU", "IR"}


def test_the_platform_a_masthead_over_the_introduction_names_is_every_cases() -> None:
    f = draft(
        "# Influence report\n\nSignal Desk\n\nThe lab said it disrupted two networks that used "
        "ChatGPT over the spring.\n\n## Grey Loom\n\nGrey Loom wrote comments in Spanish aimed "
        "at voters in Peru.\n\n## Tin Vane\n\nTin Vane ran fake news sites in French.\n"
    )
    assert sorted(c.name for c in f.campaigns) == ["Grey Loom", "Tin Vane"]
    assert all([p.name for p in c.platforms] == ["ChatGPT"] for c in f.campaigns)


def test_a_heading_case_that_says_something_stays_a_case() -> None:
    f = draft(
        "# Influence report\n\nThe lab disrupted two networks.\n\n## Grey Loom\n\nThe network "
        "wrote comments in Spanish.\n\n## Tin Vane\n\nTin Vane ran fake news sites in French.\n"
    )
    assert sorted(c.name for c in f.campaigns) == ["Grey Loom", "Tin Vane"]


@pytest.mark.parametrize("lead", ["Explaining", "Inside", "Tracking"])
def test_a_tracking_code_a_heading_leads_with_a_word_about_it_is_the_cases_name(
    lead: str,
) -> None:
    f = draft(
        f"Key resellers charged\n\n## {lead} Storm-4410: A Key-Reselling Ring\n\nThe ring sold "
        "stolen API keys to people who wanted to make harmful images.\n"
    )
    assert [c.name for c in f.campaigns] == ["Storm-4410"]


def test_a_role_a_list_defines_by_its_label_is_no_case() -> None:
    f = draft(
        "Key resellers charged\n\nStorm-4410 resold stolen API keys. The ring was split into "
        "roles:\n\n- Builders: coders who wrote the proxy software.\n- Resellers: people who "
        "sold access.\n- Buyers: customers who paid for it.\n"
    )
    assert [c.name for c in f.campaigns] == ["Storm-4410 activity"]


def test_a_list_of_a_rings_members_names_people_no_cases_and_no_targets() -> None:
    f = draft(
        "Key resellers charged\n\nThe lab named three members of Storm-4410, a ring that resold "
        'stolen API keys:\n\n- Marek Dolny (aka "Vex") \u2013 Poland\n- Arash Karimi (aka "Dune")'
        ' \u2013 Iran\n- Liam Porter (aka "Quill") \u2013 Canada\n\nThe ring sold access to '
        "people who made harmful images.\n"
    )
    assert [c.name for c in f.campaigns] == ["Storm-4410 activity"]
    assert not f.campaigns[0].targets.countries


def test_roles_a_list_defines_are_parts_of_the_case_not_actors_of_their_own() -> None:
    f = draft(
        "Key resellers charged\n\nThe lab sorts Storm-4410 into three tiers:\n\n- Creators: "
        "Developers who designed the tools.\n- Providers: Those who sold access.\n- Users: "
        "Individuals who made the images.\n"
    )
    assert [c.name for c in f.campaigns] == ["Storm-4410 activity"]
    assert [a.name for c in f.campaigns for a in c.all_actors] == ["Storm-4410"]


def test_a_tracking_code_a_run_in_label_leads_with_a_word_about_it_is_the_name() -> None:
    f = draft(
        "Crime ring sued\n\nThe lab sued four people.\n\nUnderstanding Storm-4410: A Reselling "
        "Ring\n\nThese people ran a ring that resold stolen keys to make harmful images.\n"
    )
    assert "Storm-4410" in {c.name for c in f.campaigns}
    assert not any(c.name.startswith("Understanding") for c in f.campaigns)


def test_sections_after_a_story_about_one_case_tell_more_of_that_case() -> None:
    f = draft(
        "Hackers thrive on AI\n\nRecent reports indicate that hacking groups from China and "
        "Iran are using Gemini to speed up their work.\n\n## Efficiency Over Novelty\n\nThe "
        "hackers use Gemini to write phishing lures.\n"
    )
    assert [c.name for c in f.campaigns] == ["Hacking groups from China activity"]
    assert {origin for _, origin in actors_of(f)} == {"CN", "IR"}
    assert "T1566" in {t.id for t in f.campaigns[0].techniques}


def test_a_case_named_in_the_prose_after_a_sections_first_is_no_section_of_it() -> None:
    f = draft(
        "# Notes\n\n## Iran\n\n**Gull Vane** wrote French-language articles. **Tern Vane** ran "
        "Spanish-language sites.\n"
    )
    ops = {c.name: c for c in f.campaigns}
    assert [x.id for x in ops["Gull Vane"].languages] == ["fr"]
    assert [x.id for x in ops["Tern Vane"].languages] == ["es"]
