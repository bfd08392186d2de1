"""The index folder: generations, the pointer to the live one, the build lock.

Layout of an index location::

    index/CURRENT          name of the live generation (replaced atomically)
    index/gen-000007/      a complete Whoosh index plus build.json
    index/.lock            held (fcntl) by the one running rebuild

A rebuild writes a new generation beside the live one and only then replaces CURRENT,
so an interrupted or killed rebuild leaves the previous generation live.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
from pathlib import Path
from typing import IO, Any

from searcher import checkpoint
from searcher.errors import (
    IndexBusyError,
    IndexFormatError,
    IndexMissingError,
    SearcherError,
    StorageError,
)

POINTER = "CURRENT"
LOCK = ".lock"
META = "build.json"
#: What the build saw of each page file (size, times, inode, hash): see ``searcher.build``.
STAMPS = "files.json"
#: What the index remembers of each page, to find a document's copies (see ``regroup``).
PAGES = "pages.json"
#: What a generation's records hold and mean; one written with another must be rebuilt.
#: 2: one record per document (copies merged, ``copies``), stale records kept, ids from
#: the archive's record id or the page's path with its folders.  3: the embedded engine's
#: classes, which the index's table of contents names, are in ``searcher.engine.whoosh``.
FORMAT = 3
_PREFIX = "gen-"


def current(root: Path) -> Path | None:
    """The live generation folder, or None when there is none."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageError(f"cannot read {root / POINTER}: {exc.strerror}") from None
    return root / name if name else None


def pointer_stamp(root: Path) -> tuple[int, int] | None:
    """A cheap fingerprint of CURRENT that changes when a rebuild publishes."""
    try:
        st = os.stat(root / POINTER)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)


def next_generation(root: Path) -> Path:
    numbers = [
        int(p.name[len(_PREFIX) :])
        for p in root.iterdir()
        if p.name.startswith(_PREFIX) and p.name[len(_PREFIX) :].isdigit()
    ]
    path = root / f"{_PREFIX}{max(numbers, default=0) + 1:06d}"
    path.mkdir()
    return path


def clone(source: Path, target: Path) -> None:
    """Give ``target`` the files of ``source``: hard links (Whoosh never rewrites a segment
    file), copies where links are not possible."""
    for item in source.iterdir():
        if item.name == META or item.name.endswith("WRITELOCK") or not item.is_file():
            continue
        try:
            os.link(item, target / item.name)
        except OSError:
            shutil.copy2(item, target / item.name)


def publish(root: Path, generation: Path) -> None:
    """Make ``generation`` live: write the pointer beside CURRENT, fsync, rename over it."""
    _fsync_tree(generation)
    temp = root / f"{POINTER}.{os.getpid()}.tmp"
    with open(temp, "w", encoding="utf-8") as fh:
        fh.write(generation.name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    checkpoint.step("publishing")
    os.replace(temp, root / POINTER)
    checkpoint.step("published")
    _fsync_dir(root)


def leftovers(root: Path) -> list[Path]:
    """Everything a previous rebuild left behind: generations other than the live one,
    temporary pointer files."""
    live = current(root)
    out = []
    for item in sorted(root.iterdir()):
        stale_generation = item.name.startswith(_PREFIX) and item.is_dir() and item != live
        temp = item.name.startswith(f"{POINTER}.") and item.name.endswith(".tmp")
        if stale_generation or temp:
            out.append(item)
    return out


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def read_meta(generation: Path, name: str = META) -> dict[str, Any]:
    try:
        return json.loads((generation / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_meta(generation: Path, meta: dict[str, Any], name: str = META) -> None:
    """Write a file of the generation anew (never through a link a clone shares with the
    generation before it)."""
    indent = 1 if name == META else None  # the build's summary is for people to read too
    target = generation / name
    temp = generation / f"{name}.{os.getpid()}.tmp"
    temp.write_text(json.dumps(meta, ensure_ascii=False, indent=indent), "utf-8")
    os.replace(temp, target)


def outdated(generation: Path) -> bool:
    """Whether the generation was written in another :data:`FORMAT` than this version's."""
    return read_meta(generation).get("format", 1) != FORMAT


def older_format(root: Path) -> SearcherError:
    """The error for an index written by another version of searcher."""
    return IndexFormatError(
        f"index at {root} was written by an older version of searcher: run `search rebuild`"
        " or `search rebuild --full` (either rebuilds it in full)"
    )


def not_a_folder(root: Path, *, create: bool) -> SearcherError:
    """The error for an index location that is a file: not an index, and not replaced."""
    if create:
        return StorageError(
            f"index path {root} is a file, not an index folder: it is left as it is;"
            " give --index a folder"
        )
    return IndexMissingError(f"no index at {root}: it is a file, not an index folder")


def size_on_disk(path: Path) -> int:
    total = 0
    for item in path.rglob("*"):
        with contextlib.suppress(OSError):
            if item.is_file():
                total += item.stat().st_size
    return total


def acquire_lock(root: Path, *, wait: bool) -> IO[str]:
    """Hold the build lock of ``root`` (released when the returned file is closed)."""
    fh = open(root / LOCK, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        fh.close()
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            raise IndexBusyError(
                f"another rebuild is running on {root} (wait for it, or use --wait)"
            ) from None
        raise
    return fh


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for item in path.iterdir():
        if item.is_file():
            fd = os.open(item, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(path)
