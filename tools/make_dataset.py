"""Write the corpus as an open dataset (graphkit/export/dataset.py) and validate its STIX bundle.

.venv/bin/python tools/make_dataset.py [FINDINGS ...] [-o dataset]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stix2validator import ValidationOptions, validate_string

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.export.dataset import BUNDLE, build_dataset, write_dataset  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("findings", nargs="*", default=[str(ROOT / "examples" / "reports")])
    parser.add_argument("-o", "--out", type=Path, default=ROOT / "dataset")
    args = parser.parse_args()
    files = build_dataset(args.findings)
    result = validate_string(files[BUNDLE], ValidationOptions(version="2.1"))
    if not result.is_valid:
        sys.exit(f"{BUNDLE}: not valid STIX 2.1: {'; '.join(map(str, result.errors))}")
    written = write_dataset(files, args.out)
    print(f"{args.out}: {len(written)} files, the STIX bundle valid")


if __name__ == "__main__":
    main()
