"""Every command that prints data gives the formats a script wants, and --plot draws or
refuses before any work, on the sample index."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from cli_support import run


@pytest.fixture()
def index(raw_html_index: Path) -> str:
    return str(raw_html_index)


def test_timeline_plot_draws_the_file_it_is_named(capsys, index, tmp_path):
    for ending, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
        target = tmp_path / f"korea.{ending}"
        status, out, err = run(capsys, "timeline", "Korea", "--plot", str(target), "--index", index)
        assert status == 0 and "1950" in out and f"drew {target}" in err
        assert target.read_bytes().startswith(magic)


@pytest.mark.parametrize(("name", "what"), [("out.txt", "'.txt' is not"), ("out", "no format")])
def test_a_plot_file_of_no_chart_format_is_refused_before_any_work(capsys, tmp_path, name, what):
    target = tmp_path / name
    # The index does not exist: the refusal comes before the index is even opened.
    status, out, err = run(
        capsys, "timeline", "Korea", "--plot", str(target), "--index", str(tmp_path / "none")
    )
    assert (status, out) == (2, "")
    assert what in err and "png" in err and "svg" in err and "pdf" in err
    assert len(err.strip().splitlines()) == 1 and not target.exists()


def test_plot_without_matplotlib_names_the_extra(capsys, index, tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    status, out, err = run(
        capsys, "timeline", "Korea", "--plot", str(tmp_path / "k.png"), "--index", index
    )
    assert (status, out) == (2, "")
    assert "--plot needs matplotlib" in err and "pip install 'searcher[plot]'" in err


def test_cite_as_json(capsys, index):
    status, out, _ = run(capsys, "cite", "900001", "--format", "json", "--index", index)
    [row] = json.loads(out)
    assert status == 0 and row["id"] == "900001" and row["style"] == "chicago"
    assert row["citation"].startswith('"Ciphered Telegram No. 25902')
    _, out, _ = run(
        capsys, "cite", "900001", "--style", "csl-json", "--format", "json", "--index", index
    )
    [row] = json.loads(out)
    assert row["citation"]["id"] == "900001" and row["citation"]["type"] == "letter"


def test_kwic_as_json_matches_its_csv(capsys, index):
    args = ("kwic", "demarcation line", "--index", index, "--format")
    status, out, _ = run(capsys, *args, "json")
    lines = json.loads(out)
    assert status == 0 and len(lines) > 1
    assert all(line["match"].lower() == "demarcation line" for line in lines)
    _, out, _ = run(capsys, *args, "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == [line["id"] for line in lines]


def test_timeline_as_jsonl_matches_its_json(capsys, index):
    _, out, _ = run(capsys, "timeline", "Korea", "--index", index, "--format", "json")
    whole = json.loads(out)
    status, out, _ = run(capsys, "timeline", "Korea", "--index", index, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and rows[:-1] == whole["buckets"]
    assert rows[-1] == {"period": "undated", "count": whole["undated"]}


def test_evaluate_as_jsonl(capsys, index, tmp_path):
    judged = tmp_path / "judged.tsv"
    judged.write_text("# Mao's telegram on the demarcation line\nMao demarcation\t900001:3\n")
    status, out, _ = run(capsys, "evaluate", str(judged), "--index", index, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(rows) == 2
    assert rows[0]["query"] == "Mao demarcation" and rows[0]["ranking"]
    assert (
        rows[-1]["query"] == "(mean)" and rows[-1]["reciprocal_rank"] == rows[0]["reciprocal_rank"]
    )


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "ris"])
@pytest.mark.parametrize("sort", ["date", "-date", "relevance"])
def test_exports_come_in_the_order_the_query_shows(capsys, index, fmt, sort):
    status, out, _ = run(
        capsys, "armistice", "--sort", sort, "--limit", "100", "--format", "json", "--index", index
    )
    hits = json.loads(out)["hits"]
    shown = [hit["title"] if fmt == "ris" else hit["id"] for hit in hits]
    assert status == 0 and len(shown) > 3
    status, out, _ = run(capsys, "armistice", "--sort", sort, "--format", fmt, "--index", index)
    assert status == 0
    if fmt == "csv":
        exported = [row["id"] for row in csv.DictReader(io.StringIO(out))]
    elif fmt == "jsonl":
        exported = [json.loads(line)["id"] for line in out.splitlines()]
    else:
        import rispy

        exported = [entry["title"] for entry in rispy.loads(out)]
    assert exported == shown


def test_a_suggestion_says_how_many_documents_it_finds(capsys, index):
    status, out, _ = run(capsys, "armistise", "--index", index)
    assert status == 1 and out.startswith("0 documents")
    status2, out2, _ = run(capsys, "armistice", "--format", "json", "--index", index)
    total = json.loads(out2)["total"]
    assert f"did you mean: armistice ({total} documents)" in out
