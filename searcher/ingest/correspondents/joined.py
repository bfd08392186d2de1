"""Two documents in one title, joined by a semicolon: "Letter to Saudi Crown Prince Abdallah
from Saddam Hussein ...; Letter from Izzat Ibrahim to the Same Prince".  Each is read on its
own and their parties are put together; "the Same Prince" is the first one's recipient.  And
two makers of one joint document, joined by a slash: "Joint State/Defense Message".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from searcher.ingest.correspondents.roles import Correspondents, unique
from searcher.ingest.correspondents.words import is_type_phrase
from searcher.names import NameAuthority

Parse = Callable[[str, NameAuthority], Correspondents]

#: A semicolon outside quotation marks, before another document's type: "; Letter from ...".
_NEXT_DOCUMENT = re.compile(
    r";\s+(?=(?P<type>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:from|to|of|by)\s)"
)
#: A quotation opened before a semicolon, which is then the quoted title's own.
_QUOTE_OPENED = re.compile(r"(?:^|[\s,])['‘“\"]")
#: The party named before, again: "the Same Prince".
_SAME = re.compile(r"^(?:the\s+)?same\b", re.IGNORECASE)


#: "Joint State/Defense Message, ...": two makers, then the document's type.
_JOINT = re.compile(r"^Joint\s+(?P<one>[A-Z][a-z]+)/(?P<other>[A-Z][a-z]+)\s+(?P<type>[^,:'‘“]+)")


def read_joined(title: str, authority: NameAuthority, parse: Parse) -> Correspondents:
    """The parties of every document a title joins with semicolons (or of the one it names);
    the makers of a joint document."""
    if (joint := _JOINT.match(title)) and is_type_phrase(joint["type"]):
        return Correspondents((joint["one"], joint["other"]))
    starts = [
        m
        for m in _NEXT_DOCUMENT.finditer(title)
        if is_type_phrase(m["type"]) and not _QUOTE_OPENED.search(title, 0, m.start())
    ]
    if not starts:
        return parse(title, authority)
    cuts = [0, *(m.end() for m in starts)]
    ends = [*(m.start() for m in starts), len(title)]
    found = [parse(title[a:b], authority) for a, b in zip(cuts, ends, strict=True)]
    first = found[0]

    def same(values: tuple[str, ...], earlier: tuple[str, ...]) -> list[str]:
        return [n for v in values for n in (earlier if _SAME.match(v) else (v,))]

    return Correspondents(
        unique(n for f in found for n in same(f.sender, first.sender)),
        unique(n for f in found for n in same(f.recipient, first.recipient)),
        unique(n for f in found for n in f.via),
        unique(n for f in found for n in f.participants),
        unique(n for f in found for n in f.as_written),
    )
