"""Pages as real scrapes render them, beyond our own sample renderer.

Each page in ``tests/data/variants`` has a JSON file beside it: ``page`` holds the values
the layout must extract (exactly), ``record`` values of the normalised record,
``body_lacks`` text that must stay out of the body, ``extra_lacks`` labels that must not
be left over unrecognised.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from searcher.ingest import parse_bytes
from searcher.ingest.decode import decode
from searcher.ingest.layouts import extract

VARIANTS = Path(__file__).resolve().parents[1] / "data" / "variants"
CASES = sorted(VARIANTS.glob("*.json"))


def _page_file(spec: Path) -> Path:
    found = [p for p in VARIANTS.glob(spec.stem + ".*") if p.suffix != ".json"]
    assert len(found) == 1, f"one page beside {spec.name}"
    return found[0]


def test_there_are_variants_of_both_layouts() -> None:
    layouts = [json.loads(p.read_text("utf-8"))["page"]["layout"] for p in CASES]
    assert layouts.count("current_site") >= 12
    assert layouts.count("old_site") + layouts.count("plain_text") >= 12


@pytest.mark.parametrize("spec", CASES, ids=lambda p: p.stem)
def test_variant_page(spec: Path) -> None:
    expected = json.loads(spec.read_text("utf-8"))
    data = _page_file(spec).read_bytes()
    page = extract(decode(data).text)
    for name, value in expected["page"].items():
        assert getattr(page, name) == value, name
    for text in expected.get("body_lacks", []):
        assert text not in page.body
    for label in expected.get("extra_lacks", []):
        assert label not in page.extra
    record = parse_bytes(data, path=str(spec)).to_dict()
    assert record["title"] == page.title and record["body"] == page.body
    for name, value in expected.get("record", {}).items():
        assert record[name] == value, name
