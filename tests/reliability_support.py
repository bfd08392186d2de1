"""Helpers for the reliability tests: corpora big enough to interrupt, and the real CLI."""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_HTML = ROOT / "raw_html"
#: The command line, run as users run it (``search ...``), from this checkout.
SEARCH = [sys.executable, "-m", "searcher"]

MARKER_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1 class="title">{title}</h1>
<div class="date">March 3, 1953</div>
<p>{word} appears in this telegram about the armistice negotiations.</p>
</body></html>
"""


def env() -> dict[str, str]:
    """The environment for a CLI child: this checkout importable, no colour, no debug."""
    out = {k: v for k, v in os.environ.items() if k not in ("SEARCHER_DEBUG", "NO_COLOR")}
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    out["NO_COLOR"] = "1"
    out["PYTHONUNBUFFERED"] = "1"
    return out


def sample_pages() -> list[Path]:
    """The shipped sample pages (empty when raw_html/ is absent)."""
    from searcher.ingest import is_page

    if not RAW_HTML.is_dir():
        return []
    return sorted(p for p in RAW_HTML.rglob("*") if p.is_file() and is_page(p))


def marker_page(folder: Path, word: str, name: str = "marker.html") -> Path:
    """A small page whose body holds ``word`` (a token found nowhere else)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(MARKER_PAGE.format(title=f"Telegram about {word}", word=word), "utf-8")
    return path


def _distinct(data: bytes, name: str, stamp: str) -> bytes:
    """The page's bytes changed harmlessly so that its content hash is new."""
    tail = f"\n<!-- copy {stamp} -->\n".encode()
    if name.endswith(".gz"):
        return gzip.compress(gzip.decompress(data) + tail, mtime=0)
    return data + tail


def make_corpus(dest: Path, copies: int, marker: str | None = None, every: int = 1) -> int:
    """``copies`` copies of the sample pages (every ``every``-th one) under ``dest``, each
    copy's bytes distinct, plus a marker page; returns how many pages were written."""
    pages = sample_pages()[::every]
    count = 0
    for k in range(copies):
        for page in pages:
            rel = page.relative_to(RAW_HTML)
            target = dest / f"copy{k:03d}" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_distinct(page.read_bytes(), page.name, f"{k}"))
            count += 1
    if marker:
        marker_page(dest, marker)
        count += 1
    return count


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``search ARGS`` to the end."""
    return subprocess.run(
        [*SEARCH, *args], capture_output=True, text=True, env=env(), timeout=timeout
    )


def start(*args: str) -> subprocess.Popen[str]:
    """Start ``search ARGS`` in a process group of its own (so its workers can be reached)."""
    return subprocess.Popen(
        [*SEARCH, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
        start_new_session=True,
    )


def reap(proc: subprocess.Popen[str]) -> None:
    """Make sure ``proc`` and any worker it left in its group are gone."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):  # a stuck child is already killed
        proc.communicate(timeout=30)


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.005) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return condition()


def generations(index: Path) -> list[Path]:
    return sorted(p for p in index.iterdir() if p.name.startswith("gen-")) if index.is_dir() else []


def live(index: Path) -> Path | None:
    from searcher.engine import store

    return store.current(index)


def total(index: Path, query: str) -> int:
    """How many documents ``query`` finds, asked through the Python API."""
    from searcher import Archive

    with Archive.open(index) as archive:
        return archive.search(query, limit=1, snippets=False).total


def copy_tree(source: Path, dest: Path) -> None:
    shutil.copytree(source, dest, symlinks=True)


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, read from /proc (Linux)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[2]) == pgid:
            out.append(int(entry.name))
    return out


def new_files(index: Path, before: set[str]) -> set[str]:
    """Names of files in generations newer than the live one that were not there before."""
    current = live(index)
    names: set[str] = set()
    for gen in generations(index):
        if current is not None and gen.name <= current.name:
            continue
        try:
            names.update(f.name for f in gen.iterdir())
        except FileNotFoundError:
            continue
    return names - before


def invoke(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``search ARGS`` inside this process (quicker than a child; same exit statuses)."""
    import contextlib
    import io

    from searcher.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
    return subprocess.CompletedProcess(["search", *args], code, out.getvalue(), err.getvalue())
