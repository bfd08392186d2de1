"""Disk full or a read-only index folder: a clear error (status 5) and the previous index.

Tests run as root in CI, where a read-only mode bit stops nothing, so the file system's
refusals are injected (OSError with the real errno); where mounting is allowed, a tiny
tmpfs gives a real full disk and a real read-only folder as well.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from reliability_support import generations, invoke, make_corpus, marker_page, total
from whoosh.filedb.filestore import FileStorage

from searcher.engine import store

OLD, NEW = "oldmarkerzq", "newmarkerzq"


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, Path]:
    old, new, index = tmp_path / "old", tmp_path / "new", tmp_path / "index"
    marker_page(old, OLD)
    marker_page(new, NEW)
    marker_page(new, "othermarkerzq", "other.html")
    assert invoke("rebuild", "--source", str(old), "--index", str(index)).returncode == 0
    return old, new, index


def refuse(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


def assert_previous_and_clean(index: Path) -> None:
    assert (total(index, OLD), total(index, NEW)) == (1, 0)
    assert [g.name for g in generations(index)] == ["gen-000001"], "the partial one is removed"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EDQUOT])
@pytest.mark.parametrize("stage", ["start", "segment", "swap"])
def test_refused_writes_give_a_clear_error_and_keep_the_index(built, monkeypatch, stage, code):
    _, new, index = built
    if stage == "start":
        monkeypatch.setattr(store, "next_generation", refuse(code))
    elif stage == "segment":
        create = FileStorage.create_file

        def create_file(self, name, *args, **kwargs):
            if name.endswith((".seg", ".col", ".pst")):
                raise OSError(code, os.strerror(code))
            return create(self, name, *args, **kwargs)

        monkeypatch.setattr(FileStorage, "create_file", create_file)
    else:
        monkeypatch.setattr(store, "publish", refuse(code))
    done = invoke("rebuild", "--source", str(new), "--index", str(index), "--full")
    assert done.returncode == 5, (done.stdout, done.stderr)
    assert os.strerror(code) in done.stderr and str(index) in done.stderr
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    monkeypatch.undo()
    assert_previous_and_clean(index)
    assert invoke("rebuild", "--source", str(new), "--index", str(index)).returncode == 0
    assert total(index, NEW) == 1


def test_unreadable_index_is_a_file_system_error(built, monkeypatch):
    _, _, index = built
    monkeypatch.setattr(store, "current", refuse(errno.EACCES))
    done = invoke("query", OLD, "--index", str(index))
    assert done.returncode == 5 and os.strerror(errno.EACCES) in done.stderr, done.stderr


def _mount(point: Path, *options: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    point.mkdir(exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(point)],
        capture_output=True,
    )
    return done.returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path):
    point = tmp_path / "disk"
    if not _mount(point, "size=1200k"):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights)")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_real_full_disk_and_read_only_folder(tiny_disk: Path, tmp_path: Path):
    old, big, index = tmp_path / "old", tmp_path / "big", tiny_disk / "index"
    marker_page(old, OLD)
    make_corpus(big, 2, NEW)
    assert invoke("rebuild", "--source", str(old), "--index", str(index)).returncode == 0
    full = invoke("rebuild", "--source", str(big), "--index", str(index), "--full", "-q")
    assert full.returncode == 5, (full.stdout, full.stderr)
    assert "No space left on device" in full.stderr
    assert_previous_and_clean(index)

    remount = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], capture_output=True)
    if remount.returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only")
    assert total(index, OLD) == 1, "a read-only index still answers"
    assert invoke("query", OLD, "--index", str(index)).returncode == 0
    refused = invoke("rebuild", "--source", str(old), "--index", str(index))
    assert refused.returncode == 5
    assert "Read-only file system" in refused.stderr, refused.stderr
