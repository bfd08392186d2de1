"""The last check on the parties read from a title: a value that cannot be a correspondent
is dropped rather than reported.

A value names no party when it opens with a request, an act or a matter ("Request for
Clearance of ...", "Directives for the USSR Delegation"), when an event heads it ("Persian
Gulf War", "XXIII Session of the General Assembly"), when a verb opens it ("Defend World
Peace"), when it ends in a word no name ends with ("Brazil-Argentina Joint", "... Pertaining"),
when it is a subject or quoted text ("Subject: 'Brazil ...'"), a date, or a bare place beside
the party it locates ("Cultural Attaché", "Rio de Janeiro").  The words are data, in
``searcher/data/title-not-parties.txt``.  An office that took in its own addressee ("the
Chinese Ambassador to the Foreign Secretary") is split into sender and recipient.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.pieces import person_shaped
from searcher.ingest.correspondents.roles import Correspondents
from searcher.ingest.correspondents.title_names import MONTH
from searcher.ingest.correspondents.word_kinds import adjective_only
from searcher.ingest.correspondents.words import (
    BODY_WORDS,
    LEADING_OFFICE,
    MARK,
    bare,
    is_body,
    is_place,
    kinds_read,
    read_as,
)
from searcher.names import OFFICES


def _words_read(reading: str) -> frozenset[str]:
    return frozenset(read_as("title-not-parties.txt", reading))


#: Requests, acts and matters, which head no party's name.
_ACTS = _words_read("lead")
#: Those, and the kinds of document, which open no party's name either.
_LEADS = _ACTS | frozenset(
    kind for reading in ("issued", "sent", "authored", "records") for kind in kinds_read(reading)
)
_EVENTS = _words_read("event")
_VERBS = _words_read("verb")
_ENDS = _words_read("end")
#: Words after which a value's head noun is over: "Session of ...", "War in ...".
_HEAD_END = frozenset({"of", "in", "on", "for", "to", f"to{MARK}", "at", "with", "and", "between"})
#: A quote opening a word, and one closing a word that no plural possessive ends.
_OPENING = re.compile(r"(?:^|(?<=\s))[\"“‘'’]")
_CLOSING = re.compile(r"(?<![sS\s])[\"”'’](?=\s|$)")
_SUBJECT = re.compile(r"^(?:subject|re|regarding|concerning|topic)\s*(?::|$)", re.IGNORECASE)
#: The writer's own side, named by "our": "the Delegation of Our Party" names no one else.
_OURS = re.compile(r"\bour\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DAY = re.compile(r"^\d{1,2}\s+")


def _head(words: list[str]) -> str:
    """The last word before the first preposition: "Session" of "XXIII Session of the UN"."""
    head = words[0]
    for word in words:
        if bare(word) in _HEAD_END:
            break
        head = word
    return bare(head)


def _lead_act(words: list[str]) -> bool:
    """A request or an act opening a value, not naming the body it heads ("Request for ...",
    not "Protocol Department")."""
    if bare(words[0]) not in _LEADS:
        return False
    second = bare(words[1]) if len(words) > 1 else ""
    return second.removesuffix("s") not in BODY_WORDS | LEADING_OFFICE


def is_dated(value: str) -> bool:
    """Whether a value is a date or holds a year: "18 January 1962", "May 5"."""
    return bool(_YEAR.search(value) or MONTH.match(_DAY.sub("", value)))


def names_no_party(value: str) -> bool:
    """Whether a value read as a party is a request, an act, an event, an aim, a subject, a
    date, the writer's own side ("Our Party") or a fragment ending in a word no name ends
    with."""
    words = value.split()
    if not words:
        return True
    return (
        _lead_act(words)
        or _head(words) in _EVENTS | _ACTS
        or bare(words[0]) in _VERBS
        or bare(words[-1]) in _ENDS
        or adjective_only(words[-1])
        or bool(_SUBJECT.match(value))
        or bool(_OURS.search(value))
        or is_dated(value)
    )


def without_quote(value: str) -> str:
    """A value without the quotation that ran into it: "Ministry of Defense for Exercise" of
    "... Exercise 'OVERCAST SUMMER-68'"; nothing when a quotation ends in it ("Counteract
    Hostile Radio Propaganda'"); a quoted part inside a name stays ("the “Japan-USSR”
    Friendship Society")."""
    opening = _OPENING.search(value)
    closing = _CLOSING.search(value, opening.end() if opening else 0)
    if opening and not (closing and closing.end() < len(value.rstrip())):
        return value[: opening.start()].rstrip(" ,;:")
    return "" if closing and not opening else value


def _locates(before: str) -> bool:
    """Whether a place after this value says where it sits: a body or an office that names
    no country of its own ("Ministry for Foreign Affairs", "Republic of Finland";
    not "Delegates of the Chinese People's Republic", "Poland")."""
    words = before.split()
    if not words or is_place(words[-1]):
        return False
    return (is_body(before) or bare(words[-1]) in LEADING_OFFICE) and not _OWN_COUNTRY.search(
        before
    )


_OWN_COUNTRY = re.compile(r"\s(?:of|from|in)\s")
#: A state named by its form: "Republic of Finland", "Kingdom of Laos".
_STATE = re.compile(r"^(?:the\s+)?(?:republic|kingdom|state|federation|commonwealth)\s+of\s+", re.I)


def _place_like(value: str) -> bool:
    """A known place, or a state named by its form and a known place."""
    return is_place(value) or bool(
        (state := _STATE.match(value)) and is_place(value[state.end() :])
    )


def _kept(values: tuple[str, ...]) -> tuple[str, ...]:
    """The values of a role that may be parties; a place right after a body or an office joins
    its name ("Ministry for Foreign Affairs, Republic of Finland"), one right before a person
    goes (it says where that party sits: "Rio de Janeiro, Smeul Benizi")."""
    found = [v for v in map(without_quote, values) if v and not names_no_party(v)]
    kept: list[str] = []
    for at, value in enumerate(found):
        after = found[at + 1] if at + 1 < len(found) else ""
        if _place_like(value) and kept and _locates(kept[-1]):
            kept[-1] = f"{kept[-1]}, {value}"  # where the body sits, part of its name
            continue
        if _place_like(value) and person_shaped(after):
            continue
        kept.append(value)
    return tuple(kept)


_OFFICE_TO_OFFICE = re.compile(
    rf"^(?P<office>.+?)\s+to{MARK}?\s+the\s+(?P<addressee>(?:[A-Z][\w-]*\s+)*(?P<last>[A-Z][\w-]*))$"
)


def _office_to_office(value: str) -> tuple[str, str] | None:
    """An office and the office it addresses, when a sender took both in: "Chinese
    Ambassador" and "Foreign Secretary" of "Chinese Ambassador to the Foreign Secretary"."""
    match = _OFFICE_TO_OFFICE.match(value)
    if not match or bare(match["last"]) not in OFFICES:
        return None
    if bare(match["office"].split()[-1]) not in OFFICES or is_place(match["addressee"]):
        return None
    return match["office"], match["addressee"]


def gate(found: Correspondents) -> Correspondents:
    """The parties found, without the values that cannot be correspondents."""
    sender, recipient = found.sender, found.recipient
    if len(sender) == 1 and not recipient and (split := _office_to_office(sender[0])):
        sender, recipient = (split[0],), (split[1],)
    if any(bare(value.split()[-1]) in _ENDS for value in sender if value.split()):
        recipient = ()  # "Training Documentation Pertaining to ...": no addressee after "to"
    return Correspondents(
        _kept(sender),
        _kept(recipient),
        _kept(found.via),
        _kept(found.participants),
        found.as_written,
    )
