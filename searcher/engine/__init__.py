"""Index engines behind one narrow interface (see :mod:`searcher.engine.base`).

The embedded engine (``searcher.engine.whoosh``) and the PostgreSQL one are imported only
when :func:`open_engine` opens an index of theirs.
"""

from searcher.engine.base import SORTS, Build, Engine, SearchRequest, Stats, open_engine

__all__ = ["SORTS", "Build", "Engine", "SearchRequest", "Stats", "open_engine"]
