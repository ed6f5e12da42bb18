"""Compile the extractor's modules to C with mypyc: the same source, about twice as fast.

``make`` runs this after the install. The compiled modules land next to their sources
(``graphkit/extract/*.so``, git-ignored), where Python imports them before the ``.py`` files,
and ``graphkit/extract/compiled.txt`` records the hash of every source compiled: the package
refuses compiled modules whose source changed since (:mod:`graphkit.compiled`).

Usage: ``python tools/compile_extractor.py [--remove]``. ``--remove`` deletes the compiled
modules (plain Python again). Without a C compiler it says so in one line and leaves the
extractor in plain Python (exit 0): slower, the same drafts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from graphkit.compiled import (  # noqa: E402
    COMPILED,
    GROUP,
    HERE,
    MODULES,
    compiled_files,
    source_hashes,
)


def remove() -> None:
    for path in compiled_files():
        path.unlink()
    COMPILED.unlink(missing_ok=True)


def compile_all() -> int:
    compiler = shutil.which(os.environ.get("CC", "cc"))
    header = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if compiler is None or not header.exists():
        missing = "a C compiler (cc)" if compiler is None else f"Python's headers ({header})"
        print(f"compile_extractor: no {missing}: the extractor stays plain Python (slower)")
        return 0
    remove()
    before = source_hashes()  # what the build reads; the record must say that, not later edits
    with tempfile.TemporaryDirectory(prefix="graphkit-mypyc-") as tmp:
        # setuptools reads the pyproject.toml of the directory it runs in: build elsewhere.
        # mypyc and the C compiler talk a lot: their output is shown only when they fail.
        run = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--build"],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            sys.stderr.write(run.stdout + run.stderr)
            print(
                "compile_extractor: mypyc failed (its output above); the extractor is plain Python"
            )
            return 1
        if source_hashes() != before:
            print("compile_extractor: a source changed during the compile: run it again")
            return 1
        for built in Path(tmp, "lib").rglob("*.so"):
            shutil.copyfile(built, ROOT / built.relative_to(Path(tmp, "lib")))
    COMPILED.write_text("".join(f"{name} {digest}\n" for name, digest in sorted(before.items())))
    print(
        f"compile_extractor: {len(MODULES)} modules compiled to C ({len(compiled_files())} files)"
    )
    return 0


def build() -> None:
    """The mypyc build itself, in the current (temporary) directory."""
    from mypyc.build import mypycify  # the build tools are needed only here
    from setuptools import setup

    sources = [str(HERE / name) for name in source_hashes()]
    # mypy looks for its settings from the directory it runs in, a temporary one here: named,
    # or it would type-check the modules the sources import without them (its result then
    # depended on where the shared environment's editable install of graphkit points)
    sources += ["--config-file", str(ROOT / "pyproject.toml")]
    setup(
        name="graphkit-extract-native",
        ext_modules=mypycify(sources, opt_level="3", group_name=GROUP),
        script_args=["build_ext", "--build-lib", "lib", "--build-temp", "tmp"],
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--remove"]:
        remove()
    elif sys.argv[1:] == ["--build"]:
        build()
    else:
        sys.exit(compile_all())
