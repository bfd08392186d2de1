"""Choose the text-field ranking weights by measurement on the judged query set.

``python -m benchmarks.tune_weights`` parses the real pages of the judged set
(tests/relevance/pages) once, then, for each candidate set of weights (``FieldSpec.weight``
of the text fields in searcher/record.py), builds a Whoosh index of them in a scratch
folder and scores the judged queries on it (``searcher.evaluate``).  Only the tuning half
of the judged set (``searcher.evaluate.halves``) chooses: the search is coordinate ascent,
one field at a time, every candidate value with the other weights held, keeping a change
only when it raises the objective on the tuning half (the mean of MRR and mean nDCG@10),
or keeps it while moving closer to the current weights (so that ties do not wander);
rounds repeat until nothing changes.  Every set tried is printed, best first, with its
score on the held-out half beside it, which the choice never sees, and the naive weight
sets (all equal, body only) are scored the same way for comparison.

The chosen weights are then written into searcher/record.py by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import math
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from searcher import Archive, analysis
from searcher.build import BuildReport, rebuild
from searcher.engine import open_engine
from searcher.engine.whoosh import schema as whoosh_schema
from searcher.evaluate import Evaluation, Judgment, evaluate, halves, load_judgments
from searcher.record import FIELDS, Record

TEXT = tuple(f.name for f in FIELDS if f.kind == "text")
DEFAULT_VALUES = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0)
Weights = dict[str, float]


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tune_weights", description=__doc__)
    parser.add_argument(
        "--source", default="tests/relevance/pages", help="folder of pages (tests/relevance/pages)"
    )
    parser.add_argument(
        "--judgments", default="tests/relevance/judgments.tsv", help="judged query set"
    )
    parser.add_argument(
        "--values",
        default=",".join(str(v) for v in DEFAULT_VALUES),
        help="candidate weights for each field",
    )
    parser.add_argument("--rounds", type=int, default=3, help="most coordinate-ascent rounds (3)")
    parser.add_argument("-k", type=int, default=10, help="hits scored per query (10)")
    return parser.parse_args(argv)


@contextlib.contextmanager
def weighted(weights: Weights) -> Iterator[None]:
    """Build indexes with these text-field weights (the schema reads them from FIELDS)."""
    saved = whoosh_schema.FIELDS, analysis.WEIGHTS
    whoosh_schema.FIELDS = tuple(
        dataclasses.replace(f, weight=weights[f.name]) if f.name in weights else f for f in FIELDS
    )
    analysis.WEIGHTS = {**saved[1], **weights}
    try:
        yield
    finally:
        whoosh_schema.FIELDS, analysis.WEIGHTS = saved


def read_records(source: str, work: Path) -> list[Record]:
    """The records of every page under ``source``, exactly as a rebuild indexes them."""
    report = rebuild(source, work / "parsed", full=True)
    if report.failed:
        print(f"pages that failed to parse: {len(report.failed)}", file=sys.stderr)
    with Archive.open(work / "parsed") as archive:
        return list(archive.iter_records())


def score(
    records: list[Record], judgments: list[Judgment], weights: Weights, work: Path, k: int
) -> Evaluation:
    """Index ``records`` with ``weights`` and evaluate the judged set on that index."""
    location = work / "trial"
    shutil.rmtree(location, ignore_errors=True)
    with weighted(weights):
        engine = open_engine(location, create=True)
        build = engine.begin_build(True)
        try:
            build.add(records)
            build.commit(BuildReport(len(records), 0, 0, (), 0.0, len(records), full=True))
        except BaseException:
            build.abort()
            raise
        finally:
            engine.close()
    with Archive.open(location) as archive:
        return evaluate(archive, judgments, k=k)


def objective(result: Evaluation) -> float:
    return (result.mrr + result.ndcg) / 2


def distance(weights: Sequence[float], start: Sequence[float]) -> float:
    """How far a weight set is from the starting one (sum of absolute log2 ratios)."""
    return sum(abs(math.log2(w / s)) for w, s in zip(weights, start, strict=True))


def better(
    result: Evaluation,
    key: Sequence[float],
    than: Evaluation,
    than_key: Sequence[float],
    start: Sequence[float],
) -> bool:
    """A higher objective, or the same one nearer the starting weights."""
    gain = objective(result) - objective(than)
    if abs(gain) > 1e-9:
        return gain > 0
    return distance(key, start) < distance(than_key, start) - 1e-9


def tune(
    records: list[Record],
    judgments: list[Judgment],
    start: Weights,
    values: Sequence[float],
    rounds: int,
    work: Path,
    k: int,
) -> dict[tuple[float, ...], Evaluation]:
    """Coordinate ascent from ``start``; every weight set tried, with its evaluation."""
    tried: dict[tuple[float, ...], Evaluation] = {}
    origin = key_of(start)

    def trial(weights: Weights) -> Evaluation:
        key = key_of(weights)
        if key not in tried:
            tried[key] = score(records, judgments, weights, work, k)
        return tried[key]

    best = dict(start)
    for _ in range(rounds):
        changed = False
        for name in TEXT:
            for value in values:
                candidate = {**best, name: value}
                if better(trial(candidate), key_of(candidate), trial(best), key_of(best), origin):
                    best, changed = candidate, True
        if not changed:
            break
    return tried


def key_of(weights: Weights) -> tuple[float, ...]:
    return tuple(weights[name] for name in TEXT)


def choose(
    tried: dict[tuple[float, ...], Evaluation], start: tuple[float, ...]
) -> tuple[float, ...]:
    """The best weight set tried: highest objective, then nearest the starting one."""
    return min(tried, key=lambda key: (-round(objective(tried[key]), 9), distance(key, start)))


#: Naive weight sets the chosen one must beat on the held-out half.
NAIVE = {
    "all equal": {name: 1.0 for name in TEXT},
    "body only": {name: (1.0 if name == "body" else 0.1) for name in TEXT},
}


def table(
    tried: dict[tuple[float, ...], Evaluation],
    held: dict[tuple[float, ...], Evaluation],
    start: tuple[float, ...],
    top: int,
) -> str:
    """The weight sets tried, best first on the tuning half (the starting set marked *),
    with both halves' MRR and nDCG."""
    head = "  ".join(f"{name:>8}" for name in TEXT)
    lines = [f"  {head}  {'tune MRR':>8}  {'nDCG':>6}  {'held MRR':>8}  {'nDCG':>6}"]
    ranked = sorted(
        tried.items(), key=lambda item: (-round(objective(item[1]), 9), distance(item[0], start))
    )
    shown = ranked[:top]
    if start not in dict(shown):
        shown.append((start, tried[start]))
    for key, result in shown:
        mark = "*" if key == start else " "
        cells = "  ".join(f"{w:8g}" for w in key)
        other = held[key]
        lines.append(
            f"{mark} {cells}  {result.mrr:8.3f}  {result.ndcg:6.3f}  "
            f"{other.mrr:8.3f}  {other.ndcg:6.3f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    values = sorted({float(v) for v in args.values.split(",") if v.strip()})
    tuning, held_out = halves(load_judgments(args.judgments))
    start = {f.name: f.weight for f in FIELDS if f.kind == "text"}
    with tempfile.TemporaryDirectory(prefix="tune-weights-") as tmp:
        work = Path(tmp)
        records = read_records(args.source, work)
        print(
            f"{len(records)} documents, {len(tuning)} tuning and {len(held_out)} held-out "
            f"queries, k={args.k}"
        )
        tried = tune(records, tuning, start, values, args.rounds, work, args.k)
        start_key = key_of(start)
        best_key = choose(tried, start_key)
        held = {
            key: score(records, held_out, dict(zip(TEXT, key, strict=True)), work, args.k)
            for key in tried
        }
        naive = {
            name: (
                score(records, tuning, weights, work, args.k),
                score(records, held_out, weights, work, args.k),
            )
            for name, weights in NAIVE.items()
        }
    print(f"{len(tried)} weight sets tried; objective = (MRR + nDCG@{args.k}) / 2, tuning half")
    print(table(tried, held, start_key, top=15))
    print()
    rows = [
        ("current", tried[start_key], held[start_key]),
        ("best", tried[best_key], held[best_key]),
        *((name, pair[0], pair[1]) for name, pair in naive.items()),
    ]
    for name, tune_result, held_result in rows:
        print(
            f"{name:10} tuning MRR {tune_result.mrr:.3f} nDCG@{args.k} {tune_result.ndcg:.3f}"
            f"   held-out MRR {held_result.mrr:.3f} nDCG@{args.k} {held_result.ndcg:.3f}"
        )
    print("weights: " + ", ".join(f"{n}={w:g}" for n, w in zip(TEXT, best_key, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
