"""Who wrote a document named before its type and subject.

A body, then only its document's subject: "Chinese Communist Party, Plan of Action for
Welcoming Home the Chinese Internationals", "Chinese Foreign Ministry Report, Excerpts of
General Ne Win's Internal Conversations, the Current Situation and its Solutions".  The body
wrote it; the pieces after it name no party.  A known person, then the type and where it came
from: "Boris Ponomarev, Reports from Kabul" is Ponomarev's.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.offices import LEAD_WORDS, office_phrase, office_split
from searcher.ingest.correspondents.pieces import person_shaped
from searcher.ingest.correspondents.title_names import (
    COMMA,
    Collector,
    name_run,
    split_outside_brackets,
)
from searcher.ingest.correspondents.word_kinds import adjective_only
from searcher.ingest.correspondents.words import (
    bare,
    is_body,
    is_place,
    is_type_phrase,
    without_type_end,
)

#: A subject opens with a word, capitalised or "the": not a number ("1956", "No. 32").
_SUBJECT_OPENING = re.compile(r"^(?!(?i:no)\.?\s)(?:(?i:the)\s+|[A-Z][a-z])")
#: Acts of a body, which it adopts rather than sends: "VKP(b) CC Decree Draft".
_ADOPTED = re.compile(r"\b(?:decrees?|resolutions?|decisions?|protocols?)\b", re.IGNORECASE)
#: Words that make a piece a message between parties, not a subject.
_SENDS = re.compile(r"(?:^|\s)(?:to|from|by|via|through)\s", re.IGNORECASE)


def names_no_party(piece: str, collect: Collector) -> bool:
    """Whether a piece after a body names nobody who could send or receive: no body, known
    person, person's name, office or place, and no "to", "from" or "by"."""
    head = name_run(piece) or piece
    capitals = re.split(r"\s+(?=[a-z])", piece)[0].split()
    return not (
        adjective_only(capitals[-1])
        or bare(capitals[-1]) in ("soviet", "ssr")  # "Supreme Soviet of the Ukrainian SSR": a body
        or _SENDS.search(piece)
        or is_body(head)
        or collect.authority.canonical(head)
        or person_shaped(head)
        or office_phrase(head)
        or office_split(LEAD_WORDS.sub("", head))[0]
        or is_place(head)
        or is_place(piece)
    )


def body_then_subject(parts: list[str], collect: Collector) -> str:
    """The body a title opens with when every piece after it is its document's subject (the
    body without its document's type), or ""."""
    body = without_type_end(parts[0])
    if len(parts) < 2 or not is_body(body) or _ADOPTED.search(parts[0]):
        return ""  # "VKP(b) CC Decree Draft, Soviet-Iranian Negotiations": a decree's subject
    if not all(_SUBJECT_OPENING.match(p) for p in parts[1:]):
        return ""  # "Gazette of the State Council ..., 1956, No. 32": numbers, no subject
    return body if all(names_no_party(p, collect) for p in parts[1:]) else ""


#: Where the document came from, after its type: "Reports from Kabul".
_FROM_PLACE = re.compile(r"^(?P<type>[^,]+?)\s+from\s+(?P<place>[^,]+)$", re.IGNORECASE)


def author_before_place(text: str, collect: Collector) -> list[str]:
    """The known person before "TYPE from PLACE" ("Boris Ponomarev, Reports from Kabul"), or
    nobody: a place only says where the document was written."""
    parts = split_outside_brackets(text, COMMA)
    if len(parts) != 2 or not (at := _FROM_PLACE.match(parts[1])):
        return []
    if not is_type_phrase(at["type"]) or not is_place(at["place"]):
        return []
    return collect.names(parts[0]) if collect.authority.canonical(parts[0]) else []
