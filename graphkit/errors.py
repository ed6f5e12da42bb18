"""The exceptions graphkit raises: one root, a few precise kinds."""

from __future__ import annotations

__all__ = [
    "GraphkitError",
    "InputError",
    "QueryError",
    "StaleBuildError",
    "StoreCapacityError",
    "StoreError",
    "StoreInUseError",
    "StoreUnavailableError",
]


class GraphkitError(Exception):
    """Root of every error graphkit raises on purpose."""


class InputError(GraphkitError):
    """Bad input: names the file and, where it is known, the line and the field.

    Examples
    --------
    >>> str(InputError("bad sector 'farms'", path="r.yaml", line=12, field="campaigns.0"))
    "r.yaml:12: campaigns.0: bad sector 'farms'"
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"

    def at(self, path: str) -> InputError:
        """The same error, naming the file it came from."""
        return InputError(self.message, path=path, line=self.line, field=self.field)


class StoreError(GraphkitError):
    """A store refused or failed an operation."""


class StoreUnavailableError(StoreError):
    """The store cannot be reached or refused the credentials."""


class StoreAuthError(StoreUnavailableError):
    """Neo4j refused the credentials."""


class QueryError(GraphkitError):
    """A query is malformed, unknown, misses a parameter, or would write in read mode."""


class StaleBuildError(GraphkitError, ImportError):
    """The compiled extractor (``make compile``) was built from sources that changed since."""


class StoreInUseError(StoreError):
    """Another process holds the embedded store for writing."""


class StoreCapacityError(StoreError):
    """The store ran out of room for a transaction and cannot go on in this process."""
