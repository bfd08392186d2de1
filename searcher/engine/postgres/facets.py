"""Facet counts of a PostgreSQL index, counted in the reading process.

Grouping the facet values of every match on the server costs a row of its executor per
value (180,000 for a common word at 20,000 pages).  Instead a reader loads, once per index
generation (``searcher_meta``'s ``generation``, new at every commit), each document's facet
values as value numbers; a search then fetches only the matches' paths and counts their
values with numpy.  The generation is read in the search's own snapshot, so the counts are
those of the documents it matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from searcher.engine.postgres import schema
from searcher.results import FacetCount


@dataclass(frozen=True)
class _Field:
    docs: Any  #: numpy int32: the document number of each (document, value) pair
    values: Any  #: numpy int32: the value number of each pair
    names: tuple[str, ...]  #: the values, by number


@dataclass(frozen=True)
class FacetMap:
    """Every document's facet values at one generation of an index."""

    generation: str
    numbers: dict[str, int]  #: path -> document number
    fields: dict[str, _Field]

    def counts(
        self, paths: list[str], facets: tuple[str, ...]
    ) -> dict[str, tuple[FacetCount, ...]]:
        """The counts of each facet's values over the documents at ``paths``, most
        frequent first, then by value.  A path the map does not know (a document a shard
        committed after the map was read) is not counted."""
        import numpy as np

        matched = np.zeros(len(self.numbers), dtype=bool)
        found = np.fromiter((self.numbers.get(p, -1) for p in paths), np.int64, len(paths))
        matched[found[found >= 0]] = True
        out: dict[str, tuple[FacetCount, ...]] = {}
        for name in facets:
            field = self.fields[name]
            found = np.bincount(field.values[matched[field.docs]], minlength=len(field.names))
            pairs = [(field.names[i], int(found[i])) for i in np.flatnonzero(found)]
            pairs.sort(key=lambda p: (-p[1], p[0]))
            out[name] = tuple(FacetCount(v, n) for v, n in pairs)
        return out


def load(conn: Any, generation: str) -> FacetMap:
    """The facet values of every document in ``conn``'s snapshot."""
    import numpy as np

    columns = schema.ARRAY_COLUMNS
    numbers: dict[str, int] = {}
    pairs: list[tuple[list[int], list[int], dict[str, int]]] = [([], [], {}) for _ in columns]
    rows = conn.execute(f"SELECT path, {', '.join(columns)} FROM {schema.DOCS}")
    for n, (path, *arrays) in enumerate(rows):
        numbers[path] = n
        for (docs, values, names), array in zip(pairs, arrays, strict=True):
            for value in array:
                docs.append(n)
                values.append(names.setdefault(value, len(names)))
    fields = {
        name: _Field(np.array(docs, np.int32), np.array(values, np.int32), tuple(names))
        for name, (docs, values, names) in zip(columns, pairs, strict=True)
    }
    return FacetMap(generation, numbers, fields)
