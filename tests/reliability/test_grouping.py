"""Which pages are copies of one document, and which records a rebuild reads again to merge
them (searcher.copies.group, searcher.regroup.plan), on keys and records made here."""

from __future__ import annotations

from searcher.copies import LARGEST_BUCKET, group, key_of
from searcher.identity import base_id, distinct_id
from searcher.record import Record
from searcher.regroup import plan

TELEGRAM = "Mao Zedong asks Filippov for advice on the truce talks at Kaesong in November"


def page(path: str, *, record_id: str = "", url: str = "", body: str = TELEGRAM) -> Record:
    return Record(
        id="",
        title="Ciphered Telegram No. 25902",
        body=body,
        url=url,
        path=path,
        date="1951-11-14",
        record_id=record_id,
        copies=(path,),
        extra={},
    )


def test_pages_are_linked_by_record_id_then_address_then_title_and_text():
    keys = {
        "c.html": ["c", "900001", "", ""],
        "a.html": ["a", "900001", "", ""],
        "b.html": ["b", "900001", "example.org/doc/5", ""],
        # the same address, another record id: another document
        "d.html": ["d", "900002", "example.org/doc/5", ""],
        "e.txt": ["e", "", "example.org/doc/7", "t|1951"],
        "f.txt": ["f", "", "example.org/doc/7", ""],
        "g.txt": ["g", "", "", "t|1951"],
        "h.txt": ["h", "", "", "t|1951"],
        "i.txt": ["i", "", "", "alone|1951"],
    }
    asked: list[list[str]] = []

    def same_text(paths: list[str]) -> list[list[str]]:
        asked.append(paths)
        return [["e.txt", "h.txt"]]

    assert group(keys, same_text) == [
        ["a.html", "b.html", "c.html"],
        ["d.html"],
        ["e.txt", "f.txt", "h.txt"],
        ["g.txt"],
        ["i.txt"],
    ]
    assert asked == [["e.txt", "g.txt", "h.txt"]]  # a title of one page is not compared


def test_titles_shared_by_too_many_pages_or_by_distinct_record_ids_are_not_compared():
    crowded = {f"{n:03d}.txt": [str(n), "", "", "untitled|"] for n in range(LARGEST_BUCKET + 1)}
    stated = {"x.html": ["x", "1", "", "t|1951"], "y.html": ["y", "2", "", "t|1951"]}

    def same_text(paths: list[str]) -> list[list[str]]:
        raise AssertionError(f"compared {paths}")

    assert len(group({**crowded, **stated}, same_text)) == LARGEST_BUCKET + 3


def test_copies_sharing_a_title_are_merged_and_a_page_read_to_compare_is_read_again():
    records = {
        "old/900001.html": page("old/900001.html", record_id="900001"),
        "text/seed.txt": page("text/seed.txt"),
        "text/other.txt": page("text/other.txt", body="Minutes of a meeting on grain"),
        # gives the other text page's id: that page keeps its id, this one's is made distinct
        "other.txt": page("other.txt", body="A list of the delegates at Kaesong"),
    }
    fresh = {}
    for path, record in records.items():
        fresh[path] = key_of(record, base_id(record, path))
    fresh["other.txt"][0] = fresh["text/other.txt"][0] = "other"
    loads: list[str] = []

    def load(path: str) -> Record:
        loads.append(path)
        return records[path]

    out = plan({}, fresh, set(), set(), load, {"text/seed.txt": "hash"}, {})
    assert [(r.id, r.path, r.copies) for r in out.records] == [
        ("900001", "old/900001.html", ("old/900001.html", "text/seed.txt")),
        (distinct_id("other", "text/other.txt"), "text/other.txt", ("text/other.txt",)),
    ]
    assert out.copies == {"text/seed.txt": ["hash", "old/900001.html"]}
    assert out.pages["text/seed.txt"][4:] == ["old/900001.html", 0]
    assert out.pages["text/other.txt"][5] == 1
    # each page once to compare texts, and the one whose id changed once more to write it
    assert sorted(loads) == sorted([*records, "text/other.txt"])
