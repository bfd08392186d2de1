"""The ``search`` command line: commands, formats and exit statuses, over the sample index."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import run

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "raw_html" / "text" / "seed-page-mao-to-filippov-1951-11-14.txt"


@pytest.fixture()
def index(raw_html_index: Path) -> str:
    return str(raw_html_index)


def test_parse_prints_records_as_json(capsys):
    status, out, err = run(capsys, "parse", str(SEED), "--format", "json")
    assert status == 0 and err == ""
    [record] = json.loads(out)
    assert (
        record["title"]
        == "Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]"
    )
    assert record["date_start"] == "1951-11-14" and record["date_precision"] == "day"
    assert record["sender"] == ["Mao Zedong"] and record["recipient"] == ["Stalin"]
    assert "share document" not in record["body"]


def test_parse_reports_each_bad_file_and_goes_on(capsys, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "scan.html"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02" * 50)
    status, out, err = run(
        capsys, "parse", str(empty), str(SEED), str(binary), str(tmp_path / "gone.html")
    )
    assert status == 1
    assert len(json.loads(out)) == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3
    for name, line in zip(("empty.html", "scan.html", "gone.html"), lines, strict=True):
        assert line.startswith("search: ") and name in line
    assert "Traceback" not in err


def test_query_text_json_csv_agree(capsys, index):
    status, text, _ = run(capsys, "query", "Stalin", "--index", index, "--format", "text")
    assert status == 0
    _, out, _ = run(capsys, "query", "Stalin", "--index", index, "--format", "json")
    data = json.loads(out)
    assert set(data) >= {"hits", "total", "facets", "suggestion", "expanded", "query"}
    assert data["total"] > 1 and f"{data['total']} documents" in text
    assert "Filippov" in data["expanded"]["Stalin"]
    first = data["hits"][0]
    assert first["title"] in text
    _, out, _ = run(capsys, "query", "Stalin", "--index", index, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == data["total"]  # csv streams every match, not one page
    assert {r["id"] for r in rows} >= {h["id"] for h in data["hits"]}


def test_shorthand_is_query(capsys, index):
    _, long_form, _ = run(capsys, "query", "armistice", "--index", index, "--format", "json")
    _, short_form, _ = run(capsys, "armistice", "--index", index, "--format", "json")
    assert json.loads(long_form)["total"] == json.loads(short_form)["total"] > 0


def test_facets_paging_and_sorting(capsys, index):
    _, out, _ = run(
        capsys,
        "query",
        "Stalin",
        "--index",
        index,
        "--format",
        "json",
        "--facet",
        "sender",
        "--facet",
        "year",
        "--sort",
        "date",
        "--limit",
        "3",
        "--page",
        "2",
    )
    data = json.loads(out)
    assert data["page"] == 2 and len(data["hits"]) <= 3
    assert sum(c["count"] for c in data["facets"]["year"]) <= data["total"]
    dates = [h["date_start"] for h in data["hits"] if h["date_start"]]
    assert dates == sorted(dates)
    _, out, _ = run(capsys, "facets", "sender", "--index", index, "--format", "csv")
    counts = {r["value"]: int(r["count"]) for r in csv.DictReader(io.StringIO(out))}
    assert counts["Stalin"] >= 5 and "Filippov" not in counts


def test_no_hits_is_status_one(capsys, index):
    status, out, _ = run(capsys, "query", "zzyzxquux", "--index", index)
    assert status == 1 and out.startswith("0 documents")


@pytest.mark.parametrize(
    ("args", "status", "needle"),
    [
        (("query", '"unbalanced'), 2, "quote"),
        (("query", "nosuchfield:x"), 2, "unknown field"),
        (("query", "date:1951-13"), 2, "date"),
        (("query", "x", "--where", "sender"), 2, "="),
        (("query", "x", "--facet", "colour"), 2, "colour"),
    ],
)
def test_query_errors_are_one_line_with_status_two(capsys, index, args, status, needle):
    code, out, err = run(capsys, *args, "--index", index)
    assert code == status
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err.lower()


def test_missing_index_is_status_three(capsys, tmp_path):
    code, _, err = run(capsys, "query", "Stalin", "--index", str(tmp_path / "nowhere"))
    assert code == 3 and "search rebuild" in err and len(err.strip().splitlines()) == 1


def test_show_and_stats(capsys, index):
    _, out, _ = run(
        capsys, "query", "Filippov", "--index", index, "--format", "json", "--limit", "1"
    )
    hit_id = json.loads(out)["hits"][0]["id"]
    status, out, _ = run(capsys, "show", hit_id, "--index", index, "--format", "json")
    assert status == 0 and json.loads(out)[0]["id"] == hit_id
    status, _, err = run(capsys, "show", "no-such-id", "--index", index)
    assert status == 1 and "no-such-id" in err
    status, out, _ = run(capsys, "stats", "--index", index, "--format", "json")
    stats = json.loads(out)
    assert status == 0 and stats["documents"] >= 60 and stats["date_min"] < stats["date_max"]


def test_rebuild_summary_and_incremental(capsys, tmp_path):
    source = tmp_path / "pages"
    source.mkdir()
    (source / "seed.txt").write_bytes(SEED.read_bytes())
    index = str(tmp_path / "index")
    status, out, _ = run(capsys, "rebuild", "--source", str(source), "--index", index)
    assert status == 0 and "indexed 1, unchanged 0" in out
    status, out, _ = run(capsys, "rebuild", "--source", str(source), "--index", index)
    assert status == 0 and "indexed 0, unchanged 1" in out
    status, _, err = run(capsys, "rebuild", "--source", str(tmp_path / "nope"), "--index", index)
    assert status == 2 and "nope" in err  # a missing source: refused, the index kept


def on_terminal(cmd: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``cmd`` with its output on a pseudo-terminal; returns (status, what it showed)."""
    import os

    main_end, child_end = os.openpty()
    proc = subprocess.Popen(
        cmd, stdin=subprocess.DEVNULL, stdout=child_end, stderr=subprocess.PIPE, env=env
    )
    os.close(child_end)
    shown = []
    while True:
        try:
            data = os.read(main_end, 65536)
        except OSError:  # EIO: the child has closed the terminal
            break
        if not data:
            break
        shown.append(data)
    os.close(main_end)
    proc.communicate(timeout=60)
    return proc.returncode, b"".join(shown).decode()


