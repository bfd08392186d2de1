"""One query language, every engine: the PostgreSQL engines answer as the embedded one.

Each PostgreSQL engine -- one server (with RUM where it has it, and without), and a
coordinator with its shard servers -- is compared with the embedded Whoosh engine on the
same pages: the shipped sample pages and the real pages of the judged set.  For every
query of the query-language table below and every query of the judged set they must find
the same documents, the same total and the same facet counts (ranking scores differ by
design: BM25F against RUM's cover density or ts_rank).  The servers
are those of ``.ci/postgres.sh`` (see ``pg_support``); without them these tests skip, and
fail under CI.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pg_support
import pytest

from searcher.engine import SearchRequest, open_engine
from searcher.engine.base import Engine
from searcher.engine.postgres.schema import RUM_ENV
from searcher.evaluate import load_judgments
from searcher.query import parse, parse_filters

TESTS = Path(__file__).resolve().parents[1]
RAW_HTML = TESTS.parent / "raw_html"
JUDGED_PAGES = TESTS / "relevance" / "pages"
JUDGED = [j.query for j in load_judgments(TESTS / "relevance" / "judgments.tsv")]
#: Facets counted for every compared query.
FACETS = ("sender", "recipient", "subject", "place", "language", "type", "year", "decade")


def corpus(tmp: Path) -> Path:
    """The sample pages and the real text dumps of the judged set, in one folder (the
    judged set's other pages are sample pages already)."""
    folder = tmp / "pages"
    shutil.copytree(RAW_HTML, folder / "samples")
    (folder / "judged").mkdir()
    for page in JUDGED_PAGES.glob("[0-9][0-9]-*.txt"):
        shutil.copy(page, folder / "judged" / page.name)
    return folder


def _build(kind: str, tmp: Path, pages: Path) -> str:
    from searcher.build import rebuild

    location = pg_support.index_location(kind, tmp, "searcher_parity")
    report = rebuild(pages, location, full=True, workers=1)
    assert report.indexed > 80 and not report.failed, report
    return location


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("parity-pages"))


@pytest.fixture(scope="module")
def whoosh(tmp_path_factory: pytest.TempPathFactory, pages: Path) -> Iterator[Engine]:
    engine = open_engine(_build("whoosh", tmp_path_factory.mktemp("parity"), pages))
    yield engine
    engine.close()


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("postgres", marks=pg_support.needs_server),
        pytest.param("postgres-gin", marks=pg_support.needs_server),
        pytest.param("postgres-cluster", marks=pg_support.needs_cluster),
    ],
)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, pages: Path
) -> Iterator[Engine]:
    """A PostgreSQL engine over the same pages as ``whoosh``; ``postgres-gin`` is one server
    indexed as without the rum extension (GIN, ``ts_rank``)."""
    kind = request.param
    with pytest.MonkeyPatch.context() as patch:
        if kind == "postgres-gin":
            patch.setenv(RUM_ENV, "off")
            kind = "postgres"
        opened = open_engine(_build(kind, tmp_path_factory.mktemp("parity"), pages))
    assert request.param != "postgres-gin" or not getattr(opened, "rum", True)
    yield opened
    opened.close()


QUERIES = [
    "soviet",
    "Korea",
    "stalin",
    "Stalin",  # name-authority expansion: also Filippov
    '"foreign ministry"',
    '"peace treaty"',
    '"soviet union"~2',
    "title:telegram",
    "summary:china",
    "sender:mao",
    "recipient:stalin",
    "subject:korea",
    "korea AND NOT china",
    "telegram OR cable",
    "(mao OR zhou) -stalin",
    "sov*",
    "armist?ce",
    "stalni~1",
    "tsarist~2",
    "NOT soviet",
    # the rest of the README's query-language table
    '"demarcation line"',
    '"armistice negotiations"~5',
    "truce OR armistice",
    "NOT Korea",
    "-Korea",
    "Korea NOT China OR Germany",
    "negotiat*",
    "Gromyk?",
    "Filipov~",
    "Filipov~2",
    "sender:Filippov",
    "via:roshchin",
    'subject:"Korean War"',
    "place:Korea",
    "language:Russian",
    "type:telegram",
    "person:stalin",
    "participant:kohl",
    "archive:APRF",
    "classification:secret",
    '"Mao Tse-tung"',
    "date:1951-11",
    "date:1950..1953",
    "date:..1950",
    "date:1950s",
    "year:1951",
    "decade:1950",
    "armistice date:1951",
]


