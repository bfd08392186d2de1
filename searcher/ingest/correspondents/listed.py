"""People a record lists as its parties, each perhaps followed by an office: "Memorandum of
Conversation, 'President Kennedy, Prime Minister Ben-Gurion, Ambassador Avraham Harman of
Israel, ..., and Philips Talbot, Assistant Secretary, Near East and South Asian Affairs'".
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.offices import COMPLEMENT_END, office_phrase
from searcher.ingest.correspondents.roles import Correspondents, unique
from searcher.ingest.correspondents.title_names import (
    COMMA,
    Collector,
    looks_like_name,
    split_outside_brackets,
)
from searcher.ingest.correspondents.words import bare, is_body, is_place

#: A record of a talk, naming no one itself: "Memorandum of Conversation".
RECORD_OF_TALK = re.compile(
    r"^(?:memorandum|record|minutes|notes?|summary|transcript)\s+of\s+(?:an?\s+|the\s+)?"
    r"(?:conversations?|meetings?|talks?|discussions?)$",
    re.IGNORECASE,
)
_AND = re.compile(r"^and\s+", re.IGNORECASE)
#: Where a person comes from, after the name: "... Harman of Israel", "... of the White House".
_OF_TAIL = re.compile(r"\s+(?:of|from)\s+.*$")


def _apposition(part: str) -> bool:
    """An office, a domain or a place after a person: no party of its own."""
    last = bare(part.split()[-1])
    return office_phrase(part) or is_place(part) or last in COMPLEMENT_END or is_body(part)


def listed_people(text: str, collect: Collector, least: int = 2) -> list[str]:
    """The people a list of parties names, offices beside them left out; [] unless ``least``
    or more and every other part is an office, a domain or a place (one person alone only with
    an office: "General Secretary of the CC ..., Kim Il Sung")."""
    people: list[str] = []
    described = False
    for part in split_outside_brackets(text, COMMA):
        head = _OF_TAIL.sub("", _AND.sub("", part))
        if _apposition(head):
            described = True
            continue
        if not looks_like_name(head) or not (name := collect.person_or_body(head)):
            return []
        people.append(name)
    enough = len(people) >= max(least, 1) and (len(people) > 1 or described)
    return people if enough else []


#: A record of a talk, then the list of its parties: "Memorandum of Conversation, A, Secretary
#: of ..., and B, Head of ..., Prague".
_RECORD_THEN_LIST = re.compile(r"^(?P<record>[^,]+),\s+(?P<who>.+)$")


def read_listed_talk(text: str, collect: Collector) -> Correspondents:
    """The parties a record of a talk lists after its type, offices and places aside."""
    match = _RECORD_THEN_LIST.match(text)
    if not match or not RECORD_OF_TALK.match(match["record"]):
        return Correspondents()
    return Correspondents(participants=unique(listed_people(match["who"], collect)))
