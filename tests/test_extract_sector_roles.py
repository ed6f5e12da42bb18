"""The extractor on sector words that are no target: what content looks like, what nobody
has hit yet, and what a report says was not hit. Each case is written with a
sentence of its own and with one where the same sector is a target, so that the rule is seen
to tell them apart."""

from __future__ import annotations

import pytest

from graphkit.findings import CampaignFindings
from tests.extract_helpers import draft


def _sectors(body: str) -> list[str]:
    campaigns = draft(body).campaigns
    assert len(campaigns) == 1, [c.name for c in campaigns]
    return sorted(x.id for x in _only(campaigns).targets.sectors)


def _only(campaigns: list[CampaignFindings]) -> CampaignFindings:
    return campaigns[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery built web pages that looked like regional newspapers and wrote malware.",
        "Pale Orrery ran profiles resembling nurses at a clinic and wrote malware.",
        "Pale Orrery set up sites mimicking banks to collect passwords with malware.",
        "Pale Orrery made accounts imitating university lecturers and wrote malware.",
    ],
)
def test_what_the_actors_content_looks_like_is_a_cover_not_a_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == []


def test_a_sector_after_a_look_alike_verb_can_still_be_a_target_in_its_own_clause() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery built pages that looked like news sites and targeted banks."
    )
    assert _sectors(body) == ["financial-services"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery wrote malware. Analysts said hospitals could be its next victims.",
        "Pale Orrery wrote malware. The healthcare sector might be hit next, analysts said.",
        "Pale Orrery wrote malware. Banks would be an easy mark for it, one expert said.",
    ],
)
def test_a_sector_that_only_could_be_hit_is_no_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == []


def test_a_sector_that_may_have_been_hit_is_still_a_target() -> None:
    body = "## Pale Orrery\n\nPale Orrery wrote malware. Hospitals may have been hit by it."
    assert _sectors(body) == ["healthcare"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The lab did not link any of these accounts to attacks on schools.",
        "There was no sign that the crew went after universities.",
        "The operators never reached the banks they studied.",
    ],
)
def test_a_sector_the_report_says_was_not_hit_is_no_target(sentence: str) -> None:
    body = f"## Pale Orrery\n\nPale Orrery wrote malware for phishing. {sentence}"
    assert _sectors(body) == []


def test_a_negation_closed_by_but_leaves_the_next_clause_a_target() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery did not build its own tools, but it targeted hospitals "
        "with phishing."
    )
    assert _sectors(body) == ["healthcare"]
    body = "## Pale Orrery\n\nPale Orrery targeted not only banks but also hospitals with phishing."
    assert _sectors(body) == ["financial-services", "healthcare"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery wrote malware and built pages that looked like Chilean news sites.",
        "Pale Orrery wrote malware. Analysts said Chile could be its next target.",
        "Pale Orrery wrote malware. The lab did not tie the accounts to attacks in Chile.",
    ],
)
def test_a_place_only_copied_not_yet_hit_or_said_not_hit_is_no_target(sentence: str) -> None:
    campaigns = draft(f"## Pale Orrery\n\n{sentence}").campaigns
    assert [x.id for x in _only(campaigns).targets.countries] == []


def test_a_place_the_actors_hit_is_a_target_and_one_in_a_subjects_phrase_is_still_read() -> None:
    hit = draft("## Pale Orrery\n\nPale Orrery wrote malware and targeted Chile.").campaigns
    assert [x.id for x in _only(hit).targets.countries] == ["CL"]
    body = "## Pale Orrery\n\nPale Orrery wrote malware so a laptop in Chile could be run remotely."
    laptop = draft(body).campaigns
    assert [x.id for x in _only(laptop).targets.countries] == ["CL"]


@pytest.mark.parametrize(
    "sentence",
    [
        '"Hospitals are an easy mark," said one analyst at a consulting firm.',
        "Security analysts said the education sector in Chile remains exposed.",
        "Experts warned that banks in Chile should expect more of the same.",
    ],
)
def test_what_an_outside_voice_says_of_a_sector_or_place_is_no_target(sentence: str) -> None:
    body = f"## Pale Orrery\n\nPale Orrery wrote malware for phishing.\n\n{sentence}"
    c = _only(draft(body).campaigns)
    assert (c.targets.sectors, c.targets.countries) == ([], [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said the group went after hospitals in Chile.",
        "Pale Orrery went after hospitals in Chile, experts said.",
        "Pale Orrery phished scholars who study hospitals in Chile.",
    ],
)
def test_an_outside_voice_on_the_actors_or_a_victim_scholar_still_gives_targets(
    sentence: str,
) -> None:
    body = f"## Pale Orrery\n\nPale Orrery wrote malware for phishing.\n\n{sentence}"
    c = _only(draft(body).campaigns)
    assert "CL" in [x.id for x in c.targets.countries]
    assert c.targets.sectors