def answers(
    engine: Engine, text: str, where: tuple[str, ...] = ()
) -> tuple[int, list[str], dict[str, list[tuple[str, int]]]]:
    """The total, the ids of every match and the facet counts of ``text``."""
    parsed = parse(text)
    request = SearchRequest(
        node=parsed.node,
        filter=parse_filters(where),
        facets=FACETS,
        limit=1000,
        snippets=False,
        parsed=parsed,
    )
    results = engine.search(request)
    assert len(results.hits) == results.total, "every match is compared"
    facets = {
        name: sorted((c.value, c.count) for c in counts) for name, counts in results.facets.items()
    }
    return results.total, sorted(h.id for h in results.hits), facets


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_totals_and_facets(engine: Engine, whoosh: Engine, text: str) -> None:
    assert answers(engine, text) == answers(whoosh, text)


@pytest.mark.parametrize("text", JUDGED)
def test_same_answers_to_the_judged_queries(engine: Engine, whoosh: Engine, text: str) -> None:
    total, ids, facets = answers(whoosh, text)
    assert total > 0, "the judged query finds something to compare"
    assert answers(engine, text) == (total, ids, facets)


def test_queries_are_selective(whoosh: Engine) -> None:
    """The table means something: most queries find some pages, and none finds them all."""
    everything = answers(whoosh, "")[0]
    totals = [answers(whoosh, text)[0] for text in QUERIES]
    assert sum(1 for t in totals if 0 < t < everything) >= len(QUERIES) * 2 // 3


@pytest.mark.parametrize(
    "where",
    [
        ("year=1951",),
        ("decade=1950s",),
        ("type=telegram",),
        ("language=russian",),
        ("place=korea", "precision=day"),
    ],
)
def test_same_filtered_hits(engine: Engine, whoosh: Engine, where: tuple[str, ...]) -> None:
    assert answers(engine, "", where) == answers(whoosh, "", where)


@pytest.mark.parametrize(
    ("text", "where", "within"),
    [
        # one of Kohl's conversations has only "North Atlantic Treaty Organization--Poland"
        ("Kohl", ("subject=North Atlantic Treaty Organization",), False),
        ("", ("subject=north atlantic treaty organization",), False),
        ('Kohl subject:"North Atlantic Treaty Organization"', (), True),
    ],
)
def test_label_values_whole_or_their_words(
    engine: Engine, whoosh: Engine, text: str, where: tuple[str, ...], within: bool
) -> None:
    """A filter keeps the documents its facet value counts; a ``field:`` query matches
    whole values or their words, so it also finds a value that holds those words."""
    total, ids, facets = answers(whoosh, text, where)
    assert ("300237" in ids) is within and total >= 4
    assert answers(engine, text, where) == (total, ids, facets)


@pytest.mark.parametrize(
    "span", [("1950-06-25", "1950-07-31"), ("1951-01-01", None), (None, "1949-12-31")]
)
def test_same_date_ranges(
    engine: Engine, whoosh: Engine, span: tuple[str | None, str | None]
) -> None:
    from searcher.query import date_filter

    node = date_filter(*span)
    request = SearchRequest(filter=node, limit=500, snippets=False)
    got = sorted(h.id for h in engine.search(request).hits)
    assert got == sorted(h.id for h in whoosh.search(request).hits)


@pytest.mark.parametrize("facet", ["subject", "sender", "year", "decade", "language", "type"])
def test_same_facet_counts(engine: Engine, whoosh: Engine, facet: str) -> None:
    for text in ("", "soviet"):
        node = parse(text).node
        assert engine.facet_counts(facet, node) == whoosh.facet_counts(facet, node)


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_same_date_order(engine: Engine, whoosh: Engine, sort: str) -> None:
    def dates(e: Engine) -> list[str | None]:
        request = SearchRequest(node=parse("soviet").node, sort=sort, limit=500, snippets=False)
        return [h.date_start for h in e.search(request).hits]

    assert dates(engine) == dates(whoosh)


def test_same_paging_total(engine: Engine, whoosh: Engine) -> None:
    request = SearchRequest(node=parse("soviet").node, limit=3, page=2, snippets=False)
    mine, theirs = engine.search(request), whoosh.search(request)
    assert (mine.total, len(mine.hits)) == (theirs.total, len(theirs.hits))


def test_same_stats(engine: Engine, whoosh: Engine) -> None:
    mine, theirs = engine.stats(), whoosh.stats()
    assert (mine.documents, mine.date_min, mine.date_max) == (
        theirs.documents,
        theirs.date_min,
        theirs.date_max,
    )
    assert mine.facets == theirs.facets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("armistise negotiatons", "armistice negotiations"),
        ("title:armistise", "title:armistice"),  # a text field's words are respelt
        ("place:Pyongyangg armistise", "place:Pyongyangg armistice"),  # facet values are not
        ('sender:"Mao Zedongg" armistise', 'sender:"Mao Zedongg" armistice'),
        ("armistice", None),
        ("sender:mao", None),
    ],
)
def test_same_spelling_suggestions(
    engine: Engine, whoosh: Engine, text: str, expected: str | None
) -> None:
    assert engine.suggest(text) == whoosh.suggest(text) == expected
