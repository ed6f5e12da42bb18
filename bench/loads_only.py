"""The load measures alone, side by side, for one corpus size: ``python -m bench.loads_only
SIZE OUT.json [--stores embedded neo4j]``. The full suite (``python -m bench``) also times the
queries, which loads the corpus a second time; this is for working on the write path."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench import loads, synth
from bench.synth import RUN


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.loads_only", description=__doc__)
    parser.add_argument("size", type=int, help="corpus size in reports")
    parser.add_argument("out", type=Path, help="where to write the results (JSON)")
    parser.add_argument("--stores", nargs="+", default=["embedded"], choices=["neo4j", "embedded"])
    args = parser.parse_args(argv)
    result = loads.measure(synth.write_corpus(RUN, args.size), args.stores)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
