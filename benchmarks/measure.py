"""Timing, CPU, memory and size measurements, each build and query run in its own process.

The parent starts ``python -m benchmarks.measure build|queries ...`` and reads one JSON line
back; wall time is taken inside the child around the work itself, CPU time and peak RSS from
the child's resource usage (its own children included), and the peak RSS of the whole process
tree by sampling /proc while it runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def du(path: Path) -> int:
    """Bytes a folder (or file) takes on disk, as ``du`` counts them."""
    if path.is_file():
        return path.stat().st_blocks * 512
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.stat(os.path.join(folder, name)).st_blocks * 512
    return total


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every process below it."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    stat = fh.read()
            except OSError:
                continue
            parents[int(entry)] = int(stat[stat.rindex(b")") + 2 :].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * page
        except OSError:
            pass
    return total


def run_child(args: list[str], *, sample: bool = True) -> dict[str, Any]:
    """Run ``python -m benchmarks.measure ARGS``; its JSON answer plus CPU and memory use."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.measure", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    peak = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    watcher = threading.Thread(target=watch, daemon=True)
    if sample:
        watcher.start()
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark step {' '.join(args)} failed ({proc.returncode})")
    answer = json.loads(out.strip().splitlines()[-1])
    answer["cpu"] = usage.ru_utime + usage.ru_stime
    answer["max_rss"] = usage.ru_maxrss * 1024
    answer["tree_rss"] = peak[0]
    return answer


def build(system: str, source: Path, index: Path, *, full: bool = True) -> dict[str, Any]:
    """One build of ``system`` in a fresh process."""
    args = ["build", system, str(source), str(index)]
    return run_child(args if full else [*args, "--incremental"])


def queries(indexes: dict[str, Path], classes: list[str], count: int) -> dict[str, Any]:
    """Per-system, per-class latency (p50/p95, seconds) and mean hit count, the systems
    taking turns in one process (see ``_child_queries``)."""
    where = ",".join(f"{system}={index}" for system, index in indexes.items())
    return run_child(["queries", where, ",".join(classes), str(count)], sample=False)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timed(args: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    return time.perf_counter() - start


def cold_cli(index: Path, texts: dict[str, list[str]]) -> dict[str, float]:
    """Median wall time of a whole ``search query`` process for each kind of query in
    ``texts`` (as many of each), and of ``python3 -c pass`` (key ``python``).

    As on a user's machine, compiled modules are cached (PYTHONDONTWRITEBYTECODE, if set
    here, is dropped) and the first, caching run of each kind is not counted. They all
    alternate, so a machine that slows down or speeds up meanwhile weighs on each alike.
    """
    script = Path(sys.executable).with_name("search")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "searcher"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for listed in texts.values():
        _timed([*command, "query", listed[0], "--index", str(index)], env)
    times: dict[str, list[float]] = {kind: [] for kind in ("python", *texts)}
    for turn in zip(*texts.values(), strict=True):
        times["python"].append(_timed([sys.executable, "-c", "pass"], env))
        for kind, text in zip(texts, turn, strict=True):
            times[kind].append(_timed([*command, "query", text, "--index", str(index)], env))
    return {kind: statistics.median(taken) for kind, taken in times.items()}


# --------------------------------------------------------------------------- child side


def _child_build(system: str, source: str, index: str, incremental: bool) -> dict[str, Any]:
    from benchmarks.systems import BUILDERS

    builder = BUILDERS[system]
    start = time.perf_counter()
    if system == "searcher":
        result = builder(Path(source), Path(index), full=not incremental)
    else:
        result = builder(Path(source), Path(index))
    return {"wall": time.perf_counter() - start, "result": result}


#: Queries a system answers in a row before the next system takes its turn.
TURN = 20


def _child_queries(indexes: str, classes: str, count: int) -> dict[str, Any]:
    """The systems named ``system=index`` in ``indexes`` answer ``classes`` in turns."""
    from benchmarks.systems import OPENERS

    runs = {}
    for item in indexes.split(","):
        system, index = item.split("=", 1)
        runs[system] = OPENERS[system](Path(index))
    answer = take_turns(runs, classes.split(","), count)
    for system in runs:
        for kind in answer["classes"][system].values():
            del kind["totals"]
    return answer


def take_turns(runs: dict[str, Any], classes: list[str], count: int) -> dict[str, Any]:
    """p50/p95 (seconds), mean hits and every query's total, per system and class.

    The systems take turns, ``TURN`` queries at a time, the first to go changing from
    turn to turn: a machine that slows down or speeds up meanwhile weighs on all alike (one
    system's 200 queries after another's made the ratios swing by a quarter between runs),
    and each system still answers a run of queries with its caches warm, as one does
    alone (a query at a time in turn made FTS5's 1 ms queries twice as slow)."""
    from benchmarks.queries import draw
    from benchmarks.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    order = list(runs)
    out: dict[str, dict[str, Any]] = {system: {} for system in runs}
    for kind in classes:
        batch = draw(vocab, kind, count)
        times: dict[str, list[float]] = {system: [] for system in runs}
        hits: dict[str, list[int]] = {system: [] for system in runs}
        for turn, first in enumerate(range(0, len(batch), TURN)):
            shift = turn % len(order)
            for system in order[shift:] + order[:shift]:
                run = runs[system]
                if turn == 0:  # warm the caches a long-lived process would have
                    for q in batch[:10]:
                        run(q)
                for i in range(first, min(first + TURN, len(batch))):
                    start = time.perf_counter()
                    hits[system].append((i, run(batch[i])))
                    times[system].append(time.perf_counter() - start)
        for system in runs:
            totals = [n for _, n in sorted(hits[system])]
            out[system][kind] = {
                "p50": percentile(times[system], 0.5),
                "p95": percentile(times[system], 0.95),
                "hits": statistics.mean(totals),
                "totals": totals,
            }
    return {"classes": out}


def main(argv: list[str]) -> None:
    step, *rest = argv
    if step == "build":
        system, source, index, *flags = rest
        answer = _child_build(system, source, index, "--incremental" in flags)
    elif step == "queries":
        indexes, classes, count = rest
        answer = _child_queries(indexes, classes, int(count))
    else:
        raise SystemExit(f"unknown step {step!r}")
    print(json.dumps(answer))


if __name__ == "__main__":
    main(sys.argv[1:])
