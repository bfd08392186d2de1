"""The JSON API answers with exactly what the command line prints, on either engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
import rispy
from pg_support import fresh_database, needs_server, single
from starlette.testclient import TestClient
from web_support import cli, cli_json, client_for

#: (command-line arguments after the query, API parameters) of the same searches.
SEARCHES = [
    pytest.param(['"demarcation line"'], {"q": '"demarcation line"'}, id="phrase"),
    pytest.param(["Stalin"], {"q": "Stalin"}, id="name"),
    pytest.param(["Stalin", "--exact"], {"q": "Stalin", "exact": "1"}, id="name-exact"),
    pytest.param(
        ["armistice", "--facet", "sender", "--facet", "year", "--facet", "subject"],
        [("q", "armistice"), ("facet", "sender"), ("facet", "year"), ("facet", "subject")],
        id="facets",
    ),
    pytest.param(
        ["Korea", "--where", "sender=Mao Zedong", "--where", "place=Korea"],
        [("q", "Korea"), ("where", "sender=Mao Zedong"), ("where", "place=Korea")],
        id="filters",
    ),
    pytest.param(
        ["Stalin", "--from", "1950", "--to", "1951-06", "--sort", "date"],
        {"q": "Stalin", "from": "1950", "to": "1951-06", "sort": "date"},
        id="dates",
    ),
    pytest.param(["date:1950..1953 Korea"], {"q": "date:1950..1953 Korea"}, id="date-query"),
    pytest.param(
        ["Stalin", "--limit", "5", "--page", "3", "--sort", "-date"],
        {"q": "Stalin", "limit": "5", "page": "3", "sort": "-date"},
        id="paging",
    ),
    pytest.param(["stallin"], {"q": "stallin"}, id="suggestion"),
]


def _build_postgres() -> str:
    from web_support import RAW_HTML

    from searcher.build import rebuild

    location = fresh_database(single(), "searcher_web")
    report = rebuild(RAW_HTML, location, full=True, workers=1)
    assert report.indexed and not report.failed
    return location


@pytest.fixture(scope="module", params=["whoosh", pytest.param("postgres", marks=needs_server)])
def engine(
    request: pytest.FixtureRequest, raw_html_index: Path
) -> Iterator[tuple[str, TestClient]]:
    location = str(raw_html_index) if request.param == "whoosh" else _build_postgres()
    with client_for(location) as client:
        yield location, client


@pytest.mark.parametrize(("args", "params"), SEARCHES)
def test_search_is_the_json_of_search_query(engine, capsys, args, params):
    location, client = engine
    expected = cli_json(capsys, "query", *args, "--index", location, "--format", "json")
    response = client.get("/api/search?" + urlencode(params))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == expected
    assert expected["total"] > 0 or expected["suggestion"]


def test_document_is_the_record_of_show(engine, capsys):
    location, client = engine
    [expected] = cli_json(capsys, "show", "900001", "--index", location, "--format", "json")
    response = client.get("/api/documents/900001")
    assert response.status_code == 200
    assert response.json() == expected
    assert response.json()["date_start"] == "1951-11-14"


def test_facets_timeline_and_kwic_are_their_commands_json(engine, capsys):
    location, client = engine
    expected = cli_json(
        capsys, "facets", "sender", "armistice", "--index", location, "--format", "json"
    )
    assert client.get("/api/facets/sender?q=armistice").json() == expected
    expected = cli_json(
        capsys, "timeline", "armistice", "--by", "month", "--index", location, "--format", "json"
    )
    assert client.get("/api/timeline?q=armistice&by=month").json() == expected
    status, out, _ = cli(
        capsys, "kwic", "demarcation line", "sender:Mao", "--index", location, "--format", "jsonl"
    )
    assert status == 0
    lines = [json.loads(line) for line in out.splitlines()]
    answer = client.get("/api/kwic?" + urlencode({"phrase": "demarcation line", "q": "sender:Mao"}))
    assert answer.json() == {"phrase": "demarcation line", "total": len(lines), "lines": lines}
    assert len(lines) >= 6


def test_citations_are_those_of_cite(engine, capsys):
    location, client = engine
    for style in ("chicago", "chicago-bib", "ris", "bibtex", "csl-json"):
        status, out, _ = cli(
            capsys,
            "cite",
            "900001",
            "--style",
            style,
            "--accessed",
            "2026-01-02",
            "--index",
            location,
        )
        assert status == 0
        response = client.get(f"/api/cite/900001?style={style}&accessed=2026-01-02")
        assert response.status_code == 200, style
        assert response.text == out, style
    [entry] = rispy.loads(client.get("/api/cite/900001?style=ris").text)
    assert entry["type_of_reference"] == "PCOMM"
    assert entry["title"].startswith("Ciphered Telegram No. 25902")
    download = client.get("/api/cite/900001?style=ris&download=1")
    assert download.headers["content-disposition"] == 'attachment; filename="900001.ris"'
    assert download.headers["content-type"].startswith("application/x-research-info-systems")


def test_export_streams_what_query_exports(engine, capsys):
    location, client = engine
    for fmt in ("csv", "jsonl", "ris", "bibtex", "csl-json"):
        status, out, _ = cli(capsys, "query", "sender:Stalin", "--index", location, "--format", fmt)
        assert status == 0
        response = client.get(f"/api/export?q=sender:Stalin&format={fmt}")
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        # The command line ends its output with one newline more (click's echo) or not.
        assert response.text.rstrip("\n") == out.rstrip("\n"), fmt
    # In the order the search shows, as the command line exports.
    status, out, _ = cli(
        capsys, "query", "sender:Stalin", "--sort", "-date", "--index", location, "--format", "csv"
    )
    assert status == 0
    by_date = client.get("/api/export?q=sender:Stalin&sort=-date&format=csv").text
    assert by_date.rstrip("\n") == out.rstrip("\n")
    assert by_date != client.get("/api/export?q=sender:Stalin&sort=date&format=csv").text
    total = client.get("/api/search?q=sender:Stalin").json()["total"]
    assert len(rispy.loads(client.get("/api/export?q=sender:Stalin&format=ris").text)) == total
    assert len(json.loads(client.get("/api/export?q=sender:Stalin&format=csl-json").text)) == total


@pytest.mark.parametrize(
    ("args", "params"),
    [
        pytest.param(["sender:("], {"q": "sender:("}, id="malformed"),
        pytest.param(["nosuchfield:x"], {"q": "nosuchfield:x"}, id="unknown-field"),
        pytest.param(
            ["Korea", "--from", "1951-13"], {"q": "Korea", "from": "1951-13"}, id="bad-date"
        ),
        pytest.param(
            ["Korea", "--where", "colour=red"],
            {"q": "Korea", "where": "colour=red"},
            id="bad-filter",
        ),
        pytest.param(["date:1951-02-30"], {"q": "date:1951-02-30"}, id="bad-date-query"),
    ],
)
def test_bad_queries_are_400_with_the_command_lines_message(engine, capsys, args, params):
    location, client = engine
    status, _, err = cli(capsys, "query", *args, "--index", location, "--format", "json")
    assert status == 2
    response = client.get("/api/search?" + urlencode(params))
    assert response.status_code == 400
    assert response.json() == {"error": err.strip().removeprefix("search: ")}


def test_unknown_ids_are_404(engine, capsys):
    location, client = engine
    status, _, err = cli(capsys, "show", "nosuchid", "--index", location, "--format", "json")
    assert status == 1
    for path in ("/api/documents/nosuchid", "/api/cite/nosuchid", "/api/similar/nosuchid"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"error": err.strip().removeprefix("search: ")}
    assert client.get("/api/nothing/here").status_code == 404


def test_bad_parameters_are_400(client):
    for url in (
        "/api/search?page=0",
        "/api/search?limit=x",
        "/api/search?sort=random",
        "/api/facets/colour",
        "/api/timeline?by=week",
        "/api/kwic?phrase=",
        "/api/cite/900001?style=apa",
        "/api/export?format=xls",
        "/api/export?format=csv&fields=id,colour",
        "/api/search?q=" + "x" * 20_001,
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert response.json()["error"], url


def test_missing_index_is_503(tmp_path):
    with client_for(tmp_path / "none") as client:
        response = client.get("/api/search?q=Stalin")
        assert response.status_code == 503
        assert response.json() == {
            "error": f"no index at {tmp_path / 'none'}: run `search rebuild`"
        }
        page = client.get("/search?q=Stalin")
        assert page.status_code == 503
        assert "run `search rebuild`" in page.text


def test_damaged_index_is_503(tmp_path, raw_html_index):
    import shutil

    index = tmp_path / "index"
    shutil.copytree(raw_html_index, index)
    with client_for(index) as client:
        assert client.get("/api/search?q=Stalin").status_code == 200
        # Served, then its pointer names a generation that is not there.
        (index / "CURRENT").write_text("gen-9\n")
        for url in ("/api/search?q=Stalin", "/api/documents/900001", "/api/facets/sender"):
            response = client.get(url)
            assert response.status_code == 503, url
            assert "damaged" in response.json()["error"], url
            assert "search rebuild --full" in response.json()["error"], url


def test_a_slow_request_is_503_and_holds_up_no_other(raw_html_index, monkeypatch):
    import threading

    from searcher.web import answers

    release = threading.Event()
    entered = threading.Event()
    real = answers.dated

    def slow(archive, params, by):
        entered.set()
        release.wait(30)
        return real(archive, params, by)

    monkeypatch.setattr(answers, "dated", slow)
    with client_for(raw_html_index, timeout=0.5, workers=2) as client:
        try:
            response = client.get("/api/timeline?q=Stalin")
            assert entered.is_set()
            assert response.status_code == 503
            assert response.json() == {
                "error": "the request took longer than 0.5 s and was abandoned"
            }
            # The slow call still holds a worker: the other answers meanwhile.
            assert not release.is_set()
            other = client.get("/api/search?q=Stalin")
            assert other.status_code == 200 and other.json()["total"] > 0
        finally:
            release.set()


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    routes = {r.path for r in client.app.app.routes if r.path.startswith("/api/")}  # type: ignore[attr-defined]
    routes -= {"/api/openapi.json", "/api/{rest:path}"}
    assert routes == set(spec["paths"])


def test_only_get_is_answered(client):
    assert client.post("/api/search?q=Stalin").status_code == 405
    assert client.delete("/api/documents/900001").status_code == 405


def test_pages_render_over_either_engine(engine):
    import lxml.html

    _, client = engine
    api = client.get("/api/search?q=armistice&facet=sender").json()
    response = client.get("/search?q=armistice")
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.text)
    assert doc.get_element_by_id("total").text_content() == f"{api['total']} documents"
    senders = doc.xpath('//section[@aria-labelledby="facet-sender"]//span[@class="value"]/text()')
    assert senders and senders == [c["value"] for c in api["facets"]["sender"]][: len(senders)]
    assert client.get("/documents/900001?q=armistice").status_code == 200
    assert client.get("/kwic?q=armistice&phrase=demarcation+line").status_code == 200