def test_a_firm_in_a_place_at_the_end_of_a_list_of_victims_is_a_target_not_the_seat() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery used malware to automate break-ins at seventeen "
        "organisations, including two regional hospitals and a large defense contractor in the "
        "Philippines."
    )
    c = _only(draft(body).campaigns)
    assert [x.id for x in c.targets.countries] == ["PH"]
    assert not any(a.country for a in c.all_actors)
    seat = _only(draft("## Pale Orrery\n\nA defense contractor in Chile wrote malware.").campaigns)
    assert seat.all_actors[0].country and seat.all_actors[0].country.id == "CL"


def test_a_service_a_rival_competes_with_is_no_platform_the_actors_used() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery used Gemini to write malware for phishing. The lab, "
        "whose assistant competes with OpenAI's ChatGPT, closed the accounts."
    )
    c = _only(draft(body).campaigns)
    assert [p.name for p in c.platforms] == ["Gemini"]


def test_both_sides_of_a_war_content_is_about_are_no_targets() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery wrote comments in Farsi about the war between Chile and "
        "Peru, aimed at audiences in Bolivia."
    )
    c = _only(draft(body).campaigns)
    assert [x.id for x in c.targets.countries] == ["BO"]


def test_what_content_argues_against_is_its_stance_not_a_target() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery wrote fake articles in German that argued against "
        "military aid, and sent phishing emails to defense firms in Chile."
    )
    c = _only(draft(body).campaigns)
    assert _sectors(body) == ["defense"]  # the firms, not the aid
    stance = "## Pale Orrery\n\nPale Orrery wrote fake articles that argued against military aid."
    assert _sectors(stance) == []
    assert c.targets.countries


def test_a_sector_or_place_whose_own_verb_is_negated_is_no_target() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery sent phishing emails to banks in Peru. The lab noted "
        "that elections in Chile and Bolivia were not affected."
    )
    c = _only(draft(body).campaigns)
    assert [x.id for x in c.targets.countries] == ["PE"]
    assert _sectors(body) == ["financial-services"]
    patched = "## Pale Orrery\n\nPale Orrery targeted banks in Chile that were not patched."
    c = _only(draft(patched).campaigns)
    assert [x.id for x in c.targets.countries] == ["CL"]


def test_news_alone_is_content_and_news_outlets_are_a_target() -> None:
    content = "## Pale Orrery\n\nPale Orrery asked the model to translate news from Thai into Lao."
    assert _sectors(content) == []
    assert _sectors("## Pale Orrery\n\nPale Orrery phished news outlets in Chile.") == ["media"]


def test_the_people_actors_are_tied_to_are_no_targeted_sector() -> None:
    tied = "## Pale Orrery\n\nPale Orrery, linked to individuals in Laos, wrote malware."
    assert _sectors(tied) == []
    aimed = "## Pale Orrery\n\nPale Orrery sent lures to individuals in Laos."
    assert _sectors(aimed) == ["individuals"]


@pytest.mark.parametrize(
    "tie", ["connected to a government body", "linked to the defense ministry"]
)
def test_the_body_actors_are_tied_to_by_an_article_is_no_targeted_sector(tie: str) -> None:
    tied = f"## Pale Orrery\n\nPale Orrery, suspected of being {tie}, wrote malware."
    assert _sectors(tied) == []
    aimed = "## Pale Orrery\n\nPale Orrery sent lures to a government body in Laos."
    assert _sectors(aimed) == ["government"]


def test_the_reporters_own_business_and_outside_voices_give_an_unnamed_case_no_targets() -> None:
    body = (
        "Lab notes\n\nA scam network based in Laos used the chatbot to write fake job offers "
        "that lured workers in Peru.\n\nThe lab, founded in 2015, has faced lawsuits from news "
        'organisations in Chile. "Banks in Bolivia are an easy mark," said one analyst.'
    )
    c = _only(draft(body).campaigns)
    assert [a.country.id for a in c.all_actors if a.country] == ["LA"]
    assert [x.id for x in c.targets.countries] == ["PE"]
    assert not c.targets.sectors


@pytest.mark.parametrize(
    ("whom", "sector"),
    [
        ("fintech startups", "financial-services"),
        ("software developers", "technology"),
        ("students", "education"),
        ("tax authorities", "government"),
    ],
)
def test_more_words_for_the_sectors_news_text_names(whom: str, sector: str) -> None:
    assert _sectors(f"## Pale Orrery\n\nPale Orrery sent phishing emails to {whom} in Chile.") == [
        sector
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery posed as recruiters from a big software firm and as reporters from a major "
        "news outlet to send malware.",
        "Pale Orrery posed as a consultant and as a researcher at a large hospital to send "
        "malware.",
    ],
)
def test_the_phrase_after_what_the_actors_posed_as_is_part_of_the_pose(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == []


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        (
            "Pale Orrery posed as recruiters and sent malware to staff at a major news outlet.",
            ["media"],
        ),
        (
            "Pale Orrery impersonated officials to reach staff such as editors of news outlets "
            "with malware.",
            ["media"],
        ),
        (
            "Pale Orrery posed as a charity to send malware to governments as well as staff of "
            "news outlets.",
            ["government", "media"],
        ),
    ],
)
def test_a_sector_reached_after_a_pose_is_still_a_target(sentence: str, sectors: list[str]) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == sectors


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery wrote malware. The report comes as governments and banks step up warnings "
        "about such schemes.",
        "Pale Orrery wrote malware. Several hospitals urged staff to ignore unknown links.",
        "Pale Orrery wrote malware. The energy sector issued new guidance last month.",
    ],
)
def test_a_sector_that_answers_a_threat_is_no_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == []


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        (
            "Pale Orrery sent malware in emails to banks that warned of overdue fees.",
            ["financial-services"],
        ),
        (
            "Pale Orrery targeted hospitals with malware, and hospitals warned staff afterwards.",
            ["healthcare"],
        ),
    ],
)
def test_a_sector_the_actors_reached_stays_a_target_beside_a_warning(
    sentence: str, sectors: list[str]
) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == sectors


