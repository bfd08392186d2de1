"""``search serve`` as a real server on a loopback port: many clients at once, a rebuild
picked up without a restart, a clean stop on SIGTERM and Ctrl-C."""

from __future__ import annotations

import http.client
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from web_support import RAW_HTML, ROOT, Served

from benchmarks.web_load import FACETS
from benchmarks.web_load import SAMPLE_QUERIES as QUERIES

CLIENTS = 16
SEARCHES = 400


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, dict]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, json.loads(response.read())


def _path(query: str, page: int = 1) -> str:
    params = [("q", query), *(("facet", f) for f in FACETS), ("page", str(page))]
    return "/api/search?" + urlencode(params)


@pytest.fixture(scope="module")
def served(raw_html_index):
    server = Served(raw_html_index)
    yield server
    server.stop()


def test_sixteen_clients_make_400_searches_with_facets_without_error(served):
    where = urlsplit(served.url)
    expected = {}
    conn = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
    for q in QUERIES:
        status, body = _get(conn, _path(q))
        assert status == 200
        expected[q] = (body["total"], set(body["facets"]))
    conn.close()
    failures: list[str] = []
    done = [0] * CLIENTS

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
        try:
            for i in range(SEARCHES // CLIENTS):
                q = QUERIES[(n + i) % len(QUERIES)]
                status, body = _get(conn, _path(q, 1 + i % 2))
                if status != 200 or (body["total"], set(body["facets"])) != expected[q]:
                    failures.append(f"{q!r}: {status} {str(body)[:200]}")
                done[n] += 1
        except Exception as exc:  # noqa: BLE001 - every failure is reported below
            failures.append(f"client {n}: {type(exc).__name__}: {exc}")
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert not any(t.is_alive() for t in threads), "clients still waiting after 300 s"
    assert failures == []
    assert sum(done) == SEARCHES
    assert expected["Stalin"][1] == set(FACETS)


def test_sigterm_and_ctrl_c_stop_it_with_status_0(raw_html_index):
    for sig in (signal.SIGTERM, signal.SIGINT):
        server = Served(raw_html_index)
        assert server.first_line.startswith(f"serving {raw_html_index} at http://127.0.0.1:")
        status, err = server.stop(sig)
        assert (status, err) == (0, ""), sig


def _rebuild(source: Path, index: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "searcher",
            "rebuild",
            "--source",
            str(source),
            "--index",
            str(index),
            "-q",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr


def test_a_rebuild_in_another_process_is_served_without_restart(tmp_path):
    source = tmp_path / "pages"
    source.mkdir()
    for page in sorted((RAW_HTML / "current").glob("*.html"))[:4]:
        shutil.copy(page, source)
    index = tmp_path / "index"
    _rebuild(source, index)
    server = Served(index)
    try:
        where = urlsplit(server.url)
        conn = http.client.HTTPConnection(where.hostname, where.port, timeout=60)
        status, before = _get(conn, "/api/search?q=")
        assert (status, before["total"]) == (200, 4)
        status, _ = _get(conn, "/api/documents/900001")
        assert status == 404
        shutil.copy(RAW_HTML / "old" / "1951" / "900001.html", source)
        _rebuild(source, index)
        status, after = _get(conn, "/api/search?q=")
        assert (status, after["total"]) == (200, 5)
        status, record = _get(conn, "/api/documents/900001")
        assert status == 200 and record["date_start"] == "1951-11-14"
        conn.close()
    finally:
        status, err = server.stop()
    assert (status, err) == (0, "")


def test_a_port_in_use_is_one_line_and_status_6(raw_html_index):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "searcher",
                "serve",
                "--index",
                str(raw_html_index),
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
    assert done.returncode == 6
    assert done.stderr == f"search: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_the_servers_log_has_one_line_an_error_and_no_traceback():
    import logging

    from searcher.cli.serve import OneLine

    try:
        raise OSError("No space left on device")
    except OSError:
        record = logging.LogRecord(
            "uvicorn.error",
            logging.ERROR,
            __file__,
            1,
            "Exception in\nASGI application",
            (),
            sys.exc_info(),
        )
    assert OneLine().format(record) == (
        "search serve: Exception in ASGI application: OSError: No space left on device"
    )
