"""Ranking metrics, the judged query set, and the ranking of real archive pages against it."""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import SimpleNamespace

import pg_support
import pytest
from cli_support import run

from searcher.errors import QueryError
from searcher.evaluate import (
    Judgment,
    evaluate,
    halves,
    load_judgments,
    mrr,
    ndcg,
    ndcg_at,
    parse_judgments,
    reciprocal_rank,
    score_query,
)
from searcher.ingest import is_page
from searcher.record import FIELDS

RELEVANCE = Path(__file__).resolve().parents[1] / "relevance"
JUDGMENTS = RELEVANCE / "judgments.tsv"
#: The real archive pages the judged set is judged against (see its README).
PAGES = RELEVANCE / "pages"
README = Path(__file__).resolve().parents[2] / "README.md"
#: Floors under what the held-out half measured with the shipped weights (MRR 0.867,
#: nDCG@10 0.817, in the README): one held-out query losing its best answer to rank 2
#: still passes, two do not; a weight set that ranks by the summaries alone does not.
HELD_MRR_FLOOR = 0.83
HELD_NDCG_FLOOR = 0.80
#: How far the README's figures may be from what the suite measures.
README_TOLERANCE = 0.005


# -- metrics against hand-computed values ----------------------------------------------


def test_reciprocal_rank_is_the_rank_of_the_first_top_grade_hit():
    assert reciprocal_rank(["a", "b", "c"], {"b": 3}) == 0.5
    # a partially relevant hit first does not count: the top-grade one is third
    assert reciprocal_rank(["x", "p", "h"], {"p": 1, "h": 3}) == pytest.approx(1 / 3)
    # with only grade-1 judgments, grade 1 is the top grade
    assert reciprocal_rank(["x", "p"], {"p": 1}) == 0.5
    assert reciprocal_rank(["x", "y"], {"h": 3}) == 0.0


def test_mrr_is_the_mean_over_queries():
    rankings = [["a", "b", "c"], ["x", "p", "h"], ["q"]]
    judgments = [{"b": 3}, {"p": 1, "h": 3}, {"z": 2}]
    assert mrr(rankings, judgments) == pytest.approx((1 / 2 + 1 / 3 + 0) / 3)
    assert mrr([], []) == 0.0


def test_ndcg_by_hand():
    grades = {"a": 1, "c": 3, "d": 2}
    # DCG: (2^1-1)/log2(2) + 0 + (2^3-1)/log2(4) = 1 + 3.5
    # ideal: 7/log2(2) + 3/log2(3) + 1/log2(4)
    ideal = 7 + 3 / math.log2(3) + 0.5
    assert ndcg(3, ["a", "b", "c"], grades) == pytest.approx(4.5 / ideal)
    assert ndcg(3, ["a", "b", "c"], grades) == pytest.approx(0.47910, abs=1e-5)
    # only the first k hits count, and the ideal is cut at k too
    assert ndcg(1, ["a", "c"], grades) == pytest.approx(1 / 7)
    assert ndcg(3, ["c", "d", "a", "b"], grades) == pytest.approx(1.0)
    assert ndcg(10, ["b"], {}) == 0.0


def test_ndcg_at_averages_and_checks_its_arguments():
    rankings = [["c", "d", "a"], ["a", "b", "c"]]
    judgments = [{"a": 1, "c": 3, "d": 2}] * 2
    ideal = 7 + 3 / math.log2(3) + 0.5
    assert ndcg_at(3, rankings, judgments) == pytest.approx((1 + 4.5 / ideal) / 2)
    with pytest.raises(ValueError):
        ndcg_at(3, rankings, judgments[:1])
    with pytest.raises(ValueError):
        ndcg_at(0, rankings, judgments)


def test_score_query_reports_the_first_rank_and_the_misses_best_first():
    judgment = Judgment("q", {"a": 1, "c": 3, "d": 2, "e": 3})
    row = score_query(judgment, ["b", "a", "c", "z"], k=3)
    assert row.ranking == ("b", "a", "c")
    assert row.first_rank == 3
    assert row.reciprocal_rank == pytest.approx(1 / 3)
    assert row.missed == ("e", "d")


# -- the judgments file ------------------------------------------------------------------

SAMPLE = """\
# A header block, separated by a blank line, belongs to no query.

# The armistice talks.
armistice\t900001:3\tnotes:2
#
# Stalin under a pseudonym.
Filippov\t900020:1\t\t900033:3
"""


