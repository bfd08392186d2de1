"""Readers' hold on generations, so that a rebuild never removes one that is being read.

A process reading a generation holds a shared lock (``flock``) on the generation's file
in ``index/.readers/``.  A generation retired by a rebuild (older than the live one) is
removed only by whoever gets that lock exclusively without waiting: the rebuild that
retires it, the next one, or the last reader to let go of it.  The remover renames the
folder away and unlinks the lock file while it holds the lock, so a reader that locks a
generation and then finds its folder still there may read it to the end.

Within a process a :class:`Lease` counts the users of one open generation (the engine
while it is the live one there, and each unfinished iterator), so that the engine moving
on to a newer generation does not close a reader an iterator still reads from.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from searcher.engine import store
from searcher.errors import SearcherError

READERS = ".readers"
#: Generations being removed are renamed to this prefix first (and swept if left).
_TRASH = ".removing-"
#: Times a reader reads CURRENT again when the generation it named was just removed.
ATTEMPTS = 5


class Hold:
    """A shared lock on one generation, for as long as this process reads it."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None


def hold(root: Path, generation: Path) -> Hold | None:
    """Hold ``generation`` against removal; None when it is gone (removed meanwhile)."""
    lock = root / READERS / generation.name
    try:
        lock.parent.mkdir(exist_ok=True)
        fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o666)
    except OSError:
        # a read-only index: nobody can remove its generations either
        return Hold(None) if generation.is_dir() else None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)  # a remover holds it only to rename and unlink
        if generation.is_dir():
            return Hold(fd)
    except BaseException:
        os.close(fd)
        raise
    os.close(fd)
    with contextlib.suppress(OSError):
        _unlink_if_unheld(lock)
    return None


def hold_current(root: Path) -> tuple[Path | None, Hold | None]:
    """The live generation and a hold on it (reading CURRENT again while the generation it
    names is removed under us); (path, None) when it cannot be held, (None, None) when
    there is no index."""
    path = None
    for _ in range(ATTEMPTS):
        path = store.current(root)
        if path is None:
            return None, None
        held = hold(root, path)
        if held is not None:
            return path, held
    return path, None


def remove_unheld(root: Path, generation: Path) -> bool:
    """Remove a retired generation unless a reader holds it; True when removed."""
    lock = root / READERS / generation.name
    try:
        lock.parent.mkdir(exist_ok=True)
        fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o666)
    except OSError:
        return False
    trash = root / f"{_TRASH}{generation.name}.{os.getpid()}"
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # read by some process: the last reader, or a later sweep, removes it
        try:
            os.rename(generation, trash)
        except FileNotFoundError:
            trash = None  # removed by another
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
    finally:
        os.close(fd)
    if trash is not None:
        shutil.rmtree(trash, ignore_errors=True)
    return trash is not None


def retired(root: Path, generation: Path) -> bool:
    """Whether ``generation`` is older than the live one (and so no longer read anew)."""
    with contextlib.suppress(OSError, SearcherError):
        live = store.current(root)
        return live is not None and generation.name < live.name
    return False


def sweep(root: Path) -> None:
    """Remove the retired generations no reader holds, and what removals left behind."""
    live = store.current(root)
    if live is None:
        return
    for item in sorted(root.iterdir()):
        if item.name.startswith(_TRASH):
            shutil.rmtree(item, ignore_errors=True)
        elif item.name.startswith("gen-") and item.name < live.name and item.is_dir():
            remove_unheld(root, item)
    readers = root / READERS
    if readers.is_dir():
        for lock in readers.iterdir():
            if not (root / lock.name).exists():
                with contextlib.suppress(OSError):
                    _unlink_if_unheld(lock)


def _unlink_if_unheld(lock: Path) -> None:
    """Unlink the lock file of a generation that is gone, unless a reader holds it."""
    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        lock.unlink()
    except BlockingIOError:
        pass
    finally:
        os.close(fd)


class Lease:
    """This process's users of one open generation; the last to let go closes its reader,
    releases the hold and, when the generation is retired, removes it unless another
    process holds it.  Callers serialise acquire/release (the engine's lock)."""

    def __init__(self, root: Path, path: Path, held: Hold, close: Callable[[], None]) -> None:
        self.root = root
        self.path = path
        self.users = 1
        self._held = held
        self._close = close

    def acquire(self) -> None:
        self.users += 1

    def release(self) -> None:
        self.users -= 1
        if self.users:
            return
        try:
            self._close()
        finally:
            self._held.release()
        if retired(self.root, self.path):
            with contextlib.suppress(OSError):
                remove_unheld(self.root, self.path)
