"""What ``search rebuild`` says when it is done: a line of text, or a JSON object."""

from __future__ import annotations

from typing import Any

from searcher.locations import shown
from searcher.report import BuildReport

__all__ = ["summary_object", "summary_text"]


def summary_object(report: BuildReport) -> dict[str, Any]:
    """The rebuild's summary as ``search rebuild --format json`` prints it."""
    return {
        "indexed": report.indexed,
        "unchanged": report.unchanged,
        "removed": report.deleted,
        "failed": len(report.failed),
        "stale": len(report.stale),
        "copies_merged": report.copies,
        "pages": report.seen,
        "full": report.full,
        "upgraded": report.upgraded,
        "source": report.source,
        "index": shown(report.index),
        "seconds": report.elapsed,
        "failures": [
            {"path": path, "reason": reason, "stale": path in dict(report.stale)}
            for path, reason in report.failed
        ],
        "clashes": [{"id": ident, "paths": list(paths)} for ident, paths in report.clashes],
        "partial": [{"path": path, "reason": reason} for path, reason in report.partial],
        "cleaned": list(report.cleaned),
    }


def summary_text(report: BuildReport) -> str:
    """The rebuild's summary line (two when the index was from an older version)."""
    line = (
        f"indexed {report.indexed}, unchanged {report.unchanged}, removed {report.deleted}, "
        f"failed {len(report.failed)} of {report.seen} pages"
    )
    extra = []
    if report.stale:
        extra.append(f"{len(report.stale)} kept stale")
    if report.partial:
        extra.append(f"{len(report.partial)} partial")
    if report.copies:
        extra.append(f"{report.copies} cop{'y' if report.copies == 1 else 'ies'} merged")
    if report.clashes:
        extra.append(f"{len(report.clashes)} id clash{'' if len(report.clashes) == 1 else 'es'}")
    if extra:
        line += f" ({', '.join(extra)})"
    line += f" in {report.elapsed:.1f} s from {report.source} -> {shown(report.index)}"
    if report.upgraded:
        line = "the index was built by an older version of searcher: rebuilt in full\n" + line
    return line
