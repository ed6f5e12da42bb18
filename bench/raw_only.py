"""The embedded store's raw baseline alone, in its own process, in the page cache
GRAPHKIT_BUFFER_POOL_MB gives it: ``python -m bench.raw_only CORPUS STORE_DIR``. The full suite
(bench.loads) runs it in 4 GB inside the suite's process, where its memory is not measured;
this prints one JSON line with its seconds, the peak RSS before and after it (the rows of the
corpus are held in Python first) and the seconds of the checkpoint at close, which the timed
part never does."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from bench import baselines
from bench.loads import _final_rows, _peak_rss_mb
from graphkit.store.embedded import EmbeddedStore, _buffer_pool_mb


def main(corpus: str, directory: str) -> None:
    rows, _ = _final_rows(Path(corpus))
    before_mb = _peak_rss_mb()
    store = EmbeddedStore(directory)
    conn = store._conn

    def unwind(cypher: str, chunk: list[Any]) -> None:
        conn.execute("BEGIN TRANSACTION")
        conn.execute(cypher, {"rows": chunk})
        conn.execute("COMMIT")

    result: dict[str, Any] = {
        "buffer_pool_mb": _buffer_pool_mb(),
        "rows": baselines.count_rows(rows),
    }
    t0 = time.perf_counter()
    try:
        result["raw_s"] = baselines.raw_unwind(unwind, rows, "ladybug")
    except RuntimeError as exc:  # "the buffer pool is full": LadybugDB cannot go on after it
        result["error"] = str(exc).strip().splitlines()[0]
        result["failed_after_s"] = time.perf_counter() - t0
    result["peak_rss_mb_before"] = before_mb
    result["peak_rss_mb"] = _peak_rss_mb()
    if "error" not in result:
        t1 = time.perf_counter()
        store.close()
        result["close_s"] = time.perf_counter() - t1
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
