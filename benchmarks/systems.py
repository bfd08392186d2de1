"""The systems a run compares: the searcher itself and the baselines, by name.

``postgres`` is the searcher on its PostgreSQL engine (``--engine postgres``); its index
is the database named by $SEARCHER_BENCH_PG, which the run sets for its child processes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from benchmarks import baselines
from benchmarks.baselines import Runner
from benchmarks.queries import FACET_FIELDS, PROXIMITY, Query

SYSTEMS: tuple[str, ...] = ("searcher", "naive", "fts5", "floor", "postgres")
#: Systems that answer queries (the floor only parses).
SEARCHABLE: tuple[str, ...] = ("searcher", "naive", "fts5", "postgres")
#: The environment variable naming the PostgreSQL database of the ``postgres`` system.
PG_ENV = "SEARCHER_BENCH_PG"


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


def pg_url() -> str:
    """The database the ``postgres`` system builds into and queries."""
    url = os.environ.get(PG_ENV)
    if not url:
        raise RuntimeError(f"the postgres system needs ${PG_ENV} (a postgresql:// URL)")
    return url


def postgres_build(source: Path, index: Path, *, full: bool = True) -> dict[str, Any]:
    """A rebuild into the PostgreSQL database (``index``, a local folder, is unused)."""
    from searcher.build import rebuild

    report = rebuild(source, pg_url(), full=full)
    return {
        k: (len(v) if isinstance(v, list | tuple) else v)
        for k, v in vars(report).items()
        if k in ("indexed", "unchanged", "deleted", "failed", "elapsed")
    }


def postgres_update(source: Path, index: Path) -> dict[str, Any]:
    """An incremental rebuild into the PostgreSQL database."""
    return postgres_build(source, index, full=False)


def postgres_size() -> int:
    """Bytes the PostgreSQL index takes on its server (tables and indexes)."""
    from searcher import Archive

    archive = Archive.open(pg_url())
    try:
        return archive.stats().size_bytes
    finally:
        archive.close()


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


def searcher_opener(index: Path | str) -> Runner:
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
    "postgres": postgres_build,
    "postgres-update": postgres_update,
}
OPENERS = {
    "searcher": searcher_opener,
    "naive": baselines.naive_opener,
    "fts5": baselines.fts5_opener,
    "postgres": lambda index: searcher_opener(pg_url()),
}
