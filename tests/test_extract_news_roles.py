"""The extractor on who did what, to whom, from where, one grammatical case a test (issue 23):
lists of places, origin against target, the actor's employer, sector words in other senses,
a language's script, a community, and an AI company named in passing. Every sentence here
is written for its test."""

from __future__ import annotations

from graphkit.findings import CampaignFindings
from tests.extract_helpers import draft


def _one(body: str) -> CampaignFindings:
    campaigns = draft(body).campaigns
    assert len(campaigns) == 1, [c.name for c in campaigns]
    return campaigns[0]


def _origins(c: CampaignFindings) -> list[str]:
    return [a.country.id for a in c.all_actors if a.country]


def _sectors(c: CampaignFindings) -> list[str]:
    return [x.id for x in c.targets.sectors]


def test_a_list_of_countries_after_from_are_all_origins() -> None:
    c = _one("## Late Ferry\n\nThe lab closed accounts of groups from Peru, Chile, and Bolivia.")
    assert sorted(_origins(c)) == ["BO", "CL", "PE"]
    assert not c.targets.countries  # the last of the list is no target


def test_a_list_of_demonyms_before_an_actor_noun_are_all_origins() -> None:
    c = _one(
        "## Glass Quay\n\nChilean, Peruvian, Bolivian and North Korean government agents "
        "drafted lures with the model."
    )
    assert sorted(_origins(c)) == ["BO", "CL", "KP", "PE"]
    assert not c.targets.countries and not c.targets.sectors  # government is who they are


def test_a_list_of_targets_stays_targets() -> None:
    c = _one("## Dune Lamp\n\nHackers from Chile targeted Peru, Bolivia and Ecuador.")
    assert _origins(c) == ["CL"]
    assert sorted(x.id for x in c.targets.countries) == ["BO", "EC", "PE"]


def test_a_kind_and_its_members_gives_each_member_its_origin() -> None:
    f = draft(  # the campaign's origin (Bolivia) does not override the member's own
        "## Tide Notes\n\nA Bolivian network ran the accounts. Chilean groups, including "
        "UNC4123, scanned routers."
    )
    unc = next(a for c in f.campaigns for a in c.all_actors if a.name == "UNC4123")
    assert unc.country is not None and unc.country.id == "CL"
    g = draft("## Tide Notes\n\nHackers from Peru such as UNC4124 and UNC4125 scanned routers.")
    named = {a.name: a.country for c in g.campaigns for a in c.all_actors}
    assert {n: x.id for n, x in named.items() if x} == {"UNC4124": "PE", "UNC4125": "PE"}


def test_a_two_word_demonym_before_government_agents_is_their_origin() -> None:
    c = _one("## Cold Pier\n\nNorth Korean government agents wrote cover letters with it.")
    assert _origins(c) == ["KP"] and "government" not in _sectors(c)
    d = _one("## Cold Pier\n\nThe actors targeted South Korean government agencies.")
    assert [x.id for x in d.targets.countries] == ["KR"] and _sectors(d) == ["government"]


def test_the_employers_trade_in_a_relative_clause_is_no_target() -> None:
    c = _one("## Grey Loom\n\nAn engineer at a firm that does defense work in Chile wrote malware.")
    assert not c.targets.sectors
    d = _one("## Grey Loom\n\nA firm that targeted defense contractors wrote malware.")
    assert _sectors(d) == ["defense"]


def test_a_sector_word_after_a_determiner_of_its_own_is_no_target() -> None:
    c = _one("## Reed Lamp\n\nChilean hackers are busy in this space and will use their power.")
    assert not c.targets.sectors
    d = _one("## Reed Lamp\n\nChilean hackers targeted the space sector and power companies.")
    assert sorted(_sectors(d)) == ["aerospace", "energy"]


def test_a_sector_word_modifying_another_head_is_no_target() -> None:
    c = _one("## Moss Gate\n\nChilean hackers read leaked police records to write lures.")
    assert not c.targets.sectors
    d = _one("## Moss Gate\n\nChilean hackers emailed police departments lures.")
    assert _sectors(d) == ["emergency-services"]


def test_a_sector_word_inside_an_idiom_with_an_article_is_no_target() -> None:
    c = _one("## Ash Kite\n\nChilean hackers played a cat-and-mouse game with moderators.")
    assert not c.targets.sectors


def test_a_language_after_its_script_or_register_is_in_use() -> None:
    c = _one("## Plum Wire\n\nThe operators prompted the model in Simplified Chinese.")
    assert [x.id for x in c.languages] == ["zh"] and not c.targets.countries
    d = _one("## Plum Wire\n\nThe operators wrote in broken English and Traditional Chinese.")
    assert sorted(x.id for x in d.languages) == ["en", "zh"]


def test_a_people_named_as_a_community_is_a_civil_society_target() -> None:
    c = _one("## Salt Fern\n\nChilean hackers sent lures to the Uyghur community abroad.")
    assert _sectors(c) == ["civil-society"]


def test_an_ai_company_in_a_dispute_is_no_platform_used() -> None:
    c = _one(
        "## Iron Wren\n\nChilean hackers wrote malware with Claude. Separately, the lab "
        "accused DeepSeek of distilling its model, and DeepSeek denied it."
    )
    assert [p.name for p in c.platforms] == ["Claude"]
