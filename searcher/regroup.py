"""After a rebuild has written each new or changed page as its own record: the pages that
hold one document merged into one record, ids made unique, and what to remember of each
page for the next rebuild (see :mod:`searcher.copies` and :mod:`searcher.identity`).

Only what changed is looked at again: a group of copies is merged anew when one of its
pages is new, changed or gone, or when the pages in it are not those of the last rebuild.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from searcher.copies import Key, group, merge, near
from searcher.identity import distinct_id
from searcher.record import Record

__all__ = ["Plan", "plan"]

#: What the index remembers of a page: its :data:`~searcher.copies.Key`, then the path of
#: the page whose record holds it ("" for its own), then 1 when its id was made distinct.
Entry = list[Any]


@dataclass
class Plan:
    """What to change after the pages were written one record each."""

    #: Paths whose records are removed, before ``records`` are added.
    drop: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    #: path -> Entry, for every page the index holds after this rebuild.
    pages: dict[str, Entry] = field(default_factory=dict)
    #: path -> [content hash, path of the record holding it], for pages merged into another's.
    copies: dict[str, list[str]] = field(default_factory=dict)
    #: (id, paths) of documents that the id rules gave one id; all but one got another.
    clashes: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def plan(
    previous: dict[str, Entry],
    fresh: dict[str, Key],
    gone: set[str],
    failing: set[str],
    load: Callable[[str], Record | None],
    hashes: dict[str, str],
    previous_copies: dict[str, list[str]],
) -> Plan:
    """What to rewrite, given the last rebuild's pages (``previous``), the keys of the
    pages parsed now (``fresh``), the paths gone, the paths that failed to parse now, a way
    to read a page's record again (``load``) and the content hashes seen now."""
    # a previous page's entry stands for its key (its first four items), not a copy of it
    keys: dict[str, Key | Entry] = {p: e for p, e in previous.items() if p not in gone}
    keys.update(fresh)
    before: dict[str, set[str]] = {}
    for path, entry in previous.items():
        before.setdefault(entry[4] or path, set()).add(path)
    gone_titles = {previous[p][3] for p in gone if p in previous and previous[p][3]}
    # records read again are held only while they are needed: a title's pages while their
    # texts are compared, then only those linked to another, until they are merged
    held: dict[str, Record] = {}
    unreadable = set(failing)

    def read(path: str) -> Record | None:
        if path in held:
            return held[path]
        record = None if path in unreadable else load(path)
        if record is None:
            unreadable.add(path)
        return record

    def same_text(paths: list[str]) -> list[list[str]]:
        title = keys[paths[0]][3]
        if title not in gone_titles and not any(p in fresh for p in paths):
            return _as_before(paths, previous)
        records = {p: read(p) for p in paths}
        linked: list[list[str]] = _as_before([p for p, r in records.items() if r is None], previous)
        readable = [(p, r) for p, r in records.items() if r is not None]
        for i, (a, record_a) in enumerate(readable):
            for b, record_b in readable[i + 1 :]:
                ids = (keys[a][1], keys[b][1])
                if (not all(ids) or ids[0] == ids[1]) and near(record_a, record_b):
                    linked.append([a, b])
                    held[a], held[b] = record_a, record_b
        return linked

    groups = group(keys, same_text)
    out = Plan()
    chosen: list[tuple[list[str], str, str, Record | None]] = []
    for members in groups:
        previous_root = {previous[p][4] or p for p in members if p in previous}
        unchanged = (
            len(previous_root) == 1
            and before.get(next(iter(previous_root))) == set(members)
            and not any(p in fresh for p in members)
        )
        record = None
        if len(members) == 1:
            primary = members[0]
        elif unchanged:
            primary = next(iter(previous_root))
        else:
            records = [r for r in map(read, members) if r is not None]
            for path in members:
                held.pop(path, None)
            if not records:  # every copy unreadable now: their record stays as it was
                primary = next(iter(previous_root), members[0])
                unchanged = True
            else:
                record = merge(records, members)
                primary = record.path
        base = next((keys[p][1] for p in members if keys[p][1]), "") or keys[primary][0]
        chosen.append((members, primary, base, record if not unchanged else None))
    suffixed = _clashes(chosen, previous, out)
    for (members, primary, base, record), distinct in zip(chosen, suffixed, strict=True):
        was = previous.get(primary)
        was_alone = was is not None and not was[4] and before.get(primary) == {primary}
        rewrite = record is not None or (was is not None and bool(was[5]) != distinct)
        if len(members) == 1 and primary not in failing:
            if primary in fresh:
                rewrite = distinct
            else:
                rewrite = not was_alone or bool(was and was[5]) != distinct
        if rewrite:
            if record is None and len(members) > 1:
                records = [r for r in map(read, members) if r is not None]
                record = merge(records, members) if records else None
            elif record is None:
                record = read(primary)
            if record is not None:
                ident = distinct_id(base, primary) if distinct else base
                out.drop.extend(members)
                out.records.append(replace(record, id=ident))
        for path in members:
            key = keys[path]
            holder = "" if path == primary else primary
            out.pages[path] = [key[0], key[1], key[2], key[3], holder, int(distinct)]
            if path != primary:
                digest = hashes.get(path) or previous_copies.get(path, [""])[0]
                out.copies[path] = [digest, primary]
    return out


def _as_before(paths: list[str], previous: dict[str, Entry]) -> list[list[str]]:
    """``paths`` linked as the last rebuild had them (by the record that held them)."""
    by_root: dict[str, list[str]] = {}
    for path in paths:
        if path in previous:
            by_root.setdefault(previous[path][4] or path, []).append(path)
    return list(by_root.values())


def _clashes(
    chosen: list[tuple[list[str], str, str, Record | None]],
    previous: dict[str, Entry],
    out: Plan,
) -> list[bool]:
    """For each group, whether its id must be made distinct: another group has the same
    base id and keeps it (the one that held it last time, else the first in path order)."""
    by_base: dict[str, list[int]] = {}
    for i, item in enumerate(chosen):
        by_base.setdefault(item[2], []).append(i)
    distinct = [False] * len(chosen)
    for base, indexes in by_base.items():
        if len(indexes) < 2:
            continue

        def held(i: int, base: str = base) -> bool:
            entry = previous.get(chosen[i][1])
            return entry is not None and entry[0] == base and not entry[5]

        keeper = min(indexes, key=lambda i: (not held(i), chosen[i][1]))
        for i in indexes:
            distinct[i] = i != keeper
        out.clashes.append((base, tuple(sorted(chosen[i][1] for i in indexes))))
    return distinct
