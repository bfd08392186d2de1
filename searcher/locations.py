"""Index locations as they may be shown: a server URL never with its password.

Every summary, message, stat and JSON field that names an index location goes through
:func:`shown`.  It works on the text as given, without parsing it as libpq does, so a
password holding an unescaped ``@``, ``:`` or ``/`` is still hidden whole: the user
information runs to the last ``@`` of the URL, and everything after its first ``:`` is
the password.  Password parameters (``?password=...``) are hidden too.
"""

from __future__ import annotations

import re

HIDDEN = "***"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
#: Shorter passwords are not searched for in messages (they would garble them); messages
#: are made from :func:`shown` locations in the first place.
_SCRUBBED = 4
_PARAM = re.compile(r"([?&][^=&]*password[^=&]*=)[^&]*", re.IGNORECASE)


def shown(location: object) -> str:
    """``location`` fit to print: ``postgresql://searcher:***@host/db``; a folder as it is."""
    text = str(location)
    scheme = _SCHEME.match(text)
    if scheme is None:
        return text
    head, rest = text[: scheme.end()], text[scheme.end() :]
    at = rest.rfind("@")
    if at >= 0:
        user, colon, _ = rest[:at].partition(":")
        if colon:
            rest = f"{user}:{HIDDEN}{rest[at:]}"
    return head + _PARAM.sub(rf"\g<1>{HIDDEN}", rest)


def secrets(location: object) -> list[str]:
    """The passwords a location carries, as written and as decoded (longest first)."""
    from urllib.parse import unquote

    text = str(location)
    scheme = _SCHEME.match(text)
    if scheme is None:
        return []
    rest = text[scheme.end() :]
    found: list[str] = []
    at = rest.rfind("@")
    if at >= 0 and ":" in rest[:at]:
        found.append(rest[:at].partition(":")[2])
    found.extend(m.group(0)[len(m.group(1)) :] for m in _PARAM.finditer(rest))
    found += [unquote(s) for s in found]
    return sorted({s for s in found if len(s) >= _SCRUBBED}, key=len, reverse=True)


def scrub(message: str, location: object) -> str:
    """``message`` with any password of ``location`` replaced by ``***``."""
    for secret in secrets(location):
        message = message.replace(secret, HIDDEN)
    return message
