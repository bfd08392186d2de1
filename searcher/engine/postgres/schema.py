"""The tables of a PostgreSQL index, generated from ``searcher.record.FIELDS``.

- ``searcher_meta``: key/value: schema version, layout (single or sharded), last build,
  and a generation new at every commit (readers' facet values follow it).
- ``searcher_docs``: one row per page (key: ``path``); keyword fields as ``text[]`` with
  their lower-cased ``field:value`` forms in ``keys`` (one GIN index serves every keyword
  filter); the date span as a ``daterange`` (GiST); ``tsv``/``ftsv`` (GIN); the whole
  record as ``jsonb``.  Sharded, it is hash-partitioned on ``path`` and every partition is
  a foreign table on a shard server, which holds the indexes.  ``tsv`` is indexed with RUM
  (the ``rum`` extension: positions in the index, so phrases are checked and matches
  ranked there) where the server has it, else with GIN (see :func:`has_rum`).
- ``searcher_words``: the unstemmed lexicon (trigram GIN) for wildcards, fuzzy words and
  spelling suggestions.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from typing import Any

from searcher.analysis import KEYWORD_FIELDS, STEMMER
from searcher.engine.postgres.analyze import DERIVED, FIELD_GAP, TSV_LABELS
from searcher.record import FIELDS

#: Bumped whenever a table or what a record means changes in a way the fields' declarations
#: do not show (4: one record per document, copies merged, stale records kept, ids with the
#: page's folders; 5: ``tsv`` indexed with RUM where the server has it; 6: a new
#: ``generation`` in ``searcher_meta`` at every commit, which readers' facet maps follow;
#: 7: narrow rows, see :func:`docs_table`).
REVISION = "7"
DOCS = "searcher_docs"
WORDS = "searcher_words"
META = "searcher_meta"
#: ``searcher_meta``'s key naming the index's current contents, new at every commit.
GENERATION = "generation"
#: Advisory lock keys: builds (full ones exclusive, incremental ones shared), and commits.
BUILD_LOCK = 0x5E_A2_C4_01
COMMIT_LOCK = 0x5E_A2_C4_02
#: The facet columns (keyword fields and the derived year/decade), all ``text[]``.
ARRAY_COLUMNS: tuple[str, ...] = (*KEYWORD_FIELDS, *DERIVED)
#: Columns written by COPY, in order.
COLUMNS: tuple[str, ...] = (
    "path",
    "id",
    "content_hash",
    "title",
    "date_start",
    "date_end",
    *ARRAY_COLUMNS,
    "keys",
    "tsv",
    "ftsv",
    "record",
)
EXTENSIONS = ("pg_trgm", "fuzzystrmatch")
#: The extension that ranks in the index; optional.
RUM = "rum"
#: Set to ``off`` to index without RUM even where the server has it.
RUM_ENV = "SEARCHER_PG_RUM"
#: ``searcher_meta``'s key recording how ``tsv`` is indexed and ranked (RUM or "gin").
RANKING = "ranking"


def meta(conn: Any, key: str) -> str | None:
    """The value ``searcher_meta`` keeps under ``key`` (None when it keeps none)."""
    row = conn.execute(f"SELECT value FROM {META} WHERE key = %s", (key,)).fetchone()
    return row[0] if row else None


def has_rum(conn: Any) -> bool:
    """Whether the server of ``conn`` can install RUM (and $SEARCHER_PG_RUM is not ``off``)."""
    if os.environ.get(RUM_ENV, "").lower() in ("off", "0", "no", "false"):
        return False
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = %s)", (RUM,)
    ).fetchone()
    return bool(row and row[0])


def schema_version() -> str:
    """REVISION and a short hash of what else makes an index's rows: the fields as the
    Record declares them, the stemmer, the text fields' labels and gap, and the columns.  Adding,
    removing or changing a field changes it, and an index of another version is rebuilt in
    full (``search rebuild`` says so)."""
    made_of = (
        tuple(dataclasses.astuple(spec) for spec in FIELDS),
        STEMMER,
        tuple(TSV_LABELS.items()),
        FIELD_GAP,
        COLUMNS,
    )
    digest = hashlib.sha256(repr(made_of).encode("utf-8")).hexdigest()[:8]
    return f"{REVISION}.{digest}"


#: The version an index's ``searcher_meta`` records (see schema_version).
SCHEMA_VERSION = schema_version()


def docs_columns() -> str:
    """The column list of the documents table (and of a build's staging table)."""
    arrays = "".join(f",\n    {name} text[] NOT NULL DEFAULT '{{}}'" for name in ARRAY_COLUMNS)
    return f"""
    path text NOT NULL,
    id text NOT NULL,
    content_hash text NOT NULL DEFAULT '',
    title text NOT NULL DEFAULT '',
    date_start date,
    date_end date{arrays},
    keys text[] NOT NULL DEFAULT '{{}}',
    tsv tsvector NOT NULL,
    ftsv tsvector NOT NULL,
    record jsonb NOT NULL,
    span daterange GENERATED ALWAYS AS (
        CASE WHEN date_start IS NOT NULL THEN daterange(date_start, date_end, '[]') END
    ) STORED
"""


#: The size above which a row's longer values go out of line (PostgreSQL's least).
ROW_TARGET = 128
#: Values kept in the row whatever its size: what counting and paging read of every match.
IN_ROW = ("path", "id")


def docs_table(table: str, *, if_not_exists: bool = False) -> list[str]:
    """Statements that create a documents table with narrow rows (see :func:`_storage`)."""
    create = "CREATE TABLE IF NOT EXISTS" if if_not_exists else "CREATE TABLE"
    return [f"{create} {table} ({docs_columns()})", *_storage(table)]


def _storage(table: str) -> list[str]:
    """Statements that keep the rows of a documents table narrow.

    A count visits the heap page of every match (PostgreSQL 15 no longer skips all-visible
    pages in a bitmap scan), so the fewer pages the rows fill the faster it is: the long
    values (``keys``, ``ftsv``, facet arrays; ``tsv`` and ``record`` always) go out of line
    once a row passes ``ROW_TARGET`` bytes, ``path`` and ``id`` stay in it.  At 100,000
    generated pages: 6,400 heap pages instead of 20,000.
    """
    kept = ", ".join(f"ALTER COLUMN {name} SET STORAGE MAIN" for name in IN_ROW)
    return [
        f"ALTER TABLE {table} SET (toast_tuple_target = {ROW_TARGET})",
        f"ALTER TABLE {table} {kept}",
    ]


def tsv_index(table: str, rum: bool) -> str:
    """The index of ``tsv``: RUM with positions, or GIN."""
    method = f"{RUM} (tsv rum_tsvector_ops)" if rum else "gin (tsv)"
    return f"CREATE INDEX IF NOT EXISTS {table}_tsv ON {table} USING {method}"


def docs_indexes(table: str, rum: bool) -> list[str]:
    """The indexes of a table that holds documents (the single table, or one shard's)."""
    return [
        *((f"CREATE EXTENSION IF NOT EXISTS {RUM}",) if rum else ()),
        f"CREATE UNIQUE INDEX IF NOT EXISTS {table}_path ON {table} (path)",
        f"CREATE INDEX IF NOT EXISTS {table}_id ON {table} (id)",
        tsv_index(table, rum),
        f"CREATE INDEX IF NOT EXISTS {table}_ftsv ON {table} USING gin (ftsv)",
        f"CREATE INDEX IF NOT EXISTS {table}_keys ON {table} USING gin (keys)",
        f"CREATE INDEX IF NOT EXISTS {table}_span ON {table} USING gist (span)",
        f"CREATE INDEX IF NOT EXISTS {table}_date ON {table} (date_start, id)",
    ]


def common_tables() -> list[str]:
    """Metadata and lexicon: always local to the server the index URL names."""
    return [
        *(f"CREATE EXTENSION IF NOT EXISTS {name}" for name in EXTENSIONS),
        f"CREATE TABLE IF NOT EXISTS {META} (key text PRIMARY KEY, value text NOT NULL)",
        f"CREATE TABLE IF NOT EXISTS {WORDS} (word text PRIMARY KEY, ndoc integer NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {WORDS}_trgm ON {WORDS} USING gin (word gin_trgm_ops)",
        f"CREATE INDEX IF NOT EXISTS {WORDS}_prefix ON {WORDS} (word text_pattern_ops)",
    ]


def single_schema(rum: bool) -> list[str]:
    """Statements creating an index on one server."""
    return [
        *common_tables(),
        *docs_table(DOCS, if_not_exists=True),
        *docs_indexes(DOCS, rum),
    ]
