"""Errors a user can cause, each with the exit status the command line returns for it.

Exit statuses (also in the README):
  0  success
  1  some input pages failed to parse (parse, rebuild), or a query found nothing
  2  usage or query error: bad option, malformed query, unknown field, bad date; a source
     folder that is missing or holds no pages; a rebuild that would remove most records
  3  index missing, damaged or from an incompatible version
  4  index busy: another rebuild holds the lock
  5  file-system error: disk full, read-only folder, unreadable path
  6  serve: the address cannot be listened on
  70 internal error (a bug)
  130 interrupted (Ctrl-C)
"""

from __future__ import annotations


class SearcherError(Exception):
    """Base class: a one-line message meant for the user, and an exit status."""

    exit_code = 1


class IngestError(SearcherError):
    """A page could not be read as an archive document."""

    exit_code = 1

    def __init__(self, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path}: {reason}" if path else reason)


class QueryError(SearcherError):
    """The query text, a filter, a field name or a date is malformed."""

    exit_code = 2


class IndexMissingError(SearcherError):
    """No index at the given location."""

    exit_code = 3


class IndexDamagedError(SearcherError):
    """The index exists but cannot be read."""

    exit_code = 3


class IndexBusyError(SearcherError):
    """Another rebuild holds the index lock."""

    exit_code = 4


class StorageError(SearcherError):
    """The file system refused a read or write (disk full, read-only, permissions)."""

    exit_code = 5


class SourceError(SearcherError):
    """The folder of pages to build from is missing or holds no pages (the index is left as
    it was), or a rebuild would remove most of the index's records (see ``--allow-removals``).
    """

    exit_code = 2


class IndexFormatError(IndexDamagedError):
    """The index was written by an older version of searcher (run ``search rebuild --full``)."""

    exit_code = 3
