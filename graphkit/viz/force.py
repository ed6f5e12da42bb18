"""A force-directed layout for large graphs, in numpy: fast enough for 20,000 nodes.

networkx's ``spring_layout`` loops in Python: 66 s for 5,000 nodes, about twenty minutes
for 20,000 (BENCHMARKS.md). This is the same Fruchterman-Reingold model with the repulsion of
far nodes taken from the centres of mass of a grid of cells, so one step costs
O(nodes x cells + edges) instead of O(nodes²). Seeded: the same graph lays out the same way.

Examples
--------
>>> pos = force_layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(pos) == ["a", "b", "c"]
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = ["force_layout"]

_CHUNK = 2048  # nodes per block of the repulsion step: bounds memory to ~100 MB at 20k nodes


def force_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    iterations: int = 60,
    seed: int = 7,
) -> dict[str, tuple[float, float]]:
    """Positions in the unit square (about), keyed by node."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {k: i for i, k in enumerate(nodes)}
    pairs = np.array(
        [(index[a], index[b]) for a, b in edges if a in index and b in index and a != b],
        dtype=np.int64,
    ).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    grid = int(min(20, max(6, math.sqrt(n) / 4)))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        low = pos.min(axis=0)
        span = np.ptp(pos, axis=0) + 1e-9
        cells = np.clip(((pos - low) / span * grid).astype(np.int64), 0, grid - 1)
        cid = cells[:, 0] * grid + cells[:, 1]
        mass = np.bincount(cid, minlength=grid * grid).astype(float)
        filled = mass > 0
        cx = np.bincount(cid, weights=pos[:, 0], minlength=grid * grid)[filled]
        cy = np.bincount(cid, weights=pos[:, 1], minlength=grid * grid)[filled]
        centres = np.stack([cx, cy], axis=1) / mass[filled][:, None]
        weights = mass[filled]
        disp = np.empty_like(pos)
        strength = weights * (k * k)
        for start in range(0, n, _CHUNK):
            dx = pos[start : start + _CHUNK, 0, None] - centres[None, :, 0]
            dy = pos[start : start + _CHUNK, 1, None] - centres[None, :, 1]
            push = strength / np.maximum(dx * dx + dy * dy, 1e-6)
            disp[start : start + _CHUNK, 0] = (dx * push).sum(axis=1)
            disp[start : start + _CHUNK, 1] = (dy * push).sum(axis=1)
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.sqrt((delta**2).sum(axis=1)), 1e-6)
            pull = delta * (dist / k)[:, None]
            for axis in (0, 1):  # bincount sums per node far faster than np.add.at
                disp[:, axis] += np.bincount(pairs[:, 1], pull[:, axis], minlength=n)
                disp[:, axis] -= np.bincount(pairs[:, 0], pull[:, axis], minlength=n)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    pos /= np.abs(pos).max() + 1e-9
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for i, node in enumerate(nodes)}
