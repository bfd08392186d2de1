"""A sharded PostgreSQL index against one server holding the same pages.

    python -m benchmarks.cluster --single URL --cluster URL [--queries 40] [--classes ...]

Both indexes must already hold the same pages (``search rebuild --index URL --source DIR
--full``, the cluster laid out first by ``search engine init --shards N --shard-url ...``).
One process reads the single server, the cluster on its shards (the engine's own sessions)
and the cluster through its coordinator (postgres_fdw, ``SEARCHER_PG_FANOUT=off``); they
take turns over the benchmark's query classes (``benchmarks.measure.take_turns``).  Prints
p50 / p95 ms, the cluster's ratios to the single server, and whether every query's total
agrees; exits 1 when one does not, 2 when an index cannot be opened.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from benchmarks.measure import take_turns
from benchmarks.queries import CLASSES
from benchmarks.systems import searcher_opener

LABELS = {
    "single": "one server",
    "shards": "two shards, read on the shards",
    "coordinator": "two shards, through the coordinator",
}


def _opener(location: str, fanout: bool) -> Any:
    """The benchmark's runner of searcher queries, the cluster read on its shards or not."""
    from searcher.engine.postgres.fanout import FANOUT_ENV

    os.environ[FANOUT_ENV] = "on" if fanout else "off"
    try:
        return searcher_opener(location)
    finally:
        os.environ.pop(FANOUT_ENV)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.cluster",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--single", required=True, help="the one server's index URL")
    parser.add_argument("--cluster", required=True, help="the sharded index's coordinator URL")
    parser.add_argument("--queries", type=int, default=40, help="queries a class")
    parser.add_argument("--classes", default=",".join(CLASSES))
    parser.add_argument("--no-coordinator", action="store_true", help="skip the fdw reading")
    args = parser.parse_args(argv)
    from searcher.errors import SearcherError

    try:
        runs = {"single": _opener(args.single, False), "shards": _opener(args.cluster, True)}
        if not args.no_coordinator:
            runs["coordinator"] = _opener(args.cluster, False)
    except SearcherError as exc:
        print(f"benchmarks.cluster: {exc}", file=sys.stderr)
        return 2
    answer = take_turns(runs, args.classes.split(","), args.queries)["classes"]
    others = [s for s in runs if s != "single"]
    print("| query class (mean hits) | " + " | ".join(LABELS[s] for s in runs), end=" | ")
    print(" | ".join(f"{s} ÷ one (p50)" for s in others) + " |")
    print("| --- " * (1 + len(runs) + len(others)) + "|")
    agree = True
    for kind in args.classes.split(","):
        base = answer["single"][kind]
        cells = [
            f"{answer[s][kind]['p50'] * 1e3:.1f} / {answer[s][kind]['p95'] * 1e3:.1f}" for s in runs
        ]
        ratios = [f"{answer[s][kind]['p50'] / base['p50']:.2f}x" for s in others]
        same = all(answer[s][kind]["totals"] == base["totals"] for s in others)
        agree = agree and same
        mark = "" if same else " (totals differ)"
        print(f"| {kind} ({base['hits']:,.0f}){mark} | " + " | ".join(cells + ratios) + " |")
    print("totals: " + ("equal in every query" if agree else "DIFFER"), file=sys.stderr)
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
