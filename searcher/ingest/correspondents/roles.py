"""Who wrote to whom, as found: canonical names by role, and how the title wrote them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from searcher.names import NameAuthority


@dataclass(frozen=True)
class Correspondents:
    """Canonical names by role, and the title's own wording of each name."""

    sender: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    as_written: tuple[str, ...] = ()


NONE = Correspondents()


def unique(names: Iterable[str]) -> tuple[str, ...]:
    """The names once each, in their first order; one person written twice with the same
    surname and agreeing initials ("S. V. Zorin", "Stepan V. Zorin") is kept as first written."""
    kept: list[str] = []
    for name in names:
        if not any(name == other or _same_person(name, other) for other in kept):
            kept.append(name)
    return tuple(kept)


_INITIAL = re.compile(r"[A-Z]")


def _same_person(first: str, second: str) -> bool:
    """Whether two written names are one person's: the same surname, given names or initials
    on both sides, the initials of the shorter the start of the other's."""
    *given_a, last_a = first.replace(".", ". ").split() or [""]
    *given_b, last_b = second.replace(".", ". ").split() or [""]
    if last_a != last_b or not given_a or not given_b or not last_a[:1].isupper():
        return False
    initials_a = [w[0] for w in given_a if _INITIAL.match(w)]
    initials_b = [w[0] for w in given_b if _INITIAL.match(w)]
    shorter, longer = sorted((initials_a, initials_b), key=len)
    return (
        len(initials_a) == len(given_a)
        and len(initials_b) == len(given_b)
        and (longer[: len(shorter)] == shorter)
    )


def merge_authors(
    c: Correspondents,
    authors: Iterable[str],
    authority: NameAuthority,
    recipients: Iterable[str] = (),
) -> Correspondents:
    """Fill what the title left open from the page's own Author(s) (and recipient) fields."""
    sender, recipient = c.sender, c.recipient
    if not sender and not c.participants:
        sender = unique(authority.canonicalize(a) for a in authors if a.strip())
    if not recipient and not c.participants:
        recipient = unique(authority.canonicalize(r) for r in recipients if r.strip())
    if (sender, recipient) == (c.sender, c.recipient):
        return c
    return Correspondents(sender, recipient, c.via, c.participants, c.as_written)