def test_parse_judgments_reads_queries_grades_and_needs():
    first, second = parse_judgments(SAMPLE)
    assert first.query == "armistice"
    assert dict(first.grades) == {"900001": 3, "notes": 2}
    assert first.need == "The armistice talks."
    assert first.line == 4
    assert dict(second.grades) == {"900020": 1, "900033": 3}
    assert second.need == "Stalin under a pseudonym."
    assert second.top == {"900033"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("armistice\t900001:4\n", "grade from 1 to 3"),
        ("armistice\t900001\n", "not id:grade"),
        ("armistice\n", "no judged documents"),
        ("armistice\t900001:3\t900001:2\n", "judged twice"),
        ("a\tx:1\na\ty:1\n", "judged already on line 1"),
        ("\tx:1\n", "no query"),
    ],
)
def test_parse_judgments_rejects_malformed_lines(text, message):
    with pytest.raises(QueryError, match=message) as error:
        parse_judgments(text, "j.tsv")
    assert "j.tsv:" in str(error.value)


def test_the_judged_set_is_complete():
    judged = load_judgments(JUDGMENTS)
    assert len(judged) >= 30
    assert all(j.need for j in judged), "every query states its information need"
    assert all(max(j.grades.values()) == 3 for j in judged), "every query has a best answer"
    assert all(len(j.grades) >= 2 for j in judged), "every query has several answers"
    graded = [j for j in judged if len(set(j.grades.values())) >= 2]
    assert len(graded) >= len(judged) * 2 // 3, "most queries have answers of several grades"


def test_the_halves_are_fixed_by_position():
    judged = load_judgments(JUDGMENTS)
    tuning, held_out = halves(judged)
    assert [j.query for j in tuning] == [j.query for j in judged[0::2]]
    assert [j.query for j in held_out] == [j.query for j in judged[1::2]]
    assert abs(len(tuning) - len(held_out)) <= 1


# -- the real pages against the judged set -----------------------------------------------


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The records of the real pages, and a way to score a half of the judged set on an
    index of them built with given text-field weights."""
    from benchmarks.tune_weights import read_records, score

    work = tmp_path_factory.mktemp("judged")
    records = read_records(str(PAGES), work)
    tuning, held_out = halves(load_judgments(JUDGMENTS))

    def measure(weights, half=held_out):
        return score(records, half, weights, work, 10)

    return SimpleNamespace(records=records, tuning=tuning, held_out=held_out, measure=measure)


def shipped_weights() -> dict[str, float]:
    return {f.name: f.weight for f in FIELDS if f.kind == "text"}


def test_every_real_page_is_indexed_and_every_judged_id_is_one_of_them(real):
    assert len(real.records) == len([p for p in PAGES.iterdir() if is_page(p)]) == 28
    ids = {r.id for r in real.records}
    judged = load_judgments(JUDGMENTS)
    unknown = {(j.query, doc) for j in judged for doc in j.grades if doc not in ids}
    assert not unknown, f"judged ids the real pages do not have: {sorted(unknown)}"


def test_held_out_ranking_reaches_the_floor(real):
    result = real.measure(shipped_weights())
    late = [(r.query, r.first_rank) for r in result.rows if r.first_rank != 1]
    assert result.mrr >= HELD_MRR_FLOOR, f"MRR {result.mrr:.3f}; not ranked first: {late}"
    assert result.ndcg >= HELD_NDCG_FLOOR, f"nDCG@10 {result.ndcg:.3f}"


def test_held_out_shipped_weights_are_no_worse_than_naive_ones(real):
    """On the held-out half of real text the shipped weights do not beat the naive sets by
    a margin (the README says so); they must not fall behind either of them."""
    from benchmarks.tune_weights import NAIVE

    shipped = real.measure(shipped_weights())
    for name, weights in NAIVE.items():
        naive = real.measure(weights)
        assert shipped.mrr >= naive.mrr - 0.005, (name, shipped.mrr, naive.mrr)
        assert shipped.ndcg >= naive.ndcg - 0.005, (name, shipped.ndcg, naive.ndcg)


@pytest.mark.parametrize(
    "weights",
    [
        {"title": 0.1, "summary": 10.0, "body": 0.1, "citation": 0.1, "source": 0.1},
        {"title": 0.001, "summary": 0.001, "body": 1.0, "citation": 0.001, "source": 0.001},
    ],
    ids=["summary-only", "body-alone"],
)
def test_the_gate_refuses_lopsided_weights(real, weights):
    """The floors are not under everything: ranking by one field fails them."""
    result = real.measure(weights)
    assert result.mrr < HELD_MRR_FLOOR or result.ndcg < HELD_NDCG_FLOOR, result


def readme_row(label: str) -> tuple[float, float]:
    """The held-out MRR and nDCG@10 of the README's relevance table row starting ``label``."""
    for line in README.read_text("utf-8").splitlines():
        cells = [c.strip(" *") for c in line.strip().strip("|").split("|")]
        if cells and cells[0].startswith(label):
            return float(cells[1]), float(cells[2])
    raise AssertionError(f"no row {label!r} in the README's relevance table")


