"""The PostgreSQL engine: selected by an index location that is a ``postgresql://`` URL.

Importing this package imports psycopg; the engine dispatch imports it only for URLs.
"""

from searcher.engine.postgres.build import PostgresBuild
from searcher.engine.postgres.engine import PostgresEngine

__all__ = ["PostgresBuild", "PostgresEngine"]
