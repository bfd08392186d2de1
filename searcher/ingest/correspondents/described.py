"""A person named after a description of who they are, written in lower case: "an official
in the Albanian embassy in Beijing Lilo Zeneli" is Lilo Zeneli; and a description after a
person's name, opened by "a" or "an": "A.G. Krymov (Guo Zhaotang), a Prisoner in Noril'sk and
Former Member of ..." is Krymov alone.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.words import (
    BODY_WORDS,
    CONNECTORS,
    LEADING_OFFICE,
    bare,
    is_place,
    place_end,
)

#: Two to four capitalised words closing a text: the name that ends a description.
_CLOSING = re.compile(r"(?:^|\s)(?P<who>(?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)$")

#: A quotation, not an apostrophe inside a word ("Kim's", "d’Affaires"): a subject, not a
#: description of someone.
_QUOTE = re.compile(r"[\"‘“”]|(?<![A-Za-z])['’]|['’](?![A-Za-z])")


def closing_name(text: str) -> str:
    """The person a lower-case description ends with, or "" when it names none."""
    match = _CLOSING.search(text)
    if not match or _QUOTE.search(text) or re.search(r"['’]", match["who"]):
        return ""
    words = match["who"].split()
    before = text[: match.start("who")].split()
    start = place_end(words, 0)  # "... in Beijing Lilo Zeneli": the place goes
    described = any(
        w[:1].islower() and bare(w) not in CONNECTORS and bare(w) not in ("a", "an") for w in before
    )
    # after an office or a body, or after where they were ("... embassy in Beijing Lilo Zeneli")
    anchored = bool(before) and (
        bare(before[-1]) in BODY_WORDS | LEADING_OFFICE
        or start > 0
        and bare(before[-1]) in ("in", "at", "of")
    )
    person = words[start:]
    if not described or not anchored or len(person) < 2:
        return ""
    if any(bare(w) in BODY_WORDS | LEADING_OFFICE or is_place(w) for w in person):
        return ""
    return " ".join(person)


#: A description after a name, to the end: "..., a Prisoner in Noril'sk and Former Member".
_APPOSITION = re.compile(r"(?<=\S),\s+an?\s+[^,]+$")


def without_description(segment: str) -> str:
    """A segment without the description after its last name ("..., a Prisoner in ...")."""
    return _APPOSITION.sub("", segment)
