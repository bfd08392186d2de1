"""The systems a run compares: the searcher itself and the baselines, by name."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from benchmarks import baselines
from benchmarks.baselines import Runner
from benchmarks.queries import FACET_FIELDS, PROXIMITY, Query

SYSTEMS: tuple[str, ...] = ("searcher", "naive", "fts5", "floor")
#: Systems that answer queries (the floor only parses).
SEARCHABLE: tuple[str, ...] = ("searcher", "naive", "fts5")


def searcher_build(source: Path, index: Path, *, full: bool = True) -> dict[str, Any]:
    from searcher.build import rebuild

    if full:
        shutil.rmtree(index, ignore_errors=True)
    report = rebuild(source, index, full=full)
    return {
        k: (len(v) if isinstance(v, list | tuple) else v)
        for k, v in vars(report).items()
        if k in ("indexed", "unchanged", "deleted", "failed", "elapsed")
    }


def searcher_text(q: Query) -> str:
    """A query in the searcher's own syntax."""
    if q.kind in ("word", "two_words", "facets"):
        return " ".join(q.terms)
    if q.kind == "phrase":
        return f'"{" ".join(q.terms)}"'
    if q.kind == "proximity":
        return f'"{" ".join(q.terms)}"~{PROXIMITY}'
    if q.kind == "field_date":
        y0, y1 = q.years
        return f"place:{q.value} date:{y0}..{y1}"
    name = q.terms[0]
    return f'"{name}"' if " " in name else name


def searcher_opener(index: Path) -> Runner:
    from searcher import Archive

    archive = Archive.open(index)

    def run(q: Query) -> int:
        facets = FACET_FIELDS if q.kind == "facets" else ()
        return archive.search(searcher_text(q), facets=facets, limit=10).total

    return run


BUILDERS = {
    "searcher": searcher_build,
    "naive": baselines.naive_build,
    "fts5": baselines.fts5_build,
    "floor": baselines.floor_build,
}
OPENERS = {
    "searcher": searcher_opener,
    "naive": baselines.naive_opener,
    "fts5": baselines.fts5_opener,
}
