"""``python -m benchmarks.web_load``: the HTTP API under load, beside the same searches in-process.

Builds an index (the sample pages, or N generated ones with ``--pages N``), measures each
search with facet counts in-process through :class:`searcher.Archive` (one at a time), then
starts ``search serve`` on a loopback port and has ``--clients`` clients (16) make
``--searches`` searches (400) of ``/api/search`` with the same facets at once, each client on
one kept-alive connection (and one client alone, for the cost of HTTP without waiting).
Prints p50 and p95 of each, the throughput and the errors.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.measure import percentile

ROOT = Path(__file__).resolve().parent.parent
#: The facets the results page shows.
FACETS = ("sender", "recipient", "subject", "place", "year", "language", "type", "archive")
SAMPLE_QUERIES = (
    "Stalin",
    '"demarcation line"',
    "armistice negotiations",
    "sender:Mao Korea",
    "date:1950..1953 Korea",
    "Filipov~",
    "negotiat*",
    "",
)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.web_load", description=__doc__)
    parser.add_argument("--pages", type=int, default=0, help="generated pages (0: raw_html/)")
    parser.add_argument("--index", help="an existing index to serve instead of building one")
    parser.add_argument("--clients", type=int, default=16, help="clients at once (16)")
    parser.add_argument("--searches", type=int, default=400, help="searches in all (400)")
    parser.add_argument("--workers", type=int, default=4, help="search serve --workers (4)")
    return parser.parse_args(argv)


def _queries(pages: int) -> list[str]:
    if not pages:
        return list(SAMPLE_QUERIES)
    from benchmarks.generate import _vocab
    from benchmarks.queries import draw

    vocab = _vocab()
    texts = [" ".join(q.terms) for q in draw(vocab, "word", 40)]
    texts += [f'"{" ".join(q.terms)}"' for q in draw(vocab, "phrase", 20)]
    return texts


def _build(pages: int, into: Path) -> Path:
    from searcher.build import rebuild

    source = ROOT / "raw_html"
    if pages:
        from benchmarks.generate import ensure_pages

        source = ensure_pages(pages)
    index = into / "index"
    rebuild(source, index, full=True)
    return index


def in_process(index: str, queries: list[str], count: int) -> list[float]:
    """Milliseconds of ``count`` searches with facets through Archive, one at a time."""
    from searcher.api import Archive

    times = []
    with Archive.open(index) as archive:
        for q in queries:  # warm: the first search of each query opens what it needs
            archive.search(q, facets=FACETS)
        for i in range(count):
            start = time.perf_counter()
            archive.search(queries[i % len(queries)], facets=FACETS)
            times.append((time.perf_counter() - start) * 1000)
    return times


class _Server:
    def __init__(self, index: str, workers: int) -> None:
        command = [sys.executable, "-m", "searcher", "serve", "--index", index, "--port", "0"]
        self.process = subprocess.Popen(
            [*command, "--workers", str(workers), "--timeout", "120"],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = re.search(r"http://([^/:]+):(\d+)/", line)
        if not found:
            self.process.kill()
            raise SystemExit(f"web_load: search serve printed {line!r}")
        self.host, self.port = found.group(1), int(found.group(2))

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(60)


def _path(query: str) -> str:
    return "/api/search?" + urlencode([("q", query), *(("facet", f) for f in FACETS)])


def over_http(server: _Server, queries: list[str], clients: int, searches: int) -> dict:
    """Latencies (ms) of ``searches`` API searches made by ``clients`` clients at once."""
    warm = http.client.HTTPConnection(server.host, server.port, timeout=120)
    for q in queries:
        warm.request("GET", _path(q))
        warm.getresponse().read()
    warm.close()
    times: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    per_client = searches // clients

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(server.host, server.port, timeout=120)
        try:
            for i in range(per_client):
                path = _path(queries[(n * per_client + i) % len(queries)])
                start = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                took = (time.perf_counter() - start) * 1000
                with lock:
                    times.append(took)
                    if response.status != 200 or "facets" not in json.loads(body):
                        errors.append(f"{response.status} {body[:100]!r}")
        except Exception as exc:  # noqa: BLE001 - counted as an error of the run
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    return {"times": times, "errors": errors, "wall": wall}


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    queries = _queries(args.pages)
    tmp = Path(tempfile.mkdtemp(prefix="web-load-"))
    try:
        index = args.index or str(_build(args.pages, tmp))
        local = in_process(index, queries, args.searches)
        server = _Server(index, args.workers)
        try:
            alone = over_http(server, queries, 1, min(args.searches, 100))
            load = over_http(server, queries, args.clients, args.searches)
        finally:
            status = server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    times = load["times"]
    size = f"{args.pages:,} generated pages" if args.pages else "the sample pages (raw_html/)"
    print(f"{size}; {len(FACETS)} facets per search; {os.cpu_count()} cores")
    print()
    print("| searches with facets | n | p50 ms | p95 ms | searches/s | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| in-process, one at a time | {len(local)} | {percentile(local, 0.5):.1f} "
        f"| {percentile(local, 0.95):.1f} | {len(local) / (sum(local) / 1000):.0f} | 0 |"
    )
    print(
        f"| HTTP API, {args.clients} clients at once, {args.workers} workers | {len(times)} "
        f"| {percentile(times, 0.5):.1f} | {percentile(times, 0.95):.1f} "
        f"| {len(times) / load['wall']:.0f} | {len(load['errors'])} |"
    )
    one = alone["times"]
    print(
        f"| HTTP API, one client | {len(one)} | {percentile(one, 0.5):.1f} "
        f"| {percentile(one, 0.95):.1f} | {len(one) / alone['wall']:.0f} "
        f"| {len(alone['errors'])} |"
    )
    for error in load["errors"][:5]:
        print(f"  error: {error}")
    if load["errors"] or alone["errors"] or status != 0:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
