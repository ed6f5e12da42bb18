"""The vocabularies and cue words as data (graphkit/data): read and checked, each word kept in
one place, and a file that does not fit refused with its name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphkit.data import load
from graphkit.errors import InputError
from graphkit.extract.cues import ActorNouns, BehaviourCues, noun_pattern, nouns
from graphkit.extract.gazetteer import _tracking_pattern, actor_codes, gazetteer, norm
from graphkit.extract.reading import read_sentence
from graphkit.identity import country_name, language_name, resolve_country, resolve_language
from graphkit.vocab import PLATFORMS, PUBLISHERS, Countries, countries, languages


def test_country_and_language_words_resolve_from_the_data_files() -> None:
    assert resolve_country(["Kazakh", "officials"][0]) == "KZ"
    assert resolve_country("PRC-linked") == "CN"
    assert resolve_language("Dari") == "fa"  # in languages.yaml, not in ISO's names
    assert country_name("US") == "United States"  # short_names
    assert language_name("fa") == "Persian"


def test_the_extractor_and_the_identity_module_read_the_same_words() -> None:
    g = gazetteer()
    for word, code in languages().word_codes().items():
        assert resolve_language(word) == code
        assert any(e.kind == "Language" and e.id == code for e in g[norm(word)]), word
    for word in countries().demonyms() - countries().not_places:
        entries = g[norm(word)]
        assert any(e.kind == "Demonym" for e in entries), word
        assert resolve_country(word) == next(e.id for e in entries if e.kind == "Demonym")


def test_publishers_name_platforms_that_exist() -> None:
    names = {p.name for p in PLATFORMS.values()}
    assert all(p.platform is None or p.platform in names for p in PUBLISHERS)


@pytest.mark.parametrize(
    ("sentence", "platforms"),
    [
        ("They used ChatGPT's API and custom GPTs.", {"chatgpt"}),
        ("Both Llamas and Geminis were tried.", {"llama", "gemini"}),
        ("Claudette wrote to Telegram channels about Claudes.", {"claude"}),
        ("A GPT4o prompt and a Qwen2.5 model.", {"chatgpt", "qwen"}),
    ],
)
def test_platforms_match_as_words_plural_and_possessive(sentence: str, platforms: set) -> None:
    found = {m.entry.id for m in read_sentence(sentence).mentions if m.entry.kind == "Platform"}
    assert found == platforms  # social platforms (Telegram) are known, not drafted


def _write(folder: Path, name: str, text: str) -> Path:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


_COUNTRIES = """short_names: {}
words:
  CN: {names: [prc], demonyms: [chinese]}
  %s
capitalised_only: []
not_places: []
sponsors: {}
cities: {}
"""


def test_a_word_under_two_codes_is_refused_with_the_file_named(tmp_path: Path) -> None:
    folder = _write(tmp_path, "countries.yaml", _COUNTRIES % "TW: {demonyms: [chinese]}")
    with pytest.raises(InputError, match=r"countries\.yaml: .*'chinese' stands under CN and TW"):
        load("countries.yaml", Countries, folder)


@pytest.mark.parametrize(
    ("entry", "word"),
    [
        ("CU: {names: [cuban]}", "cuban"),
        ("MX: {names: [mexico, mexican]}", "mexican"),  # in place of the name's last letter
    ],
)
def test_a_demonym_listed_as_a_countrys_name_is_refused(
    tmp_path: Path, entry: str, word: str
) -> None:
    folder = _write(tmp_path, "countries.yaml", _COUNTRIES % entry)
    code = entry[:2]
    with pytest.raises(InputError, match=rf"countries\.yaml: .*{code}: '{word}' is a demonym"):
        load("countries.yaml", Countries, folder)


def test_a_country_named_like_anothers_stem_is_no_demonym(tmp_path: Path) -> None:
    folder = _write(
        tmp_path, "countries.yaml", _COUNTRIES % "IR: {names: [iran], demonyms: [iranian]}"
    )
    assert load("countries.yaml", Countries, folder).word_codes()["iran"] == "IR"


def test_an_unknown_country_code_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path, "countries.yaml", _COUNTRIES % "XX: {names: [atlantis]}")
    with pytest.raises(InputError, match=r"countries\.yaml: .*not an ISO 3166-1 alpha-2 code: XX"):
        load("countries.yaml", Countries, folder)


def test_a_misspelt_key_and_bad_yaml_are_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path, "countries.yaml", _COUNTRIES.replace("demonyms", "demonym") % "")
    with pytest.raises(InputError, match=r"countries\.yaml: words\.CN\.demonym: Extra inputs"):
        load("countries.yaml", Countries, folder)
    folder = _write(tmp_path, "broken.yaml", "words: [unclosed\n")
    with pytest.raises(InputError, match=r"broken\.yaml:\d+: not valid YAML"):
        load("broken.yaml", Countries, folder)


def test_a_behaviour_class_naming_no_set_is_refused(tmp_path: Path) -> None:
    text = """doubled: []
