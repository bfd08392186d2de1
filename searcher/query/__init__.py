"""The query language, independent of any engine.

>>> from searcher.query import parse
>>> parse('"armistice negotiations"~5 sender:mao', exact=True).explain()
"all of: phrase 'armistice negotiations' (within 5 words); sender has 'mao'"
"""

from __future__ import annotations

from searcher.query.filters import combine, date_filter, parse_filters
from searcher.query.parser import ParsedQuery, parse

__all__ = ["ParsedQuery", "combine", "date_filter", "parse", "parse_filters"]
