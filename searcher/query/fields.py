"""Field names a query may use, resolved to record fields (searcher.record is the source)."""

from __future__ import annotations

from searcher.errors import QueryError
from searcher.record import DERIVED_FACETS, FIELD_BY_NAME, QUERY_FIELDS

#: Names that select by the date span: ``date:`` takes days, months, years, decades, ranges.
DATE_NAMES: frozenset[str] = frozenset(
    {"date", "year", "decade"} | {n for n, f in QUERY_FIELDS.items() if f.kind == "date"}
)
#: Keyword fields holding canonical person names.
PERSON_FIELDS: frozenset[str] = frozenset({"sender", "recipient", "via", "participants", "people"})

_KNOWN = ", ".join(
    sorted({f.query_name for f in QUERY_FIELDS.values()} | {"date", "year", "decade"})
)


def resolve(name: str, where: str = "") -> str:
    """The record field ``name`` stands for, or ``date``/``year``/``decade``.

    Unknown names raise QueryError listing the known ones; ``where`` is added to the message
    (e.g. " at character 5").
    """
    key = name.lower()
    if key in DATE_NAMES:
        return key if key in ("year", "decade") else "date"
    spec = QUERY_FIELDS.get(key)
    if spec is None:
        raise QueryError(f"unknown field '{name}'{where} (known: {_KNOWN})")
    return spec.name


#: Every facet by the name a query uses for it ("subject", not "subjects"), sorted.
FACET_NAMES: tuple[str, ...] = tuple(
    sorted({f.query_name for f in QUERY_FIELDS.values() if f.facet} | set(DERIVED_FACETS))
)


def query_name(field: str) -> str:
    """The name a query uses for a record field (``subject`` for ``subjects``)."""
    spec = FIELD_BY_NAME.get(field)
    return spec.query_name if spec else field


def facet_name(name: str) -> str:
    """The query name of a facet written either way (``subjects`` or ``subject``).

    Raises QueryError, listing the facets by their query names, for anything else.
    """
    key = name.lower()
    if key in DERIVED_FACETS:
        return key
    spec = QUERY_FIELDS.get(key)
    if spec is None or not spec.facet:
        raise QueryError(f"unknown facet '{name}' (known: {', '.join(FACET_NAMES)})")
    return spec.query_name


def is_known(name: str) -> bool:
    """Whether ``name`` is a field a query may name."""
    key = name.lower()
    return key in DATE_NAMES or key in QUERY_FIELDS


def kind(field: str | None) -> str:
    """``text`` for the default fields, ``date`` for the date names, else the field's kind."""
    if field is None:
        return "text"
    if field in ("date", "year", "decade"):
        return "date"
    return QUERY_FIELDS[field].kind