def test_color_only_on_a_terminal_and_no_color(index):
    """Colour on a terminal; piped output carries no escape codes; NO_COLOR is honoured."""
    import os

    cmd = [sys.executable, "-m", "searcher", "Stalin", "--index", index]
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    piped = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    assert piped.returncode == 0 and "\x1b[" not in piped.stdout
    assert "[[" in piped.stdout  # matches still marked, as plain text
    status, shown = on_terminal(cmd, env)
    assert status == 0 and "\x1b[1m" in shown and "\x1b[0m" in shown
    assert "[[" not in shown  # matches marked by colour instead
    status, shown = on_terminal(cmd, {**env, "NO_COLOR": "1"})
    assert status == 0 and "\x1b[" not in shown and "[[" in shown


def test_explain_and_did_you_mean(capsys, index):
    status, out, _ = run(
        capsys, "query", '"demarcation line"~3 sender:Mao', "--explain", "--index", index
    )
    assert status == 0
    first = out.splitlines()[0]
    assert first.startswith("query read as:") and "demarcation" in first and "mao" in first.lower()
    status, out, _ = run(capsys, "query", "armistise", "--index", index, "--format", "json")
    assert status == 1 and json.loads(out)["suggestion"] == "armistice"


def test_where_keeps_exactly_what_the_facet_value_counts(capsys, index):
    _, out, _ = run(capsys, "facets", "place", "--index", index, "--format", "json")
    counts = {c["value"]: c["count"] for c in json.loads(out)["values"]}
    china = [v for v in counts if "China" in v]
    assert "China" in counts and len(china) > 1  # "Manchuria (China)" and the like exist too
    _, out, _ = run(capsys, "query", "--where", "place=china", "--index", index, "--format", "json")
    assert json.loads(out)["total"] == counts["China"]
    # No document has the whole value "Korea": its word is matched instead.
    _, out, _ = run(capsys, "query", "--where", "place=Korea", "--index", index, "--format", "json")
    korea = sum(n for v, n in counts.items() if "Korea" in v.split(" (")[0])
    assert "Korea" not in counts and 0 < json.loads(out)["total"] <= korea


def test_usage_errors_are_one_line_with_status_two(capsys):
    status, out, err = run(capsys, "show")
    assert status == 2 and out == ""
    assert err.strip() == "search: Missing argument 'IDS...' (see `search show --help`)"
    status, _, err = run(capsys, "query", "x", "--limit", "0")
    assert status == 2 and len(err.strip().splitlines()) == 1 and "--limit" in err
