"""The trained technique model of :mod:`~graphkit.extract.mapper`, as extraction gets it: from
the cache folder (``$GRAPHKIT_CACHE``, else ``$XDG_CACHE_HOME/graphkit``, else
``~/.cache/graphkit``), named by the model's digest, else trained now
(:mod:`~graphkit.extract.training`, scikit-learn) and cached. Apart from the mapper, which
training builds on: the mapper reads a model, this module makes sure there is one."""

from __future__ import annotations

import contextlib
import os
import zipfile
from functools import cache
from pathlib import Path

from graphkit.errors import GraphkitError
from graphkit.extract.mapper import TechniqueModel, model_digest
from graphkit.extract.training import train  # scikit-learn is imported only when it trains

__all__ = ["cache_path", "technique_model"]


def cache_path() -> Path:
    """Where the trained model is kept."""
    root = os.environ.get("GRAPHKIT_CACHE")
    if root:
        folder = Path(root)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "graphkit"
    return folder / f"techniques-{model_digest()[:24]}.npz"


@cache
def technique_model() -> TechniqueModel:
    """The trained model: from the cache, else trained now (under a minute) and cached.

    A cached file that cannot be read (cut short, or not this model's) is trained again and
    replaced; a cache that cannot be written is no error: the model is then kept in memory."""
    path = cache_path()
    if path.exists():
        try:
            return TechniqueModel.load(path, model_digest())
        except (GraphkitError, OSError, ValueError, KeyError, zipfile.BadZipFile):
            pass  # trained again below
    model = train()
    with contextlib.suppress(OSError):  # a read-only home: trained again by the next process
        model.save(path)
    return model
