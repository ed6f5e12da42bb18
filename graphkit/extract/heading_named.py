"""A heading that holds an operation's name, over a paragraph that gives that name to what the
text told before ("Inside Operation Blue Kite", then 'The lab named the campaign "Operation
Blue Kite" because ...'): the case told before the heading is the named one, not a case of
its own beside an empty one."""

from __future__ import annotations

from graphkit.extract.groups import Group

__all__ = ["told_under"]


def told_under(
    groups: list[Group], current: Group | None, heading: str, name: str | None
) -> Group | None:
    """The unnamed case told before a heading that holds ``name``, the name the first
    paragraph under it gives back; the heading's own case, empty, is taken out of ``groups``.
    None when the heading does not hold the name, a case was read under it already, or the
    case before it has a name of its own."""
    if not name or name not in heading:
        return None
    if current is not None:
        if current.sentences or current is not groups[-1] or name not in (current.name or ""):
            return None  # the heading's case has its text: the name is its own
        before = groups[-2] if len(groups) > 1 else None
    else:  # a heading that opened no case ("Inside Operation Blue Kite" is no name)
        before = groups[-1] if groups else None
    if before is None or before.name or before.from_heading or not before.sentences:
        return None
    if current is not None:
        groups.remove(current)
    return before
