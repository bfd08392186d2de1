"""``python -m benchmarks``: generate pages, build and query every system, print one table."""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import measure, report
from benchmarks.generate import CACHE, edited_page, ensure_pages
from benchmarks.queries import CLASSES
from benchmarks.systems import PG_ENV, SEARCHABLE, SYSTEMS


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--pages", type=int, default=20_000, help="pages to generate (20000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cheap measurement (3)")
    parser.add_argument("--queries", type=int, default=200, help="queries per class (200)")
    parser.add_argument(
        "--skip-naive",
        action="store_true",
        help="reuse the naive pipeline's figures from the last results at this size",
    )
    parser.add_argument(
        "--classes", default=",".join(CLASSES), help=f"query classes ({','.join(CLASSES)})"
    )
    parser.add_argument("--cold", type=int, default=10, help="cold `search query` runs (10)")
    parser.add_argument(
        "--engine",
        choices=("whoosh", "postgres"),
        default="whoosh",
        help="postgres: also measure the searcher on PostgreSQL, beside the embedded index",
    )
    parser.add_argument(
        "--pg-url",
        default=os.environ.get(PG_ENV) or os.environ.get("SEARCHER_TEST_PG"),
        help=f"database for --engine postgres (${PG_ENV} or $SEARCHER_TEST_PG); emptied",
    )
    parser.add_argument(
        "--skip", default="", help="systems to leave out, comma-separated (e.g. fts5,floor)"
    )
    args = parser.parse_args(argv)
    args.classes = [c for c in args.classes.split(",") if c]
    unknown = set(args.classes) - set(CLASSES)
    if unknown:
        parser.error(f"unknown query classes: {', '.join(sorted(unknown))}")
    args.skip = {s for s in args.skip.split(",") if s}
    if args.skip - set(SYSTEMS):
        parser.error(f"unknown systems: {', '.join(sorted(args.skip - set(SYSTEMS)))}")
    if args.engine == "postgres":
        if not args.pg_url:
            parser.error(f"--engine postgres needs --pg-url or ${PG_ENV}")
        os.environ[PG_ENV] = args.pg_url  # the build and query processes read it
    return args


def _say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _searcher_ready(source: Path) -> bool:
    """Whether the searcher can build and read: its modules import and a page parses."""
    try:
        from searcher import Archive  # noqa: F401
        from searcher.build import rebuild  # noqa: F401
        from searcher.ingest import parse_file

        parse_file(next(source.iterdir()))
    except Exception as exc:  # noqa: BLE001 - any failure means: measure the baselines only
        _say(f"the searcher is not usable yet ({type(exc).__name__}: {exc}): baselines only")
        return False
    return True


def _working_copy(pages: Path, dest: Path) -> Path:
    """A folder of links to the cached pages, so edits never touch the cache.

    Links left by an earlier run are kept (only edited pages are linked again), so the
    pages look as a scrape made earlier does, not as files written a moment ago: after
    linking, it waits out the time within which a rebuild takes no file as settled (a new
    link changes its file's change time).
    """
    from searcher.build import SETTLED_NS

    dest.mkdir(parents=True, exist_ok=True)
    wanted = {page.name: page for page in pages.iterdir() if page.name.endswith(".html")}
    for item in dest.iterdir():
        if item.name not in wanted:
            item.unlink()
    linked = False
    for name, page in wanted.items():
        link = dest / name
        if link.exists() and link.stat().st_ino == page.stat().st_ino:
            continue
        link.unlink(missing_ok=True)
        os.link(page, link)
        linked = True
    if linked:
        time.sleep(SETTLED_NS / 1e9)
    return dest


def _edit(source: Path, share: float, revision: int) -> int:
    """Replace ``share`` of the pages with edited versions (new files, cache untouched)."""
    n = sum(1 for p in source.iterdir() if p.name.endswith(".html"))
    chosen = random.Random(f"edit:{revision}").sample(range(n), max(1, int(n * share)))
    for i in chosen:
        name, data = edited_page(i, revision)
        (source / name).unlink()
        (source / name).write_bytes(data)
    return len(chosen)


def _median_build(runs: list[dict[str, Any]]) -> dict[str, Any]:
    walls = [r["wall"] for r in runs]
    middle = sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]
    return {**middle, "runs": walls, "wall": statistics.median(walls)}


