"""Every node and relationship of embedded stores with all their properties, dumped, sorted and
hashed: ``python -m bench.dump_store STORE [STORE ...]`` prints per store the hash's first 16
hex digits and the rows. Two stores that print the same hash hold the same graph, list orders
included."""

from __future__ import annotations

import hashlib
import json
import sys

from graphkit.schema import NODES, REL_PROPS, RELS
from graphkit.store.embedded import EmbeddedStore


def dump(path: str) -> list[str]:
    out = []
    with EmbeddedStore(path, read_only=True) as s:
        for label, node in NODES.items():
            cols = ", ".join(f"n.{p.name}" for p in node.all_props)
            for r in s.run(f"MATCH (n:{label}) RETURN {cols}").rows:
                out.append(json.dumps([label, r], sort_keys=True, default=str))
        cols = ", ".join(f"r.{p.name}" for p in REL_PROPS)
        for rel, rt in RELS.items():
            for a, b in rt.endpoints:
                q = f"MATCH (x:{a})-[r:{rel}]->(y:{b}) RETURN x.id, y.id, {cols}"
                for r in s.run(q).rows:
                    out.append(json.dumps([rel, a, b, r], sort_keys=True, default=str))
    return sorted(out)


if __name__ == "__main__":
    for store in sys.argv[1:]:
        rows = dump(store)
        print(store, hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16], len(rows))
