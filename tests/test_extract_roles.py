"""The extractor on roles: a country as attribution or target, the languages operators use,
the sectors they target, and what is no fact (posing, criticism, research)."""

from __future__ import annotations

import pytest

from graphkit.extract import extract_findings
from graphkit.findings import CampaignFindings
from loaders.text import html_text
from tests.extract_helpers import by_name, country, draft


def test_based_in_attributes_unless_the_based_are_the_targets() -> None:
    uk = draft("## Kit Seller\n\nA criminal based in the United Kingdom sold ransomware.")
    assert country(uk.campaigns[0]) == "GB"
    tw = draft("## Op T\n\nChinese hackers targeted companies based in Taiwan.").campaigns[0]
    assert country(tw) == "CN" and [x.id for x in tw.targets.countries] == ["TW"]
    irgc = draft("## Op I\n\nA group affiliated with Iran's Revolutionary Guard wrote code.")
    assert country(irgc.campaigns[0]) == "IR"
    an = draft("## Op M\n\nMuddyWater, an Iranian group, wrote malware.").campaigns[0]
    assert country(an) == "IR" and not an.targets.countries


def test_coordinated_and_possessive_languages() -> None:
    c = draft("## Op N\n\nIt wrote English- and French-language articles for Africa.").campaigns[0]
    assert sorted(x.id for x in c.languages) == ["en", "fr"]
    d = draft("## Op P\n\nScammers had the model polish their English.").campaigns[0]
    assert [x.id for x in d.languages] == ["en"]


def test_posing_and_codenames_are_not_facts() -> None:
    c = draft(
        "## Phish and Scripts\n\nThe actor posed as a university student and impersonated "
        "think tanks. Others call it Phish and Scripts."
    ).campaigns[0]
    assert not c.targets.sectors
    assert not any(t.id == "T1059" for t in c.techniques)


def test_labelled_fields_say_who_what_language_and_whom() -> None:
    f = draft(
        "# Notes\n\n## Case 2: Remote worker fraud\n\n"
        "- Actor: North Korean IT workers\n- Targets: technology companies\n\n"
        "## Case 3: Kits for sale\n\n- Actor: GTG-7001, based in the United Kingdom\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Remote worker fraud", "Kits for sale"}
    fraud = ops["Remote worker fraud"]
    assert country(fraud) == "KP" and [x.id for x in fraud.targets.sectors] == ["technology"]
    assert [a.name for a in fraud.all_actors] == ["North Korean IT workers"]
    assert country(ops["Kits for sale"]) == "GB"


def test_questions_say_who_the_answer_is_about_and_sponsors_attribute() -> None:
    f = draft(
        "Questions\n\nWhat about North Korea?\nUNC1069 wrote lures in Spanish.\n\n"
        "And the guardrails?\nA China-nexus actor posed as a student.\n\n"
        "Anything else?\nCURIUM, connected to the Islamic Revolutionary Guard Corps, wrote lures.\n"
    )
    unc = next(c for c in f.campaigns if any(a.name == "UNC1069" for a in c.all_actors))
    assert country(unc) == "KP" and not unc.targets.countries
    assert any(country(c) == "CN" for c in f.campaigns if c is not unc)
    curium = next(c for c in f.campaigns if any(a.name == "CURIUM" for a in c.all_actors))
    assert country(curium) == "IR"


def test_a_country_set_after_an_actor_by_a_dash_is_where_it_is_from() -> None:
    f = draft(
        "Digest\n\n"
        "- Emerald Sleet (THALLIUM) \u2014 North Korea. Impersonates universities to reach "
        "scholars.\n"
        "- Quiet Lantern was run by a marketing firm in Tel Aviv that wrote about Canadian "
        "politics.\n"
    )
    kimsuky = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    assert country(kimsuky) == "KP" and not kimsuky.targets.countries
    lantern = by_name(f)["Quiet Lantern"]
    assert country(lantern) == "IL"


def test_sector_words_that_say_who_or_what_is_criticised_are_no_targets() -> None:
    c = draft(
        "# Notes\n\n## Loud Echo\n\nLoud Echo, a Chinese network, posted attacks on people "
        "who criticise the Chinese government, and an extortion crew hit an ambulance service. "
        "It sold kits for 400 US dollars.\n"
    ).campaigns[0]
    assert {s.id for s in c.targets.sectors} == {"civil-society", "emergency-services"}
    assert not c.targets.countries


