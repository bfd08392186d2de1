"""Where rebuild and query time goes, stage by stage, on generated pages.

``python -m benchmarks.profile_build --pages 2000`` times, in one process:

- parse: ``searcher.ingest.parse_file`` per page (single process);
- prepare: Record -> the engine's document (``Build.preparer``);
- add and commit: the engine's writer, on the prepared documents;
- rebuild: ``searcher.build.rebuild`` end to end (worker processes), then again with
  nothing changed;
- queries: p50/p95 per benchmark query class through ``Archive.search``.

``--profile stage`` (parse, prepare, add, commit or query) prints the top of a cProfile of
that stage instead of hiding where its time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import shutil
import sys
import time
from contextlib import nullcontext, suppress
from pathlib import Path
from typing import Any

from benchmarks.generate import CACHE, ensure_pages
from benchmarks.measure import percentile
from benchmarks.queries import CLASSES, draw


def _profiled(stage: str, wanted: str | None) -> Any:
    return cProfile.Profile() if stage == wanted else nullcontext()


def _report(profile: Any) -> None:
    if isinstance(profile, cProfile.Profile):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(35)
        print(out.getvalue(), file=sys.stderr)


def _stages(pages: list[Path], work: Path, wanted: str | None) -> dict[str, float]:
    from dataclasses import replace

    from searcher.build import BuildReport
    from searcher.engine import open_engine
    from searcher.errors import IngestError
    from searcher.ingest import parse_file

    times: dict[str, float] = {}
    records = []
    with (profile := _profiled("parse", wanted)):
        start, cpu = time.perf_counter(), time.process_time()
        for path in pages:
            with suppress(IngestError):
                records.append(replace(parse_file(path), path=path.name))
        times["parse"] = time.perf_counter() - start
        print(f"{'parse':<10} {time.process_time() - cpu:8.2f} s CPU")
    _report(profile)
    index = work / "stages"
    shutil.rmtree(index, ignore_errors=True)
    engine = open_engine(index, create=True)
    build = engine.begin_build(True)
    with (profile := _profiled("prepare", wanted)):
        start = time.perf_counter()
        docs = [build.preparer(r) for r in records]
        times["prepare"] = time.perf_counter() - start
    _report(profile)
    with (profile := _profiled("add", wanted)):
        start = time.perf_counter()
        build.add_prepared(docs)
        times["add"] = time.perf_counter() - start
    _report(profile)
    report = BuildReport(len(docs), 0, 0, (), 0.0, len(docs))
    with (profile := _profiled("commit", wanted)):
        start = time.perf_counter()
        build.commit(report)
        times["commit"] = time.perf_counter() - start
    _report(profile)
    engine.close()
    return times


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the machine may be shared)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rebuilds(source: Path, work: Path) -> dict[str, float]:
    from searcher.build import rebuild

    index = work / "index"
    shutil.rmtree(index, ignore_errors=True)
    start, cpu = time.perf_counter(), _cpu()
    rebuild(source, index, full=True)
    full = time.perf_counter() - start
    print(f"{'rebuild':<10} {_cpu() - cpu:8.2f} s CPU (all processes)")
    start = time.perf_counter()
    report = rebuild(source, index)
    unchanged = time.perf_counter() - start
    assert report.indexed == 0, report
    return {"full": full, "unchanged": unchanged}


def _queries(index: Path, count: int, wanted: str | None) -> dict[str, dict[str, float]]:
    from benchmarks.systems import searcher_opener
    from benchmarks.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    run = searcher_opener(index)
    out: dict[str, dict[str, float]] = {}
    with (profile := _profiled("query", wanted)):
        for kind in CLASSES:
            batch = draw(vocab, kind, count)
            for q in batch[:5]:
                run(q)
            times = []
            for q in batch:
                start = time.perf_counter()
                run(q)
                times.append(time.perf_counter() - start)
            out[kind] = {"p50": percentile(times, 0.5), "p95": percentile(times, 0.95)}
    _report(profile)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_build", description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--queries", type=int, default=100, help="queries per class (100)")
    parser.add_argument(
        "--profile", choices=("parse", "prepare", "add", "commit", "query"), default=None
    )
    parser.add_argument("--skip-stages", action="store_true", help="rebuild and queries only")
    args = parser.parse_args(argv)
    source = ensure_pages(args.pages)
    pages = sorted(p for p in source.iterdir() if p.name.endswith(".html"))
    work = CACHE / f"profile-{args.pages}"
    work.mkdir(parents=True, exist_ok=True)
    n = len(pages)
    if not args.skip_stages:
        for stage, seconds in _stages(pages, work, args.profile).items():
            print(f"{stage:<10} {seconds:8.2f} s  {1000 * seconds / n:7.2f} ms/page")
    builds = _rebuilds(source, work)
    print(f"{'rebuild':<10} {builds['full']:8.2f} s  {n / builds['full']:7.0f} pages/s")
    print(f"{'unchanged':<10} {builds['unchanged']:8.3f} s")
    for kind, figures in _queries(work / "index", args.queries, args.profile).items():
        print(
            f"{kind:<10} p50 {1000 * figures['p50']:7.2f} ms  p95 {1000 * figures['p95']:7.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
