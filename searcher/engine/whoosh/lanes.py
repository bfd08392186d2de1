"""Arithmetic on every value of a machine array at once.

The values of an unsigned array, end to end, are read as one long integer, where each
value is a fixed run of bits (a lane).  Adding, subtracting or shifting that integer acts
on every lane in one C loop, as long as no lane's result leaves its own bits; each
function says why its results stay inside.
"""

from __future__ import annotations

import sys
from array import array

_ORDER = sys.byteorder
_ONE = {code: array(code, [1]).tobytes() for code in "IQ"}


def number(values: array) -> int:
    """The values as one long integer."""
    return int.from_bytes(values.tobytes(), _ORDER)


def values(lanes: int, code: str, count: int) -> array:
    """``count`` values of type ``code`` from one long integer."""
    return array(code, lanes.to_bytes(count * array(code).itemsize, _ORDER))


def ones(code: str, count: int) -> int:
    """``count`` lanes of type ``code`` holding 1."""
    return int.from_bytes(_ONE[code] * count, _ORDER)


def raised(items: array, by: int) -> array:
    """Each of ``items`` plus ``by`` (the sums must fit their type)."""
    count = len(items)
    return values(number(items) + by * ones(items.typecode, count), items.typecode, count)