def test_capital_headings_brackets_after_names_and_own_country_targets() -> None:
    f = extract_findings(
        "WEEKLY BULLETIN\n\nSUMMARY\nOpenAI took down operations that used its models.\n\n"
        "LOUD CHOIR -- RUSSIA\nWrote comments in Polish for readers in Moldova.\n\n"
        "IUVM -- IRAN\nWrote articles in French.\n\n"
        "## Quiet Harbor\n\nQuiet Harbor (Iran; English and Spanish) posted about US "
        "politics.\n\n"
        "Paper Lantern was run by a firm in the Philippines and aimed at Filipino voters.\n",
        publisher="OpenAI",
        published="2024-05-30",
    )
    ops = by_name(f)
    assert {"Loud Choir", "IUVM"} <= set(ops)  # the country after the dash is who, not name
    assert country(ops["Loud Choir"]) == "RU"
    assert [p.name for p in ops["IUVM"].platforms] == ["ChatGPT"]  # "its models"
    harbor = ops["Quiet Harbor"]
    assert country(harbor) == "IR" and {x.id for x in harbor.languages} == {"en", "es"}
    lantern = ops["Paper Lantern"]
    assert country(lantern) == "PH" and [x.id for x in lantern.targets.countries] == ["PH"]


def test_each_listed_actor_keeps_its_own_country() -> None:
    f = draft(
        "Questions\n\nWhich groups were involved?\nThree: Forest Blizzard from Russia, Emerald "
        "Sleet from North Korea and Crimson Sandstorm from Iran.\n\n"
        "Forest Blizzard, a military intelligence actor, supported Russia's military "
        "operations in Ukraine.\n\n"
        "The clearest example is GLASSTEAL, which Russia's APT28 used against Ukrainian "
        "targets, while the Iranian group TEMP.Zagros posed as a student working on a "
        "university project.\n\nA network from Cambodia translated messages between Chinese "
        "and Japanese to lure people into investment fraud.\n"
    )
    origins = {a.name: a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins["APT28"] == "RU" and origins["Kimsuky"] == "KP" and origins["CURIUM"] == "IR"
    assert origins["MuddyWater"] == "IR"  # TEMP.Zagros
    apt28 = next(c for c in f.campaigns if any(a.name == "APT28" for a in c.all_actors))
    assert not {s.id for s in apt28.targets.sectors} & {"defense", "education"}
    assert "GLASSTEAL" in by_name(f)
    scam = next(c for c in f.campaigns if {x.id for x in c.languages} == {"zh", "ja"})
    assert [s.id for s in scam.targets.sectors] == ["individuals"] and not scam.targets.countries


def test_kind_then_name_language_lists_and_a_country_alone_under_a_profile() -> None:
    f = draft(
        "# Brief\n\nThe Russian operation Loud Choir wrote comments in several languages, "
        "including French, German and Polish.\n\nThe Israeli company BLUEWAVE ran an operation "
        "OpenAI named Quiet Harbor.\n\n### Emerald Sleet\n\n*Also known as THALLIUM. North "
        "Korea.*\n\nIt used LLMs to understand the Follina vulnerability.\n"
    )
    ops = by_name(f)
    choir = ops["Loud Choir"]
    assert country(choir) == "RU" and {x.id for x in choir.languages} == {"fr", "de", "pl"}
    assert not choir.targets.countries
    assert "Quiet Harbor" not in {a.name for c in f.campaigns for a in c.all_actors}
    sleet = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    assert country(sleet) == "KP" and not sleet.targets.countries
    assert "llm-assisted-vulnerability-research" in {t.id for t in sleet.techniques}
    assert not sleet.platforms  # "It used LLMs": the actor's, not the publisher's models


def test_what_content_mocks_is_no_target() -> None:
    c = draft(
        "# Report\n\n## Grey Chorus\n\nA Chinese network posted comments that mocked a "
        "Japanese anime studio and harassed a Filipino journalist.\n"
    ).campaigns[0]
    assert [x.id for x in c.targets.countries] == ["PH"]


def test_a_label_over_a_list_of_languages_and_a_prose_colon() -> None:
    text = html_text(
        "<html><body><main><h2>Glass Orchard</h2><p>Activity consistent with Iran: phishing "
        "aimed at universities in Israel.</p><p>Languages used:</p><ul><li>Hebrew</li>"
        "<li>English</li></ul></main></body></html>"
    )
    c = by_name(draft(text))["Glass Orchard"]
    assert [x.id for x in c.languages] == ["he", "en"]
    assert country(c) == "IR" and [x.id for x in c.targets.countries] == ["IL"]


def test_critics_of_a_government_and_researched_technology_are_no_targets() -> None:
    f = draft(
        "Notes\n\n## Red Lattice\n\nRed Lattice, a Chinese network, attacked critics of the "
        "Beijing government and researched US satellite communications.\n"
    )
    op = by_name(f)["Red Lattice"]
    assert [x.id for x in op.targets.sectors] == ["civil-society"]
    assert not op.targets.countries


def test_a_comma_ends_a_demonyms_noun_phrase() -> None:
    f = draft(
        "Notes\n\n## Paper Kite\n\nAttribution: China\n"
        "Targets: American universities, groups critical of the CCP\n"
    )
    assert {x.id for x in by_name(f)["Paper Kite"].targets.sectors} == {
        "education",
        "civil-society",
    }


def test_where_content_appeared_and_what_a_case_is_not() -> None:
    f = draft(
        "Notes\n\n## Dust Lantern\n\nDust Lantern, a Chinese network, wrote articles that ended "
        "up in real newspapers in Chile. It was a fraud operation rather than a political one.\n\n"
        "## Coin Loop\n\nOperator: a call centre in Cambodia; Type: Task scam\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Dust Lantern"].targets.countries] == ["CL"]
    assert not ops["Dust Lantern"].targets.sectors  # neither the media nor politics
    assert [x.id for x in ops["Coin Loop"].targets.sectors] == ["individuals"]
    assert country(ops["Coin Loop"]) == "KH"


