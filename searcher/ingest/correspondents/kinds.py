"""Kinds of documents, each with how a title names its maker: a decree is issued by the body
after "of" or "by", a dispatch is sent by whoever is named before it, a memoir written by whoever
is named before a colon, a record of a gathering names those who took part, a series (National
Intelligence Estimate) no one.  The kinds are data, in ``searcher/data/title-document-kinds.txt``
(the series are read in ``words``, as types of document).
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.authors import GATHERING
from searcher.ingest.correspondents.roles import NONE, Correspondents, unique
from searcher.ingest.correspondents.title_names import Collector, looks_like_name
from searcher.ingest.correspondents.words import data_lines, is_body, is_place


def _kinds() -> dict[str, str]:
    pairs = (line.split("\t") for line in data_lines("title-document-kinds.txt"))
    return {kind.strip(): reading.strip() for kind, reading in pairs}


#: Each kind of document and its reading: "issued", "sent", "written", "records" or "series".
KINDS = _kinds()


def _alternation(reading: str) -> str:
    kinds = sorted((k for k, r in KINDS.items() if r == reading), key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in kinds)


#: "Decree by the USSR Council of People's Commissars on ...": the issuer after "of" or "by".
_ISSUED = re.compile(
    rf"^(?:(?:draft|secret|top\s+secret)\s+)?(?:{_alternation('issued')})\s+(?:issued\s+)?"
    r"(?:by|of)\s+(?:the\s+)?(?P<who>(?:[^,'\"‘“]|(?<=\w)['’](?=\w))+?)"
    r"(?:\s+(?:on|about|regarding|concerning|to|for|in|no\.?)\s.*|\s*[,:;].*)?$",
    re.IGNORECASE,
)
#: "Budapest Legation Dispatch No. 372, ...": the sender before the kind.
_SENT = re.compile(
    rf"^(?P<who>(?-i:[A-Z])[^,:'\"‘“]*?)\s+(?:{_alternation('sent')})(?:\s+no\.?\s*[\w./-]+)?"
    r"(?:\s*[,:].*|\s+(?:on|about|regarding|concerning)\s.*)?$",
    re.IGNORECASE,
)
#: A record's "..., with Participation by A, B, and C": those who took part.
_RECORDS = re.compile(rf"^(?:[\w-]+\s+){{0,2}}?(?:{_alternation('records')})\b", re.IGNORECASE)
_PARTICIPATION = re.compile(
    r",?\s+with\s+(?:the\s+)?participation\s+(?:of|by)\s+(?P<who>.+)$", re.IGNORECASE
)


#: "Tran Quang Co: A Memoir": the writer before a colon and the kind alone.
_WRITTEN = re.compile(
    rf"^(?P<who>(?-i:[A-Z])[^:'\"‘“]*?):\s+(?:an?\s+|the\s+|his\s+|her\s+)?"
    rf"(?:{_alternation('written')})$",
    re.IGNORECASE,
)


def _maker(who: str, collect: Collector) -> bool:
    """Whether a text can make a document: a body, or a known person; no gathering or place."""
    if not looks_like_name(who) or GATHERING.search(who) or is_place(who):
        return False
    return is_body(who) or collect.authority.canonical(who) is not None


def read_kind(text: str, collect: Collector) -> Correspondents:
    """Who a title names by its document's kind: an issuer, a sender or participants."""
    if (issued := _ISSUED.match(text)) and _maker(issued["who"], collect):
        return Correspondents(tuple(collect.names(issued["who"])))
    if (sent := _SENT.match(text)) and _maker(sent["who"], collect):
        return Correspondents(tuple(collect.names(sent["who"])))
    written = _WRITTEN.match(text)
    if written and looks_like_name(written["who"]) and not is_place(written["who"]):
        return Correspondents(tuple(collect.names(written["who"])))
    if _RECORDS.match(text) and (took := _PARTICIPATION.search(text)):
        return Correspondents(participants=unique(collect.names(took["who"])))
    return NONE
