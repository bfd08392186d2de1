"""How many matching documents fall in each year, month or decade.

A document counts once, in the bucket of its start date.  A document dated more coarsely
than the buckets (a year-only date in a by-month timeline) still goes in the bucket of its
start date (January of that year), and is also counted in that bucket's ``approximate``, so
that the counts always sum to the number of documents and the imprecise part stays visible.
Undated documents are counted apart.  Empty buckets between the first and last are kept,
so gaps in time show as gaps.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from searcher.errors import QueryError

UNITS: tuple[str, ...] = ("year", "month", "decade")
_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


@dataclass(frozen=True)
class Bucket:
    """One period: ``1951``, ``1951-11`` or ``1950s``."""

    period: str
    count: int
    #: how many of ``count`` are dated more coarsely than the period
    approximate: int = 0


@dataclass(frozen=True)
class Timeline:
    by: str
    buckets: tuple[Bucket, ...]
    undated: int

    @property
    def total(self) -> int:
        """Every document counted: dated and undated."""
        return sum(b.count for b in self.buckets) + self.undated

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "buckets": [
                {"period": b.period, "count": b.count, "approximate": b.approximate}
                for b in self.buckets
            ],
            "undated": self.undated,
            "total": self.total,
        }


def _key(day: date, by: str) -> int:
    """A bucket as one integer, so consecutive buckets are consecutive integers."""
    if by == "month":
        return day.year * 12 + day.month - 1
    if by == "decade":
        return day.year // 10
    return day.year


def _label(key: int, by: str) -> str:
    if by == "month":
        return f"{key // 12:04d}-{key % 12 + 1:02d}"
    if by == "decade":
        return f"{key * 10}s"
    return f"{key:04d}"


def timeline(dates: Iterable[tuple[date | None, str]], by: str = "year") -> Timeline:
    """Count (start date, precision) pairs by ``by`` (year, month or decade)."""
    if by not in UNITS:
        raise QueryError(f"unknown timeline unit '{by}' (known: {', '.join(UNITS)})")
    counts: Counter[int] = Counter()
    approximate: Counter[int] = Counter()
    undated = 0
    for start, precision in dates:
        if start is None or precision == "undated":
            undated += 1
            continue
        key = _key(start, by)
        counts[key] += 1
        if _RANK.get(precision, 0) > _RANK[by]:
            approximate[key] += 1
    if not counts:
        return Timeline(by, (), undated)
    buckets = tuple(
        Bucket(_label(k, by), counts.get(k, 0), approximate.get(k, 0))
        for k in range(min(counts), max(counts) + 1)
    )
    return Timeline(by, buckets, undated)


def to_csv(line: Timeline) -> str:
    """period,count,approximate rows, with the undated count as a last row "undated"."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("period", "count", "approximate"))
    for b in line.buckets:
        writer.writerow((b.period, b.count, b.approximate))
    writer.writerow(("undated", line.undated, 0))
    return buf.getvalue().rstrip("\n")


def to_text(line: Timeline, *, width: int = 50) -> str:
    """A terminal histogram: one bar per period, the approximate part drawn lighter."""
    if not line.buckets:
        return f"no dated documents ({line.undated} undated)"
    peak = max(b.count for b in line.buckets) or 1
    label_width = max(len(b.period) for b in line.buckets)
    count_width = len(str(peak))
    rows = []
    for b in line.buckets:
        full = round(b.count * width / peak)
        light = round(b.approximate * width / peak)
        bar = "█" * (full - light) + "░" * light
        rows.append(f"{b.period:>{label_width}} {b.count:>{count_width}} {bar}".rstrip())
    rows.append("")
    rows.append(f"{line.total} document{'' if line.total == 1 else 's'}; {line.undated} undated")
    if any(b.approximate for b in line.buckets):
        rows.append(f"░ dated only more coarsely than a {line.by}: counted at its start")
    return "\n".join(rows)


#: Formats matplotlib lists that need more than matplotlib (pgf wants a LaTeX installation).
_UNDRAWABLE = frozenset({"pgf"})


def plot_formats() -> tuple[str, ...]:
    """The file endings ``plot`` can write; QueryError when matplotlib is not installed."""
    try:
        from matplotlib.backend_bases import FigureCanvasBase
    except ImportError:
        raise QueryError(
            "--plot needs matplotlib: install it with pip install 'searcher[plot]'"
        ) from None
    return tuple(sorted(set(FigureCanvasBase.get_supported_filetypes()) - _UNDRAWABLE))


def check_plot_path(path: str) -> None:
    """Refuse, before any work, a chart file whose ending names no format ``plot`` writes."""
    formats = plot_formats()
    ending = path.rpartition(".")[2].lower() if "." in path.rpartition("/")[2] else ""
    if ending not in formats:
        what = f"'.{ending}' is not a chart format" if ending else "its ending names no format"
        raise QueryError(f"--plot {path}: {what} (use one of: {', '.join(formats)})")


def plot(line: Timeline, path: str, *, title: str = "") -> None:
    """Draw the timeline as a bar chart into ``path`` (PNG, SVG or PDF by its ending).

    Needs matplotlib (``pip install 'searcher[plot]'``).
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError:
        raise QueryError(
            "--plot needs matplotlib: install it with pip install 'searcher[plot]'"
        ) from None
    labels = [b.period for b in line.buckets]
    exact = [b.count - b.approximate for b in line.buckets]
    coarse = [b.approximate for b in line.buckets]
    figure, axes = pyplot.subplots(figsize=(max(6.0, min(0.25 * len(labels), 24.0)), 4.0))
    try:
        axes.bar(labels, exact, color="#3b6ea5", label="dated")
        if any(coarse):
            axes.bar(
                labels,
                coarse,
                bottom=exact,
                color="#a9c4e2",
                label=f"dated only coarser than a {line.by}",
            )
            axes.legend()
        axes.set_ylabel("documents")
        axes.set_xlabel(line.by)
        axes.set_title(title or f"{line.total} documents ({line.undated} undated)")
        step = max(1, len(labels) // 30)
        axes.set_xticks(range(0, len(labels), step))
        axes.set_xticklabels(labels[::step], rotation=60, ha="right", fontsize=8)
        figure.tight_layout()
        figure.savefig(path)
    finally:
        pyplot.close(figure)
