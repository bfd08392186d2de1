"""A field declared in one place, the Record's, reaches every part that keeps or shows fields.

A Record class is made once, at import, and the schema, the query fields and the outputs are
read from it when their modules are imported.  So the test adds its field the way a developer
would, one line in ``searcher/record.py``, to a copy of that module's source, which a fresh
Python process (``_SCRIPT``) runs as ``searcher.record`` before importing anything else of
searcher.  That process parses a current-site page holding a "Decision" label, builds an
index of it (the embedded one, or a PostgreSQL database) with the command line, and prints
what the schema, the page's record, a search, the JSON and CSV outputs and the tables hold.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cli_support
import pg_support
import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "raw_html" / "current" / "cable-filippov-stalin-mao-zedong.html"
#: The line a developer adds to the Record, and where.
FIELD = (
    '    decision: tuple[str, ...] = declare("keyword", multi=True, facet=True, alias="ruling",'
    ' labels=("decision",))\n'
)
ANCHOR = "    #: Labelled values no field takes"
#: The labelled block the page gains, in the current site's markup.
BLOCK = (
    '<div class="information-block"><div class="sub-title">Decision</div>'
    '<div class="text">Approved by the Politburo</div></div>\n'
)

_SCRIPT = r"""
import contextlib, importlib.util, io, json, pathlib, sys

import searcher

field, anchor, source_dir, index = sys.argv[1:5]
path = pathlib.Path(searcher.__file__).parent / "record.py"
source = path.read_text(encoding="utf-8")
assert anchor in source
spec = importlib.util.spec_from_loader("searcher.record", loader=None, origin=str(path))
module = importlib.util.module_from_spec(spec)
module.__file__ = str(path)
sys.modules["searcher.record"] = module
exec(compile(source.replace(anchor, field + anchor), str(path), "exec"), module.__dict__)

from searcher.cli import main
from searcher.engine.postgres.schema import ARRAY_COLUMNS, SCHEMA_VERSION
from searcher.engine.whoosh.schema import build_schema
from searcher.ingest import parse_file
from searcher.record import FIELD_BY_NAME, QUERY_FIELDS


def run(*args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        main(list(args))
    return out.getvalue()


record = next(pathlib.Path(source_dir).iterdir())
run("rebuild", "--source", source_dir, "--index", index)
found = json.loads(
    run("ruling:approved", "--index", index, "--facet", "ruling", "--format", "json")
)
shown = json.loads(run("show", "900020", "--index", index, "--format", "json"))
columns = []
if index.startswith("postgresql://"):
    import psycopg

    with psycopg.connect(index) as conn:
        columns = [
            row[0]
            for row in conn.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = 'searcher_docs'"
            )
        ]
print(json.dumps({
    "spec": repr(FIELD_BY_NAME.get("decision")),
    "query_field": QUERY_FIELDS["ruling"].name,
    "whoosh": sorted(build_schema().names()),
    "record": list(parse_file(record).decision),
    "hits": [hit["id"] for hit in found["hits"]],
    "facet": found["facets"],
    "json": shown,
    "csv": run("ruling:approved", "--index", index, "--format", "csv", "--fields", "id,decision"),
    "jsonl": run("ruling:approved", "--index", index, "--format", "jsonl", "--fields", "ruling"),
    "array_columns": list(ARRAY_COLUMNS),
    "version": SCHEMA_VERSION,
    "columns": columns,
}))
"""


def _pages(tmp_path: Path) -> Path:
    """A folder with the current-site page, given a "Decision" label."""
    source = tmp_path / "pages"
    source.mkdir()
    html = PAGE.read_text(encoding="utf-8")
    marker = '<div class="information-block"><div class="sub-title">Record ID</div>'
    assert marker in html
    (source / PAGE.name).write_text(html.replace(marker, BLOCK + marker), encoding="utf-8")
    return source


def _run(tmp_path: Path, index: str, source: Path | None = None) -> dict:
    """What ``_SCRIPT`` prints, the Record given the new field, of an index of the pages."""
    source = source or _pages(tmp_path)
    record_source = (ROOT / "searcher" / "record.py").read_text(encoding="utf-8")
    assert ANCHOR in record_source and "decision" not in record_source
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, FIELD, ANCHOR, str(source), index],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SEARCHER_DEBUG": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def _check_everywhere(out: dict) -> None:
    assert "kind='keyword'" in out["spec"] and "alias='ruling'" in out["spec"]
    assert out["query_field"] == "decision"
    assert out["record"] == ["Approved by the Politburo"]  # read from its label, copied by name
    assert out["hits"] == ["900020"]
    assert {"value": "Approved by the Politburo", "count": 1} in [
        {"value": v["value"], "count": v["count"]} for v in out["facet"]["ruling"]
    ]
    assert out["json"][0]["decision"] == ["Approved by the Politburo"]
    assert out["csv"].splitlines() == ["id,decision", "900020,Approved by the Politburo"]
    assert json.loads(out["jsonl"]) == {"ruling": ["Approved by the Politburo"]}
    assert "decision" in out["array_columns"]


def test_a_new_field_reaches_the_embedded_index_and_the_outputs(tmp_path: Path) -> None:
    out = _run(tmp_path, str(tmp_path / "index"))
    assert {"decision", "decision_w"} <= set(out["whoosh"])
    _check_everywhere(out)


@pg_support.needs_server
def test_a_new_field_is_a_column_of_the_postgresql_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = pg_support.fresh_database(pg_support.single(), "searcher_field_declared")
    source = _pages(tmp_path)
    status, _, err = cli_support.run(capsys, "rebuild", "--source", str(source), "--index", url)
    assert status == 0, err
    # an index of the fields as they were: a plain rebuild with the new field rebuilds it
    out = _run(tmp_path, url, source)
    assert "decision" in out["columns"]
    _check_everywhere(out)
    # and an index of the new field is one this version refuses to read, asking for a rebuild
    from searcher.engine.postgres.schema import SCHEMA_VERSION

    assert out["version"] != SCHEMA_VERSION
    status, _, err = cli_support.run(capsys, "stats", "--index", url)
    assert status != 0 and "rebuild --full" in err, err


def test_the_postgresql_schema_version_follows_the_fields() -> None:
    from searcher.engine.postgres import schema

    assert schema.SCHEMA_VERSION.startswith(schema.REVISION + ".")
    assert schema.schema_version() == schema.SCHEMA_VERSION
