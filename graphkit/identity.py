"""Canonical ids: slugs, countries (ISO 3166-1 alpha-2) and languages (ISO 639-1).

Examples
--------
>>> slugify("Forest Blizzard (APT28)")
'forest-blizzard-apt28'
>>> resolve_country("China-based")
'CN'
>>> resolve_country("North Korean")
'KP'
>>> resolve_language("Farsi")
'fa'
>>> resolve_language("Russian-speaking")
'ru'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

__all__ = [
    "country_name",
    "country_words",
    "language_name",
    "language_words",
    "resolve_country",
    "resolve_language",
    "slugify",
]

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")


def slugify(text: str, max_words: int | None = None) -> str:
    """Lower-case words joined by hyphens; the shape of every slug id.

    Accents come off; letters of other scripts stay, so that names written in them keep ids of
    their own instead of all becoming the empty id.

    >>> slugify("Forest Blizzard"), slugify("Café Noir 2"), slugify("Газпром 2"), slugify("🐻")
    ('forest-blizzard', 'cafe-noir-2', 'газпром-2', '')
    """
    plain = (
        text  # ASCII has no accents to take off
        if text.isascii()
        else "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    )
    lowered = plain.lower()
    words = [w for w in (_NON_SLUG if lowered.isascii() else _NON_WORD).split(lowered) if w]
    if max_words is not None:
        words = words[:max_words]
    return "-".join(words)


_COUNTRY_NAMES: dict[str, str] = {"RU": "Russia", "PS": "Palestine", "US": "United States"}

# Short forms and demonyms that ISO names do not carry. Ambiguous ones ("Korean") are left out.
_COUNTRY_WORDS: dict[str, str] = {
    "prc": "CN",
    "chinese": "CN",
    "mainland china": "CN",
    "people's republic of china": "CN",
    "russia": "RU",
    "russian": "RU",
    "iran": "IR",
    "iranian": "IR",
    "persian": "IR",
    "north korea": "KP",
    "north korean": "KP",
    "dprk": "KP",
    "south korea": "KR",
    "south korean": "KR",
    "rok": "KR",
    "us": "US",
    "u.s.": "US",
    "usa": "US",
    "united states": "US",
    "america": "US",
    "american": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "british": "GB",
    "england": "GB",
    "scotland": "GB",
    "scottish": "GB",
    "vietnam": "VN",
    "vietnamese": "VN",
    "taiwan": "TW",
    "taiwanese": "TW",
    "israel": "IL",
    "israeli": "IL",
    "philippines": "PH",
    "the philippines": "PH",
    "philippine": "PH",
    "filipino": "PH",
    "cambodia": "KH",
    "cambodian": "KH",
    "pakistan": "PK",
    "pakistani": "PK",
    "india": "IN",
    "indian": "IN",
    "germany": "DE",
    "german": "DE",
    "france": "FR",
    "french": "FR",
    "ukraine": "UA",
    "ukrainian": "UA",
    "azerbaijan": "AZ",
    "azerbaijani": "AZ",
    "moldova": "MD",
    "moldovan": "MD",
    "jordan": "JO",
    "jordanian": "JO",
    "japan": "JP",
    "japanese": "JP",
    "mongolia": "MN",
    "mongolian": "MN",
    "thailand": "TH",
    "thai": "TH",
    "malaysia": "MY",
    "malaysian": "MY",
    "nepal": "NP",
    "nepalese": "NP",
    "peru": "PE",
    "peruvian": "PE",
    "mexico": "MX",
    "mexican": "MX",
    "ecuador": "EC",
    "ecuadorian": "EC",
    "canada": "CA",
    "canadian": "CA",
    "italy": "IT",
    "italian": "IT",
    "poland": "PL",
    "polish": "PL",
    "spain": "ES",
    "turkey": "TR",
    "turkish": "TR",
    "turkiye": "TR",
    "syria": "SY",
    "syrian": "SY",
    "belarus": "BY",
    "belarusian": "BY",
    "hong kong": "HK",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "venezuelan": "VE",
    "czech republic": "CZ",
    "czech": "CZ",
    "lebanon": "LB",
    "lebanese": "LB",
    "iraq": "IQ",
    "iraqi": "IQ",
    "saudi arabia": "SA",
    "saudi": "SA",
    "emirati": "AE",
    "uae": "AE",
    "egypt": "EG",
    "egyptian": "EG",
    "nigeria": "NG",
    "nigerian": "NG",
    "ghana": "GH",
    "ghanaian": "GH",
    "kenya": "KE",
    "kenyan": "KE",
    "brazil": "BR",
    "brazilian": "BR",
    "argentina": "AR",
    "chile": "CL",
    "colombia": "CO",
    "colombian": "CO",
    "australia": "AU",
    "australian": "AU",
    "new zealand": "NZ",
    "singapore": "SG",
    "indonesia": "ID",
    "indonesian": "ID",
    "estonia": "EE",
    "latvia": "LV",
    "lithuania": "LT",
    "georgia": "GE",
    "armenia": "AM",
    "kazakhstan": "KZ",
    "uzbekistan": "UZ",
    "netherlands": "NL",
    "dutch": "NL",
    "belgium": "BE",
    "sweden": "SE",
    "swedish": "SE",
    "norway": "NO",
    "finland": "FI",
    "denmark": "DK",
    "switzerland": "CH",
    "swiss": "CH",
    "austria": "AT",
    "greece": "GR",
    "romania": "RO",
    "hungary": "HU",
    "serbia": "RS",
    "bangladesh": "BD",
    "sri lanka": "LK",
    "myanmar": "MM",
    "burma": "MM",
    "afghanistan": "AF",
    "qatar": "QA",
    "kuwait": "KW",
    "bahrain": "BH",
    "oman": "OM",
    "yemen": "YE",
    "ethiopia": "ET",
    "south africa": "ZA",
    "gaza": "PS",
    "palestinian": "PS",
    "south sudan": "SS",
    "rwanda": "RW",
    # more demonyms, one country each (reports write "a Chilean firm", "Kazakh officials")
    "chilean": "CL", "argentine": "AR", "argentinian": "AR", "bolivian": "BO", "cuban": "CU",
    "nicaraguan": "NI", "honduran": "HN", "guatemalan": "GT", "salvadoran": "SV",
    "panamanian": "PA", "costa rican": "CR", "haitian": "HT", "jamaican": "JM",
    "uruguayan": "UY", "paraguayan": "PY", "estonian": "EE", "latvian": "LV",
    "lithuanian": "LT", "georgian": "GE", "armenian": "AM", "kazakh": "KZ", "kazakhstani": "KZ",
    "uzbek": "UZ", "kyrgyz": "KG", "tajik": "TJ", "turkmen": "TM", "belgian": "BE",
    "norwegian": "NO", "finnish": "FI", "danish": "DK", "austrian": "AT",
    "greek": "GR", "romanian": "RO", "hungarian": "HU", "serbian": "RS", "croatian": "HR",
    "bosnian": "BA", "slovenian": "SI", "slovak": "SK", "bulgarian": "BG", "albanian": "AL",
    "cypriot": "CY", "maltese": "MT", "irish": "IE", "icelandic": "IS",
    "bangladeshi": "BD", "sri lankan": "LK", "burmese": "MM", "afghan": "AF", "qatari": "QA",
    "kuwaiti": "KW", "bahraini": "BH", "omani": "OM", "yemeni": "YE", "ethiopian": "ET",
    "south african": "ZA", "rwandan": "RW", "ugandan": "UG", "tanzanian": "TZ",
    "zambian": "ZM", "zimbabwean": "ZW", "somali": "SO", "moroccan": "MA", "algerian": "DZ",
    "tunisian": "TN", "libyan": "LY", "malian": "ML", "senegalese": "SN", "ivorian": "CI",
    "cameroonian": "CM", "angolan": "AO", "mozambican": "MZ", "nepali": "NP",
    "singaporean": "SG", "laotian": "LA", "new zealander": "NZ", "sudanese": "SD",
}  # fmt: skip

_QUALIFIERS = re.compile(
    r"[-\s](based|linked|nexus|aligned|affiliated|origin|sponsored|backed|state|government|"
    r"speaking|language)$"
)


def _strip_qualifiers(text: str) -> str:
    text = text.strip().lower().replace("\u2019", "'")
    while True:
        stripped = _QUALIFIERS.sub("", text).strip()
        if stripped == text:
            return text
        text = stripped


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name", "alpha_3"):
            value = getattr(c, attr, None)
            if value:
                index[value.lower()] = c.alpha_2
    index.update(_COUNTRY_WORDS)
    return index


@cache
def _alpha_2() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code (a set: pycountry's own look-up takes a lock per call)."""
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_words() -> dict[str, str]:
    """Every name, short form and demonym :func:`resolve_country` knows, lower case, to its code."""
    return dict(_country_index())


