"""Canonical ids: countries, languages, actors and techniques."""

from __future__ import annotations

import pytest

from graphkit.actors import actor_index
from graphkit.identity import resolve_country, resolve_language, slugify
from graphkit.techniques import technique


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("CN", "CN"),
        ("China", "CN"),
        ("PRC", "CN"),
        ("China-based", "CN"),
        ("Chinese", "CN"),
        ("North Korean", "KP"),
        ("DPRK", "KP"),
        ("Iranian nexus", "IR"),
        ("Iran", "IR"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Taiwan", "TW"),
        ("Viet Nam", "VN"),
        ("United Kingdom", "GB"),
        ("the Philippines", "PH"),
        ("Sudan", "SD"),
        ("South Sudan", "SS"),
        ("Samoa", "WS"),
        ("Democratic Republic of the Congo", "CD"),
        ("DR Congo", "CD"),
        ("Congo-Brazzaville", "CG"),
        ("Ivory Coast", "CI"),
        ("East Timor", "TL"),
        ("Holland", "NL"),
        ("Azeri", "AZ"),
        ("West Bank", "PS"),
    ],
)
def test_countries(text: str, code: str) -> None:
    assert resolve_country(text) == code


@pytest.mark.parametrize("text", ["Korean", "Atlantis", "XX", "cn"])
def test_unknown_or_ambiguous_countries(text: str) -> None:
    assert resolve_country(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("zh", "zh"),
        ("Chinese", "zh"),
        ("Chinese-language", "zh"),
        ("Russian-speaking", "ru"),
        ("Farsi", "fa"),
        ("Persian", "fa"),
        ("Korean-language", "ko"),
        ("Bangla", "bn"),
        ("Haitian Creole", "ht"),
        ("Bahasa Indonesia", "id"),
        ("Taglish", "tl"),
    ],
)
def test_languages(text: str, code: str) -> None:
    assert resolve_language(text) == code


def test_slugify() -> None:
    assert slugify("Nine—emdash Line") == "nine-emdash-line"
    assert slugify("Zero Zeno!") == "zero-zeno"


@pytest.mark.parametrize(
    ("alias", "name", "attack_id"),
    [
        ("Fancy Bear", "APT28", "G0007"),
        ("Forest Blizzard", "APT28", "G0007"),
        ("STRONTIUM", "APT28", "G0007"),
        ("Emerald Sleet", "Kimsuky", "G0094"),
        ("Charcoal Typhoon", "Earth Lusca", "G1006"),
        ("Crimson Sandstorm", "CURIUM", "G1012"),
        ("Vixen Panda", "Ke3chang", "G0004"),
        ("Keyhole Panda", "APT5", "G1023"),
        ("Charming Kitten", "Magic Hound", "G0059"),
        ("Sapphire Sleet", "APT38", "G0082"),
        ("Salmon Typhoon", "APT4", None),
        ("maverick panda", "APT4", None),
    ],
)
def test_actor_aliases_merge(alias: str, name: str, attack_id: str | None) -> None:
    known = actor_index().resolve(alias)
    assert known is not None
    assert (known.name, known.attack_id) == (name, attack_id)


def test_an_alias_two_groups_share_resolves_to_neither() -> None:
    assert actor_index().resolve("UAC-0056") is None


def test_techniques() -> None:
    t = technique("T1566.001")
    assert t is not None and t.parent == "T1566" and "initial-access" in t.tactics
    assert technique("AML.T0051") is not None
    assert technique("llm-aided-translation") is not None
    assert technique("T1566.999") is None
