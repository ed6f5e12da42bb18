"""Whether a paragraph starts a case of its own, or goes on with the one before it: a new
name, another actor than the case's, a named actor after a section about an unnamed one, the
reporter telling one more thing, a new actor in a new list item."""

from __future__ import annotations

from graphkit.extract.cases import NEW_CASE
from graphkit.extract.groups import Group
from graphkit.extract.named_origins import from_elsewhere
from graphkit.extract.paragraphs import Paragraph
from graphkit.extract.reading import slugify
from graphkit.extract.reporter import also_reported

__all__ = ["starts_a_case"]


def starts_a_case(
    current: Group | None, p: Paragraph, named: str | None, actors: dict[str, str]
) -> bool:
    """Whether paragraph ``p``, named ``named`` (or None) and naming ``actors``, starts a new
    case after ``current``, the case being read (None before the first)."""
    loose_section = current is not None and not current.from_heading  # a heading named none
    starts_new = (
        current is None
        # a new name, not the case's own actor's ('accounts linked to the "Rybar" network')
        or (
            named
            and named != current.name
            and current.sentences
            and not (current.name and slugify(named) in current.actors)
        )
        or (loose_section and actors and current.actors and not set(actors) & set(current.actors))
        # a named actor after a section about an unnamed one ("North Korean IT workers")
        or (loose_section and actors and current.subject and not current.actors)
        # "A second group, tracked as "Amber Kite", ...": another actor than the last one's
        or bool(actors and current.sentences and p.body and NEW_CASE.match(p.body[0].text))
        # "Another family, X, ..." then "GTIG also describes state actors, APT42 ...": the
        # reporter tells one more thing, the actors are not the named case's; "The IO from
        # Iran, called X, ..." then "The actors from Israel, called STOIC, ...": another's
        or bool(
            actors
            and current.name
            and not current.actors
            and not current.from_heading
            and p.body
            and (also_reported(p.body[0].text) or from_elsewhere(p.body[0], current.sentences[0]))
        )
    )
    # a new actor in a new list item ("3. APT43 and other North Korean actors ...")
    starts_new = starts_new or bool(
        p.item and actors and current is not None and not current.actors
        and not (current.from_heading and current.name and not current.described)
        and not p.alias_note
    )  # fmt: skip
    return bool(starts_new)