sets:
  write: {verbs: [write]}
  malware: {words: [malware]}
  turns: {words: [about]}
classes:
- {verbs: write, objects: malwares, reach: 3, ids: [T1587.001], turns: turns}
"""
    folder = _write(tmp_path, "behaviour.yaml", text)
    with pytest.raises(InputError, match=r"behaviour\.yaml: .*no set 'malwares'"):
        load("behaviour.yaml", BehaviourCues, folder)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("forms:\n  spies: [owned, spying]\n", r"form 'spies': no role \['spying'\]"),
        ("forms:\n  spies: [owned]\n  firm: [firm]\n", r"roles no form plays: \['agent'\]"),
        ("forms:\n  Spies: [owned]\n", r"form 'Spies': forms are lower case"),
    ],
)
def test_a_bad_actor_noun_table_is_refused_with_the_file_named(
    tmp_path: Path, text: str, message: str
) -> None:
    folder = _write(tmp_path, "actor_nouns.yaml", "roles: {owned: x, firm: y, agent: z}\n" + text)
    with pytest.raises(InputError, match=rf"actor_nouns\.yaml: .*{message}"):
        load("actor_nouns.yaml", ActorNouns, folder)


def test_an_actor_noun_is_read_as_a_token_and_as_a_pattern() -> None:
    # "start-up" is the token "start" before "up", and a pattern with the hyphen optional
    assert "start" in nouns("firm") and "start-up" not in nouns("firm")
    assert re.fullmatch(f"(?:{noun_pattern('firm')})", "startup")
    assert re.fullmatch(f"(?:{noun_pattern('firm')})", "start-up")
    # a longer form comes before a shorter one it begins with: the match takes it whole
    assert re.match(f"(?:{noun_pattern('quoted_actor')})", "hackers").group(0) == "hackers"


@pytest.mark.parametrize(
    ("shape", "message"),
    [("apt[0-9]+", "must open with a capital"), ("UNC[0-9", "is no regular expression")],
)
def test_a_bad_tracking_code_shape_is_refused_with_the_file_named(shape: str, message: str) -> None:
    with pytest.raises(InputError, match=rf"names\.yaml: tracking_codes: shape .*{message}"):
        _tracking_pattern(("APT ?[0-9]{1,3}", shape))


def test_each_firms_tracking_code_shape_is_read_as_a_name() -> None:
    text = "Storm-2035, UNC1069, TA453, UAT-5918, CL-STA-0048, UNK_SweetSpecter and Hive0145 met."
    assert [code for _, _, code in actor_codes(text)] == [
        "Storm-2035", "UNC1069", "TA453", "UAT-5918", "CL-STA-0048", "UNK_SweetSpecter", "Hive0145"
    ]  # fmt: skip
    assert actor_codes("a STORM of 2035 cases and UNCLE1069") == []
