"""Streaming export of records with chosen fields: CSV for spreadsheets, JSON lines for pipelines.

Rows are written one record at a time, so a result set of any size takes constant memory.
In CSV, lists are joined with "; " and dates are ISO (YYYY-MM-DD); JSON lines keep lists.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date
from typing import IO, Any

from searcher.errors import QueryError
from searcher.record import FIELDS, Record
from searcher.serialize import plain, to_json

#: What an export holds when no fields are chosen.
DEFAULT_FIELDS: tuple[str, ...] = ("id", "title", "date", "sender", "recipient", "url")
#: Every name ``--fields`` accepts (record fields and their query aliases) and the field it means.
_FIELD_NAMES: dict[str, str] = {
    **{name: name for name in Record.__dataclass_fields__},
    **{f.alias: f.name for f in FIELDS if f.alias},
}
LIST_SEPARATOR = "; "


def check_fields(fields: Iterable[str] | str | None) -> tuple[str, ...]:
    """The chosen field names (a sequence or "a,b,c"); unknown names raise QueryError."""
    if fields is None:
        return DEFAULT_FIELDS
    if isinstance(fields, str):
        fields = fields.split(",")
    names = tuple(f.strip() for f in fields if f.strip())
    if not names:
        return DEFAULT_FIELDS
    for name in names:
        if name not in _FIELD_NAMES:
            known = ", ".join(n for n in Record.__dataclass_fields__)
            raise QueryError(f"unknown field '{name}' (known: {known})")
    return names


def _value(record: Record, name: str) -> Any:
    value = getattr(record, _FIELD_NAMES[name])
    if isinstance(value, date):
        return value.isoformat()
    return value


#: A spreadsheet reads a cell starting with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        text = plain(LIST_SEPARATOR.join(value))
    elif isinstance(value, dict):
        text = to_json(value, indent=None)
    else:
        text = plain(value)
    # Page text is data: quote what a spreadsheet would otherwise evaluate.
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(records: Iterable[Record], fields: Sequence[str] | str | None, out: IO[str]) -> int:
    """Write a header and one CSV row per record to ``out``; return the number of rows."""
    names = check_fields(fields)
    writer = csv.writer(out)
    writer.writerow(names)
    count = 0
    for record in records:
        writer.writerow([_csv_cell(_value(record, n)) for n in names])
        count += 1
    return count


def write_jsonl(records: Iterable[Record], fields: Sequence[str] | str | None, out: IO[str]) -> int:
    """Write one JSON object per line and record to ``out``; return the number of lines."""
    names = check_fields(fields)
    count = 0
    for record in records:
        row = {}
        for name in names:
            value = _value(record, name)
            row[name] = list(value) if isinstance(value, tuple) else value
        out.write(to_json(row, indent=None) + "\n")
        count += 1
    return count
