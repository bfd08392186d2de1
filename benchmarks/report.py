"""One table of a run's figures with ratios and targets, as text, markdown and JSON files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from benchmarks.queries import CLASSES

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_PAGES = 20_000
COLUMNS = ("searcher", "naive", "fts5", "floor")
#: Columns shown only when the run measured them (``--engine postgres``).
OPTIONAL = ("postgres",)
RATIOS = ("naive", "fts5", "floor")
MB = 1024 * 1024


def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def _rows(out: dict[str, Any]) -> list[tuple[str, dict[str, float | None]]]:
    builds, raw = out["builds"], out["raw_bytes"]

    def per(key: str, scale: float = 1.0) -> dict[str, float | None]:
        return {s: (b[key] * scale if key in b else None) for s, b in builds.items()}

    rows: list[tuple[str, dict[str, float | None]]] = [
        ("full build, pages/s", per("pages_per_s")),
        ("full build, wall s", per("wall")),
        ("full build, CPU s", per("cpu")),
        ("peak RSS, largest process MB", per("max_rss", 1 / MB)),
        ("peak RSS, process tree MB", per("tree_rss", 1 / MB)),
        ("index size / raw pages", per("index_bytes", 1 / raw)),
    ]
    inc = out["incremental"]
    for key, label in (("unchanged", "nothing changed"), ("changed_1pct", "1% changed")):
        values = {"searcher": inc[key]["wall"]} if key in inc else {}
        values |= {s: inc[s][key]["wall"] for s in OPTIONAL if key in inc.get(s, {})}
        if values:
            rows.append((f"rebuild, {label}, wall s", values))
    for kind in CLASSES:
        for stat in ("p50", "p95"):
            values = {s: q[kind][stat] * 1000 for s, q in out["queries"].items() if kind in q}
            if values:
                rows.append((f"query {kind} {stat} ms", values))
    if out.get("cold"):
        rows.append(("cold `search query` ms", {"searcher": out["cold"]["search"] * 1000}))
        if "phrase" in out["cold"]:
            rows.append(
                ("cold `search query` phrase ms", {"searcher": out["cold"]["phrase"] * 1000})
            )
        rows.append(("cold `python -c pass` ms", {"searcher": out["cold"]["python"] * 1000}))
    return rows


def _ratio(row: dict[str, float | None], other: str) -> str:
    a, b = row.get("searcher"), row.get(other)
    return f"{a / b:.2f}x" if a is not None and b else "-"


def targets(
    out: dict[str, Any], previous: dict[str, Any] | None = None
) -> list[tuple[str, str, bool | None]]:
    """(what, measured, met) for each target that this run's figures allow to check."""
    b, q = out["builds"], out["queries"]
    found: list[tuple[str, str, bool | None]] = []
    s = b.get("searcher")
    if s and "naive" in b:
        speed = b["naive"]["wall"] / s["wall"]
        found.append(("full build at least 4x faster than naive", f"{speed:.1f}x", speed >= 4))
    if s:
        rate = s["pages_per_s"]
        found.append(("full build about 400 pages/s", f"{rate:.0f} pages/s", rate >= 400))
    if s and "unchanged" in out["incremental"]:
        speed = s["wall"] / out["incremental"]["unchanged"]["wall"]
        found.append(("nothing-changed rebuild at least 50x faster", f"{speed:.0f}x", speed >= 50))
    if "searcher" in q and "fts5" in q:
        for stat, limit in (("p50", 3), ("p95", 5)):
            worst = max(
                (
                    (q["searcher"][k][stat] / q["fts5"][k][stat], k)
                    for k in q["searcher"]
                    if k in q["fts5"]
                ),
                default=None,
            )
            if worst:
                found.append(
                    (
                        f"query {stat} at most {limit}x FTS5 (worst class)",
                        f"{worst[0]:.1f}x ({worst[1]})",
                        worst[0] <= limit,
                    )
                )
        if "facets" in q["searcher"] and "facets" in q["fts5"]:
            ratio = q["searcher"]["facets"]["p50"] / q["fts5"]["facets"]["p50"]
            found.append(
                ("three-facet counts at most 3x FTS5 GROUP BY", f"{ratio:.1f}x", ratio <= 3)
            )
    if out.get("cold"):
        ratio = out["cold"]["search"] / out["cold"]["python"]
        found.append(("cold `search query` under 8x `python -c pass`", f"{ratio:.1f}x", ratio < 8))
    if s:
        rss = max(s.get("tree_rss", 0), s.get("max_rss", 0)) / MB
        found.append(("peak RSS of a rebuild under 1 GB", f"{rss:.0f} MB", rss < 1024))
    if previous and s and previous["builds"].get("searcher"):
        p = previous["builds"]["searcher"]
        growth = (s["wall"] / p["wall"]) / (out["pages"] / previous["pages"])
        found.append(
            (
                f"build time grows at most linearly from {previous['pages']:,} pages",
                f"{growth:.2f} of linear",
                growth <= 1.0,
            )
        )
        if "searcher" in previous["queries"] and "searcher" in q:
            worst = max(
                (q["searcher"][k]["p50"] / previous["queries"]["searcher"][k]["p50"], k)
                for k in q["searcher"]
                if k in previous["queries"]["searcher"]
            )
            found.append(
                (
                    f"query p50 at most 2x its {previous['pages']:,}-page figure",
                    f"{worst[0]:.1f}x ({worst[1]})",
                    worst[0] <= 2,
                )
            )
    return found


