"""What a rebuild did: the summary ``search rebuild`` prints, the engines keep with the
index and ``search stats`` shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["BuildReport"]


@dataclass(frozen=True)
class BuildReport:
    """What a rebuild did.  ``failed`` lists every page (or folder, its path ending in
    ``/``) that could not be read, with why; ``stale`` those of them whose last good
    record was kept; ``copies`` the pages whose document another page's record holds;
    ``clashes`` the ids the rules gave to more than one document (all but one changed);
    ``partial`` the pages indexed although they stop mid-way, with where or why."""

    indexed: int
    unchanged: int
    deleted: int
    failed: tuple[tuple[str, str], ...]
    elapsed: float
    seen: int
    cleaned: tuple[str, ...] = ()
    full: bool = False
    stale: tuple[tuple[str, str], ...] = ()
    copies: int = 0
    clashes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""
    index: str = ""
    #: The index was from an older version of searcher and was rebuilt in full.
    upgraded: bool = False
    partial: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["failed"] = [list(item) for item in self.failed]
        out["stale"] = [list(item) for item in self.stale]
        out["partial"] = [list(item) for item in self.partial]
        out["clashes"] = [[ident, list(paths)] for ident, paths in self.clashes]
        out["cleaned"] = list(self.cleaned)
        return out
