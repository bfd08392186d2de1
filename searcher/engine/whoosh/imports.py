"""Whoosh, imported without the weight of what a search never calls.

At import Whoosh binds ``urlretrieve`` (to download WordNet; it pulls in ``urllib.request``,
``http``, ``ssl`` and ``email``), morph_en's ``variations`` (for Variations queries; it
compiles hundreds of regular expressions) and the ``cached_property`` package (it imports
``asyncio``): some 100 ms of a ~300 ms ``search query``. While Whoosh's modules load, those
names are bound to stand-ins that import the real thing on first call; ``sys.modules`` is
then left as it was, so every other importer gets the real modules. Modules a program has
already imported are used as they are.
"""

from __future__ import annotations

import functools
import importlib
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any


def _on_first_call(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


@contextmanager
def _standing_in(module: str, **names: Any) -> Iterator[None]:
    """While the block runs, ``from module import name`` binds ``names[name]``."""
    if module in sys.modules:
        yield
        return
    stand_in = types.ModuleType(module)
    stand_in.__dict__.update(names)
    sys.modules[module] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(module) is stand_in:
            del sys.modules[module]


def _import_whoosh() -> None:
    with ExitStack() as stack:
        stack.enter_context(
            _standing_in(
                "urllib.request", urlretrieve=_on_first_call("urllib.request", "urlretrieve")
            )
        )
        stack.enter_context(
            _standing_in(
                "whoosh.lang.morph_en",
                variations=_on_first_call("whoosh.lang.morph_en", "variations"),
            )
        )
        stack.enter_context(
            _standing_in("cached_property", cached_property=functools.cached_property)
        )
        import whoosh.compat
        import whoosh.query
        import whoosh.reading  # noqa: F401


_import_whoosh()
