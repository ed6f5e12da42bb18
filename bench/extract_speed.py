"""Benchmark: extractor throughput on one core, in MB of text per second.

Three measures, CPU time, best of five and median (the machines are shared: a busy neighbour
slows a run, not the code):

- every labelled text joined (dev and held-out sets, about 0.2 MB), extracted in one call: a
  long text of real report sentences, each mostly once. **The figure to quote**: it is what
  the extractor does with text it has not read before;
- report by report: every labelled text (about 170, 1 KB each), each extracted alone as
  ``graphkit extract`` does. Short texts pay the fixed cost of a draft (its title and date,
  the learned mapper's array calls, validating it) on little text;
- one long text: about 4 MB built from the labelled dev set (each text repeated with its
  section names numbered, so groups stay distinct), extracted in one call. Its sentences come
  back hundreds of times and the extractor reads a sentence it met before in the same call
  once, so this measures those caches as much as the reading: about three times the joined
  figure (BENCHMARKS.md, "Session 16").

It says whether the extractor ran compiled (``make compile``) or as plain Python.
``--techniques rules,both`` measures each way of finding techniques in turn, in one run (the
default: ``both``, as ``graphkit extract``); the learned model is loaded before the clock
starts, as the gazetteer is built.
``bench/extract_instructions.sh`` counts instructions instead: slower to run, but the same on
a busy machine as on a quiet one.
Run: ``.venv/bin/python bench/extract_speed.py [MB] [--techniques rules,both,learned]``;
``--mb-per-s`` prints only the joined labelled texts' best, in MB/s (what ``python -m bench``
reports).
"""

from __future__ import annotations

import contextlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphkit.compiled import is_compiled
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from graphkit.extract.gazetteer import gazetteer
from graphkit.extract.trained import technique_model
from loaders.text import read_text

SETS = Path(__file__).resolve().parent / "extract"
DEV = SETS / "dev"


def corpus(megabytes: float) -> str:
    texts = [read_text(p) for p in sorted(DEV.iterdir()) if not p.name.endswith(".yaml")]
    parts, size, n = ["# Benchmark corpus\n\nOpenAI, June 5, 2025\n"], 0, 0
    while size < megabytes * 1e6:
        for t in texts:
            n = (n + 1) % 60  # sections named again merge: at most 60 x 4 operations
            tag = str(n)
            body = re.sub(r"^## (.+)$", lambda m, tag=tag: f"## {m.group(1)} {tag}", t, flags=re.M)
            body = re.sub(r"^# .+$", "", body, flags=re.M)
            parts.append(body)
            size += len(body.encode())
    return "\n\n".join(parts)


def labelled_texts() -> list[str]:
    """Every labelled text, dev and held-out sets, in a fixed order."""
    return [read_text(p) for p in sorted(SETS.glob("*/*")) if not p.name.endswith(".yaml")]


def labelled_joined() -> str:
    """Every labelled text joined into one: real report text, its sentences mostly once."""
    return "\n\n".join(labelled_texts())


def _timed(run: Callable[[], object]) -> tuple[float, float]:
    """Best and median CPU seconds of five runs."""
    runs = []
    for _ in range(5):
        t0 = time.process_time()
        run()
        runs.append(time.process_time() - t0)
    return min(runs), sorted(runs)[len(runs) // 2]


def _each(texts: list[str], techniques: str) -> None:
    for t in texts:
        with contextlib.suppress(InputError):  # a text that names nothing: read all the same
            extract_findings(t, techniques=techniques)


def _one_text(label: str, text: str, modes: list[str]) -> None:
    """Each mode on one text, extracted in one call."""
    size = len(text.encode()) / 1e6
    for mode in modes:
        best, median = _timed(lambda mode=mode: extract_findings(text, techniques=mode))
        print(
            f"{mode:>7}: {label} of {size:.2f} MB: {size / best:.2f} MB/s best, "
            f"{size / median:.2f} MB/s median ({best:.2f} s CPU best of 5), "
            f"{len(extract_findings(text, techniques=mode).campaigns)} campaigns"
        )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    modes = ["both"]
    if "--techniques" in sys.argv:
        modes = sys.argv[sys.argv.index("--techniques") + 1].split(",")
        args.remove(sys.argv[sys.argv.index("--techniques") + 1])
    megabytes = float(args[0]) if args else 4.0
    gazetteer()  # built once per process; not part of the throughput
    if modes != ["rules"]:
        technique_model()  # loaded (or trained) once per process, likewise
    if "--mb-per-s" in sys.argv:  # the one number `python -m bench` reports
        text = labelled_joined()
        best = min(_timed(lambda: extract_findings(text)))
        print(f"{len(text.encode()) / 1e6 / best:.4f}")
        return
    print("extractor:", "compiled (mypyc)" if is_compiled() else "plain Python")
    _one_text("every labelled text joined", labelled_joined(), modes)
    texts = labelled_texts()
    size = sum(len(t.encode()) for t in texts) / 1e6
    for mode in modes:
        best, median = _timed(lambda mode=mode: _each(texts, mode))
        print(
            f"{mode:>7}: report by report, {len(texts)} texts of {size * 1e3:.0f} KB in all: "
            f"{size / best:.2f} MB/s best, {size / median:.2f} MB/s median, "
            f"{best / len(texts) * 1e3:.2f} ms a report"
        )
    _one_text("one text (the dev set repeated)", corpus(megabytes), modes)


if __name__ == "__main__":
    main()
