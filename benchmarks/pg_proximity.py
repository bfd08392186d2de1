"""Proximity on PostgreSQL: the shipped compilation against the nested ``tsquery`` it
replaced, on the same index and queries, in turns; and each one's answers against the
embedded index's.

    bash .ci/postgres.sh .venv/bin/python -m benchmarks.pg_proximity --pages 3000

The nested form (``(a <1> b | a <2> b) <1> c | ...``, without weight labels) is rebuilt
here only to be measured: it grows as (reach)^(words-1), so the word sets are kept where
it still fits.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.generate import CACHE, _vocab, ensure_pages
from benchmarks.queries import draw
from searcher import Archive
from searcher.engine.postgres import compile as shipped


def nested_steps(alternatives: list[list[str]], slop: int, labels: tuple[str, ...]) -> str:
    """The replaced compilation of a sequence: one tsquery, each step nested."""
    mark = f":{labels[0]}" if len(labels) == 1 and labels[0] else ""
    steps = [shipped._any([shipped.quote(s) + mark for s in alts]) for alts in alternatives]
    out = steps[0]
    for step in steps[1:]:
        if slop == 0:
            out = f"{out} <-> {step}"
        else:
            out = "(" + " | ".join(f"{out} <{d}> {step}" for d in range(1, slop + 2)) + ")"
    return out


def nested(column: str, alternatives: list[list[str]], slop: int, label: str = "") -> Any:
    return shipped._Part(column, nested_steps(alternatives, slop, (label,)))


def queries(count: int) -> dict[str, list[str]]:
    pairs = [q.terms for q in draw(_vocab(), "proximity", 2 * count)]
    half = pairs[:count]
    return {
        "two words ~5": [f'"{a} {b}"~5' for a, b in half],
        "two words ~24": [f'"{a} {b}"~24' for a, b in half],
        "three words ~8": [
            f'"{a} {b} {c}"~8' for (a, b), (c, _) in zip(half, pairs[count:], strict=True)
        ],
        "three, one common ~8": [f'"{a} {b} the"~8' for a, b in half],
        "four words ~5": [
            f'"{a} {b} {c} {d}"~5' for (a, b), (c, d) in zip(half, pairs[count:], strict=True)
        ],
    }


def timed(archive: Archive, texts: list[str]) -> tuple[list[float], list[int]]:
    times, totals = [], []
    for text in texts:
        start = time.perf_counter()
        totals.append(archive.search(text, limit=10).total)
        times.append((time.perf_counter() - start) * 1000)
    return times, totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pg_proximity", description=__doc__)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=20, help="queries per set (20)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg-url", default=os.environ.get("SEARCHER_TEST_PG"))
    args = parser.parse_args(argv)
    if not args.pg_url:
        parser.error("needs --pg-url or $SEARCHER_TEST_PG (a database it may empty)")
    source = _subset(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        Archive.build(source, Path(tmp) / "index", full=True)
        Archive.build(source, args.pg_url, full=True)
        with Archive.open(Path(tmp) / "index") as embedded, Archive.open(args.pg_url) as pg:
            for name, texts in queries(args.queries).items():
                expected = [embedded.search(t, limit=1).total for t in texts]
                _compare(name, pg, texts, expected, args.rounds)


def _compare(name: str, pg: Archive, texts: list[str], expected: list[int], rounds: int) -> None:
    compilers: dict[str, tuple[Callable[..., Any], Callable[..., str]]] = {
        "shipped": (shipped._sequence, shipped._steps),
        "nested": (nested, nested_steps),
    }
    original = compilers["shipped"]
    times: dict[str, list[float]] = {k: [] for k in compilers}
    totals: dict[str, list[int]] = {}
    try:
        for n in range(rounds):
            for which in sorted(compilers, reverse=bool(n % 2)):
                shipped._sequence, shipped._steps = compilers[which]  # type: ignore[assignment]
                spent, found = timed(pg, texts)
                times[which] += spent
                totals.setdefault(which, found)
    finally:
        shipped._sequence, shipped._steps = original  # type: ignore[assignment]
    for which in compilers:
        spent = sorted(times[which])
        same = sum(a == b for a, b in zip(totals[which], expected, strict=True))
        print(
            f"{name:16} {which:8} p50 {statistics.median(spent):7.1f} ms"
            f"  p95 {spent[int(0.95 * (len(spent) - 1))]:7.1f} ms"
            f"  mean hits {statistics.mean(totals[which]):6.0f}"
            f"  totals as embedded {same}/{len(texts)}"
        )


def _subset(pages: int) -> Path:
    """The first ``pages`` of the generated 20,000 (copied once)."""
    if pages == 20000:
        return ensure_pages(pages)
    dest = CACHE / f"subset-{pages}"
    if not dest.is_dir():
        whole = ensure_pages(20000)
        dest.mkdir(parents=True)
        for page in sorted(whole.glob("*.html"))[:pages]:
            shutil.copy(page, dest / page.name)
    return dest


if __name__ == "__main__":
    main()
