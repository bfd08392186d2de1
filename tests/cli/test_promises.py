"""What the README promises of the command line, run as users run it (``search`` in a
child process): the exit status of an internal error, a reader that goes away, the names
a query also matched, several ``--where`` filters at once."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RAW_HTML = ROOT / "raw_html"


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in ("SEARCHER_DEBUG", "NO_COLOR")}
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**out, **extra}


def search(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "searcher", *args],
        capture_output=True,
        text=True,
        env=env(**extra),
        timeout=120,
    )


#: The real command line with one library call made to fail as a bug would.
BUGGY = """
import sys
import searcher.api

def search(self, *args, **kwargs):
    raise RuntimeError("a bug planted by the test")

searcher.api.Archive.search = search
from searcher.cli import main

main(sys.argv[1:])
"""


def test_an_internal_error_is_one_line_and_status_70(raw_html_index):
    args = ["query", "Stalin", "--index", str(raw_html_index)]
    done = subprocess.run(
        [sys.executable, "-c", BUGGY, *args], capture_output=True, text=True, env=env()
    )
    assert done.returncode == 70, done.stderr
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("search: internal error: RuntimeError: a bug planted")
    assert "SEARCHER_DEBUG=1" in done.stderr
    # SEARCHER_DEBUG=1 shows where
    debug = subprocess.run(
        [sys.executable, "-c", BUGGY, *args],
        capture_output=True,
        text=True,
        env=env(SEARCHER_DEBUG="1"),
    )
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr
    assert 'File "<string>", line 6, in search' in debug.stderr  # the planted line


def test_a_reader_that_goes_away_is_not_an_error():
    """`search parse raw_html | head -c 100`: the rest of the output has nowhere to go."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "searcher", "parse", str(RAW_HTML), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    head = proc.stdout.read(100)
    proc.stdout.close()  # far more than a pipe's buffer is still to come: the write fails
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert head.startswith(b"[")
    assert proc.returncode == 0, err
    assert err == b""


def test_text_output_says_which_names_were_also_matched(raw_html_index):
    done = search("Stalin", "--index", str(raw_html_index))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith(" documents (showing 1-10)")
    assert lines[1].startswith("also matched for Stalin: ")
    variants = lines[1].removeprefix("also matched for Stalin: ").split(", ")
    assert {"Filippov", "Feng Xi"} <= set(variants)
    # the variants found documents the word alone does not
    exact = search("Stalin", "--exact", "--index", str(raw_html_index), "--format", "json")
    expanded = search("Stalin", "--index", str(raw_html_index), "--format", "json")
    assert json.loads(exact.stdout)["total"] < json.loads(expanded.stdout)["total"]
    assert "also matched" not in search("Stalin", "--exact", "--index", str(raw_html_index)).stdout


def matches(index: Path, *args: str) -> dict[str, str]:
    """id -> date_start of every document the query with ``args`` finds (csv streams all)."""
    done = search("query", *args, "--index", str(index), "--format", "csv", "--fields", "id,date")
    assert done.returncode in (0, 1), done.stderr
    return {row["id"]: row["date"] for row in csv.DictReader(io.StringIO(done.stdout))}


@pytest.mark.parametrize(
    "filters",
    [
        ("place=Korea", "recipient=Mao Zedong"),
        ("place=Korea", "sender=Stalin", "type=telegram"),
        ("language=Russian", "year=1950", "sender=Stalin"),
    ],
)
def test_several_where_values_keep_what_each_keeps(raw_html_index, filters):
    each = [set(matches(raw_html_index, "--where", f)) for f in filters]
    together = set(matches(raw_html_index, *(a for f in filters for a in ("--where", f))))
    assert together == set.intersection(*each)
    assert together and all(together < alone for alone in each)


def test_where_with_a_date_range(raw_html_index):
    args = ("--where", "place=Korea", "--where", "sender=Stalin")
    kept = matches(raw_html_index, *args, "--from", "1950", "--to", "1950-12")
    everything = matches(raw_html_index, *args)
    assert kept and set(kept) < set(everything)
    assert all(date.endswith("1950") for date in kept.values()), kept
    outside = {i for i, d in everything.items() if d and not d.endswith("1950")}
    assert outside and not outside & set(kept)