def _previous_size(out: dict[str, Any]) -> dict[str, Any] | None:
    """The latest results at the target size, to compare a larger run with."""
    if out["pages"] <= TARGET_PAGES:
        return None
    found = sorted(RESULTS.glob(f"*-pages-{TARGET_PAGES}.json"))
    return json.loads(found[-1].read_text()) if found else None


def _columns(out: dict[str, Any]) -> tuple[str, ...]:
    return (*COLUMNS, *(s for s in OPTIONAL if s in out["builds"]))


def _table(out: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    columns = _columns(out)
    header = ["", *columns, *(f"searcher/{r}" for r in RATIOS)]
    body = []
    for label, row in _rows(out):
        body.append(
            [label, *(_fmt(row.get(c)) for c in columns), *(_ratio(row, r) for r in RATIOS)]
        )
    return header, body


def _notes(out: dict[str, Any]) -> list[str]:
    systems = [s for s in _columns(out) if s in out["queries"]]
    hits = ", ".join(
        f"{kind} " + "/".join(f"{out['queries'][s][kind]['hits']:.0f}" for s in systems)
        for kind in CLASSES
        if all(kind in out["queries"][s] for s in systems)
    )
    notes = [f"mean hits per query ({'/'.join(systems)}): {hits}"] if systems else []
    naive = out["builds"].get("naive", {})
    if naive.get("from"):
        notes.append(f"naive figures reused from the run of {naive['from']} (--skip-naive)")
    cold = out.get("cold", {})
    if "phrase" in cold:
        ratio = cold["phrase"] / cold["python"]
        notes.append(f"a cold phrase query, which loads numpy: {ratio:.1f}x `python -c pass`")
    if out["pages"] != TARGET_PAGES:
        notes.append(
            f"the targets are set at {TARGET_PAGES:,} pages; this run has {out['pages']:,}"
        )
    return notes


def render(out: dict[str, Any]) -> str:
    """The run as an aligned text table, then its targets."""
    header, body = _table(out)
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    line = lambda cells: "  ".join(  # noqa: E731
        c.ljust(w) if i == 0 else c.rjust(w)
        for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    )
    raw = out["raw_bytes"] / MB
    lines = [
        f"{out['pages']:,} pages ({raw:,.0f} MB), {out['machine']['cpus']} CPUs, "
        f"Python {out['machine']['python']}, {out['date']}",
        line(header),
        line(["-" * w for w in widths]),
        *(line(r) for r in body),
        "",
        "targets:",
    ]
    for what, measured, met in targets(out, _previous_size(out)):
        mark = {True: "met", False: "MISSED", None: "-"}[met]
        lines.append(f"  {mark:<6} {what}: {measured}")
    lines += [f"note: {n}" for n in _notes(out)]
    return "\n".join(lines)


def markdown(out: dict[str, Any]) -> str:
    header, body = _table(out)
    raw = out["raw_bytes"] / MB
    lines = [
        f"{out['pages']:,} pages ({raw:,.0f} MB of HTML), {out['machine']['cpus']} CPUs, "
        f"Python {out['machine']['python']}, {out['date']}. Made by `{out['command']}`.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---", *["---:"] * (len(header) - 1)]) + "|",
        *("| " + " | ".join(r) + " |" for r in body),
        "",
        "Ratios are searcher ÷ other on the same row (below 1 is faster for times; above 1 is "
        "faster for pages/s).",
        "",
    ]
    for what, measured, met in targets(out, _previous_size(out)):
        lines.append(f"- {'met' if met else 'MISSED'}: {what}: {measured}")
    lines += [f"- note: {n}" for n in _notes(out)]
    return "\n".join(lines) + "\n"


def reuse_naive(out: dict[str, Any]) -> None:
    """Fill in the naive pipeline's figures from the last run at the same size."""
    for path in sorted(RESULTS.glob(f"*-pages-{out['pages']}.json"), reverse=True):
        old = json.loads(path.read_text())
        if "naive" in old["builds"]:
            out["builds"]["naive"] = {
                **old["builds"]["naive"],
                "from": old["builds"]["naive"].get("from") or old["date"],
            }
            if "naive" in old["queries"]:
                out["queries"]["naive"] = old["queries"]["naive"]
            return


def save(out: dict[str, Any], suffix: str = "") -> list[Path]:
    """Write latest.json, latest.md and dated copies under benchmarks/results/.

    A ``suffix`` (``-postgres``) keeps a run apart from the ones later runs compare with.
    """
    RESULTS.mkdir(exist_ok=True)
    stamp = out["date"].replace(":", "")
    text = json.dumps(out, indent=2, sort_keys=True) + "\n"
    md = markdown(out)
    written = []
    for name, content in (
        (f"latest{suffix}.json", text),
        (f"latest{suffix}.md", md),
        (f"{stamp}-pages-{out['pages']}{suffix}.json", text),
        (f"{stamp}-pages-{out['pages']}{suffix}.md", md),
    ):
        (RESULTS / name).write_text(content)
        written.append(RESULTS / name)
    return written
