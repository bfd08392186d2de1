"""The layers of docs/architecture.md, read from the imports of every module of the package.

Every import counts for what a module may use, those inside functions too; only those run
when the module is imported (not inside functions, nor under ``if TYPE_CHECKING:``) count
for cycles and for what importing a module loads.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "searcher"
#: The package of every module that uses Whoosh: the embedded engine.
WHOOSH = "searcher.engine.whoosh"


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, ast.Module]:
    return {_name(path): ast.parse(path.read_text()) for path in sorted(PACKAGE.rglob("*.py"))}


def _within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """What one import statement imports: module names (a name imported from a package is
    its submodule when there is one)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        package = module.split(".")
        if module not in _modules() or not _is_package(module):
            package = package[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, *([node.module] if node.module else [])])
    known = _modules()
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]


def _is_package(module: str) -> bool:
    return (PACKAGE.parent / module.replace(".", "/") / "__init__.py").exists()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _at_import(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    """The imports run when a module (or a class body in it) is executed."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                found += _at_import(node.body)
            found += _at_import(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, *(h.body for h in node.handlers), node.orelse):
                found += _at_import(block)
            found += _at_import(node.finalbody)
        elif isinstance(node, ast.With | ast.ClassDef):
            found += _at_import(node.body)
    return found


@cache
def imports(module: str, *, anywhere: bool = True) -> frozenset[str]:
    """Every module ``module`` imports: anywhere in it, or when it is imported."""
    tree = _modules()[module]
    nodes = (
        [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
        if anywhere
        else _at_import(tree.body)
    )
    return frozenset(target for node in nodes for target in _targets(module, node))


def _offences(modules: list[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module in modules
        for target in imports(module)
        if _within(target, *forbidden)
    )


def _of(*prefixes: str) -> list[str]:
    return [name for name in _modules() if _within(name, *prefixes)]


def test_the_lower_layers_import_nothing_of_the_build_the_api_or_the_command_line():
    lower = _of("searcher.ingest", "searcher.query", "searcher.engine", "searcher.record")
    above = ("searcher.cli", "searcher.api", "searcher.build", "searcher.build_workers")
    assert lower
    assert _offences(lower, above) == []


def test_the_query_layer_imports_nothing_of_the_ingester():
    assert _offences(_of("searcher.query"), ("searcher.ingest",)) == []


def test_only_the_command_line_imports_the_command_line():
    library = [m for m in _modules() if not _within(m, "searcher.cli", "searcher.__main__")]
    assert _offences(library, ("searcher.cli",)) == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle of ``graph``, each once, from its smallest module."""
    found: list[list[str]] = []

    def visit(start: str, module: str, path: list[str]) -> None:
        if module in path:
            if module == start:
                found.append([*path, module])
            return
        if module < start:
            return
        for target in sorted(graph[module]):
            visit(start, target, [*path, module])

    for start in sorted(graph):
        visit(start, start, [])
    return found


def test_no_module_imports_itself_through_others_when_imported():
    graph = {m: {t for t in imports(m, anywhere=False) if t in _modules()} for m in _modules()}
    assert _cycles(graph) == []


def test_only_the_whoosh_package_imports_whoosh():
    assert {m for m in _modules() if any(_within(t, "whoosh") for t in imports(m))}
    outside = [m for m in _modules() if not _within(m, WHOOSH)]
    assert _offences(outside, ("whoosh",)) == []


_LOADED_WHOOSH = """
import json, sys
import searcher.engine.postgres, searcher.engine, searcher.query, searcher.api
from searcher.errors import SearcherError
try:  # the dispatch of a PostgreSQL location (no server listens on port 1)
    searcher.api.Archive.open("postgresql://127.0.0.1:1/none")
except SearcherError:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.partition(".")[0] == "whoosh"
                        or m.startswith("searcher.engine.whoosh"))))
"""


def test_the_engine_interface_and_the_postgresql_engine_load_no_whoosh():
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_WHOOSH], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def _loaded(module: str, *, anywhere: bool = False) -> set[str]:
    """The package's modules importing ``module`` imports by name (not its packages); with
    ``anywhere``, those its functions import too, but for the engine ``open_engine`` opens."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or name not in _modules():
            continue
        seen.add(name)
        found = imports(name, anywhere=anywhere)
        if name == "searcher.engine.base":
            found = frozenset(
                t for t in found if not _within(t, WHOOSH, "searcher.engine.postgres")
            )
        todo += found
    return seen


@pytest.mark.parametrize("module", _of("searcher.engine.postgres"))
def test_the_postgresql_engine_imports_no_whoosh(module):
    assert not any(_within(t, "whoosh") for t in imports(module))
    through = sorted(
        (name, t)
        for name in _loaded(module)
        for t in imports(name, anywhere=False)
        if _within(t, "whoosh")
    )
    assert through == []
    assert sorted(m for m in _loaded(module, anywhere=True) if _within(m, WHOOSH)) == []


#: Files a reader takes in whole: the package's modules and the sample page specifications.
SIZED = (PACKAGE, PACKAGE.parent / "samples")


def test_no_module_or_sample_specification_runs_over_600_lines():
    long = sorted(
        f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
        for folder in SIZED
        for path in (*folder.rglob("*.py"), *folder.rglob("*.toml"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 600
    )
    assert long == []
