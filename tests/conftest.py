"""Shared fixtures: an index of the shipped sample pages, built once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
RAW_HTML = ROOT / "raw_html"

# The checkout's own packages (searcher, samples, benchmarks) import alike under `pytest`
# and `python -m pytest` (only the latter puts the working folder on the path), and the
# tests of every folder below import the support modules kept here (cli_support,
# pg_support, reliability_support).
for folder in (ROOT, TESTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def _pages() -> list[Path]:
    from searcher.ingest import is_page

    return [p for p in RAW_HTML.rglob("*") if is_page(p)] if RAW_HTML.is_dir() else []


@pytest.fixture(scope="session")
def raw_html_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of an index built from raw_html/.  The sample pages ship with the project, so
    their absence, or a build that indexes none of them, fails every test that needs them:
    a broken ingester must not pass as a run of skipped tests."""
    pages = _pages()
    assert pages, f"no sample pages in {RAW_HTML} (remake them: python -m samples.build)"
    from searcher.build import rebuild

    path = tmp_path_factory.mktemp("raw_html_index") / "index"
    report = rebuild(RAW_HTML, path, full=True, workers=1)
    assert report.indexed == len(pages) - len(report.failed), report
    assert not report.failed, f"{len(report.failed)} sample pages failed: {report.failed[:3]}"
    return path
