"""Shared fixtures: an index of the shipped sample pages, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

RAW_HTML = Path(__file__).resolve().parent.parent / "raw_html"


def _has_pages() -> bool:
    from searcher.ingest import is_page

    return RAW_HTML.is_dir() and any(is_page(p) for p in RAW_HTML.rglob("*"))


@pytest.fixture(scope="session")
def raw_html_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of an index built from raw_html/ (skips when the sample pages are absent)."""
    if not _has_pages():
        pytest.skip("no sample pages in raw_html/")
    from searcher.build import rebuild

    path = tmp_path_factory.mktemp("raw_html_index") / "index"
    report = rebuild(RAW_HTML, path, full=True, workers=1)
    if not report.indexed:
        pytest.skip(f"no sample page could be indexed: {report.failed[:3]}")
    return path
