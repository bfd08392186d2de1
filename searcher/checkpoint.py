"""Named steps of a rebuild where it can be held, so that a test can stop it exactly there.

With ``SEARCHER_PAUSE_AT`` naming one or more steps (comma-separated) and
``SEARCHER_PAUSE_FILE`` a path, a rebuild that reaches one of those steps writes the
step's name into that file and waits, doing nothing, for as long as the file exists: the
test then kills it, interrupts it, or deletes the file to let it go on.  Each step holds
once per process.  Without the two variables a step costs one dictionary look-up.

Steps: ``parsing`` (the first pages are parsed, workers still at work), ``committing``
(every page is written to the new generation, which is not yet complete), ``publishing``
(the new generation is complete and synced, the pointer to it written beside CURRENT but
not yet renamed over it), ``published`` (CURRENT renamed, the folder not yet synced).
"""

from __future__ import annotations

import os
import time

_held: set[str] = set()


def step(name: str) -> None:
    """Hold here if the environment asks for it (see the module's docstring)."""
    wanted = os.environ.get("SEARCHER_PAUSE_AT")
    if not wanted or name in _held or name not in wanted.split(","):
        return
    path = os.environ.get("SEARCHER_PAUSE_FILE")
    if not path:
        return
    _held.add(name)
    temp = f"{path}.{os.getpid()}.tmp"
    with open(temp, "w", encoding="utf-8") as fh:
        fh.write(name)
    os.replace(temp, path)  # seen whole or not at all
    while os.path.exists(path):
        time.sleep(0.01)
