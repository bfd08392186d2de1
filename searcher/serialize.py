"""The JSON objects the command line prints and the HTTP API answers with.

One builder per kind of answer, so that ``search query --format json`` and ``GET /api/search``
cannot drift apart: both call these and get plain JSON values (dicts, lists, strings,
numbers, booleans, None).  ``to_json`` writes them out and ``plain`` makes page text safe
to print, for the command line and the exports alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from searcher.record import Record
from searcher.results import FacetCount, Results

#: Control characters a terminal could act on (ESC starts ANSI sequences, U+009B is the
#: one-character CSI): C0 except tab and newline, DEL and C1.  Page text never needs them.
_CONTROLS = dict.fromkeys([*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
_C1 = re.compile("[\x80-\x9f]")


def plain(text: Any) -> str:
    """Page text made safe to print: control characters removed, so a title holding
    ``ESC[2J`` cannot clear or retitle the reader's terminal."""
    return str(text).translate(_CONTROLS)


def to_json(value: Any, *, indent: int | None = 2) -> str:
    """JSON with non-ASCII kept readable (C1 controls escaped like C0 ones)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
