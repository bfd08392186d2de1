"""The cite, kwic, timeline and similar commands: output formats and exit statuses."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
import rispy
from cli_support import run

import searcher.cli.research as research
from searcher.record import Record

MAO = Record(
    id="119377",
    title="Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde. Filippov [Stalin]",
    date="November 14, 1951",
    date_start=date(1951, 11, 14),
    date_end=date(1951, 11, 14),
    date_precision="day",
    sender=("Mao Zedong",),
    recipient=("Stalin",),
    url="https://digitalarchive.wilsoncenter.org/document/119377",
    source="APRF, f. 45, op. 1, d. 342, ll. 16-19. Translated by Gary Goldberg.",
    body="The main question in the negotiations is the determination of the demarcation line."
    " We agree to set aside the question of the 38th parallel as the demarcation line.",
)
ZHOU = Record(
    id="114",
    title="Ciphered telegram, Zhou Enlai to Filippov [Stalin]",
    date="November 17, 1950",
    date_start=date(1950, 11, 17),
    date_end=date(1950, 11, 17),
    date_precision="day",
    sender=("Zhou Enlai",),
    recipient=("Stalin",),
    body="On the armistice negotiations and the demarcation line in Korea.",
)
LIU = Record(
    id="1949-liu",
    title="Liu Shaoqi to Cde. G.M. Malenkov",
    date="August 1949",
    date_start=date(1949, 8, 1),
    date_end=date(1949, 8, 31),
    date_precision="month",
    sender=("Liu Shaoqi",),
    recipient=("Malenkov",),
    body="On the negotiations over Xinjiang.",
)
NOTE = Record(id="raw/note.html", title="Undated note", body="Negotiations will be long.")
RECORDS = (MAO, ZHOU, LIU, NOTE)


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> str:
    """A real index of the records above, built through the engine as a rebuild builds it."""
    from searcher.engine import open_engine

    location = tmp_path_factory.mktemp("research") / "index"
    engine = open_engine(location, create=True)
    build = engine.begin_build(True)
    build.add(replace(r, path=f"{r.id}.html", content_hash=r.id) for r in RECORDS)
    build.commit({"indexed": len(RECORDS)})
    engine.close()
    return str(location)


@pytest.fixture(autouse=True)
def searched(index, monkeypatch):
    """Every command below reads that index (as with ``--index``)."""
    monkeypatch.setenv("SEARCHER_INDEX", index)


def test_cite_chicago(capsys):
    status, out, _ = run(capsys, "cite", "119377", "--accessed", "2026-11-27")
    assert status == 0
    assert out.startswith('"Ciphered Telegram No. 25902 from Beijing, Mao Zedong to Cde.')
    assert "November 14, 1951, translated by Gary Goldberg, APRF, f. 45" in out
    assert out.rstrip().endswith("accessed November 27, 2026.")


def test_cite_ris_of_several(capsys):
    status, out, _ = run(capsys, "cite", "119377", "1949-liu", "--style", "ris")
    assert status == 0
    entries = rispy.loads(out)
    assert [e["title"] for e in entries] == [MAO.title, LIU.title]
    assert entries[1]["date"] == "1949/08"


def test_cite_unknown_id_prints_the_others_and_fails(capsys, index):
    status, out, err = run(capsys, "cite", "119377", "nope", "--style", "csl-json")
    assert status == 1
    assert json.loads(out)[0]["id"] == "119377"
    assert err.strip() == f"search: no document with id nope in {index}"


def test_cite_bad_access_date_is_a_usage_error(capsys):
    status, _, err = run(capsys, "cite", "119377", "--accessed", "27/11/2026")
    assert status == 2 and "YYYY-MM-DD" in err


def test_kwic_text_is_aligned(capsys):
    status, out, _ = run(capsys, "kwic", "demarcation line", "--width", "30")
    assert status == 0
    rows = out.splitlines()
    assert len(rows) == 3
    columns = {row.lower().index("demarcation line", 30) for row in rows}
    assert len(columns) == 1
    assert any(re.match(r"114 +1950-11-17 +Zhou Enlai ", row) for row in rows)


def test_kwic_csv_sorted_by_date(capsys):
    status, out, _ = run(capsys, "kwic", "negotiations", "--format", "csv", "--sort", "date")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["1949-liu", "114", "119377", "raw/note.html"]
    assert rows[0]["date"] == "1949-08" and rows[-1]["date"] == "n.d."


def test_kwic_nothing_found(capsys):
    status, out, err = run(capsys, "kwic", "friendship treaty")
    assert status == 1 and out == "" and "no occurrence" in err


def test_timeline_json_counts_sum_to_matches(capsys, index):
    status, out, _ = run(capsys, "timeline", "negotiations", "--format", "json")
    assert status == 0
    data = json.loads(out)
    from searcher import Archive

    with Archive.open(index) as archive:
        matches = list(archive.iter_records("negotiations"))
    assert sum(b["count"] for b in data["buckets"]) + data["undated"] == len(matches) == 4
    assert [b["period"] for b in data["buckets"]] == ["1949", "1950", "1951"]
    assert data["undated"] == 1


def test_timeline_by_month_text(capsys):
    status, out, _ = run(capsys, "timeline", "--by", "month")
    assert status == 0
    assert out.splitlines()[0].startswith("1949-08 1 █")
    assert "4 documents; 1 undated" in out


def test_timeline_plot(capsys, tmp_path):
    """--plot draws a real PNG (matplotlib is in the test extra: this never skips)."""
    from matplotlib.image import imread

    path = tmp_path / "t.png"
    status, _, err = run(capsys, "timeline", "demarcation", "--plot", str(path))
    assert status == 0 and f"drew {path}" in err
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    height, width, _ = imread(path).shape  # decodes whole
    assert width >= 200 and height >= 100


def test_similar(capsys):
    status, out, _ = run(capsys, "similar", "119377", "--format", "json")
    assert status == 0
    ids = [h["id"] for h in json.loads(out)["hits"]]
    # the Zhou telegram shares "demarcation line" and "negotiations", the others less
    assert "119377" not in ids and ids[0] == "114"
    assert set(ids) <= {"114", "1949-liu", "raw/note.html"}
    status, _, err = run(capsys, "similar", "nope")
    assert status == 1 and "no document with id nope" in err


# --- on a real index of the shipped sample pages ----------------------------------------


@pytest.fixture
def real_archive(raw_html_index, monkeypatch):
    from searcher import Archive

    monkeypatch.setattr(research, "open_archive", Archive.open)
    with Archive.open(raw_html_index) as archive:
        yield archive


def test_timeline_matches_the_year_facet(real_archive, capsys):
    status, out, _ = run(capsys, "timeline", "--index", real_archive.location, "--format", "json")
    assert status in (0, 1)
    data = json.loads(out)
    counted = {b["period"]: b["count"] for b in data["buckets"] if b["count"]}
    facet = {c.value: c.count for c in real_archive.facets("year")}
    assert counted == facet
    assert data["total"] == sum(1 for _ in real_archive.iter_records(""))


def test_every_sample_page_cites_as_ris(real_archive, capsys):
    records = list(real_archive.iter_records(""))
    status, out, _ = run(
        capsys, "cite", *[r.id for r in records], "--index", real_archive.location, "--style",
        "ris",
    )  # fmt: skip
    assert status == 0
    entries = rispy.loads(out)
    assert Counter(e["title"] for e in entries) == Counter(r.title or r.id for r in records)