def test_the_publishers_models_named_from_outside_and_contact_details() -> None:
    f = draft(
        "Glossary\n\nAll of them used OpenAI's models.\n\n## Cold Harbor\n\n"
        "A Russian network asked for contact details of journalists.\n"
    )
    op = by_name(f)["Cold Harbor"]
    assert [p.name for p in op.platforms] == ["ChatGPT"]
    assert {"T1589", "llm-informed-reconnaissance"} <= {t.id for t in op.techniques}


def test_a_bare_list_of_languages_survives_a_lost_layout() -> None:
    f = draft(
        'Notes\n\n## Hollow Reed\n\nHollow Reed Russia "Russian, English" Ukraine, Moldova '
        "comments for a bot.\n\n## Ash Weir\n\nRussian, Chinese and Iranian actors wrote "
        "code. It targets English and Welsh councils.\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Hollow Reed"].languages] == ["ru", "en"]
    assert not ops["Ash Weir"].languages  # peoples, and a list that runs on into a noun


def test_a_matrix_of_language_ticks_and_names_said_again() -> None:
    f = draft(
        "# Languages\n\n| Network | Origin | English | Russian | Other |\n|---|---|:-:|:-:|---|\n"
        "| Gale Finch | Russia | \u2713 | \u2713 | |\n"
        "| Reed Otter | Israel (KESTRA) | \u2713 | | Hebrew |\n\n"
        "Notes:\n\n- Gale Finch aimed at Moldova.\n"
    )
    ops = by_name(f)
    assert [x.id for x in ops["Gale Finch"].languages] == ["en", "ru"]
    assert [x.id for x in ops["Gale Finch"].targets.countries] == ["MD"]
    assert [x.id for x in ops["Reed Otter"].languages] == ["en", "he"]
    assert any(a.name == "KESTRA" for a in ops["Reed Otter"].all_actors)


def test_a_category_heading_and_a_person_criticised() -> None:
    f = draft(
        "# Casebook\n\n## Scams\n\n**Dry Creek.** A task scam likely run from Laos. It wrote "
        "messages in Thai.\n\n## Influence\n\n**Ember Jay.** A Chinese network whose comments "
        "criticised a Pakistani activist.\n"
    )
    ops = by_name(f)
    assert set(ops) == {"Dry Creek", "Ember Jay"}
    assert country(ops["Dry Creek"]) == "LA" and [x.id for x in ops["Dry Creek"].languages] == [
        "th"
    ]
    assert [x.id for x in ops["Ember Jay"].targets.countries] == ["PK"]


def test_a_task_scam_run_out_of_a_country_targets_individuals() -> None:
    op = by_name(draft("## Reed Call\n\nReed Call is a task scam run out of Laos.\n"))["Reed Call"]
    assert country(op) == "LA" and [x.id for x in op.targets.sectors] == ["individuals"]


