"""``search evaluate``: score the ranking of an index on a judged query set."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from searcher.cli.common import emit, format_option, index_option, open_archive

if TYPE_CHECKING:
    from searcher.evaluate import Evaluation, Judgment, QueryScore

#: The judged set the project keeps (relative to the project folder).
DEFAULT_JUDGMENTS = "tests/relevance/judgments.tsv"
#: Missed documents shown per query in text output (json and csv list them all).
SHOWN_MISSES = 6
CSV_COLUMNS = ("query", "reciprocal_rank", "ndcg", "first_rank", "missed", "need")


@click.command("evaluate")
@click.argument(
    "judgments",
    default=DEFAULT_JUDGMENTS,
    type=click.Path(exists=True, dir_okay=False),
    metavar="[JUDGMENTS]",
)
@index_option
@click.option(
    "-k",
    "--depth",
    "k",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Hits scored per query (the k of nDCG@k).",
)
@format_option("text", "json", "jsonl", "csv")
def evaluate(judgments: str, index: str, k: int, fmt: str) -> int:
    """Score the ranking on a judged query set: reciprocal rank and nDCG per query, then
    the MRR and mean nDCG over all of them.

    JUDGMENTS is a tab-separated file: a query, then the documents that answer it as
    id:grade (3 highly, 2 relevant, 1 partially); `#` lines state each query's need.
    Default: the project's judged set, tests/relevance/judgments.tsv.  A query's
    reciprocal rank counts its top-grade documents, the ones that should rank first.

    \b
    Examples:
      search evaluate
      search evaluate tests/relevance/judgments.tsv --depth 5 --format json
      search evaluate --index postgresql://me@db/archive --format csv > scores.csv
    """
    from searcher.evaluate import evaluate as run_evaluation
    from searcher.evaluate import load_judgments

    judged = load_judgments(judgments)
    with open_archive(index) as archive:
        result = run_evaluation(archive, judged, k=k)
    emit(render(result, fmt, judged))
    return 0


def render(result: Evaluation, fmt: str, judged: list[Judgment]) -> str:
    """An evaluation as text, json, jsonl (a last line "(mean)") or csv."""
    from searcher.cli.output import csv_text, to_json

    if fmt == "json":
        return to_json(result.to_dict())
    if fmt == "jsonl":
        rows = [row.to_dict() for row in result.rows]
        rows.append({"query": "(mean)", "reciprocal_rank": result.mrr, "ndcg": result.ndcg})
        return "\n".join(to_json(row, indent=None) for row in rows)
    if fmt == "csv":
        rows = [_csv_row(row) for row in result.rows]
        rows.append({"query": "(mean)", "reciprocal_rank": f"{result.mrr:.4f}",
                     "ndcg": f"{result.ndcg:.4f}"})  # fmt: skip
        return csv_text(rows, CSV_COLUMNS)
    return _text(result, {j.query: j for j in judged})


def _csv_row(row: QueryScore) -> dict[str, object]:
    return {
        "query": row.query,
        "reciprocal_rank": f"{row.reciprocal_rank:.4f}",
        "ndcg": f"{row.ndcg:.4f}",
        "first_rank": row.first_rank or "",
        "missed": " ".join(row.missed),
        "need": row.need,
    }


def _text(result: Evaluation, judged: dict[str, Judgment]) -> str:
    k = result.k
    lines = [f"{'RR':>5}  {'nDCG@' + str(k):>8}  query"]
    for row in result.rows:
        lines.append(f"{row.reciprocal_rank:5.2f}  {row.ndcg:8.2f}  {row.query}")
    late = [row for row in result.rows if row.first_rank != 1]
    if late:
        lines += ["", "Not ranked first (top-grade document's rank, and what came before it):"]
        for row in late:
            where = f"rank {row.first_rank}" if row.first_rank else f"not in the first {k}"
            above = row.ranking[: (row.first_rank or k + 1) - 1]
            lines.append(f"  {row.query}: {where}; above it: {' '.join(above) or '-'}")
    missing = [row for row in result.rows if row.missed]
    if missing:
        lines += ["", f"Judged documents not in the first {k} (id:grade):"]
        for row in missing:
            grades = judged[row.query].grades
            shown = [f"{doc}:{grades[doc]}" for doc in row.missed[:SHOWN_MISSES]]
            more = len(row.missed) - SHOWN_MISSES
            if more > 0:
                shown.append(f"(+{more} more)")
            lines.append(f"  {row.query}: {' '.join(shown)}")
    lines += [
        "",
        f"{len(result.rows)} queries  MRR {result.mrr:.3f}  mean nDCG@{k} {result.ndcg:.3f}",
    ]
    return "\n".join(lines)


COMMANDS = [evaluate]
