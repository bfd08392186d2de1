"""Record -> table row: the text analysis is done here, in Python, with the same words and
Porter2 stems as the embedded engine, so both engines index (and query) the same lexemes.

Two tsvectors per document:
- ``tsv``: the stems of every text field, weighted by field (title A, summary B, body C,
  citation and source D); a gap between values (``FIELD_GAP``) keeps phrases inside one.
- ``ftsv``: field-prefixed lexemes for what a field query needs apart from the weights:
  ``citation:stem``, ``source:stem``, and the lower-cased words of keyword values
  (``sender:mao``), so ``sender:mao`` finds "Mao Zedong" (and of the forms the title
  writes of names, ``sender:filippov``); ``written:stem`` for accented words as written.

Words are folded (``Schäuble`` is ``schaubl``), as in the embedded engine.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from searcher.analysis import (
    KEYWORD_FIELDS,
    TEXT_FIELDS,
    WEIGHTS,
    WRITTEN,
    analysed,
    keyword_forms,
    keyword_values,
    span_years,
    words,
    written_stems,
)
from searcher.record import DERIVED_FACETS, Record

#: The weight label of each text field searched through ``tsv``.
LABELS: dict[str, str] = {"title": "A", "summary": "B", "body": "C"}
#: Text fields searched through field-prefixed lexemes in ``ftsv``.
PREFIXED_TEXT: tuple[str, ...] = tuple(f for f in TEXT_FIELDS if f not in LABELS)
#: The label of every text field in ``tsv`` (citation and source share D).
TSV_LABELS: dict[str, str] = {**LABELS, **{f: "D" for f in PREFIXED_TEXT}}
#: PostgreSQL keeps positions up to this number, and this many positions per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256
#: How many positions past a value's last word the next value of ``tsv`` begins after the
#: one that follows it (``ftsv``: 1): a phrase or proximity reaching at most this far cannot
#: run from one value into the next, so it needs no weight label to stay inside one field
#: (and RUM checks it in the index, which it cannot do with labels).
FIELD_GAP = 64
#: Facet columns derived from the date span.
DERIVED = DERIVED_FACETS


def rank_weights(weights: dict[str, float] = WEIGHTS) -> str:
    """``ts_rank``'s weight array for the labels D, C, B, A, from the field weights.

    A label ranks with the largest weight of its fields (``FieldSpec.weight``, the one
    definition both engines follow), scaled so the heaviest label is 1 (PostgreSQL takes
    weights from 0 to 1).
    """
    top = max(weights[f] for f in TSV_LABELS)
    by_label = {
        label: max(weights[f] for f, lab in TSV_LABELS.items() if lab == label)
        for label in set(TSV_LABELS.values())
    }
    return "{" + ", ".join(f"{by_label.get(label, 0.0) / top:.4g}" for label in "DCBA") + "}"


#: The label weights every ``ts_rank`` call uses.
RANK_WEIGHTS = rank_weights()


def quote(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery input text."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


class _Vector:
    """Collects lexeme positions and labels, then writes tsvector input text."""

    def __init__(self, gap: int = 1) -> None:
        self.positions: dict[str, list[str]] = defaultdict(list)
        self.next = 1
        self.gap = gap

    def add(self, tokens: Iterable[str], label: str = "") -> None:
        pos = self.next
        for token in tokens:
            plist = self.positions[token]
            if len(plist) < MAX_POSITIONS_PER_LEXEME:
                plist.append(f"{min(pos, MAX_POSITION)}{label}")
            pos += 1
        self.next = pos + self.gap  # no phrase runs from one value into the next

    def text(self) -> str:
        return " ".join(f"{quote(lex)}:{','.join(p)}" for lex, p in self.positions.items())


def to_row(record: Record) -> dict[str, Any]:
    """The column values of one record (see searcher.engine.postgres.schema)."""
    tsv = _Vector(FIELD_GAP)
    ftsv = _Vector()
    analysed_text, vocabulary = analysed(record)
    for name in TSV_LABELS:  # the labels' order, not the Record's, places the fields
        stems = analysed_text.get(name)
        if stems is None:
            continue
        tsv.add(stems, TSV_LABELS[name])
        if name in PREFIXED_TEXT:
            ftsv.add(f"{name}:{s}" for s in stems)
    keys: list[str] = []
    row: dict[str, Any] = {}
    for name in KEYWORD_FIELDS:
        values = keyword_values(record, name)
        row[name] = list(values)
        for value in values:
            keys.append(f"{name}:{value.lower()}")
        for form in keyword_forms(record, name):
            ftsv.add(f"{name}:{w}" for w in words(form))
    ftsv.add(f"{WRITTEN}:{s}" for s in written_stems(record))
    start = record.date_start
    end = record.date_end or start
    years = span_years(start, end) if start is not None else []
    row["year"] = [str(y) for y in years]
    row["decade"] = sorted({f"{y // 10 * 10}s" for y in years})
    row.update(
        path=record.path or record.id,
        id=record.id,
        content_hash=record.content_hash,
        title=record.title,
        date_start=start,
        date_end=end if start is not None else None,
        keys=keys,
        tsv=tsv.text(),
        ftsv=ftsv.text(),
        record=json.dumps(record.to_dict(), ensure_ascii=False),
    )
    row["_words"] = vocabulary
    return row