def test_a_sponsor_a_caption_and_its_own_side_are_no_targets() -> None:
    page = (
        "<html><body><article><h1>Network banned</h1><p>The company banned an Iranian network "
        "known as STORM-9001 that wrote for websites posing as news outlets.</p><figure>"
        "<img src='a.png'><figcaption>Illustration: a feed. (Photo: stock)</figcaption></figure>"
        "<p>Others had already tied STORM-9001 to the Iranian government. It asked how to delete "
        "files after a run, in support of military operations.</p></article></body></html>"
    )
    f = draft(html_text(page))
    assert [c.name for c in f.campaigns] == ["STORM-9001"]
    op = f.campaigns[0]
    assert country(op) == "IR" and not op.targets.sectors
    assert {"T1583", "T1070"} <= {t.id.split(".")[0] for t in op.techniques}


def test_articles_placed_in_foreign_media_and_a_country_disparaged() -> None:
    f = draft(
        "## Dune Echo\n\nDune Echo wrote long articles in Spanish that disparaged the US and "
        "placed them in Latin American media. It also tried to draw feminists to a site.\n"
    )
    op = by_name(f)["Dune Echo"]
    assert not op.targets.countries
    assert [x.id for x in op.targets.sectors] == ["civil-society"]


def test_languages_in_suspended_hyphens_slashes_copy_and_mixes() -> None:
    f = draft(
        "## Iron Gate\n\nIron Gate produced Japanese-, Chinese- and English-language lures. Its "
        "bilingual English/Spanish output went to voters. It had the model write long Spanish "
        "copy. Its comments mixed English with Taglish.\n"
    )
    op = by_name(f)["Iron Gate"]
    assert sorted(x.id for x in op.languages) == ["en", "es", "ja", "tl", "zh"]
    assert not op.targets.countries  # "Japanese-" is a language here, not Japan


def test_a_judged_origin_a_side_taken_and_research_in_a_list() -> None:
    f = draft(
        "## Pale Reed\n\nPale Reed, which the company assessed as probably Chinese, got its "
        "pieces printed by mainstream newspapers in Peru, arguing China's case.\n\n"
        "## Salt Owl\n\nSalt Owl researched US satellite communications and defence companies. "
        "Its malware side-loaded a DLL. It ran sites dressed up as news outlets.\n"
    )
    ops = by_name(f)
    assert country(ops["Pale Reed"]) == "CN"
    assert [x.id for x in ops["Pale Reed"].targets.countries] == ["PE"]
    assert not ops["Pale Reed"].targets.sectors  # the newspapers carried it: no media target
    assert not ops["Salt Owl"].targets.sectors
    assert {"T1574", "T1583"} <= {t.id.split(".")[0] for t in ops["Salt Owl"].techniques}


def test_a_parliament_stands_for_its_country_and_searching_is_reconnaissance() -> None:
    f = draft(
        "## Lark Pike\n\nLark Pike wrote German-language material before the Bundestag election "
        "and searched for information on activists. Its topics were the conflict in Gaza and "
        "the election.\n"
    )
    op = by_name(f)["Lark Pike"]
    assert [x.id for x in op.targets.countries] == ["DE"]  # and not Gaza, a topic
    assert "llm-informed-reconnaissance" in {t.id for t in op.techniques}


def test_both_of_one_origin_a_country_using_ai_and_asking_about_people() -> None:
    f = draft(
        "# Review\n\n- **Reed Kite** and **Sand Kite**, both Chinese, were busy.\n"
        "- **Lake Owl** showed Russia using AI in an election.\n\n"
        "## Lake Owl\n\nPosts in Danish. The operators also asked the model about activists.\n"
    )
    ops = by_name(f)
    assert country(ops["Reed Kite"]) == "CN" and not ops["Reed Kite"].targets.countries
    assert country(ops["Lake Owl"]) == "RU" and not ops["Lake Owl"].targets.countries
    assert "llm-informed-reconnaissance" in {t.id for t in ops["Lake Owl"].techniques}


# One grammatical case a test, each on sentences written for it (issue 23): lists of places,
# origin against target, the actor's employer, sector words in other senses, a language's
# script, a community.


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
    # an offering verb further back is not what the determiner's phrase is the object of
    e = _one("## Reed Lamp\n\nChilean hackers were paid to post in this space and wrote malware.")
    assert not e.targets.sectors


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


