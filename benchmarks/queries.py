"""The query classes, drawn deterministically from the generated vocabulary.

A query is engine-neutral (a class name and its parts); each system writes it in its own
syntax (see ``benchmarks.systems``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from benchmarks.vocabulary import NAME_VARIANTS, Vocabulary

CLASSES: tuple[str, ...] = (
    "word",
    "two_words",
    "phrase",
    "proximity",
    "field_date",
    "name",
    "facets",
)
FACET_FIELDS: tuple[str, ...] = ("subjects", "places", "people")
PROXIMITY = 5


@dataclass(frozen=True)
class Query:
    """One query: ``terms`` are words (or a name and its variants for ``name``)."""

    kind: str
    terms: tuple[str, ...] = ()
    field: str = ""
    value: str = ""
    years: tuple[int, int] = (0, 0)


def searched_forms(name: str) -> tuple[str, ...]:
    """``name`` and every spelling the searcher's name authority searches with it, so that
    each system looks for the same forms (the generator writes only some of them)."""
    from searcher.query import parse

    written = f'"{name}"' if " " in name else name
    return (name, *parse(written).expanded.get(name, ()))


def draw(vocab: Vocabulary, kind: str, count: int = 200) -> list[Query]:
    """``count`` queries of one class, the same ones every run."""
    rng = random.Random(f"queries:{kind}")
    common = vocab.common[:100]
    out: list[Query] = []
    for _ in range(count):
        if kind in ("word", "facets"):
            out.append(Query(kind, (rng.choice(common),)))
        elif kind == "two_words":
            out.append(Query(kind, tuple(rng.sample(common, 2))))
        elif kind in ("phrase", "proximity"):
            out.append(Query(kind, rng.choice(vocab.bigrams[:150])))
        elif kind == "field_date":
            places = [p for p in vocab.places if p.isalpha()]
            start = rng.randint(1946, 1985)
            out.append(
                Query(
                    kind,
                    field="places",
                    value=rng.choice(places),
                    years=(start, start + rng.randint(0, 4)),
                )
            )
        elif kind == "name":
            name = rng.choice(sorted(NAME_VARIANTS))
            out.append(Query(kind, searched_forms(name)))
        else:
            raise ValueError(f"unknown query class {kind!r}")
    return out
