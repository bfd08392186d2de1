"""The embedded engine: every module of searcher that uses Whoosh (see docs/architecture.md).

Importing the package first imports Whoosh without its dead weight (:mod:`.imports`), so
that whichever of its modules a program imports first, Whoosh is loaded that way.
"""

from searcher.engine.whoosh import imports  # noqa: F401  (first: Whoosh without its dead weight)
