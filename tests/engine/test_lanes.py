"""Arithmetic on whole machine arrays against the same arithmetic one value at a time."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from searcher.engine.whoosh import lanes

_U32 = st.integers(0, 2**32 - 1)


@given(
    st.sampled_from("IQ"), st.lists(st.integers(0, 2**31), max_size=300), st.integers(0, 2**31 - 1)
)
def test_raised_adds_to_every_value(code, items, by):
    """Every sum fits 32 bits, as ``raised`` requires."""
    assert list(lanes.raised(array(code, items), by)) == [v + by for v in items]


@given(st.lists(_U32, max_size=100))
def test_values_read_back_their_number(items):
    assert lanes.values(lanes.number(array("I", items)), "I", len(items)).tolist() == items
