"""searcher: full-text, faceted search over scraped pages of a declassified-documents archive.

>>> from searcher import Archive
>>> with Archive.open("index") as archive:              # doctest: +SKIP
...     results = archive.search("armistice", facets=["sender"])

Names are imported on first use, so ``import searcher`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from searcher.api import Archive
    from searcher.engine.base import Stats
    from searcher.record import Record
    from searcher.report import BuildReport
    from searcher.results import FacetCount, Hit, Results, Snippet

__all__ = [
    "Archive",
    "BuildReport",
    "FacetCount",
    "Hit",
    "Record",
    "Results",
    "Snippet",
    "Stats",
]

_WHERE = {
    "Archive": "searcher.api",
    "BuildReport": "searcher.report",
    "Stats": "searcher.engine.base",
    "Record": "searcher.record",
    "Results": "searcher.results",
    "Hit": "searcher.results",
    "Snippet": "searcher.results",
    "FacetCount": "searcher.results",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'searcher' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
