"""The JSON objects the command line prints and the HTTP API answers with.

One builder per kind of answer, so that ``search query --format json`` and ``GET /api/search``
cannot drift apart: both call these and get plain JSON values (dicts, lists, strings,
numbers, booleans, None).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from searcher.record import Record
from searcher.results import FacetCount, Results


def plain_json(value: Any) -> Any:
    """``value`` with tuples turned into lists, recursively (what ``json.loads`` gives back)."""
    if isinstance(value, dict):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(v) for v in value]
    return value


def results_object(results: Results) -> dict[str, Any]:
    """One page of results: ``query``, ``total``, ``page``, ``limit``, ``hits``, ``facets``,
    ``suggestion``, ``expanded`` and ``explanation`` (the README lists the hit keys)."""
    return plain_json(asdict(results))


def record_object(record: Record) -> dict[str, Any]:
    """A whole record: every field, dates as ISO strings, lists as lists."""
    return plain_json(record.to_dict())


def records_object(records: Sequence[Record]) -> list[dict[str, Any]]:
    """Whole records, as ``search show ID... --format json`` prints them."""
    return [record_object(r) for r in records]


def counts_object(
    name: str, counts: Sequence[FacetCount], total: int | None = None
) -> dict[str, Any]:
    """Values of one facet with their counts: ``{"facet", "values": [...], "total"}``, where
    ``total`` is how many values there are in all (more than shown under a limit)."""
    return {
        "facet": name,
        "values": [{"value": c.value, "count": c.count} for c in counts],
        "total": len(counts) if total is None else total,
    }
