"""The record: one document of the archive, and the single definition of every field.

Every other module (schema, query fields, facets, output) reads ``FIELDS`` rather than
listing field names of its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal

Kind = Literal["id", "text", "keyword", "date", "stored"]
Precision = Literal["day", "month", "year", "decade", "undated"]


@dataclass(frozen=True)
class FieldSpec:
    """How one record field is kept and searched.

    kind: ``id`` (unique key), ``text`` (analysed full text), ``keyword`` (exact values,
    filterable and countable), ``date`` (a day), ``stored`` (kept, not searched).
    multi: the value is a tuple of strings.  facet: counts can be asked for.
    alias: the name a query uses (``subject:`` for ``subjects``), when it differs.
    weight: ranking boost of a text field.
    """

    name: str
    kind: Kind
    multi: bool = False
    facet: bool = False
    alias: str | None = None
    weight: float = 1.0

    @property
    def query_name(self) -> str:
        return self.alias or self.name


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("id", "id"),
    FieldSpec("url", "stored"),
    FieldSpec("path", "stored"),
    FieldSpec("layout", "keyword", facet=True),
    FieldSpec("title", "text", weight=1.5),
    FieldSpec("date", "stored"),
    FieldSpec("date_start", "date"),
    FieldSpec("date_end", "date"),
    FieldSpec("date_precision", "keyword", facet=True, alias="precision"),
    FieldSpec("sender", "keyword", multi=True, facet=True),
    FieldSpec("recipient", "keyword", multi=True, facet=True),
    FieldSpec("via", "keyword", multi=True, facet=True),
    FieldSpec("participants", "keyword", multi=True, facet=True, alias="participant"),
    FieldSpec("title_names", "stored", multi=True),
    FieldSpec("summary", "text", weight=3.0),
    FieldSpec("body", "text", weight=1.0),
    FieldSpec("citation", "text", weight=0.5),
    FieldSpec("source", "text", weight=0.5),
    FieldSpec("archive", "keyword", multi=True, facet=True),
    FieldSpec("collections", "keyword", multi=True, facet=True, alias="collection"),
    FieldSpec("subjects", "keyword", multi=True, facet=True, alias="subject"),
    FieldSpec("people", "keyword", multi=True, facet=True, alias="person"),
    FieldSpec("places", "keyword", multi=True, facet=True, alias="place"),
    FieldSpec("languages", "keyword", multi=True, facet=True, alias="language"),
    FieldSpec("classification", "keyword", facet=True),
    FieldSpec("type", "keyword", facet=True),
    FieldSpec("rights", "stored"),
    FieldSpec("credits", "stored"),
    FieldSpec("contributors", "stored", multi=True),
    FieldSpec("record_id", "keyword"),
    FieldSpec("upload_date", "stored"),
    FieldSpec("content_hash", "stored"),
    FieldSpec("partial", "stored"),
    FieldSpec("stale", "stored"),
    FieldSpec("copies", "stored", multi=True),
)

FIELD_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}
#: Every name a user may write before a colon or after ``--where``/``--facet``.
QUERY_FIELDS: dict[str, FieldSpec] = {
    **{f.name: f for f in FIELDS if f.kind != "stored"},
    **{f.alias: f for f in FIELDS if f.alias and f.kind != "stored"},
}
#: Facets that are derived from the date span rather than stored on the record.
DERIVED_FACETS: tuple[str, ...] = ("year", "decade")


@dataclass(frozen=True)
class Record:
    """One archive document as the ingester reads it.  Lists are tuples; text is ``str``."""

    id: str
    title: str
    body: str = ""
    url: str = ""
    path: str = ""
    layout: str = ""
    date: str = ""
    date_start: date | None = None
    date_end: date | None = None
    date_precision: Precision = "undated"
    sender: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    title_names: tuple[str, ...] = ()
    summary: str = ""
    citation: str = ""
    source: str = ""
    archive: tuple[str, ...] = ()
    collections: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    classification: str = ""
    type: str = ""
    rights: str = ""
    credits: str = ""
    contributors: tuple[str, ...] = ()
    record_id: str = ""
    upload_date: str = ""
    content_hash: str = ""
    #: The page visibly stops mid-way: what is there was taken, nothing was invented.
    partial: bool = False
    #: Why the page that gave this record is no longer readable ("" while it is): the record
    #: is the last good one, kept until ``rebuild --drop-stale``.
    stale: str = ""
    #: Every page path that holds this document (the record's own ``path`` first).
    copies: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, tuples as lists."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The inverse of :meth:`to_dict`; unknown keys and null values are ignored."""
        names = _field_names()
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if value is None or name not in names:
                continue
            if type(value) is list:
                value = tuple(value)
            elif name in _DATE_FIELDS and isinstance(value, str):
                value = date.fromisoformat(value)
            kwargs[name] = value
        return cls(**kwargs)


_DATE_FIELDS = frozenset({"date_start", "date_end"})


@cache
def _field_names() -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(Record))