def test_a_verb_of_tying_reaches_over_a_name_set_apart_to_the_country() -> None:
    c = draft(
        "## Op W\n\nThe lab tied the first cluster, Dune Wick, to North Korea; its operators "
        "wrote lures aimed at shipping firms in South Korea."
    ).campaigns[0]
    assert country(c) == "KP" and [x.id for x in c.targets.countries] == ["KR"]
    # a targeting word after the verb ends its reach: the country is the target's
    t = draft("## Op X\n\nThe lab linked phishing aimed at Taiwan to a new crew.").campaigns[0]
    assert [x.id for x in t.targets.countries] == ["TW"] and country(t) is None


def test_where_the_firms_or_networks_an_actor_aims_at_are_is_a_target() -> None:
    firm = draft("## Op Y\n\nA marketing firm in the Philippines ran the network.").campaigns[0]
    assert country(firm) == "PH"
    scan = draft("## Op Z\n\nThe crew scanned networks in Germany and Poland.").campaigns[0]
    assert sorted(x.id for x in scan.targets.countries) == ["DE", "PL"] and country(scan) is None


def test_a_capitals_possessive_before_its_people_is_their_origin_and_its_assets_a_target() -> None:
    own = draft("## Op Q\n\nTehran's state hackers wrote lures for lawyers in Bahrain.")
    (c,) = own.campaigns
    assert country(c) == "IR" and [x.id for x in c.targets.countries] == ["BH"]
    # what a country owns that is no people of its own is done to it
    hit = draft("## Op R\n\nThe crew breached Estonia's power networks.").campaigns[0]
    assert [x.id for x in hit.targets.countries] == ["EE"] and country(hit) is None


def test_an_origin_held_by_a_verb_of_belief_after_the_noun_is_still_the_origin() -> None:
    f = draft(
        "Chatbot maker cuts off a crew\n\nKimsuky sent lures to think tanks in Japan.\n\n"
        "Operators thought to be in Syria mapped power plants in Jordan, the lab said.\n"
    )
    (syria,) = [c for c in f.campaigns if c.all_actors[0].name != "Kimsuky"]
    assert country(syria) == "SY" and "JO" in {x.id for x in syria.targets.countries}


def test_whom_the_actors_work_for_is_their_origin_and_no_targeted_sector() -> None:
    c = draft("## Op S\n\nHackers working for a Russian energy company probed pipelines in Poland.")
    (op,) = c.campaigns
    assert country(op) == "RU" and [x.id for x in op.targets.countries] == ["PL"]
    assert not op.targets.sectors
    # the same noun phrase after a targeting verb is the target
    hit = draft("## Op T\n\nHackers probed a Russian energy company.").campaigns[0]
    assert [x.id for x in hit.targets.countries] == ["RU"] and country(hit) is None


def test_on_whose_behalf_the_actors_work_is_their_origin_not_a_target() -> None:
    c = draft("## Op B\n\nOperatives working on behalf of Hanoi asked it about ports in Chile.")
    (op,) = c.campaigns
    assert country(op) == "VN" and [x.id for x in op.targets.countries] == ["CL"]


def test_a_demonym_of_a_smaller_country_before_an_actor_noun_is_its_origin() -> None:
    (op,) = draft("## Op C\n\nA Cuban crew scanned routers in Chile.").campaigns
    assert country(op) == "CU" and [x.id for x in op.targets.countries] == ["CL"]


def test_whom_the_writer_tells_or_works_with_is_no_targeted_sector() -> None:
    c = _one(
        "## Op D\n\nThe crew wrote phishing emails to hospitals in Peru. Experts at a security "
        "firm told a news agency that the threat is growing. The lab shared its findings with "
        "partners and with universities that use its tools. The lab, which has struck deals "
        "with chip makers and energy suppliers, did not say more."
    )
    assert _sectors(c) == ["healthcare"]
    tip = _one(
        "## Op D\n\nThe crew wrote phishing emails to hospitals in Peru; the lab found it "
        "after a tip from a partner in the financial sector."
    )
    assert _sectors(tip) == ["healthcare"]
    aimed = _one("## Op D\n\nThe crew targeted partners in the defense sector in Peru.")
    assert _sectors(aimed) == ["defense"]


def test_a_country_after_of_takes_its_heads_role_and_originate_in_attributes() -> None:
    c = _one(
        "## Op E\n\nAccounts tied to the Cuban military drafted posts criticising the government "
        "of Lithuania."
    )
    assert country(c) == "CU" and not c.targets.countries  # a topic, not a target
    c = _one("## Op F\n\nThe activity appeared to originate in Laos and hit a water utility.")
    assert country(c) == "LA" and _sectors(c) == ["critical-infrastructure"]


