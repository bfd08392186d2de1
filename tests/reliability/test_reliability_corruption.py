"""A damaged index is reported as damaged, with the way out, and never answers wrongly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_support import copy_tree, invoke, live, make_corpus, run, total

WORD = "oldmarkerzq"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("corrupt")
    make_corpus(base / "pages", 1, WORD, every=6)
    done = run("rebuild", "--source", str(base / "pages"), "--index", str(base / "index"), "-q")
    assert done.returncode == 0, done.stderr
    return base / "pages", base / "index"


def _segment(index: Path) -> Path:
    """A segment's file: the compound file, or the term table of a segment kept in parts."""
    folder = live(index)
    return next(folder.glob("*.seg"), None) or next(folder.glob("*.trm"))


def _toc(index: Path) -> Path:
    return next(live(index).glob("_*.toc"))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


DAMAGE: dict[str, Callable[[Path], None]] = {
    "segment truncated": lambda index: _truncate(_segment(index)),
    "segment deleted": lambda index: _segment(index).unlink(),
    "segment emptied": lambda index: _segment(index).write_bytes(b""),
    "table of contents truncated": lambda index: _truncate(_toc(index)),
    "table of contents deleted": lambda index: _toc(index).unlink(),
    "live generation deleted": lambda index: [p.unlink() for p in live(index).iterdir()],
    "pointer to a missing generation": lambda index: (index / "CURRENT").write_text("gen-9\n"),
    "pointer out of the index folder": lambda index: (index / "CURRENT").write_text("../x\n"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_index_says_so_and_how_to_repair(built, tmp_path, damage):
    pages, source = built
    index = tmp_path / "index"
    copy_tree(source, index)
    DAMAGE[damage](index)
    for command in (["query", WORD], ["query", "telegram", "--facet", "sender"], ["stats"]):
        done = invoke(*command, "--index", str(index))
        assert done.returncode == 3, (command, done.stdout, done.stderr)
        assert "damaged" in done.stderr and "search rebuild --full" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert WORD not in done.stdout, "no answer from a damaged index"
    repaired = invoke("rebuild", "--source", str(pages), "--index", str(index), "--full", "-q")
    assert repaired.returncode == 0, repaired.stderr
    assert total(index, WORD) == 1
    assert total(index, "") == total(source, "")


def test_incremental_rebuild_of_a_damaged_index_repairs_or_says_full(built, tmp_path):
    pages, source = built
    index = tmp_path / "index"
    copy_tree(source, index)
    _truncate(_segment(index))
    done = invoke("rebuild", "--source", str(pages), "--index", str(index), "-q")
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    if done.returncode == 0:
        assert total(index, WORD) == 1 and total(index, "") == total(source, "")
    else:
        assert done.returncode == 3 and "search rebuild --full" in done.stderr


def test_missing_index_is_not_called_damaged(tmp_path):
    done = invoke("query", WORD, "--index", str(tmp_path / "nowhere"))
    assert done.returncode == 3
    assert "no index" in done.stderr and "search rebuild" in done.stderr
