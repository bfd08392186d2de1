"""Index engines behind one narrow interface (see :mod:`searcher.engine.base`)."""

from searcher.engine import whoosh_imports  # noqa: F401  (first: Whoosh without its dead weight)
from searcher.engine.base import SORTS, Build, Engine, SearchRequest, Stats, open_engine

__all__ = ["SORTS", "Build", "Engine", "SearchRequest", "Stats", "open_engine"]
