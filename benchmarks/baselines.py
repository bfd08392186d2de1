"""What the searcher is measured against, on the same pages and the same query classes.

naive  the pipeline a user would write with the same libraries: BeautifulSoup with the
       standard-library parser, one Whoosh writer with default settings, everything stored,
       queries through Whoosh's QueryParser.
fts5   SQLite FTS5 from the standard library over the records the searcher's own ingester
       reads from the pages; facets are a join table counted with GROUP BY.
floor  reading and parsing every page with lxml and nothing else (no index).

Each system offers ``build(source, index) -> dict`` (run in a fresh process by
``benchmarks.measure``) and ``opener(index) -> run`` where ``run(query) -> total hits``.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.queries import FACET_FIELDS, PROXIMITY, Query

Runner = Callable[[Query], int]
NAIVE_FACETS = {"Associated Places": "places", "Subjects Discussed": "subjects"}
NAIVE_PEOPLE = ("Author(s)", "Associated People & Organizations", "Document Contributors")


def page_files(source: Path) -> list[Path]:
    return sorted(p for p in source.iterdir() if p.name.endswith(".html"))


def _quoted(term: str) -> str:
    return f'"{term}"' if " " in term or "-" in term else term


# ------------------------------------------------------------------------------- naive


def _naive_date(shown: str) -> datetime | None:
    for form in ("%B %d, %Y", "%B %Y", "%Y"):
        try:
            return datetime.strptime(shown, form)
        except ValueError:
            pass
    return None


def naive_build(source: Path, index: Path) -> dict[str, Any]:
    from bs4 import BeautifulSoup
    from whoosh import index as whoosh_index
    from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema

    schema = Schema(
        path=ID(stored=True, unique=True),
        title=TEXT(stored=True),
        content=TEXT(stored=True),
        date=DATETIME(stored=True),
        subjects=KEYWORD(stored=True, commas=True),
        places=KEYWORD(stored=True, commas=True),
        people=KEYWORD(stored=True, commas=True),
    )
    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    writer = whoosh_index.create_in(str(index), schema).writer()
    count = 0
    for path in page_files(source):
        soup = BeautifulSoup(path.read_bytes(), "html.parser")
        lists: dict[str, list[str]] = {"subjects": [], "places": [], "people": []}
        for block in soup.select(".related-block"):
            heading = block.h2.get_text(strip=True)
            values = [s.get_text(strip=True) for s in block.select(".name span")]
            if heading in NAIVE_FACETS:
                lists[NAIVE_FACETS[heading]] += values
            elif heading in NAIVE_PEOPLE:
                lists["people"] += values
        shown = soup.select_one(".date")
        doc: dict[str, Any] = {
            "path": str(path),
            "title": soup.h1.get_text(strip=True) if soup.h1 else "",
            "content": soup.get_text(" "),
            **{k: ",".join(v) for k, v in lists.items()},
        }
        when = _naive_date(shown.get_text(strip=True)) if shown else None
        if when:
            doc["date"] = when
        writer.add_document(**doc)
        count += 1
    writer.commit()
    return {"indexed": count}


def naive_opener(index: Path) -> Runner:
    from whoosh import index as whoosh_index
    from whoosh.qparser import QueryParser
    from whoosh.sorting import FieldFacet

    ix = whoosh_index.open_dir(str(index))
    searcher = ix.searcher()
    parser = QueryParser("content", ix.schema)
    facets = [FieldFacet(f, allow_overlap=True) for f in FACET_FIELDS]

    def text(q: Query) -> str:
        if q.kind in ("word", "two_words", "facets"):
            return " ".join(q.terms)
        if q.kind == "phrase":
            return f'"{" ".join(q.terms)}"'
        if q.kind == "proximity":
            return f'"{" ".join(q.terms)}"~{PROXIMITY}'
        if q.kind == "field_date":
            y0, y1 = q.years
            return f"{q.field}:{q.value} date:[{y0}0101 TO {y1}1231]"
        return " OR ".join(_quoted(t) for t in q.terms)

    def run(q: Query) -> int:
        kwargs: dict[str, Any] = {"limit": 10}
        if q.kind == "facets":
            kwargs["groupedby"] = {f.fieldname: f for f in facets}
        results = searcher.search(parser.parse(text(q)), **kwargs)
        for hit in results:
            hit.get("title")
        if q.kind == "facets":
            for name in FACET_FIELDS:
                results.groups(name)
        return len(results)

    return run


# -------------------------------------------------------------------------------- fts5


def _parse(path: Path) -> Any:
    from searcher.errors import IngestError
    from searcher.ingest import parse_file

    try:
        return parse_file(path)
    except IngestError:
        return None


def fts5_build(source: Path, index: Path) -> dict[str, Any]:
    shutil.rmtree(index, ignore_errors=True)
    index.mkdir(parents=True)
    db = sqlite3.connect(index / "fts.sqlite")
    db.executescript(
        """
        CREATE TABLE docs(id INTEGER PRIMARY KEY, title TEXT, date_start TEXT, date_end TEXT);
        CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, tokenize='porter unicode61');
        CREATE TABLE facets(doc INTEGER, field TEXT, value TEXT);
        """
    )
    count = 0
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        for record in pool.imap(_parse, page_files(source), chunksize=32):
            if record is None:
                continue
            count += 1
            start = record.date_start.isoformat() if record.date_start else None
            end = record.date_end.isoformat() if record.date_end else None
            db.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", (count, record.title, start, end))
            db.execute(
                "INSERT INTO fts(rowid, title, summary, body) VALUES (?, ?, ?, ?)",
                (count, record.title, record.summary, record.body),
            )
            db.executemany(
                "INSERT INTO facets VALUES (?, ?, ?)",
                [(count, f, v) for f in FACET_FIELDS for v in getattr(record, f)],
            )
    db.executescript(
        """
        CREATE INDEX facets_value ON facets(field, value, doc);
        CREATE INDEX facets_doc ON facets(doc, field, value);
        CREATE INDEX docs_dates ON docs(date_start, date_end);
        """
    )
    db.commit()
    db.close()
    return {"indexed": count}


_FTS_TOP = (
    "SELECT docs.id, docs.title, snippet(fts, 2, '[', ']', '...', 12) FROM fts "
    "JOIN docs ON docs.id = fts.rowid WHERE fts MATCH ? ORDER BY rank LIMIT 10"
)
_FTS_COUNT = "SELECT count(*) FROM fts WHERE fts MATCH ?"
_FTS_FACETS = (
    "SELECT facets.field, facets.value, count(*) AS n FROM fts "
    "JOIN facets ON facets.doc = fts.rowid WHERE fts MATCH ? "
    "GROUP BY facets.field, facets.value ORDER BY n DESC"
)
_FTS_FILTER = (
    "FROM docs JOIN facets ON facets.doc = docs.id AND facets.field = ? AND facets.value = ? "
    "WHERE docs.date_start <= ? AND docs.date_end >= ?"
)


def fts5_opener(index: Path) -> Runner:
    db = sqlite3.connect(index / "fts.sqlite", check_same_thread=False)

    def match(q: Query) -> str:
        if q.kind in ("word", "two_words", "facets"):
            return " ".join(q.terms)
        if q.kind == "phrase":
            return f'"{" ".join(q.terms)}"'
        if q.kind == "proximity":
            return f"NEAR({' '.join(q.terms)}, {PROXIMITY})"
        return " OR ".join(f'"{t}"' for t in q.terms)

    def run(q: Query) -> int:
        if q.kind == "field_date":
            y0, y1 = q.years
            args = (q.field, q.value, date(y1, 12, 31).isoformat(), date(y0, 1, 1).isoformat())
            db.execute(f"SELECT docs.id, docs.title {_FTS_FILTER} LIMIT 10", args).fetchall()
            return db.execute(f"SELECT count(*) {_FTS_FILTER}", args).fetchone()[0]
        text = match(q)
        db.execute(_FTS_TOP, (text,)).fetchall()
        if q.kind == "facets":
            counts: dict[str, list[tuple[str, int]]] = {}
            for field, value, n in db.execute(_FTS_FACETS, (text,)):
                counts.setdefault(field, []).append((value, n))
        return db.execute(_FTS_COUNT, (text,)).fetchone()[0]

    return run


# ------------------------------------------------------------------------------- floor


def _text_length(path: Path) -> int:
    from lxml import html

    return len(html.fromstring(path.read_bytes()).text_content())


def floor_build(source: Path, index: Path) -> dict[str, Any]:
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        sizes = pool.map(_text_length, page_files(source), chunksize=64)
    return {"indexed": len(sizes), "characters": sum(sizes)}
