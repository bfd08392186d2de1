"""Fixtures of the web tests: the application over the sample index, and an index of a
hostile page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from web_support import build_hostile_index, client_for


@pytest.fixture(scope="module")
def client(raw_html_index: Path) -> Iterator[TestClient]:
    with client_for(raw_html_index) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the hostile page beside the real one it was made from (twice)."""
    return build_hostile_index(tmp_path_factory.mktemp("hostile"))
