"""Filters from ``--where field=value`` and ``--from``/``--to``, and combining nodes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from searcher.errors import QueryError
from searcher.query import fields
from searcher.query.ast import And, DateRange, MatchAll, Node, Not, Or, Term, Value
from searcher.query.daterange import date_node
from searcher.query.words import split, term_or_phrase

if TYPE_CHECKING:
    from searcher.names import NameAuthority


def parse_filters(
    where: Iterable[str], *, exact: bool = False, authority: NameAuthority | None = None
) -> Node | None:
    """``["sender=Stalin", "place=Korea"]`` as a node: one field's values OR, fields AND.

    Keyword values are whole values as facets show them (a Value, any case); names in
    person fields go
    through the name authority (``authority`` defaults to the package's) unless ``exact``.
    Text fields match the value as a phrase, date fields as a date or range.

    >>> parse_filters(["type=Telegram", "type=Cable", "year=1951"], exact=True)
    ... # doctest: +NORMALIZE_WHITESPACE
    And(items=(Or(items=(Value(field='type', value='telegram'),
                         Value(field='type', value='cable'))),
               DateRange(start=datetime.date(1951, 1, 1), end=datetime.date(1951, 12, 31))))
    """
    by_field: dict[str, list[Node]] = {}
    for item in where:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"filter '{item}' needs the form field=value")
        field = fields.resolve(name.strip(), f" in filter '{item}'")
        value = value.strip()
        if not value:
            raise QueryError(f"filter '{item}' has an empty value")
        node = _value(field, value, item, exact, authority)
        if node is not None and node not in by_field.setdefault(field, []):
            by_field[field].append(node)
    groups = [Or(tuple(nodes)) if len(nodes) > 1 else nodes[0] for nodes in by_field.values()]
    if not groups:
        return None
    return groups[0] if len(groups) == 1 else And(tuple(groups))


def _value(
    field: str, value: str, item: str, exact: bool, authority: NameAuthority | None
) -> Node | None:
    kind = fields.kind(field)
    if kind == "date":
        return date_node(field, value, f" (in filter '{item}')")
    if kind == "id":
        return Term(field, value)
    if kind == "keyword":
        if field in fields.PERSON_FIELDS and not exact:
            if authority is None:
                from searcher.names import default_authority

                authority = default_authority()
            value = authority.canonical(value) or value
        return Value(field, " ".join(value.lower().split()))
    node = term_or_phrase(field, split(value))
    if node is None:
        raise QueryError(f"filter '{item}' has no words to match")
    return node


def date_filter(date_from: str | None, date_to: str | None) -> Node | None:
    """Documents whose date span overlaps ``date_from``..``date_to`` (each optional).

    ``--from 1950-06`` starts on 1950-06-01, ``--to 1953-07`` ends on 1953-07-31.
    """
    if not date_from and not date_to:
        return None
    from searcher.dates import DateError, parse_query_date

    try:
        start = parse_query_date(date_from)[0] if date_from else None
        end = parse_query_date(date_to)[1] if date_to else None
    except DateError as exc:
        raise QueryError(f"--from/--to: {exc}") from None
    if start and end and start > end:
        raise QueryError(f"--from {date_from} is after --to {date_to}")
    return DateRange(start, end)


def combine(*nodes: Node | None) -> Node:
    """The AND of the given nodes, skipping None; MatchAll when nothing is left."""
    items: list[Node] = []
    for node in nodes:
        if node is not None:
            items.extend(node.items if isinstance(node, And) else (node,))
    items = [item for item in items if not isinstance(item, MatchAll)]
    if items and all(isinstance(item, Not) for item in items):
        items.insert(0, MatchAll())
    if not items:
        return MatchAll()
    return items[0] if len(items) == 1 else And(tuple(items))
