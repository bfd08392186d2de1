"""What a page says, as the page says it: the output of a layout, before normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Page:
    """Values extracted from one page, unnormalised.

    Strings are as displayed (whitespace tidied); lists keep the page's order.  People are
    as the page writes them ("Mao, Zedong"), dates as shown ("June, 1934"), languages as
    names or codes.  ``extra`` holds labelled values no other field takes (and, under
    ``cut``, why a partial page is partial).
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
    authors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
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
