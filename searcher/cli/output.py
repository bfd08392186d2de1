"""Rendering results, records and counts as text, json, jsonl and csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

import click

from searcher.record import Record
from searcher.results import FacetCount, Hit, Results, Snippet
from searcher.serialize import plain, to_json

HIT_COLUMNS = ("id", "title", "date", "sender", "recipient", "score", "url", "snippet")


def hit_row(hit: Hit) -> dict[str, Any]:
    """A hit flattened for csv: lists joined with '; ', the snippet as plain text."""
    return {
        "id": hit.id,
        "title": hit.title,
        "date": hit.date,
        "sender": "; ".join(hit.sender),
        "recipient": "; ".join(hit.recipient),
        "score": round(hit.score, 4),
        "url": hit.url,
        "snippet": hit.snippet.text if hit.snippet else "",
    }


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows as CSV with a header line."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: plain(v) if isinstance(v, str) else v for k, v in row.items()})
    return buf.getvalue().rstrip("\n")


def marked(snippet: Snippet, color: bool) -> str:
    """The snippet with its marks shown: bold yellow on a terminal, [[...]] elsewhere."""
    out: list[str] = []
    pos = 0
    for start, end in snippet.marks:
        out.append(plain(snippet.text[pos:start]))
        word = plain(snippet.text[start:end])
        out.append(click.style(word, fg="yellow", bold=True) if color else f"[[{word}]]")
        pos = end
    out.append(plain(snippet.text[pos:]))
    return "".join(out).replace("\n", " ")


def results_text(results: Results, *, color: bool) -> str:
    """The terminal view of one page of results."""
    lines: list[str] = []
    first = (results.page - 1) * results.limit + 1 if results.hits else 0
    last = first + len(results.hits) - 1 if results.hits else 0
    head = f"{results.total} document{'s' if results.total != 1 else ''}"
    if results.hits:
        head += f" (showing {first}-{last})"
    lines.append(head)
    for written, variants in results.expanded.items():
        lines.append(plain(f"also matched for {written}: {', '.join(variants)}"))
    if results.suggestion:
        found = results.suggestion_total
        count = f" ({found} document{'s' if found != 1 else ''})" if found else ""
        lines.append(f"did you mean: {plain(results.suggestion)}{count}")
    for n, hit in enumerate(results.hits, first):
        title = click.style(plain(hit.title), bold=True) if color else plain(hit.title)
        lines.append("")
        lines.append(f"{n}. {title}")
        meta = [hit.date or "undated", f"id {hit.id}"]
        if hit.sender:
            meta.append("from " + ", ".join(hit.sender))
        if hit.recipient:
            meta.append("to " + ", ".join(hit.recipient))
        meta.append(f"score {hit.score:.2f}")
        lines.append("   " + plain(" · ".join(meta)))
        if hit.snippet and hit.snippet.text:
            lines.append("   " + marked(hit.snippet, color))
    for name, counts in results.facets.items():
        lines.append("")
        lines.append(f"{name}:")
        lines.extend(facet_lines(counts))
    return "\n".join(lines)


def facet_lines(counts: Iterable[FacetCount]) -> list[str]:
    """Facet values with counts, right-aligned."""
    counts = list(counts)
    width = max((len(str(c.count)) for c in counts), default=1)
    return [f"  {c.count:>{width}}  {plain(c.value)}" for c in counts]


def render_results(results: Results, fmt: str, *, color: bool) -> str:
    """One page of results in ``fmt`` (text, json, jsonl or csv)."""
    if fmt == "json":
        from searcher.serialize import results_object

        return to_json(results_object(results))
    if fmt == "jsonl":
        return "\n".join(to_json(_hit_dict(h), indent=None) for h in results.hits)
    if fmt == "csv":
        return csv_text((hit_row(h) for h in results.hits), HIT_COLUMNS)
    return results_text(results, color=color)


def _hit_dict(hit: Hit) -> dict[str, Any]:
    from dataclasses import asdict

    return asdict(hit)


def record_text(record: Record) -> str:
    """A readable view of one whole record: labelled fields, then the body."""
    lines = [plain(record.title) or "(untitled)", ""]
    for key, value in record.to_dict().items():
        if key in ("title", "body", "extra") or value in ("", [], None, {}) or value is False:
            continue
        if isinstance(value, list):
            value = "; ".join(value)
        lines.append(f"{key:>15}: {plain(value)}")
    for key, value in record.extra.items():
        lines.append(f"{plain(key):>15}: {plain(value)}")
    if record.body:
        lines += ["", plain(record.body)]
    return "\n".join(lines)


def render_records(records: Sequence[Record], fmt: str) -> str:
    """Whole records as a JSON array, JSON lines, CSV or readable text."""
    if fmt == "json":
        from searcher.serialize import records_object

        return to_json(records_object(records))
    if fmt == "jsonl":
        return "\n".join(to_json(r.to_dict(), indent=None) for r in records)
    if fmt == "csv":
        rows = [
            {k: "; ".join(v) if isinstance(v, list) else v for k, v in r.to_dict().items()}
            for r in records
        ]
        columns = [k for k in Record.__dataclass_fields__ if k != "extra"]
        return csv_text(rows, columns)
    return "\n\n".join(record_text(r) for r in records)


def render_counts(
    name: str, counts: Sequence[FacetCount], fmt: str, *, total: int | None = None
) -> str:
    """Values of one facet with their counts; ``total`` values in all when these are fewer."""
    total = len(counts) if total is None else total
    if fmt == "json":
        from searcher.serialize import counts_object

        return to_json(counts_object(name, counts, total))
    if fmt == "jsonl":
        return "\n".join(to_json(c.__dict__, indent=None) for c in counts)
    if fmt == "csv":
        return csv_text((c.__dict__ for c in counts), ("value", "count"))
    head = f"{plain(name)}: {total} value{'' if total == 1 else 's'}"
    if len(counts) < total:
        head += f", the {len(counts)} most frequent shown"
    return "\n".join([head, *facet_lines(counts)])
