"""Pages a server sent instead of the document: HTTP error pages, access refusals, log-in
and captcha walls.  A scraper that saves whatever it was sent leaves these where the
document was; they are never documents, and a rebuild keeps the page's last good record.

>>> refusal("<html><head><title>403 Forbidden</title></head><body>nginx</body></html>")
'error page: 403 Forbidden'
>>> refusal("Telegram ... access denied to the delegation ...") is None
True
"""

from __future__ import annotations

import html
import re

__all__ = ["refusal"]

#: An error page is short: a real document page, even a cut one, says far more.
_SHORT = 3_000
#: Statuses a scrape is sent in place of a page, with the words servers show them with.
_STATUS = {
    "400": "Bad Request",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "408": "Request Timeout",
    "410": "Gone",
    "429": "Too Many Requests",
    "500": "Internal Server Error",
    "502": "Bad Gateway",
    "503": "Service Unavailable",
    "504": "Gateway Timeout",
}
_STATUS_LINE = re.compile(
    r"^\s*(?:(?:http|error)\s*)?(?:status\s*)?(?P<code>4\d\d|5\d\d)\b"
    r"\s*[-:.]?\s*(?P<words>[a-z ]*)",
    re.IGNORECASE,
)
_STATUS_WORDS = re.compile(
    "|".join(re.escape(words) for words in _STATUS.values() if " " in words)
    + "|forbidden|unauthorized|page not found|access denied|access forbidden"
    "|permission denied|server error|service temporarily unavailable",
    re.IGNORECASE,
)
#: What separates a site's name from the message in a page title ("Access denied | Site").
_PARTS = re.compile(r"\s+[|–—:-]\s+|\s*[|–—]\s*")
_HEADINGS = re.compile(r"<(title|h1|h2)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_HIDDEN = re.compile(
    r"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_CAPTCHA = re.compile(
    r"g-recaptcha|h-captcha|hcaptcha|cf-challenge|cf_chl_|challenge-platform|"
    r"are you a robot|verify you are (?:a )?human|checking your browser|just a moment\.\.\.|"
    r"attention required! \| cloudflare|captcha",
    re.IGNORECASE,
)
#: Words every captcha pattern holds one of (a plain search first: the pattern is slow).
_CAPTCHA_HINTS = ("captcha", "challenge", "robot", "human", "browser", "moment", "cloudflare")
_LOGIN_FORM = re.compile(r"<input\b[^>]*type\s*=\s*[\"']?password", re.IGNORECASE)
_LOGIN_WORDS = re.compile(r"\b(?:log ?in|sign ?in|password)\b", re.IGNORECASE)


def refusal(text: str) -> str | None:
    """Why the decoded page ``text`` is a server's refusal rather than a document (a
    reason such as "error page: 404 Not Found"), or None when it may be a document.

    Only short pages are judged, by what they are titled or open with, so a document that
    mentions "access denied" or a captcha in its text is never taken for one.
    """
    visible = _visible(text)
    if len(visible) > _SHORT:
        return None
    for heading in _headings(text, visible):
        status = _STATUS_LINE.match(heading)
        if status and (
            not status.group("words").strip() or _STATUS_WORDS.search(status.group("words"))
        ):
            code = status.group("code")
            return f"error page: {code} {_STATUS.get(code, 'error')}"
        for part in _PARTS.split(heading):
            words = _STATUS_WORDS.fullmatch(part.strip(" .!"))
            if words:
                return f"error page: {_tidy(words.group())}"
    lowered = text.lower()
    if any(word in lowered for word in _CAPTCHA_HINTS) and _CAPTCHA.search(text):
        return "captcha page: the server asked for a human, not the document"
    if "password" in lowered and _LOGIN_FORM.search(text) and _LOGIN_WORDS.search(visible):
        return "log-in page: the server asked for a password, not the document"
    return None


def _visible(text: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", text))).split())


def _headings(text: str, visible: str) -> list[str]:
    """The page's title and first headings, then its first line of text."""
    found = [
        " ".join(html.unescape(_TAG.sub(" ", inner)).split())
        for _, inner in _HEADINGS.findall(text[:20_000])
    ][:4]
    first = next((line.strip() for line in _visible_lines(text) if line.strip()), "")
    if first:
        found.append(first[:120])
    return [h for h in found if h]


def _visible_lines(text: str) -> list[str]:
    body = _HIDDEN.sub(" ", text)
    if "<" in body[:2_000]:
        body = re.sub(r"(?i)<br\s*/?>|</(?:p|div|h\d|title|li)>", "\n", body)
        body = _TAG.sub(" ", body)
    return html.unescape(body).splitlines()[:40]


def _tidy(words: str) -> str:
    lowered = words.lower()
    for code, name in _STATUS.items():
        if name.lower() == lowered:
            return f"{code} {name}"
    return words[:1].upper() + words[1:].lower()
