"""Train the technique mapper from the installed ATT&CK data and keep it in the cache.

``make model`` runs this; ``graphkit extract`` does the same on first use when the cache has
no model for this data and code. Training is reproducible: the same seed gives the same
arrays, and the fingerprint printed at the end (a SHA-256 of the model's arrays) says so.
Under a minute on two cores (six fits, two at a time), no network.

Usage: ``python tools/train_techniques.py [--seed N] [--output FILE] [--force]``.
Without ``--output`` the model goes to the cache (``graphkit.extract.trained.cache_path``),
and a model already there for this data and code is kept unless ``--force``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphkit.extract.mapper import SEED, TechniqueModel, model_digest
from graphkit.extract.trained import cache_path
from graphkit.extract.training import train


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--output", type=Path, help="write here instead of the cache")
    parser.add_argument("--force", action="store_true", help="train even if cached")
    args = parser.parse_args(argv)
    if args.seed != SEED and args.output is None:
        parser.error("the cache holds the default seed's model: give --output with --seed")
    path = args.output or cache_path()
    if args.output is None and path.exists() and not args.force:
        model = TechniqueModel.load(path, model_digest())
        print(f"train_techniques: up to date: {path} (fingerprint {model.fingerprint()[:16]})")
        return 0
    started = time.time()
    model = train(args.seed)
    model.save(path)
    print(
        f"train_techniques: {path}: {len(model.classes)} classes, "
        f"{model.vectorizer.size} features, threshold {model.threshold:.2f} "
        f"(list items {model.item_threshold:.2f}), "
        f"{time.time() - started:.0f} s (fingerprint {model.fingerprint()[:16]})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