def test_readme_states_the_measured_held_out_figures(real):
    result = real.measure(shipped_weights())
    mrr, ndcg = readme_row("Whoosh, shipped")
    assert mrr == pytest.approx(result.mrr, abs=README_TOLERANCE)
    assert ndcg == pytest.approx(result.ndcg, abs=README_TOLERANCE)


@pytest.mark.parametrize(
    ("kind", "row", "rum"),
    [
        ("single", "PostgreSQL, single", "on"),
        ("cluster", "PostgreSQL, single", "on"),
        ("single", "PostgreSQL without", "off"),
    ],
    ids=["single", "cluster", "single-without-rum"],
)
@pg_support.needs_server
def test_postgres_held_out_figures_are_the_readmes(kind, row, rum, monkeypatch):
    """The PostgreSQL engine, single server and cluster, ranks the held-out half as the
    README says: with RUM's ranking, and without the extension (``ts_rank``, its weights
    from the same field weights)."""
    from searcher import Archive
    from searcher.build import rebuild
    from searcher.engine.postgres.schema import RUM_ENV

    monkeypatch.setenv(RUM_ENV, rum)
    location = pg_support.index_location(kind, Path(), "searcher_judged")
    report = rebuild(PAGES, location, full=True, workers=1)
    assert report.indexed == 28 and not report.failed
    _, held_out = halves(load_judgments(JUDGMENTS))
    with Archive.open(location) as archive:
        result = evaluate(archive, held_out, k=10)
    mrr, ndcg = readme_row(row)
    assert mrr == pytest.approx(result.mrr, abs=README_TOLERANCE)
    assert ndcg == pytest.approx(result.ndcg, abs=README_TOLERANCE)


# -- the command -------------------------------------------------------------------------


def test_command_json_matches_the_library(tmp_path, capsys):
    from searcher import Archive
    from searcher.build import rebuild

    index = tmp_path / "judged"
    rebuild(PAGES, index, full=True, workers=1)
    with Archive.open(index) as archive:
        result = evaluate(archive, load_judgments(JUDGMENTS), k=10)
    status, out, _ = run(capsys, "evaluate", str(JUDGMENTS), "--index", str(index),
                         "--format", "json")  # fmt: skip
    assert status == 0
    data = json.loads(out)
    assert data["queries"] == len(result.rows)
    assert data["mrr"] == pytest.approx(result.mrr)
    assert data["ndcg"] == pytest.approx(result.ndcg)
    assert [row["query"] for row in data["rows"]] == [r.query for r in result.rows]


def test_command_text_lists_scores_misses_and_means(raw_html_index, tmp_path, capsys):
    judged = tmp_path / "j.tsv"
    judged.write_text(
        "# Stalin's telegrams on Korea.\nStalin Korea\t900008:3\n"
        "# A document the sample does not hold.\nStalin\tno-such-page:3\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "evaluate", str(judged), "--index", str(raw_html_index))
    assert status == 0
    assert "Stalin Korea" in out
    assert "no-such-page:3" in out  # listed among the misses
    assert "Stalin: not in the first 10" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("2 queries  MRR ")
    assert "mean nDCG@10" in last


def test_command_csv_ends_with_the_means(raw_html_index, tmp_path, capsys):
    judged = tmp_path / "j.tsv"
    judged.write_text("Xinjiang\t900038:3\t900055:3\n", encoding="utf-8")
    status, out, _ = run(capsys, "evaluate", str(judged), "--index", str(raw_html_index),
                         "--format", "csv", "-k", "2")  # fmt: skip
    assert status == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("query,reciprocal_rank,ndcg,first_rank,missed")
    assert lines[1].startswith("Xinjiang,1.0000,1.0000,1,")
    assert lines[-1].startswith("(mean),1.0000,1.0000")


def test_command_errors(tmp_path, capsys):
    judged = tmp_path / "j.tsv"
    judged.write_text("Stalin\t900008:9\n", encoding="utf-8")
    status, _, err = run(capsys, "evaluate", str(judged), "--index", str(tmp_path / "none"))
    assert status == 2 and "grade from 1 to 3" in err
    judged.write_text("Stalin\t900008:3\n", encoding="utf-8")
    status, _, err = run(capsys, "evaluate", str(judged), "--index", str(tmp_path / "none"))
    assert status == 3 and "no index" in err
    status, _, _ = run(capsys, "evaluate", str(tmp_path / "missing.tsv"))
    assert status == 2
