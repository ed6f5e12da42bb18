"""The extractor on behaviour: techniques told in words, and the ones denied or researched."""

from __future__ import annotations

from graphkit.extract import extract_findings
from graphkit.vocab import ATLAS_TECHNIQUES, LLM_TECHNIQUES
from tests.extract_helpers import by_name, country, draft


def test_behaviour_told_as_a_verb_and_its_object() -> None:
    c = draft(
        "# Cases\n\n## Quiet Forge\n\n"
        "GTG-9201 had the model write and debug ransomware, tried common passwords against "
        "VPN logins, and asked for ways to slip past antivirus. Its loader poses as an "
        "image-generation tool and copies itself into the Startup folder.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert {"T1587", "llm-aided-development", "T1110", "T1562", "T1036", "T1547"} <= ids
    reports = draft(
        "# Notes\n\n## Paper Trail\n\nA Russian network wrote reports about trojans and "
        "asked how backdoors work; it posed as a software company.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in reports.techniques}
    assert "T1587" not in ids and "T1036" not in ids


def test_commands_asked_of_a_model_documents_collected_and_a_tool_presented() -> None:
    c = draft(
        "# Notes\n\n## GLASSTEAL\n\nGLASSTEAL presents itself as an image generator while "
        "querying a model through Hugging Face for commands to collect system information and "
        "documents, and hiding processes.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert {"T1036", "T1059", "llm-refined-operational-command", "T1005", "T1564"} <= ids
    stolen = draft("# Notes\n\n## Paper Kite\n\nIt sorted the stolen files.\n").campaigns
    assert not stolen or "T1005" not in {t.id for t in stolen[0].techniques}


def test_secrets_stolen_hiding_from_security_tools_scripted_scans_and_contact_details() -> None:
    c = draft(
        "# Notes\n\n## Tin Owl\n\nA Russian actor built a loader that steals secrets and stays "
        "hidden from security tools. It had the model script port scans and gather contact "
        "details of officials.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert {"T1552", "llm-enhanced-anomaly-detection-evasion", "llm-enhanced-scripting",
            "T1589"} <= ids  # fmt: skip
    plain = draft("# Notes\n\n## Tin Owl\n\nA Russian actor talked about security.\n")
    assert "llm-enhanced-anomaly-detection-evasion" not in {
        t.id for c in plain.campaigns for t in c.techniques
    }


def test_techniques_denied_or_researched_are_not_used() -> None:
    c = draft(
        "# Notes\n\n## Dry Reed\n\nA Chinese group used the model to research remote access "
        'trojans and to avoid sandboxes that defenders use to catch malware. "We have not '
        'seen them develop new capabilities," a spokesperson said.\n'
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert "T1497" in ids
    assert not ids & {"T1587", "llm-aided-development"}


def test_an_appositive_origin_and_phishing_for_information() -> None:
    f = draft(
        "## Grey Kite\n\nGrey Kite, again likely Chinese, approached policy experts in Canada "
        "and offered to pay for their views. It also looked up activists in Canada.\n"
    )
    op = by_name(f)["Grey Kite"]
    assert country(op) == "CN" and [x.id for x in op.targets.countries] == ["CA"]
    assert {"T1598", "llm-informed-reconnaissance"} <= {t.id for t in op.techniques}


def test_places_languages_and_groups_of_actors_tell_no_discovery_technique() -> None:
    c = draft(
        "# Notes\n\n## Tin Owl\n\nIranian groups were the heaviest users. Groups seen: 3. "
        "They wrote Korean-language lures for outlets in Peru. Run from Laos, the network "
        "posted comments.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert not ids & {"T1069", "T1614", "T1547"}, ids  # groups, languages and places, "Run"
    system = draft(
        "# Notes\n\n## Tin Owl\n\nThe malware enumerated local groups and domain admin groups "
        "on each host.\n"
    ).campaigns[0]
    assert "T1069" in {t.id.split(".")[0] for t in system.techniques}  # a system's groups


def test_what_the_reporter_did_is_no_technique_of_the_actors() -> None:
    c = draft(
        "# Notes\n\n## Tin Owl\n\nTin Owl, a Chinese network, wrote lures for job seekers and "
        "turned off antivirus on the hosts it reached, the company said. Our investigators "
        "disabled the accounts and blocked the domains; the company also disabled the "
        "network's pages.\n"
    ).campaigns[0]
    t = {t.id.split(".")[0]: t for t in c.techniques}
    assert t["T1562"].evidence.startswith("Tin Owl"), t["T1562"]  # the actors', not the reporter's
    reporters = draft(
        "# Notes\n\n## Tin Owl\n\nTin Owl, a Chinese network, wrote lures for job seekers. "
        "We disabled the accounts linked to this network, and our investigators blocked its "
        "domains.\n"
    ).campaigns[0]
    assert "T1562" not in {t.id.split(".")[0] for t in reporters.techniques}


def test_scripts_people_read_or_film_are_no_code() -> None:
    said = draft(
        "# Notes\n\n## Long Call\n\nA gang in Laos had the chatbot write scam scripts for its "
        "callers and video scripts for a channel about easy money.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in said.techniques}
    assert not ids & {"T1059", "llm-enhanced-scripting"}
    code = draft(
        "# Notes\n\n## Long Call\n\nA gang in Laos had the chatbot write scripts that copy "
        "files from a shared drive.\n"
    ).campaigns[0]
    assert "llm-enhanced-scripting" in {t.id for t in code.techniques}


def test_what_a_sentence_sets_against_what_was_done_is_no_technique() -> None:
    c = draft(
        "# Notes\n\n## Long Call\n\nRather than using the chatbot for phishing, the gang in "
        "Laos had it write a loader that obfuscates its code.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in c.techniques}
    assert "T1027" in ids and "T1566" not in ids
    other = draft(
        "# Notes\n\n## Long Call\n\nThe gang in Laos wrote phishing emails instead of "
        "building a keylogger.\n"
    ).campaigns[0]
    ids = {t.id.split(".")[0] for t in other.techniques}
    assert "T1566" in ids and "T1056" not in ids


# A security vendor's write-up of an intrusion that never speaks of AI
_NO_AI = (
    "# Slate Heron keeps its foothold\n\n"
    "Slate Heron, a crew tied to Vietnam, sent spear-phishing emails to logistics firms in "
    "Japan. Once inside, it kept persistence through a scheduled task and used PowerShell "
    "for reconnaissance of the network before moving laterally to file servers.\n"
)


def _technique_ids(body: str, publisher: str | None) -> set[str]:
    f = extract_findings(body, publisher=publisher, published="2025-06-05")
    return {t.id for c in f.campaigns for t in c.techniques}


def test_a_text_on_no_ai_drafts_no_llm_themed_technique() -> None:
    ids = _technique_ids(_NO_AI, "Example Security Blog")
    assert {"T1566", "T1053"} <= {i.split(".")[0] for i in ids}
    assert not ids & (set(LLM_TECHNIQUES) | set(ATLAS_TECHNIQUES)), ids


def test_llm_themed_techniques_where_the_text_or_its_publisher_speaks_of_ai() -> None:
    told = _NO_AI + "\nThe crew had a chatbot draft its lures in Japanese.\n"
    assert "llm-supported-social-engineering" in _technique_ids(told, "Example Security Blog")
    capitals = _NO_AI + "\nIts lures read as if AI wrote them.\n"
    assert "llm-supported-social-engineering" in _technique_ids(capitals, "Example Security Blog")
    # an AI lab's report: its own service is what the text is about, named or not
    assert "llm-supported-social-engineering" in _technique_ids(_NO_AI, "OpenAI")
    assert "llm-supported-social-engineering" in _technique_ids(_NO_AI, "Anthropic")


def test_a_security_teams_report_on_no_ai_drafts_no_llm_themed_technique() -> None:
    # Microsoft's and Google's threat teams write of intrusions with no AI in them: the AI
    # service their publishers.yaml entry names does not make the text one about AI
    for publisher in ("Microsoft Threat Intelligence", "Google Threat Intelligence Group"):
        ids = _technique_ids(_NO_AI, publisher)
        assert "T1566" in {i.split(".")[0] for i in ids}, publisher
        assert not ids & (set(LLM_TECHNIQUES) | set(ATLAS_TECHNIQUES)), (publisher, ids)
    # a push to approve is no AI prompt: "prompts" alone says nothing of AI
    pushed = _NO_AI + "\nThey phoned staff until they approved the MFA prompts.\n"
    assert not _technique_ids(pushed, "Example Security Blog") & set(LLM_TECHNIQUES)
    told = _NO_AI + "\nThe crew had a chatbot draft its lures in Japanese.\n"
    ids = _technique_ids(told, "Microsoft Threat Intelligence")
    assert "llm-supported-social-engineering" in ids


def test_phishing_told_as_a_verb_is_phishing() -> None:
    for body in (
        "An Iranian crew phished diplomats with fake conference invitations.\n",
        "An Iranian crew tried to phish diplomats in Malta.\n",
    ):
        (c,) = draft("Chatbot maker cuts off a crew\n\n" + body).campaigns
        assert "T1566" in {t.id for t in c.techniques}, body
