"""What a piece of a title between commas is: an office after a person, a document's type
(perhaps with its subject or the gathering it comes from), a title of its own.
"""

from __future__ import annotations

import re

from searcher.ingest.correspondents.offices import office_phrase
from searcher.ingest.correspondents.title_names import looks_like_name
from searcher.ingest.correspondents.words import (
    DOCUMENT_WORDS,
    LEADING_OFFICE,
    bare,
    is_body,
    is_place,
    is_type_phrase,
)
from searcher.names import HONORIFICS, OFFICES


def holds_office(person: str, office: str) -> bool:
    """Whether an office follows a person's name: "William Brubeck, Executive Secretary"."""
    words = office.split()
    named = looks_like_name(person) and not is_body(person) and not is_place(person)
    ends_office = bare(words[-1]) in LEADING_OFFICE - HONORIFICS and not is_body(office)
    return named and (office_phrase(office) or ends_office and len(words) < 4)


def type_lead(text: str) -> bool:
    """Whether a text is a document type, perhaps with its subject: "Report on Secret ..."."""
    return is_type_phrase(_GATHERING_TAIL.sub("", _SUBJECT_TAIL.sub("", text)))


#: The gathering a record comes from: "Notes from a Meeting of the Politburo".
_GATHERING_TAIL = re.compile(
    r"\s+(?:from|of)\s+(?:an?\s+|the\s+)?(?:(?-i:[A-Z][\w-]*)\s+){0,3}(?:meeting|session|"
    r"plenum|conference|congress)s?\b.*$",
    re.IGNORECASE,
)


def names_type(text: str) -> bool:
    """Whether a text is a document's type, perhaps with its subject: "Report on ..."."""
    head = _SUBJECT_TAIL.sub("", text)
    return is_type_phrase(head) and any(w.lower() in DOCUMENT_WORDS for w in head.split())


_SUBJECT_TAIL = re.compile(r"\s+(?:on|about|regarding|concerning)\s.*$", re.IGNORECASE)


def titled(piece: str) -> bool:
    """Whether a piece is a document's own title, ending in its type: "Economic Policy Report"."""
    words = piece.split()
    return len(words) > 1 and bare(words[-1]) in DOCUMENT_WORDS and not is_body(piece)


#: A person's name by its shape: initials or given names, then a surname ("Anatoly Zorkanov",
#: "Y. Andropov", "M.A. Turko").
_PERSON_SHAPE = re.compile(
    r"^(?:(?:[A-Z]\.\s*){1,3}|[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+){1,2}[A-Z][a-z]+$"
)
#: Endings of adjectives and abstract nouns, never of a surname here: "Annual", "Daily".
_NOT_SURNAME = re.compile(r"(?:al|ly|ic|ive|ary|ion|ions|ment|ness|ity|ence|ance|ing)$")


def person_shaped(text: str) -> bool:
    """Whether a text has the shape of a person's name, known or not: given names or initials
    and a surname, no office, body, place, nationality or type among them."""
    text = text.strip()
    if not _PERSON_SHAPE.match(text) or is_body(text) or is_place(text):
        return False
    words = [bare(w) for w in text.replace(".", ". ").split()]
    full = [w for w in words if len(w.rstrip(".")) > 1]
    return (
        not any(w in LEADING_OFFICE or w in DOCUMENT_WORDS or is_place(w) for w in full)
        and not _NOT_SURNAME.search(full[-1])
        and not any(w in OFFICES for w in full)
    )
