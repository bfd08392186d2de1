"""What a page says, as the page says it: the output of a layout, before normalisation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from searcher.record import LABELS, field_labels


@dataclass
class Page:
    """Values extracted from one page, unnormalised.

    Strings are as displayed (whitespace tidied); lists keep the page's order.  People are
    as the page writes them ("Mao, Zedong"), dates as shown ("June, 1934"), languages as
    names or codes.  A field named as a Record field is that field's value as shown (the
    normaliser copies it by name, unless it makes the field otherwise); the labels pages
    give a field under are declared with the Record's field (``searcher.record.declare``),
    or here for a field the Record has not (a labelled value of a Record field not named
    here is set on the page under that field's name).  ``extra`` holds labelled values no other
    field takes (and, under ``cut``, why a partial page is partial).
    """

    layout: str
    title: str = ""
    date: str = ""
    summary: str = ""
    body: str = ""
    citation: str = ""
    credits: str = ""
    source: str = ""
    archive: list[str] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    #: Read into the record's correspondents and people (the Record has no field of these).
    authors: list[str] = field(
        default_factory=list, metadata={LABELS: ("author", "author(s)", "authors")}
    )
    recipients: list[str] = field(
        default_factory=list, metadata={LABELS: ("recipient(s)", "recipients")}
    )
    contributors: list[str] = field(default_factory=list)
    classification: str = ""
    type: str = ""
    rights: str = ""
    record_id: str = ""
    url: str = ""
    upload_date: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    #: The page visibly stops mid-way (cut short, or markup too deep to read whole).
    partial: bool = False


def page_labels() -> dict[str, str]:
    """Each label pages write (lower case) and the Page field its values fill."""
    return {
        **field_labels(),
        **{label: f.name for f in dataclasses.fields(Page) for label in f.metadata.get(LABELS, ())},
    }