def test_people_in_a_country_the_work_was_for_are_a_target_not_the_actors_seat() -> None:
    c = _one("## Op G\n\nThe crew wrote fake job offers in Thai for workers in Thailand.")
    assert country(c) is None and [x.id for x in c.targets.countries] == ["TH"]


# --- A set of places, then its members: the members take the set's role


@pytest.mark.parametrize(
    "sentence",
    [
        "The lab banned accounts run by actors in other regions, including Cambodia and Laos, "
        "that ran task scams.",
        "Scam centres in countries such as Cambodia and Laos used the model to write messages.",
        "Operators based in several countries, among them Cambodia and Laos, translated scam "
        "scripts.",
        "The lab found scam rings, mostly operating out of Southeast Asia, specifically Cambodia "
        "and Laos, that used the model to write messages.",
        # a set counted in digits, and by a phrase of several words
        "Crews from more than 20 countries, including Cambodia and Laos, wrote scam scripts.",
        "Crews from at least two dozen nations, such as Cambodia and Laos, wrote scam scripts.",
    ],
)
def test_members_of_a_set_of_places_where_actors_are_are_where_they_are(sentence: str) -> None:
    f = draft("Chatbot maker cuts off two crews\n\n" + sentence + "\n")
    origins = {a.country.id for c in f.campaigns for a in c.all_actors if a.country}
    assert origins == {"KH", "LA"}
    assert not {x.id for c in f.campaigns for x in c.targets.countries}
    assert not any("countries" in a.name or "regions" in a.name or "Asia" in a.name
                   or "nations" in a.name or "20" in a.name
                   for c in f.campaigns for a in c.all_actors)  # fmt: skip


@pytest.mark.parametrize(
    "place",
    ["in several countries, including Peru and Chile", "in countries such as Peru and Chile"],
)
def test_members_of_a_set_of_places_the_actors_aimed_at_are_targets(place: str) -> None:
    f = draft(
        "Chatbot maker cuts off two crews\n\nJade Heron, a group linked to Laos, sent phishing "
        f"emails aimed at banks {place}.\n"
    )
    (c,) = f.campaigns
    assert country(c) == "LA" and {x.id for x in c.targets.countries} == {"PE", "CL"}


def test_a_people_before_a_product_is_where_it_is_made_and_before_a_startup_the_origin() -> None:
    c = _one(
        "## Op G\n\nThe hackers used two Chinese models and a Russian AI chatbot to translate "
        "lures into English for officials in Peru."
    )
    assert country(c) is None and {x.id for x in c.targets.countries} == {"PE"}
    startup = _one("## Op H\n\nA Laotian AI startup copied the chatbot's answers to train a model.")
    assert country(startup) == "LA" and not startup.targets.countries


def test_a_place_of_whoever_runs_the_operation_is_its_origin() -> None:
    c = _one(
        "## Op J\n\nA second operation, run by people in Laos, translated articles into "
        "Spanish for readers in Peru."
    )
    assert country(c) == "LA" and {x.id for x in c.targets.countries} == {"PE"}
    assert "T1547" not in {t.id.split(".")[0] for t in c.techniques}  # no Run keys
    aimed = _one("## Op K\n\nThe lures, sent by the crew to people in Peru, were in Spanish.")
    assert {x.id for x in aimed.targets.countries} == {"PE"}


def test_a_people_before_case_or_outfit_is_the_origin_of_whoever_acts() -> None:
    f = draft(
        "Lab closes accounts of two crews\n\nIn the Laotian case, a crew the lab calls Moss "
        "Lantern wrote scripts and sent lures to bankers in Peru.\n\nThe spam outfit in "
        "Bhutan, for its part, sold fake reviews to shops in Chile.\n"
    )
    ops = {a.name: c for c in f.campaigns for a in c.all_actors}
    assert set(ops) == {"Moss Lantern", "Spam outfit in Bhutan"}
    moss, outfit = ops["Moss Lantern"], ops["Spam outfit in Bhutan"]
    assert country(moss) == "LA" and {x.id for x in moss.targets.countries} == {"PE"}
    assert country(outfit) == "BT" and {x.id for x in outfit.targets.countries} == {"CL"}


def test_a_targeting_verb_reaches_the_last_noun_of_the_list_it_governs() -> None:
    c = _one(
        "## Op Q\n\nMoss Lantern wrote phishing lures aimed at defense experts and non-profit "
        "groups in Peru and Chile."
    )
    assert {x.id for x in c.targets.countries} == {"PE", "CL"}
    assert {x.id for x in c.targets.sectors} == {"defense", "civil-society"}


