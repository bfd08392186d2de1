"""Document ids: unique, stable, and the archive's own wherever the page states it.

The id of a page's record is, in this order:

1. the archive's record id: the current site's "Record ID", else the number of a
   ``/document/NNNNNN`` address (the old site's, where the number is the record id) in the
   page's address or its citation;
2. else the last part of the page's address, as the archive names it
   (``/document/cable-mao-zedong-stalin`` -> ``cable-mao-zedong-stalin``);
3. else the page's path relative to the source folder, without its ending and with its
   folders, joined by ``-`` so that an id is one segment of an address
   (``a/index.html`` -> ``a-index``, ``b/index.txt`` -> ``b-index``).

Rules 2 and 3 may give two different documents one id (two addresses ending alike,
``a/index.html`` beside ``a-index.html``); then the one that held the id keeps it (or, in
a first build, the one first in path order) and the other gets the id followed by ``--``
and a hash of its path, which no rule makes otherwise (see :func:`distinct_id`).
"""

from __future__ import annotations

import re
import zlib
from urllib.parse import unquote, urlsplit

from searcher.record import Record

__all__ = ["archive_id", "base_id", "distinct_id", "path_id", "shown_path", "slug", "url_id"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_PAGE_SUFFIX = re.compile(r"(?:\.(?:html?|txt|xhtml|php|aspx?))?(?:\.gz)?$", re.IGNORECASE)
#: An old-site document address: the number is the record id (a current-site
#: ``/document/NNN/download`` number is a node id, not the record id).
_DOCUMENT = re.compile(r"/document/(\d{1,9})(?![\w/-]*download)(?=$|[/?#.\s\"'<)\]]|\.ris)")
#: What :func:`distinct_id` puts between an id and its path's hash.
CLASH = "--"


def slug(text: str) -> str:
    """``text`` made one url-safe segment."""
    return _UNSAFE.sub("-", text).strip("-.")


def archive_id(record: Record) -> str:
    """The archive's record id of the page, "" when the page does not state one."""
    if record.record_id.strip():
        return slug(record.record_id.strip())
    for text in (record.url, record.citation):
        found = _DOCUMENT.search(text) if "/document/" in text else None
        if found:
            return found.group(1)
    return ""


def base_id(record: Record, rel: str) -> str:
    """The id the rules above give the page at ``rel`` (relative to the source)."""
    known = archive_id(record)
    if known:
        return known
    return url_id(record.url) or path_id(rel) or record.content_hash[:16] or "untitled"


def url_id(url: str) -> str:
    """The last part of a page's address (before a ``/download``), "" without one."""
    parts = [p for p in unquote(urlsplit(url).path).split("/") if p]
    if parts and parts[-1] == "download" and len(parts) > 1:
        parts.pop()
    return path_id(parts[-1]) if parts else ""


def path_id(rel: str) -> str:
    """The id of a page known only by its path: its folders and name made url-safe."""
    return slug(_PAGE_SUFFIX.sub("", rel))


def distinct_id(base: str, rel: str) -> str:
    """The id of a document whose :func:`base_id` another document holds: the same, with
    a hash of its path (stable from one rebuild to the next)."""
    return f"{base}{CLASH}{zlib.crc32(rel.encode('utf-8', 'surrogateescape')):08x}"


def shown_path(rel: str) -> str:
    """A path as the index keeps and shows it: itself, or, when the file system gave it
    bytes that are not UTF-8, with each such byte written ``\\xNN`` (and each backslash
    doubled, so that no two such names are kept alike)."""
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        raw = rel.encode("utf-8", "surrogateescape").replace(b"\\", b"\\\\")
        return raw.decode("utf-8", "backslashreplace")
    return rel