def _builds(args: argparse.Namespace, source: Path, work: Path, out: dict[str, Any]) -> None:
    n = args.pages
    ready = _searcher_ready(source)
    systems = ["searcher"] if ready else []
    systems += [] if args.skip_naive else ["naive"]
    systems += ["fts5"] if ready else []
    systems += ["floor"]
    systems += ["postgres"] if ready and args.engine == "postgres" else []
    systems = [s for s in systems if s not in args.skip]
    for system in systems:
        repeat = 1 if system == "naive" else args.repeat
        runs = []
        for r in range(repeat):
            _say(f"{system}: full build {r + 1}/{repeat} of {n} pages")
            runs.append(measure.build(system, source, work / system))
        figures = _median_build(runs)
        figures["pages_per_s"] = n / figures["wall"]
        if system == "postgres":
            from benchmarks.systems import postgres_size

            figures["index_bytes"] = postgres_size()
        elif system != "floor":
            figures["index_bytes"] = measure.du(work / system)
        out["builds"][system] = figures
    engines = [s for s in ("searcher", "postgres") if s in systems]
    runs_of: dict[str, list[dict[str, Any]]] = {e: [] for e in engines}
    for engine in engines:
        for r in range(args.repeat):
            _say(f"{engine}: rebuild with nothing changed {r + 1}/{args.repeat}")
            runs_of[engine].append(_update(engine, source, work))
    _incremental(out, runs_of, "unchanged")
    runs_of = {e: [] for e in engines}
    for r in range(args.repeat if engines else 0):
        changed = _edit(source, 0.01, revision=r + 1)
        for engine in engines:
            _say(f"{engine}: rebuild with {changed} pages changed {r + 1}/{args.repeat}")
            runs_of[engine].append(_update(engine, source, work))
    _incremental(out, runs_of, "changed_1pct")


def _update(engine: str, source: Path, work: Path) -> dict[str, Any]:
    """One incremental rebuild of an engine's index in a fresh process."""
    if engine == "postgres":
        return measure.build("postgres-update", source, work / engine)
    return measure.build(engine, source, work / engine, full=False)


def _incremental(out: dict[str, Any], runs_of: dict[str, list[Any]], key: str) -> None:
    """Incremental figures: the searcher's under ``key``, other engines' under their name."""
    for engine, runs in runs_of.items():
        if engine == "searcher":
            out["incremental"][key] = _median_build(runs)
        else:
            out["incremental"].setdefault(engine, {})[key] = _median_build(runs)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.perf_counter()
    _say(f"generating {args.pages} pages (cached under {CACHE})")
    pages = ensure_pages(args.pages)
    work = CACHE / f"work-{args.pages}"
    source = _working_copy(pages, work / "pages")
    out: dict[str, Any] = {
        "pages": args.pages,
        "date": datetime.now().isoformat(timespec="seconds"),
        "command": "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "raw_bytes": measure.du(source),
        "builds": {},
        "incremental": {},
        "queries": {},
        "cold": {},
    }
    _builds(args, source, work, out)
    searchable = {system: work / system for system in SEARCHABLE if system in out["builds"]}
    if searchable:
        _say(f"{', '.join(searchable)}: {args.queries} queries per class, in turns")
        out["queries"] = measure.queries(searchable, args.classes, args.queries)["classes"]
    if "searcher" in out["builds"] and args.cold:
        _say(f"cold `search query`, {args.cold} runs")
        from benchmarks.queries import draw
        from benchmarks.systems import searcher_text
        from benchmarks.vocabulary import load_vocabulary

        vocabulary = load_vocabulary()
        texts = {  # "search": one word, as the target is measured; a phrase loads numpy
            key: [searcher_text(q) for q in draw(vocabulary, kind, args.cold)]
            for key, kind in (("search", "word"), ("phrase", "phrase"))
        }
        out["cold"] = measure.cold_cli(work / "searcher", texts)
    if args.skip_naive:
        report.reuse_naive(out)
    out["elapsed"] = time.perf_counter() - started
    print(report.render(out))
    written = report.save(out, suffix="-postgres" if args.engine == "postgres" else "")
    _say("wrote " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
