"""What every answer goes through: the Host check, the token, and the security headers.

- A request whose Host header names another host is refused (421): a page elsewhere
  cannot reach the server by pointing its own name at 127.0.0.1 (DNS rebinding).
- With a token, every request must carry it: ``Authorization: Bearer T``, ``?token=T`` or
  the cookie set after the first page opened with ``?token=T`` (401 otherwise).
- Every answer forbids inline and foreign scripts (Content-Security-Policy), framing and
  content sniffing, and sends no Referer (a URL may hold the token).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Iterable
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, quote, unquote, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "searcher_token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` serves this machine only."""
    return host in LOOPBACK_NAMES or host.startswith("127.")


def allowed_hosts(host: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """Host names a request may carry (None: any, for a wildcard bind, which needs a token)."""
    if host in WILDCARD_HOSTS:
        return None
    names = {host.strip("[]").lower(), *(h.strip("[]").lower() for h in extra)}
    if is_loopback(host):
        names.update(n.strip("[]") for n in LOOPBACK_NAMES)
    return frozenset(names)


def host_name(header: str) -> str:
    """The name in a Host header, without the port (``[::1]:8000`` -> ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: Host check, token check, security headers."""

    def __init__(
        self, app: ASGIApp, *, hosts: frozenset[str] | None, token: str | None = None
    ) -> None:
        self.app = app
        self.hosts = hosts
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            await _refuse(scope, send, 421, "this server does not answer to that host name")
            return
        from_query = False
        if self.token is not None:
            given, from_query = self._token_of(scope, headers)
            if given is None or not hmac.compare_digest(given.encode(), self.token.encode()):
                await _refuse(scope, send, 401, "a token is needed: add ?token=... to the address")
                return
        if from_query and scope["method"] in ("GET", "HEAD") and _wants_html(scope, headers):
            await self._strip_token(scope, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *HEADERS]
            await send(message)

        await self.app(scope, receive, send_secured)

    def _token_of(self, scope: Scope, headers: dict[str, str]) -> tuple[str | None, bool]:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip(), False
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "token" in query:
            return query["token"], True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header is no token
            return None, False
        morsel = cookie.get(COOKIE)
        return (unquote(morsel.value) if morsel else None), False

    async def _strip_token(self, scope: Scope, send: Send) -> None:
        """A page opened with ?token=: keep the token in a cookie, not in the address."""
        query = [
            (k, v)
            for k, v in parse_qsl(scope.get("query_string", b"").decode(), keep_blank_values=True)
            if k != "token"
        ]
        location = scope["path"] + ("?" + urlencode(query) if query else "")
        cookie = f"{COOKIE}={quote(self.token, safe='')}; Path=/; HttpOnly; SameSite=Strict"
        await send(
            {
                "type": "http.response.start",
                "status": 303,
                "headers": [
                    (b"location", location.encode()),
                    (b"set-cookie", cookie.encode()),
                    (b"content-length", b"0"),
                    *HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": b""})


def _wants_html(scope: Scope, headers: dict[str, str]) -> bool:
    return not scope["path"].startswith("/api/") and "text/html" in headers.get("accept", "")


async def _refuse(scope: Scope, send: Send, status: int, message: str) -> None:
    if scope["path"].startswith("/api/"):
        body, kind = json.dumps({"error": message}).encode(), b"application/json"
    else:
        body, kind = (message + "\n").encode(), b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
