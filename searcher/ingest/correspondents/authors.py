"""Documents read by their authors: "Speech by A", "Memorandum of analysis by A", "A's
Report", "Hungarian Secretariat Report on ...", "Mikoyan-Suslov Report", "..., Prepared by A",
"Notes Kept by A Regarding ...".  The author is the sender; a gathering is no author.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.roles import NONE, Correspondents
from searcher.ingest.correspondents.title_names import (
    GLOSSED,
    Collector,
    looks_like_name,
    split_outside_brackets,
)
from searcher.ingest.correspondents.words import is_body, is_place, is_type_phrase
from searcher.names import OFFICES

AUTHORED = re.compile(
    r"^(?P<type>(?:[\w-]+\s+){0,3}?(?:statement|speech|letter|note|report|remarks|address|"
    r"cable|telegram|message|"
    r"appeal|declaration|notes|diary|diary\s+entry|journal|memoirs|testimony|lecture|talk|toast|"
    r"memorandum|"
    r"memo|comments|account|information|analysis|assessment|proposal|intervention))\s+"
    r"(?:by|of)\s+(?P<who>.+)$",
    re.IGNORECASE,
)

#: "Memorandum of analysis by Roberto Ducci": a document by its author.
AUTHORED_BY = re.compile(
    r"^(?P<type>(?:memorandum|memo|note|notes|report|letter|statement|speech|remarks|comments|"
    r"recollections|"
    r"analysis|information|proposal|draft|account)\b(?:\s+[a-z][\w-]*){0,3})\s+by\s+(?P<who>.+)$",
    re.IGNORECASE,
)

#: "Khrushchev's Secret Speech ...", "Mao Zedong's Instructions ...": the author, possessive.
POSSESSIVE_AUTHORED = re.compile(
    r"^(?P<who>[^,'’\[(]+?(?:\s*\[[^\]]+\])?)['’]s\s+(?:[\w-]+\s+){0,2}?(?:speech|letter|"
    r"report|remarks|address|statement|telegram|cable|message|note|notes|memorandum|proposal|"
    r"reply|answer|appeal|declaration|diary|journal|memoirs|instructions?|directive|talk|"
    r"toast|comments|account|presentations?)\b",
    re.IGNORECASE,
)

_FOR_BODY = re.compile(r"\s+for\s+(?=(?:the\s+)?[A-Z])")


def split_for(who: str) -> tuple[str, str, str]:
    """ "the Ministry for the Presidium of the CC [Gromyko]": the author, "for", the addressee."""
    parts = split_outside_brackets(who, _FOR_BODY)
    if len(parts) == 2 and not RECORD.match(parts[1]):
        return parts[0], "for", parts[1]
    return who, "", ""


#: "Hungarian Secretariat Report on ...", "General Staff of Defense (SMD) Summary Report": a
#: body or a known person before a document type.
_NAMED_TYPE = re.compile(
    r"^(?P<who>[^,:'\"‘“]+?)\s+(?:report|cable|telegram|memorandum|memo|"
    r"letter|note|notes|message|statement|account|information)"
    r"(?:\s+no\.?\s*\d[\w./-]*)?(?:\s+(?:on|about|regarding|concerning)\b.*)?$",
    re.IGNORECASE,
)


def named_type(text: str, collect: Collector) -> Correspondents:
    match = _NAMED_TYPE.match(text)
    words = match["who"].split() if match else []
    while words and is_type_phrase(words[-1]):
        words.pop()  # "... (SMD) Summary Report": "Summary" is part of the type
    if not words or not looks_like_name(who := " ".join(words)):
        return NONE
    if " " not in who and who.casefold() in OFFICES:
        return NONE  # "Soviet Report on ...": a nationality, not an author
    main = GLOSSED.match(who)
    known = main["main"] if main else who
    if is_body(known) or collect.authority.canonical(known):
        return Correspondents(tuple(collect.names(known)))
    if surnames := _surnames(who, collect):
        return Correspondents(tuple(surnames))  # "Mikoyan-Suslov Report", "A and B Report"
    *country, last = who.split()
    if (
        country
        and last.casefold() in _SERVICES
        and all(is_place(w) or _NATIONALITY.match(w) or w.casefold() in OFFICES for w in country)
    ):
        collect.written.append(who)
        return Correspondents((who,))  # "Cuban Intelligence Report on Ethiopia": the service
    return NONE


#: A country's service, named by what it does: "Cuban Intelligence".
_SERVICES = frozenset({"intelligence", "counterintelligence", "counter-intelligence"})


_SURNAME_PAIR = re.compile(r"(?<=[a-z])-(?=[A-Z])|\s+and\s+")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ian|ean|an|ese|ish|i)$")


def _surnames(who: str, collect: Collector) -> list[str]:
    """Two or more surnames joined by "and" or a hyphen before a report's type: its authors."""
    pieces = _SURNAME_PAIR.split(who)
    known = collect.authority.canonical
    if len(pieces) < 2 or not all(
        re.fullmatch(r"[A-Z][a-z]+", p)
        and not is_place(p)
        and p.casefold() not in OFFICES
        and (known(p) or not _NATIONALITY.match(p))
        for p in pieces
    ):
        return []
    return [name for p in pieces if (name := collect.person_or_body(p))]


#: A gathering, not an author: "Notes of CC CPSU Politburo Session".
GATHERING = re.compile(
    r"\b(?:session|meeting|plenum|conference|congress|summit|talks|conversation|discussion)s?$",
    re.IGNORECASE,
)
RECORD = re.compile(r"^(?:the\s+)?(?:record|files?|archives?)$", re.IGNORECASE)

#: An author named after the document: "..., Prepared by the Vietnam Group of ...".
PREPARED_BY = re.compile(
    r"['’,]\s+(?:prepared|compiled|drafted|written)\s+by\s+(?P<who>[^,]+?)"
    r"(?:\s+(?:attending|at|for|on)\s.*)?$",
    re.IGNORECASE,
)

#: Notes by their keeper: "Translation of Notes Kept by A Regarding Conversations with B".
KEPT_BY = re.compile(
    r"^(?:translation\s+of\s+)?(?:the\s+)?(?:notes?|minutes|records?|diary|journal)\s+"
    r"(?:kept|taken|made|written)\s+by\s+(?P<who>.+?)\s+"
    r"(?:[a-z]*(?:garding|cerning)|on|about|of)\s+",
    re.IGNORECASE,
)
