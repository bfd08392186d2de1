"""Random and mutated pages, random queries: a message-bearing error or an answer, no hang."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import sample_pages

from searcher import Archive
from searcher.errors import IngestError, QueryError
from searcher.ingest import parse_bytes
from searcher.query import parse

SAMPLES = [p.read_bytes() for p in sample_pages()[::5] if not p.name.endswith(".gz")]
FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


@contextmanager
def no_hang(seconds: int = 60) -> Iterator[None]:
    """Turn a hang into a failure (a bound far above any real page or query)."""

    def stuck(signum, frame):  # noqa: ARG001
        raise AssertionError(f"still working after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def read(data: bytes) -> None:
    """A page is a record or an IngestError with a reason; nothing else escapes."""
    try:
        record = parse_bytes(data, path="fuzzed.html")
    except IngestError as exc:
        assert exc.reason.strip()
        return
    assert isinstance(record.title, str) and isinstance(record.body, str)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes):
    read(data)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "insert", "repeat", "flip", "end"]))
        if kind == "cut":
            del data[at : at + draw(st.integers(1, 2000))]
        elif kind == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(max_size=64),
                    st.sampled_from(
                        [b"<div>", b"</p>", b"<!--", b"<![CDATA[", b"&#0;", b"&#x110000;",
                         b"\xef\xbb\xbf", b'<meta charset="utf-16">', b"\x00", b"<script>",
                         b'<meta charset="no-such-charset">', b"\xc3(", b"]]>"]
                    ),
                )
            )  # fmt: skip
        elif kind == "repeat":
            data[at:at] = data[at : at + 200] * draw(st.integers(2, 50))
        elif kind == "flip" and data:
            i = min(at, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "end":
            del data[at:]
    return bytes(data)


@FUZZ
@given(mutated())
def test_mutated_sample_pages(data: bytes):
    read(data)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000, id="deep"
        ),
        pytest.param(b"<p>" + b"<b><i>" * 60_000, id="unclosed"),
        pytest.param(b"<html><body><p>" + b"armistice " * 1_000_000 + b"</p>", id="10MB-line"),
        pytest.param(b"<html><body>" + b"<p>x</p>\n" * 100_000, id="many-paragraphs"),
        pytest.param(b"<table>" * 50_000, id="tables"),
        pytest.param(b"&" + b"amp;" * 500_000, id="entities"),
        pytest.param(b"\xff\xfe" + "Telegram ".encode("utf-16-le") * 200_000, id="utf16"),
    ],
)
def test_pathological_pages_finish(data: bytes):
    with no_hang():
        read(data)


QUERY_ALPHABET = st.sampled_from(
    list("abcSTALINmaoz019 \"():~*?^[]{}-+!/\\.,;=<>&|'\t\n")
    + ["AND", "OR", "NOT", "sender:", "date:", "title:", "..", "to", "1950", "nosuch:", "\x00"]
)
QUERIES = st.one_of(st.text(max_size=60), st.lists(QUERY_ALPHABET, max_size=30).map("".join))


def ask(archive: Archive, text: str) -> None:
    """A query answers or raises QueryError with a message."""
    try:
        results = archive.search(text, limit=3, facets=["sender"])
    except QueryError as exc:
        assert str(exc).strip()
        return
    assert results.total >= len(results.hits)


@FUZZ
@given(QUERIES)
def test_random_queries_parse_or_explain(text: str):
    try:
        parse(text)
    except QueryError as exc:
        assert str(exc).strip()


@pytest.fixture(scope="module")
def archive(raw_html_index) -> Iterator[Archive]:
    with Archive.open(raw_html_index) as opened:
        yield opened


@FUZZ
@given(text=QUERIES)
def test_random_queries_against_the_sample_index(archive: Archive, text: str):
    ask(archive, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(" ".join(f"word{i}" for i in range(100_000)), id="100k-terms"),
        pytest.param(" OR ".join(f"w{i}*" for i in range(20_000)), id="20k-wildcards"),
        pytest.param("(" * 50_000 + "stalin" + ")" * 50_000, id="deep-parens"),
        pytest.param('"' + "stalin " * 50_000 + '"~5', id="huge-phrase"),
        pytest.param("s" * 1_000_000 + "~2", id="fuzzy-megaword"),
        pytest.param("*" * 10_000, id="stars"),
        pytest.param("date:1000..9999 " * 5_000, id="many-ranges"),
    ],
)
def test_pathological_queries_finish(archive: Archive, text: str):
    with no_hang():
        ask(archive, text)