@pytest.mark.parametrize(
    "sentence",
    [
        "OpenAI's head of threat intelligence, a former government official, said the company "
        "works closely with the technology industry.",
        "The company said it shares what it finds with banks and with law enforcement.",
    ],
)
def test_the_reporters_own_dealings_named_by_its_own_people_are_no_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\nPale Orrery wrote malware. {sentence}") == []


def test_what_the_reporter_says_the_actors_did_still_counts() -> None:
    body = "## Pale Orrery\n\nOpenAI's head of threat intelligence said Pale Orrery targeted banks."
    assert _sectors(body) == ["financial-services"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The findings arrive amid a debate among lawmakers and the insurance industry about who "
        "pays for the damage.",
        "The report comes a month after warnings from banks about fraud.",
    ],
)
def test_what_the_report_arrives_amid_is_no_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\nPale Orrery wrote malware. {sentence}") == []


def test_a_city_council_is_a_government_target() -> None:
    body = "## Pale Orrery\n\nPale Orrery used its ransomware against a city council in Ohio."
    assert _sectors(body) == ["government"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery wrote posts about the energy crisis in Europe.",
        "Pale Orrery wrote posts blaming migrants for healthcare costs.",
    ],
)
def test_a_sector_word_before_a_topic_noun_is_the_topic(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == []


def test_a_sector_word_before_its_own_head_is_still_a_target() -> None:
    body = "## Pale Orrery\n\nPale Orrery wrote posts to lure staff of energy companies in Europe."
    assert _sectors(body) == ["energy"]


def test_the_authors_of_what_the_actors_read_are_no_target() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery asked the model to summarise reports by Japanese think "
        "tanks."
    )
    assert _sectors(body) == []


def test_a_sector_after_by_and_no_piece_of_writing_is_still_a_target() -> None:
    body = "## Pale Orrery\n\nPale Orrery reached think tanks by email with its malware."
    assert _sectors(body) == ["think-tanks"]


def test_where_the_reporter_presents_its_findings_is_no_target() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery wrote malware against banks in Chile. The company "
        "published the findings ahead of a security conference in Germany."
    )
    campaign = draft(body).campaigns[0]
    assert sorted(c.id for c in campaign.targets.countries) == ["CL"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery amplified content from state media with fake accounts.",
        "Pale Orrery sold its services to political campaigns and wrote malware.",
    ],
)
def test_the_source_of_what_the_actors_spread_and_their_customers_are_no_target(
    sentence: str,
) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == []


@pytest.mark.parametrize(
    ("sentence", "sectors"),
    [
        ("Pale Orrery hid malware in a tool sold to gamers.", ["gaming"]),
        ("Pale Orrery stole data from hospitals with malware.", ["healthcare"]),
    ],
)
def test_victims_after_from_or_sold_to_are_still_targets(sentence: str, sectors: list[str]) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == sectors


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery posed as students to reach scholars in Japan with malware.",
        "Pale Orrery impersonated a charity to lure scholars into opening malware.",
    ],
)
def test_whom_the_actors_reached_after_a_pose_is_a_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == ["education"]


def test_what_the_actors_did_as_the_pose_is_no_target() -> None:
    body = "## Pale Orrery\n\nPale Orrery posed as students of universities to look credible."
    assert _sectors(body) == []


def test_who_would_detect_the_actors_is_no_target() -> None:
    body = (
        "## Pale Orrery\n\nPale Orrery wrote malware and asked how to avoid detection by banks "
        "and monitoring by hospitals."
    )
    assert _sectors(body) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Pale Orrery wrote posts attacking the Uyghur community abroad.",
        "Pale Orrery wrote posts about the Tibetan diaspora in India.",
    ],
)
def test_a_community_attacked_or_written_about_is_a_civil_society_target(sentence: str) -> None:
    assert _sectors(f"## Pale Orrery\n\n{sentence}") == ["civil-society"]


def test_a_community_the_actors_posed_as_is_no_target() -> None:
    body = "## Pale Orrery\n\nPale Orrery posed as members of the Uyghur community to send malware."
    assert _sectors(body) == []
