"""Who wrote to whom, as found: canonical names by role, and how the title wrote them."""

from __future__ import annotations

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
    """The names once each, in their first order."""
    return tuple(dict.fromkeys(names))


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
