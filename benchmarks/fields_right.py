"""How many fields the ingester reads right from real page dumps, against their labels.

    python -m benchmarks.fields_right [DIR]            # default /work/shared/corpus/real-dumps
    python -m benchmarks.fields_right --samples [RAW]  # the shipped samples, by their manifest

``DIR`` holds page files and an ``index.json`` labelling each by name with ``title``,
``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: as precise as the page shows it),
``sender`` and ``recipient`` (lists), and optionally ``source``; a ``sources.json`` beside it
(or, for files of the same name, the copy in ``tests/data/real-dumps``) may label the
archival source the page shows.  Fields compared, each right or wrong:

- title: exactly the label (whitespace aside);
- date: the record's first day and precision are the label's;
- sender, recipient: each labelled name is contained in one of the record's canonical
  names (case and accents aside), and there are no more names than labelled;
- source (where labelled): the record's source is the label (whitespace and a final full
  stop aside);
- body: no line of it is site chrome (navigation, citation box, tab labels, labels of the
  document information block, the credits line, the rights notice).

Prints each miss, then "N of M fields right (P%)".  ``--samples`` reads the manifest of
``raw_html/`` (its ``expected`` title, date and precision, sender and recipient) instead.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

from searcher.dates import parse_display_date
from searcher.ingest import parse_file
from searcher.record import Record

DEFAULT = Path("/work/shared/corpus/real-dumps")
REPO = Path(__file__).resolve().parent.parent
LABEL_COPIES = REPO / "tests" / "data" / "real-dumps"
SAMPLES = REPO / "raw_html"

#: Lines that are the site's, never a document's (compared in lower case).
CHROME_LINES = frozenset(
    (
        "skip to content",
        "search in",
        "digital archive",
        "digital archive international history declassified",
        "citation",
        "get citation",
        "share document",
        "citation share download",
        "document information",
        "source",
        "rights",
        "original archive",
        "original uploaded date",
        "type",
        "language",
        "languages",
        "record id",
        "original classification",
        "donors",
        "author(s)",
        "author(s):",
        "associated people & organizations",
        "associated places",
        "subjects discussed",
        "document contributors",
    )
)
CHROME_PARTS = (
    "add search filter",
    "this document was made possible with support from",
    "history and public policy program digital archive",
    "the history and public policy program welcomes reuse",
)
_TAB_LABEL = re.compile(r"^(?:english|original|russian|chinese|german)\s+(?:html|pdf)$")


def fold(text: str) -> str:
    """Case and accents aside."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def names_right(wanted: list[str], got: tuple[str, ...]) -> bool:
    """Each labelled name inside one of the names got, and none invented."""
    return len(got) <= len(wanted) and all(any(fold(w) in fold(n) for n in got) for w in wanted)


def label_span(label: str) -> tuple[date | None, str]:
    """A label date (``1950``, ``1950-04``, ``1950-04-25``) as its first day and precision."""
    if not label:
        return None, "undated"
    parts = [int(p) for p in label.split("-")]
    precision = ("year", "month", "day")[len(parts) - 1]
    return date(parts[0], *(parts[1:] or [1]), *([1] if len(parts) < 3 else [])), precision


def chrome_in(body: str) -> list[str]:
    """Lines of a body that are site chrome."""
    found = []
    for line in body.split("\n"):
        key = " ".join(line.split()).strip(" •").lower()
        if key in CHROME_LINES or _TAB_LABEL.match(key) or any(p in key for p in CHROME_PARTS):
            found.append(line)
    return found


def _same_source(label: str, got: str) -> bool:
    def norm(value: str) -> str:
        return " ".join(value.split()).rstrip(".")

    return norm(label) == norm(got)


def check(record: Record, label: dict) -> dict[str, tuple[bool, str, str]]:
    """Each field compared: (right, what the record has, what the label says)."""
    out: dict[str, tuple[bool, str, str]] = {}
    out["title"] = (" ".join(record.title.split()) == label["title"], record.title, label["title"])
    start, precision = label_span(label.get("date") or "")
    out["date"] = (
        (record.date_start, record.date_precision) == (start, precision),
        f"{record.date!r} {record.date_start} {record.date_precision}",
        f"{start} {precision}",
    )
    for role in ("sender", "recipient"):
        wanted = list(label.get(role) or [])
        got = getattr(record, role)
        out[role] = (names_right(wanted, got), "|".join(got) or "-", "|".join(wanted) or "-")
    if "source" in label:
        wanted_source = label["source"]
        out["source"] = (_same_source(wanted_source, record.source), record.source, wanted_source)
    dirty = chrome_in(record.body)
    out["body"] = (not dirty and bool(record.body), " / ".join(dirty[:4]) or "(empty)", "clean")
    return out


def _dump_labels(folder: Path) -> dict[str, dict]:
    labels = json.loads((folder / "index.json").read_text("utf-8"))
    for sources_file in (folder / "sources.json", LABEL_COPIES / "sources.json"):
        if sources_file.is_file():
            for name, source in json.loads(sources_file.read_text("utf-8")).items():
                if name in labels and "source" not in labels[name]:
                    labels[name]["source"] = source
            break
    return labels


def _sample_labels(folder: Path) -> dict[str, dict]:
    labels = {}
    for entry in json.loads((folder / "manifest.json").read_text("utf-8")):
        expected = entry["expected"]
        span = parse_display_date(expected.get("date") or "")
        shown = ""
        if span.start is not None:
            shown = {
                "day": span.start.isoformat(),
                "month": span.start.isoformat()[:7],
                "year": str(span.start.year),
            }.get(span.precision, "")
        labels[entry["file"]] = {
            "title": expected["title"],
            "date": shown,
            "sender": expected.get("sender") or [],
            "recipient": expected.get("recipient") or [],
        }
    return labels


def measure(folder: Path, labels: dict[str, dict]) -> tuple[int, int, list[str]]:
    """(fields right, fields compared, one line per miss)."""
    right = total = 0
    misses: list[str] = []
    for name, label in sorted(labels.items()):
        record = parse_file(folder / name)
        for field, (ok, got, wanted) in check(record, label).items():
            total += 1
            right += ok
            if not ok:
                misses.append(f"{name}: {field}\n    got   {got}\n    label {wanted}")
    return right, total, misses


def main(argv: list[str]) -> int:
    """Print the misses and the count; exit 0."""
    samples = "--samples" in argv
    args = [a for a in argv if a != "--samples"]
    folder = Path(args[0]) if args else (SAMPLES if samples else DEFAULT)
    labels = _sample_labels(folder) if samples else _dump_labels(folder)
    right, total, misses = measure(folder, labels)
    for miss in misses:
        print(miss)
    print(f"{right} of {total} fields right ({100 * right / max(total, 1):.1f}%) in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
