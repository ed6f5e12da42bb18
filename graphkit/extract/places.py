"""Cities that stand for their country: "a marketing firm in Tel Aviv" is in Israel.

Capitals and the large cities threat reports name for where an actor sits or whom it
targets, and national parliaments ("the Bundestag election" is Germany's). Only names that
mean nothing else in English; "Reading" or "Nice" are left out.
"""

from __future__ import annotations

__all__ = ["CITIES"]

CITIES: dict[str, str] = {
    "beijing": "CN", "shanghai": "CN", "shenzhen": "CN", "guangzhou": "CN", "chengdu": "CN",
    "wuhan": "CN", "tianjin": "CN", "hangzhou": "CN", "hong kong": "HK", "taipei": "TW",
    "moscow": "RU", "st petersburg": "RU", "saint petersburg": "RU", "tehran": "IR",
    "pyongyang": "KP", "seoul": "KR", "tokyo": "JP", "tel aviv": "IL", "jerusalem": "IL",
    "kyiv": "UA", "kiev": "UA", "kharkiv": "UA", "minsk": "BY", "chisinau": "MD",
    "manila": "PH", "hanoi": "VN", "ho chi minh city": "VN", "phnom penh": "KH",
    "bangkok": "TH", "yangon": "MM", "kuala lumpur": "MY", "jakarta": "ID", "dhaka": "BD",
    "islamabad": "PK", "karachi": "PK", "lahore": "PK", "new delhi": "IN", "mumbai": "IN",
    "bangalore": "IN", "bengaluru": "IN", "kabul": "AF", "baku": "AZ", "tbilisi": "GE",
    "yerevan": "AM", "ankara": "TR", "istanbul": "TR", "riyadh": "SA", "dubai": "AE",
    "abu dhabi": "AE", "doha": "QA", "cairo": "EG", "beirut": "LB", "damascus": "SY",
    "baghdad": "IQ", "amman": "JO", "lagos": "NG", "abuja": "NG", "nairobi": "KE",
    "accra": "GH", "johannesburg": "ZA", "addis ababa": "ET", "london": "GB",
    "paris": "FR", "berlin": "DE", "brussels": "BE", "warsaw": "PL", "vilnius": "LT",
    "riga": "LV", "tallinn": "EE", "stockholm": "SE", "helsinki": "FI", "prague": "CZ",
    "budapest": "HU", "bucharest": "RO", "washington dc": "US", "new york": "US",
    "ottawa": "CA", "mexico city": "MX", "bogota": "CO", "caracas": "VE", "lima": "PE",
    "quito": "EC", "havana": "CU", "managua": "NI", "brasilia": "BR", "sao paulo": "BR",
    "buenos aires": "AR", "canberra": "AU", "sydney": "AU", "singapore": "SG",
    "bundestag": "DE", "knesset": "IL", "duma": "RU", "verkhovna rada": "UA", "sejm": "PL",
    "majlis": "IR", "lok sabha": "IN",
}  # fmt: skip