def test_a_singular_sector_word_before_a_targets_head_is_a_target() -> None:
    c = _one(
        "## Op R\n\nMoss Lantern extorted a dozen victims, among them a hospital chain, a church "
        "network and a power company in Peru."
    )
    assert {x.id for x in c.targets.sectors} == {"healthcare", "religious", "energy"}
    space = _one("## Op S\n\nMoss Lantern posted in this space a game of lures for Peru.")
    assert not {x.id for x in space.targets.sectors} & {"aerospace", "gaming"}


def test_a_sea_or_strait_named_for_a_country_is_no_mention_of_it() -> None:
    c = _one(
        "## Op U\n\nMoss Lantern posted about the South China Sea, the Taiwan Strait and the "
        "Persian Gulf for readers in Peru."
    )
    assert {x.id for x in c.targets.countries} == {"PE"}


def test_where_actors_operate_from_is_their_origin_and_whom_they_took_from_a_target() -> None:
    c = _one(
        "## Op V\n\nScam crews operating from compounds in Laos and Mongolia wrote lures for "
        "people in Peru."
    )
    assert {x.id for x in c.targets.countries} == {"PE"}
    assert {a.country.id for a in c.all_actors if a.country} == {"LA", "MN"}
    took = _one("## Op W\n\nMoss Lantern stole data from companies in Chile.")
    assert {x.id for x in took.targets.countries} == {"CL"}


def test_people_the_actors_are_tied_to_are_their_origin_and_where_a_victim_lives_a_target() -> None:
    c = _one(
        "## Op X\n\nThe network, which the lab linked to individuals in Laos, attacked a "
        "dissident who lives in Chile and stole phone numbers linked to people in Peru."
    )
    assert {a.country.id for a in c.all_actors if a.country} == {"LA"}
    assert {x.id for x in c.targets.countries} == {"CL", "PE"}


@pytest.mark.parametrize(
    "tie", ["which researchers tie to Laos", "that analysts attribute to Laos",
            "which the firm traces to Laos", "which the lab has tied to Laos"]
)  # fmt: skip
def test_a_tie_in_the_present_after_its_subject_is_an_origin(tie: str) -> None:
    c = _one(f"## Op T\n\nThe group Storm-9990, {tie}, phished ministries in Peru.")
    assert country(c) == "LA" and {x.id for x in c.targets.countries} == {"PE"}


def test_a_countrys_people_a_few_words_after_its_possessive_are_its_actors() -> None:
    c = _one("## Op Y\n\nLaos's fake IT workers used the chatbot to answer interview questions.")
    assert country(c) == "LA" and not c.targets.countries


def test_a_seat_of_power_backing_is_an_origin_and_a_side_taken_no_target() -> None:
    backed = _one("## Op Z\n\nA Kremlin-backed network posted comments for readers in Peru.")
    assert country(backed) == "RU" and {x.id for x in backed.targets.countries} == {"PE"}
    side = _one("## Op Z2\n\nA pro-Laos network posted comments for readers in Peru.")
    assert country(side) is None and {x.id for x in side.targets.countries} == {"PE"}


@pytest.mark.parametrize(("people", "code"), [("Mexican", "MX"), ("Bhutanese", "BT")])
def test_a_peoples_name_before_an_actor_noun_is_its_origin(people: str, code: str) -> None:
    c = _one(f"## Op P\n\nA {people} crew wrote phishing emails for banks in Peru.")
    assert country(c) == code and {x.id for x in c.targets.countries} == {"PE"}


def test_a_sector_word_listed_before_a_targets_head_is_a_target_not_subject_matter() -> None:
    c = _one("## Op Q2\n\nMoss Lantern wrote lures to approach defense and foreign policy experts.")
    assert "defense" in {x.id for x in c.targets.sectors}
    topic = _one("## Op Q3\n\nMoss Lantern researched satellite and radar technologies.")
    assert not topic.targets.sectors


@pytest.mark.parametrize(
    ("sentence", "origin", "targets"),
    [
        # a relative clause of belief says where the actors are
        (
            "The operators, who the lab believes are in Ghana, targeted Canadians with the "
            "chatbot's help.",
            "GH",
            ["CA"],
        ),
        # what they wrote about is no seat of theirs, even after a noun for people who sit
        # somewhere ("groups in Syria")
        (
            "A Tamil-speaking network used the chatbot to write posts about Kurdish groups in "
            "Iraq.",
            None,
            ["IQ"],
        ),
    ],
)
def test_where_the_actors_are_believed_to_be_and_what_they_wrote_about(
    sentence: str, origin: str | None, targets: list[str]
) -> None:
    (c,) = draft(f"## Op Q\n\n{sentence}").campaigns
    assert country(c) == origin
    assert sorted(x.id for x in c.targets.countries) == targets


