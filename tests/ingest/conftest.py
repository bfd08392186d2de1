"""Fixtures of the ingest tests."""

import pytest
from title_rules import authority

from searcher.names import NameAuthority


@pytest.fixture(scope="session")
def names() -> NameAuthority:
    """The shipped name authority, loaded once."""
    return authority()
