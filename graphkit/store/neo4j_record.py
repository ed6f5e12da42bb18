"""What one Neo4j load has committed itself: the state of each node and edge it wrote last.

A load writes its reports in several transactions, and a fact stated again in a later one
(an actor's technique, reported many times) would be read back and rewritten whole each
time. With this record the writer knows, without a read, that the store holds the item and
at least what this load wrote: a later version that adds nothing is not sent, one that adds
is appended to it on the server (:func:`graphkit.store.statements.append_edges`), which keeps
what other loads added meanwhile.

The record is a belief about the store, right unless another process took an item back
since: every statement that relies on it checks that it met as many items as it sent, and
if not, the writer forgets the record and runs the transaction again
(:class:`StaleRecord`). It is bounded: the least recently used items go first, and an item
the record no longer holds is read under lock, as for a first write.

Examples
--------
>>> rec = Committed(cap=2)
>>> rec.begin(); rec.note(("Actor", "a"), {"name": "A"}); rec.commit()
>>> rec.get(("Actor", "a"))
{'name': 'A'}
>>> rec.begin(); rec.note(("Actor", "b"), {}); rec.note(("Actor", "c"), {}); rec.commit()
>>> rec.get(("Actor", "a")) is None, len(rec)
(True, 2)
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

__all__ = ["CAP", "Committed", "StaleRecord"]

# Items remembered: at 1,000 synthetic reports a load writes about 78,000, and the ones
# stated again (an actor's facts) are touched in every transaction, so they stay.
CAP = 200_000

Key = tuple[str, ...]  # (label, id) for a node, EdgeKey for an edge


class StaleRecord(Exception):
    """A statement that relied on the record met fewer items than it sent: another process
    took one back. Not a :class:`graphkit.errors.GraphkitError`: the writer catches it,
    forgets the record and runs the transaction again."""


class Committed:
    """Items this process committed, with their state as it wrote them; changes noted in a
    transaction count only once :meth:`commit` is called after the store committed."""

    def __init__(self, cap: int = CAP) -> None:
        self.cap = cap
        self._items: OrderedDict[Key, dict[str, Any]] = OrderedDict()
        self._pending: dict[Key, dict[str, Any]] = {}

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Key) -> dict[str, Any] | None:
        return self._items.get(key)

    def begin(self) -> None:
        """Start a transaction (again, when the driver retries one): nothing noted yet."""
        self._pending = {}

    def note(self, key: Key, state: dict[str, Any]) -> None:
        """The state ``key`` will have once this transaction commits."""
        self._pending[key] = state

    def commit(self) -> None:
        """The store committed: the noted states are now what it holds (as far as this
        process knows), and the most recently used."""
        items = self._items
        for key, state in self._pending.items():
            items[key] = state
            items.move_to_end(key)
        self._pending = {}
        while len(items) > self.cap:
            items.popitem(last=False)

    def clear(self) -> None:
        """Forget everything: after a write this record cannot follow (a take-back)."""
        self._items.clear()
        self._pending = {}
