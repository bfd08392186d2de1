"""Who may ask: loopback by default, a token anywhere else, no foreign Host; every answer
forbids inline script."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.testclient import TestClient
from web_support import LOCAL, cli, client_for

from searcher.web import ServeConfig, create_app


def test_foreign_host_is_refused(client):
    for url in ("/", "/search?q=Stalin", "/api/search?q=Stalin", "/static/style.css"):
        response = client.get(url, headers={"host": "attacker.example:8000"})
        assert response.status_code == 421, url
    assert client.get("/api/search?q=x", headers={"host": "evil.test"}).json() == {
        "error": "this server does not answer to that host name"
    }
    for host in ("127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000"):
        assert client.get("/", headers={"host": host}).status_code == 200, host


def test_allowed_host_names_are_answered(raw_html_index):
    with client_for(raw_html_index, allow_hosts=("archive.lan",)) as client:
        assert client.get("/", headers={"host": "archive.lan:8000"}).status_code == 200
        assert client.get("/", headers={"host": "other.lan"}).status_code == 421


def test_every_answer_forbids_inline_script(client):
    for url in ("/", "/search?q=Stalin", "/documents/900001", "/api/search?q=x", "/nope"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy


def _public(index, token="s3cret-token") -> TestClient:
    """The application serving every address (0.0.0.0) with a token."""
    app = create_app(ServeConfig(index=str(index), host="0.0.0.0", token=token))
    return TestClient(app, base_url="http://192.0.2.10:8000")


def test_off_loopback_every_request_needs_the_token(raw_html_index):
    with _public(raw_html_index) as client:
        for url in ("/", "/search?q=Stalin", "/api/search?q=Stalin", "/static/app.js"):
            assert client.get(url).status_code == 401, url
        assert (
            client.get(
                "/api/search?q=Stalin", headers={"authorization": "Bearer wrong"}
            ).status_code
            == 401
        )
        assert client.get("/api/search?q=Stalin&token=wrong").status_code == 401
        good = {"authorization": "Bearer s3cret-token"}
        assert client.get("/api/search?q=Stalin", headers=good).status_code == 200
        assert client.get("/api/search?q=Stalin&token=s3cret-token").status_code == 200


def test_a_page_opened_with_the_token_keeps_it_in_a_cookie(raw_html_index):
    with _public(raw_html_index) as client:
        first = client.get(
            "/search?q=Stalin&token=s3cret-token",
            headers={"accept": "text/html"},
            follow_redirects=False,
        )
        assert first.status_code == 303
        assert first.headers["location"] == "/search?q=Stalin"
        cookie = first.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        # The client keeps the cookie: the page and the rest answer without the token.
        assert client.get("/search?q=Stalin").status_code == 200
        assert client.get("/static/style.css").status_code == 200
        client.cookies.clear()
        assert client.get("/search?q=Stalin").status_code == 401
        client.cookies.set("searcher_token", "wrong")
        assert client.get("/search?q=Stalin").status_code == 401


def test_serving_off_loopback_without_a_token_is_refused(capsys, raw_html_index, monkeypatch):
    monkeypatch.delenv("SEARCHER_TOKEN", raising=False)
    status, out, err = cli(capsys, "serve", "--index", str(raw_html_index), "--host", "0.0.0.0")
    assert status == 2
    assert err == "search: serving on 0.0.0.0 needs a token: --token or $SEARCHER_TOKEN\n"
    assert out == ""


def test_serving_a_missing_index_says_so(capsys, tmp_path):
    status, _, err = cli(capsys, "serve", "--index", str(tmp_path / "none"))
    assert status == 3
    assert err == f"search: no index at {tmp_path / 'none'}: run `search rebuild`\n"


def test_loopback_needs_no_token(client):
    assert client.base_url.host == LOCAL.split("//")[1]
    assert client.get("/api/search?q=Stalin").status_code == 200


def test_a_token_of_any_characters_works_in_the_cookie(raw_html_index):
    token = 'a b;c,"d"=é'
    with _public(raw_html_index, token=token) as client:
        first = client.get(
            "/?" + urlencode({"token": token}),
            headers={"accept": "text/html"},
            follow_redirects=False,
        )
        assert first.status_code == 303
        assert client.get("/search?q=Stalin").status_code == 200
