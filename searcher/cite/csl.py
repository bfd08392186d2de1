"""CSL-JSON items, the format Zotero, citeproc and pandoc read.

Correspondence is type ``letter`` (with ``recipient``), anything else ``manuscript``.  Dates are
``date-parts`` only as precise as known (a year-only document is ``[[1948]]``; a decade is the
range ``[[1950], [1959]]``).  Senders and recipients are ``literal`` names, so no style
re-orders "Mao Zedong"; translators, named by the credit in natural order, get family/given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from searcher.cite.parts import (
    CATALOG,
    KEYWORD_SEPARATOR,
    Parts,
    clean,
    split_personal_name,
    tag,
)
from searcher.record import Record


def _literal(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"literal": n} for n in names]


def item(record: Record, p: Parts, accessed: date) -> dict[str, Any]:
    """One CSL-JSON item."""
    out: dict[str, Any] = {
        "id": record.id,
        "type": "letter" if p.is_letter else "manuscript",
        "title": p.title,
    }
    if p.authors:
        out["author"] = _literal(p.authors)
    if p.is_letter:
        out["recipient"] = _literal(p.recipients)
    if p.translators:
        out["translator"] = [
            {"family": f, "given": g} if g else {"literal": f}
            for f, g in map(split_personal_name, p.translators)
        ]
    if p.date_parts:
        parts: list[list[int]] = [list(p.date_parts)]
        if p.end_year is not None:
            parts.append([p.end_year])
        out["issued"] = {"date-parts": parts}
    elif p.shown_date:
        out["issued"] = {"literal": p.shown_date}
    if record.type:
        out["genre"] = clean(record.type)
    if p.archive_name:
        out["archive"] = p.archive_name
    if p.shelfmark:
        out["archive_location"] = p.shelfmark
    if p.in_archive:
        out["source"] = CATALOG
    if p.url:
        out["URL"] = p.url
        out["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    if record.summary.strip():
        out["abstract"] = clean(record.summary)
    if record.languages:
        out["language"] = ", ".join(record.languages)
    if record.subjects:
        out["keyword"] = KEYWORD_SEPARATOR.join(tag(s) for s in record.subjects)
    notes = []
    if p.credit:
        notes.append(p.credit + ".")
    if record.via:
        notes.append("Via " + "; ".join(record.via) + ".")
    if notes:
        out["note"] = " ".join(notes)
    return out
