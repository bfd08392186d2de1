"""The record: one document of the archive, and the single definition of every field.

Each field of the Record dataclass declares how it is kept and searched (``declare``: its
FieldSpec) and the labels pages give it under.  ``FIELDS`` is read from those declarations,
in the Record's order; every other module (schema, query fields, facets, output, the
ingester's labels and copying, the PostgreSQL schema's version) reads them rather than
listing field names of its own.
"""

from __future__ import annotations

import dataclasses
from dataclasses import MISSING, dataclass, field
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


#: The keyword arguments of FieldSpec other than ``name``, as a Record field declares them.
SPEC = "spec"
#: The labels under which pages give a field's values (lower case), as a field declares them.
LABELS = "labels"
_AUTO: Any = object()


def declare(
    kind: Kind,
    *,
    default: Any = _AUTO,
    multi: bool = False,
    facet: bool = False,
    alias: str | None = None,
    weight: float = 1.0,
    labels: tuple[str, ...] = (),
) -> Any:
    """A Record field with its FieldSpec (see there) and the page labels that give it.

    ``default`` is ``()`` for a multi field, else ``""``; ``dataclasses.MISSING`` for a
    field every record must be given.
    """
    if default is _AUTO:
        default = () if multi else ""
    spec = {"kind": kind, "multi": multi, "facet": facet, "alias": alias, "weight": weight}
    return field(default=default, metadata={SPEC: spec, LABELS: labels})


@dataclass(frozen=True)
class Record:
    """One archive document as the ingester reads it.  Lists are tuples; text is ``str``.

    Every field is declared here once: its FieldSpec makes FIELDS, from which the engines'
    schemas, the query fields, facets and outputs are generated; the ingester copies a
    Page's value of the same name; ``labels`` are what pages write before its values.
    """

    id: str = declare("id", default=MISSING)
    title: str = declare("text", default=MISSING, weight=1.5)
    body: str = declare("text")
    url: str = declare("stored")
    path: str = declare("stored")
    layout: str = declare("keyword", facet=True)
    date: str = declare("stored", labels=("date",))
    date_start: date | None = declare("date", default=None)
    date_end: date | None = declare("date", default=None)
    date_precision: Precision = declare("keyword", default="undated", facet=True, alias="precision")
    sender: tuple[str, ...] = declare("keyword", multi=True, facet=True)
    recipient: tuple[str, ...] = declare("keyword", multi=True, facet=True)
    via: tuple[str, ...] = declare("keyword", multi=True, facet=True)
    participants: tuple[str, ...] = declare("keyword", multi=True, facet=True, alias="participant")
    title_names: tuple[str, ...] = declare("stored", multi=True)
    summary: str = declare("text", weight=3.0, labels=("summary",))
    citation: str = declare("text", weight=0.5)
    source: str = declare("text", weight=0.5, labels=("source",))
    archive: tuple[str, ...] = declare(
        "keyword",
        multi=True,
        facet=True,
        labels=("original archive", "archive", "repository", "original repository"),
    )
    collections: tuple[str, ...] = declare(
        "keyword", multi=True, facet=True, alias="collection", labels=("collection", "collections")
    )
    subjects: tuple[str, ...] = declare(
        "keyword",
        multi=True,
        facet=True,
        alias="subject",
        labels=("subjects", "subjects discussed"),
    )
    people: tuple[str, ...] = declare(
        "keyword",
        multi=True,
        facet=True,
        alias="person",
        labels=(
            "associated people & organizations",
            "associated people and organizations",
            "people",
        ),
    )
    places: tuple[str, ...] = declare(
        "keyword",
        multi=True,
        facet=True,
        alias="place",
        labels=("associated places", "places", "coverage"),
    )
    languages: tuple[str, ...] = declare(
        "keyword", multi=True, facet=True, alias="language", labels=("language", "languages")
    )
    classification: str = declare(
        "keyword", facet=True, labels=("original classification", "classification")
    )
    type: str = declare("keyword", facet=True, labels=("type", "document type"))
    rights: str = declare("stored", labels=("rights",))
    credits: str = declare("stored", labels=("credits",))
    contributors: tuple[str, ...] = declare(
        "stored", multi=True, labels=("document contributors", "contributors")
    )
    record_id: str = declare("keyword", labels=("record id",))
    upload_date: str = declare(
        "stored", labels=("original uploaded date", "original upload date", "uploaded date")
    )
    content_hash: str = declare("stored")
    #: The page visibly stops mid-way: what is there was taken, nothing was invented.
    partial: bool = declare("stored", default=False)
    #: Why the page that gave this record is no longer readable ("" while it is): the record
    #: is the last good one, kept until ``rebuild --drop-stale``.
    stale: str = declare("stored")
    #: Every page path that holds this document (the record's own ``path`` first).
    copies: tuple[str, ...] = declare("stored", multi=True)
    #: Labelled values no field takes: kept, not searched (not in FIELDS).
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


def declared_fields(record_type: type[Record] = Record) -> tuple[FieldSpec, ...]:
    """The FieldSpecs a Record class declares, in its fields' order (``extra`` and any
    other field without one are kept, not searched, and have none)."""
    return tuple(
        FieldSpec(f.name, **f.metadata[SPEC])
        for f in dataclasses.fields(record_type)
        if SPEC in f.metadata
    )


def field_labels(record_type: type[Record] = Record) -> dict[str, str]:
    """Each label pages write (lower case) and the Record field its values fill."""
    return {
        label: f.name
        for f in dataclasses.fields(record_type)
        for label in f.metadata.get(LABELS, ())
    }


FIELDS: tuple[FieldSpec, ...] = declared_fields()
FIELD_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}
#: Every name a user may write before a colon or after ``--where``/``--facet``.
QUERY_FIELDS: dict[str, FieldSpec] = {
    **{f.name: f for f in FIELDS if f.kind != "stored"},
    **{f.alias: f for f in FIELDS if f.alias and f.kind != "stored"},
}
#: Facets that are derived from the date span rather than stored on the record.
DERIVED_FACETS: tuple[str, ...] = ("year", "decade")
_DATE_FIELDS = frozenset(f.name for f in FIELDS if f.kind == "date")


@cache
def _field_names() -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(Record))