@pytest.mark.parametrize("verb", ["scammed", "went after", "lured", "phished", "defrauded"])
def test_a_people_by_its_plural_after_a_verb_is_whom_they_went_after(verb: str) -> None:
    (c,) = draft(
        f"## Op R\n\nA crew based in Ghana used the chatbot and {verb} Canadians."
    ).campaigns
    assert country(c) == "GH" and [x.id for x in c.targets.countries] == ["CA"]


def test_a_people_by_its_plural_as_the_subject_is_the_actors() -> None:
    (c,) = draft("## Op S\n\nThe Ghanaians also used the chatbot to scam Canadians.").campaigns
    assert country(c) == "GH" and [x.id for x in c.targets.countries] == ["CA"]


@pytest.mark.parametrize(
    ("sentence", "languages", "places"),
    [
        ("They asked for replies in Brazilian Portuguese.", ["pt"], []),
        ("They wrote posts in Egyptian Arabic.", ["ar"], []),
        # a people's name before a language only with nothing between them
        ("They hit Brazilian banks with emails in Portuguese.", ["pt"], ["BR"]),
    ],
)
def test_a_peoples_name_before_a_language_says_which_variety(
    sentence: str, languages: list[str], places: list[str]
) -> None:
    (c,) = draft(f"## Op V\n\nA crew based in Laos wrote scam messages. {sentence}").campaigns
    assert sorted(x.id for x in c.languages) == languages
    assert sorted(x.id for x in c.targets.countries) == places


@pytest.mark.parametrize(
    ("sentence", "origin", "targets"),
    [
        # a country's short name before an actor noun is the actors' own
        (
            "DPRK operatives used the model to draft cover letters for jobs in Germany.",
            "KP",
            ["DE"],
        ),
        # servers the actors scanned are someone else's: where the targets are
        (
            "Hackers working for the Russian state used the model to scan servers in Estonia.",
            "RU",
            ["EE"],
        ),
        # the actors' own servers still sit somewhere, no target
        ("Hackers working for the Russian state rented servers in Estonia.", "RU", []),
    ],
)
def test_a_countrys_name_before_actors_and_servers_scanned_somewhere(
    sentence: str, origin: str, targets: list[str]
) -> None:
    (c,) = draft(f"## Op W\n\n{sentence}").campaigns
    assert country(c) == origin
    assert sorted(x.id for x in c.targets.countries) == targets


def test_countries_with_a_longer_namesake_and_congos_long_names_are_places() -> None:
    f = draft(
        "# Notes\n\n## Tin Wren\n\nTin Wren, a crew in Laos, aimed posts at voters in Sudan, "
        "Samoa and the Democratic Republic of the Congo, and at officials in South Sudan.\n"
    )
    targets = {t.id for c in f.campaigns for t in c.targets.countries}
    assert targets == {"SD", "WS", "CD", "SS"}


def test_a_language_named_for_a_country_is_the_language_not_a_target() -> None:
    c = draft(
        "# Notes\n\n## Tin Wren\n\nTin Wren, a crew in Laos, wrote posts in Bangla and in "
        "Haitian Creole.\n"
    ).campaigns[0]
    assert {x.id for x in c.languages} == {"bn", "ht"} and not c.targets.countries


def test_a_list_of_origins_of_other_networks_is_no_origin_of_the_named_case() -> None:
    f = draft(
        "Lab bans accounts\n\nThe lab said it shut down an operation known as Grey Loom, which "
        "wrote posts in Spanish about the elections in Chile.\n\nIn March, the lab said its "
        "models had been misused by networks from Russia, China, Iran and Israel to spread "
        "lies.\n"
    )
    (c,) = f.campaigns
    assert not {"RU", "CN", "IR", "IL"} & set(_origins(c))


def test_a_list_of_origins_that_names_the_case_is_still_its_origins() -> None:
    f = draft(
        "Lab bans accounts\n\nThe lab said it shut down an operation known as Grey Loom, which "
        "wrote posts in Spanish about the elections in Chile.\n\nGrey Loom was run by "
        "operators from Peru and Bolivia.\n"
    )
    (c,) = f.campaigns
    assert sorted(_origins(c)) == ["BO", "PE"]