def resolve_country(text: str) -> str | None:
    """The ISO 3166-1 alpha-2 code for a code, name, short form or demonym; None if unknown."""
    raw = text.strip()
    if len(raw) == 2 and raw.isalpha() and raw.isupper():
        return raw if raw in _alpha_2() else None
    return _country_index().get(_strip_qualifiers(raw))


def country_name(code: str) -> str:
    """A short English name for an alpha-2 code (``KP`` is North Korea)."""
    if code in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[code]
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        raise KeyError(code)
    return str(getattr(c, "common_name", None) or c.name)


_LANGUAGE_WORDS: dict[str, str] = {
    "farsi": "fa",
    "mandarin": "zh",
    "cantonese": "zh",
    "taglish": "tl",
    "filipino": "tl",
    "chinese": "zh",
    "persian": "fa",
    "korean": "ko",
    "russian": "ru",
    "english": "en",
    "spanish": "es",
    "french": "fr",
    "german": "de",
    "italian": "it",
    "polish": "pl",
    "japanese": "ja",
    "urdu": "ur",
    "arabic": "ar",
    "hebrew": "he",
    "vietnamese": "vi",
    "ukrainian": "uk",
    "portuguese": "pt",
    "turkish": "tr",
    "hindi": "hi",
    "greek": "el",
}
_LANGUAGE_NAMES: dict[str, str] = {"fa": "Persian", "el": "Greek", "tl": "Tagalog"}


@cache
def _language_codes() -> frozenset[str]:
    """Every ISO 639-1 code (a set, as for countries: pycountry's look-up takes a lock)."""
    return frozenset(
        code for lang in pycountry.languages if (code := getattr(lang, "alpha_2", None))
    )


@cache
def _language_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for lang in pycountry.languages:
        code = getattr(lang, "alpha_2", None)
        if code:
            index[lang.name.lower()] = code
    index.update(_LANGUAGE_WORDS)
    return index


def language_words() -> dict[str, str]:
    """Every language name :func:`resolve_language` knows, lower case, to its code."""
    return dict(_language_index())


def resolve_language(text: str) -> str | None:
    """The ISO 639-1 code for a code or language name ("Chinese-language"); None if unknown."""
    raw = text.strip()
    if len(raw) == 2 and raw.isalpha() and raw.islower():
        return raw if raw in _language_codes() else None
    return _language_index().get(_strip_qualifiers(raw))


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code."""
    if code in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[code]
    lang = pycountry.languages.get(alpha_2=code)
    if lang is None:
        raise KeyError(code)
    return str(lang.name).split(" (")[0]
