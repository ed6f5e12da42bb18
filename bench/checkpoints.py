"""An embedded load transaction by transaction: ``python -m bench.checkpoints STORE CORPUS``.

graphkit's first load of CORPUS into a new embedded store, then the reload, as ``bench.loads``
times them, with what they do not show: one line on stderr per transaction (seconds so far,
checkpoints so far, the log's MB, the page cache's use from ``CALL bm_info()``, the process's
RSS, whether a checkpoint is due), a ``FULL`` line for each transaction that found the page
cache full and was run again, and one JSON line on stdout with the totals and ``VmHWM``. It
counts by wrapping the store's own methods, so it runs against older code as well (run from an
unpacked copy: ``cd COPY && PYTHONPATH=. python -m bench.checkpoints ...``); the extra
``bm_info`` read after each commit is the same in every copy.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from bench.loads import _peak_rss_mb
from graphkit.ingest import load_paths
from graphkit.store import embedded
from graphkit.store.embedded import EmbeddedStore

TOTALS: dict[str, float] = {"transactions": 0, "checkpoints": 0, "checkpoint_s": 0.0, "full": 0}
START = time.perf_counter()


def _say(line: str) -> None:
    print(f"{time.perf_counter() - START:8.1f} s {line}", file=sys.stderr, flush=True)


def _count() -> None:
    """Wrap the store's checkpoint, transaction and write so that each is counted."""
    checkpoint, write = EmbeddedStore._checkpoint_if_due, EmbeddedStore.write_batches

    def counted_checkpoint(self: EmbeddedStore) -> None:
        due, t = self._due, time.perf_counter()
        checkpoint(self)
        if due:
            TOTALS["checkpoints"] += 1
            TOTALS["checkpoint_s"] += time.perf_counter() - t

    def counted_write(self: EmbeddedStore, batches: Any, **kw: Any) -> Any:
        out = write(self, batches, **kw)
        TOTALS["transactions"] += 1
        used = float("nan")
        if not self._closed:
            used = self._run("CALL bm_info() RETURN mem_usage AS u", {})[0]["u"] / (1 << 20)
        _say(
            f"txn {TOTALS['transactions']:4.0f} checkpoints {TOTALS['checkpoints']:3.0f} "
            f"log {self._log_mb():6.1f} MB cache {used:6.1f} MB "
            f"rss {embedded._resident_mb() or 0:5.0f} MB due {self._due}"
        )
        return out

    wrap = setattr  # the store's methods, replaced by the counting ones
    wrap(EmbeddedStore, "_checkpoint_if_due", counted_checkpoint)
    wrap(EmbeddedStore, "write_batches", counted_write)
    transaction = getattr(EmbeddedStore, "_transaction", None)
    if transaction is not None:  # the code that runs a transaction again (session 15)

        def counted_transaction(self: EmbeddedStore, *args: Any) -> Any:
            out = transaction(self, *args)
            if out is None:
                TOTALS["full"] += 1
                _say(f"FULL log {self._log_mb():6.1f} MB")
            return out

        wrap(EmbeddedStore, "_transaction", counted_transaction)


def main(store: str, corpus: str) -> None:
    _count()
    out: dict[str, Any] = {"code": embedded.__file__}
    with EmbeddedStore(store) as s:
        t0 = time.perf_counter()
        try:
            first = load_paths(s, [corpus])
            out["error"] = first.failed[0].error if first.failed else None
        except Exception as exc:  # the run's result, not a crash of it
            out["error"] = f"{type(exc).__name__}: {exc}"
        t1 = time.perf_counter()
        out.update(first_s=round(t1 - t0, 1), **{k: round(v, 1) for k, v in TOTALS.items()})
        out["peak_rss_first_mb"] = _peak_rss_mb()
        if not out["error"]:
            again = load_paths(s, [corpus])
            out["reload_s"] = round(time.perf_counter() - t1, 1)
            out["reload_unchanged"] = all(f.status == "unchanged" for f in again.files)
            counts = s.stats()
            out["nodes"] = sum(counts["nodes"].values())
            out["relationships"] = sum(counts["relationships"].values())
    out["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
