"""A page that stops mid-way is indexed as far as it goes, and the rebuild names it: in its
summary, its JSON and on stderr, whether the pages are parsed here or by worker processes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import searcher.build
from searcher import Archive
from searcher.cli import main

DUMPS = Path(__file__).parents[1] / "data" / "real-dumps"
#: A classic old-site dump cut at 2,000 bytes mid-sentence, and the whole seed page.
CUT = "04-meeting-stalin-kim-il-sung-1949.txt"
SEED = Path(__file__).parents[2] / "raw_html" / "text" / "seed-page-mao-to-filippov-1951-11-14.txt"


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(DUMPS / CUT, folder / CUT)
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_the_rebuild_names_a_partial_page(source, tmp_path, capsys):
    with pytest.raises(SystemExit) as status:
        main(["rebuild", "--source", str(source), "--index", str(tmp_path / "ix")])
    out, err = capsys.readouterr()
    assert status.value.code == 0
    assert "(1 partial)" in out
    assert f"{CUT}: partial, indexed as far as it goes (the text stops mid-sentence)" in err
    assert SEED.name not in err
    with Archive.open(tmp_path / "ix") as archive:
        kept = {r.path: r.partial for r in archive.iter_records()}
    assert kept == {CUT: True, SEED.name: False}


@pytest.mark.parametrize("workers", [1, 2])
def test_the_json_summary_lists_partial_pages(source, tmp_path, capsys, monkeypatch, workers):
    # two workers parse and index their shares themselves once there are enough pages
    monkeypatch.setattr(searcher.build, "PARALLEL_FROM", 2)
    args = ["rebuild", "--source", str(source), "--index", str(tmp_path / "ix")]
    with pytest.raises(SystemExit):
        main([*args, "--workers", str(workers), "--format", "json", "--quiet"])
    summary = json.loads(capsys.readouterr().out)
    assert summary["indexed"] == 2
    assert summary["partial"] == [{"path": CUT, "reason": "the text stops mid-sentence"}]
