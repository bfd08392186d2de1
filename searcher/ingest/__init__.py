"""Page bytes to records: decode, extract by layout, normalise.

>>> from searcher.ingest import parse_file
>>> record = parse_file("raw_html/some-page.html")   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from searcher.errors import IngestError
from searcher.record import Record

#: Pages larger than this (uncompressed) are refused unread.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: File endings the ingester reads.
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz")


def is_page(path: str | Path) -> bool:
    """Whether ``path`` (or a file name) names a file the ingester reads (by its ending)."""
    return os.fspath(path).lower().endswith(PAGE_SUFFIXES)


def content_hash(data: bytes) -> str:
    """The hash a rebuild compares to skip unchanged pages."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def parse_bytes(data: bytes, *, path: str = "") -> Record:
    """Turn one page's bytes into a Record, or raise IngestError saying why not."""
    from searcher.ingest.decode import decode
    from searcher.ingest.layouts import extract
    from searcher.ingest.normalize import to_record
    from searcher.ingest.refusals import refusal

    try:
        decoded = decode(data)
        refused = refusal(decoded.text)
        if refused:  # a server's error, log-in or captcha page saved in the document's place
            raise IngestError(refused, path or None)
        page = extract(decoded.text, path=path or None)
        return to_record(page, path=path, content_hash=content_hash(data))
    except IngestError as exc:
        if exc.path is None and path:
            raise IngestError(exc.reason, path) from None
        raise
    except RecursionError:
        raise IngestError("markup nested too deeply to read", path or None) from None


def parse_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Record:
    """Read and parse one page file (``.gz`` pages are unpacked)."""
    from searcher.ingest.decode import read_page

    path_str = str(path)
    try:
        data = read_page(Path(path), max_bytes=max_bytes)
    except IngestError as exc:
        raise IngestError(exc.reason, path_str) from None
    return parse_bytes(data, path=path_str)
