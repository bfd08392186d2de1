"""A password in a PostgreSQL index URL never reaches any output, message or summary.

The passwords hold ``@``, ``:`` and ``/``; each is made of parts no message could hold by
chance, so that a part shown alone (as libpq splits such a URL) is caught as well.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pg_support
import pytest
from cli_support import run
from psycopg.conninfo import conninfo_to_dict

from searcher.locations import shown

RAW_HTML = Path(__file__).resolve().parents[2] / "raw_html"
PARTS = ("Zq7k", "Wx9m", "Vb5n", "Nm3p")
PASSWORDS = (
    "Zq7k@Wx9m",  # libpq would take Wx9m as part of the host
    "Zq7k:Wx9m@Vb5n",
    "Zq7k/Wx9m:Vb5n@Nm3p",
)


def assert_hidden(text: str) -> None:
    for part in PARTS:
        assert part not in text, f"a part of the password is shown: {text!r}"


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port bound by no listener: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))  # held, never listening, so nothing else takes it
        yield sock.getsockname()[1]


@pytest.mark.parametrize("password", PASSWORDS)
def test_shown_hides_the_whole_password(password: str) -> None:
    url = f"postgresql://searcher:{password}@db.example.org:5433/archive"
    assert shown(url) == "postgresql://searcher:***@db.example.org:5433/archive"
    encoded = f"postgres://searcher:{quote(password, safe='')}@db/archive?sslmode=require"
    assert shown(encoded) == "postgres://searcher:***@db/archive?sslmode=require"
    assert shown(f"postgresql://db/archive?password={password}&user=me") == (
        "postgresql://db/archive?password=***&user=me"
    )


def test_locations_without_a_password_are_shown_as_they_are() -> None:
    for location in ("index", "/srv/wilson-index", "postgresql://me@db/archive"):
        assert shown(location) == location


@pytest.mark.parametrize("password", PASSWORDS)
def test_unreachable_server_error_hides_the_password(
    capsys: pytest.CaptureFixture[str], closed_port: int, password: str
) -> None:
    for secret in (password, quote(password, safe="")):
        url = f"postgresql://searcher:{secret}@127.0.0.1:{closed_port}/archive"
        for args in (("query", "armistice"), ("stats",)):
            status, out, err = run(capsys, *args, "--index", url)
            assert status == 3 and out == ""
            assert err.startswith("search: ") and err.count("\n") == 1
            assert "searcher:***@" in err
            assert_hidden(err)


@pg_support.needs_server
def test_rebuild_stats_and_errors_hide_the_password(capsys: pytest.CaptureFixture[str]) -> None:
    base = conninfo_to_dict(pg_support.fresh_database(pg_support.single(), "searcher_secrets"))
    server = f"{base['host']}:{base['port']}"
    password = PASSWORDS[-1]
    # the test servers trust loopback connections, so any password is taken
    url = f"postgresql://{base['user']}:{quote(password, safe='')}@{server}/{base['dbname']}"
    status, out, err = run(capsys, "rebuild", "--source", str(RAW_HTML), "--index", url, "-q")
    assert status in (0, 1), err
    assert out.rstrip().endswith(f"-> postgresql://{base['user']}:***@{server}/searcher_secrets")
    assert_hidden(out + err)
    for fmt in ("text", "json", "csv"):
        status, out, err = run(capsys, "stats", "--index", url, "--format", fmt)
        assert status == 0, err
        assert "***@" in out
        assert_hidden(out + err)
    status, out, _ = run(capsys, "stats", "--index", url, "--format", "json")
    assert json.loads(out)["location"].startswith(f"postgresql://{base['user']}:***@")

    from searcher import Archive

    with Archive.open(url) as archive:
        assert_hidden(archive.location + repr(archive) + repr(archive.stats()))
    for command in ("show", "cite", "similar"):
        status, out, err = run(capsys, command, "no-such-id", "--index", url)
        assert status != 0 and "no document with id no-such-id" in err
        assert_hidden(out + err)
    missing = url.replace("/searcher_secrets", "/no_such_database")
    status, out, err = run(capsys, "query", "armistice", "--index", missing)
    assert status == 3 and "no such database" in err
    assert_hidden(out + err)
