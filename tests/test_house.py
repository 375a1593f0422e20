"""The house (issue 10): one kind of code per layer, checked on the source itself.

- every SQL statement lives in storage/;
- storage/ imports nothing above bot/rules/ and nothing from conversations/;
- bot/rules/ is pure: no storage, Telegram, HTTP or feature imports;
- FastAPI and Starlette are imported only in bot/api/, bot/http/ and the sandbox;
- features (bot/<feature>/) import no telegram.ext and no HTTP framework, and the outbox no
  feature;
- no import cycles, no production module over 500 lines (that production never needs the
  sandbox is checked in test_sandbox.py);
- test files import helpers from tests/ support modules, never from another test file.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "conversations", "storage", "locales")
FEATURES = ("klachten", "overstap", "privacy", "rooster", "uren", "verzuim")
SQL = re.compile(r"\b(SELECT\s+(DISTINCT\s+)?[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\s|"
                 r"UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX)\s|ALTER\s+TABLE\s|"
                 r"PRAGMA\s+\w)")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


MODULES = modules()


def in_type_checking(node: ast.AST, parents: dict) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports_of(path: Path) -> set[str]:
    """Every module named by an import in this file (also inside functions)."""
    tree = ast.parse(path.read_text("utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    names: set[str] = set()
    for node in ast.walk(tree):
        if in_type_checking(node, parents):
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def layer_of(name: str) -> str:
    if under(name, "bot.sandbox"):
        return "sandbox"
    if under(name, "bot.rules"):
        return "rules"
    if under(name, "storage"):
        return "storage"
    if under(name, *(f"bot.{feature}" for feature in FEATURES)):
        return "feature"
    if under(name, "bot.outbox"):
        return "delivery"
    return "other"


def project_imports(path: Path) -> set[str]:
    """Imported names that are project modules (``from pkg import mod`` counts as ``pkg.mod``)."""
    return {name for name in imports_of(path) if name in MODULES}


def test_no_sql_outside_storage():
    offenders = []
    for name, path in MODULES.items():
        if under(name, "storage", "bot.sandbox"):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if SQL.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not offenders, "SQL outside storage/:\n" + "\n".join(offenders)


def test_each_layer_imports_only_what_it_may():
    rules = {
        "storage": lambda n: under(n, "conversations", "bot") and not under(n, "bot.rules"),
        "rules": lambda n: (under(n, "storage", "conversations", "bot")
                            and not under(n, "bot.rules")),
        "feature": lambda n: under(n, "conversations", "bot.api", "bot.http", "bot.admin",
                                   "bot.app", "bot.cli", "bot.sandbox"),
        # The outbox knows no feature: features register their renderers with it.
        "delivery": lambda n: under(n, "conversations", "bot.api", "bot.http", "bot.admin",
                                    "bot.app", "bot.cli", "bot.sandbox",
                                    *(f"bot.{feature}" for feature in FEATURES)),
    }
    bad = []
    for name, path in MODULES.items():
        forbidden = rules.get(layer_of(name))
        if forbidden is None:
            continue
        bad += [f"{name} imports {target}" for target in sorted(project_imports(path))
                if forbidden(target)]
    assert not bad, "\n".join(bad)


def test_http_framework_only_in_api_http_and_sandbox():
    bad = []
    for name, path in MODULES.items():
        if under(name, "bot.api", "bot.http", "bot.sandbox"):
            continue
        bad += [f"{name} imports {target}" for target in sorted(imports_of(path))
                if under(target, "fastapi", "starlette")]
    assert not bad, "\n".join(bad)


def test_features_have_no_telegram_handlers():
    bad = []
    for name, path in MODULES.items():
        if layer_of(name) in ("feature", "rules", "storage"):
            bad += [f"{name} imports {target}" for target in sorted(imports_of(path))
                    if under(target, "telegram.ext")]
    assert not bad, "\n".join(bad)


def test_no_import_cycles():
    graph = {name: {target for target in project_imports(path) if target != name}
             for name, path in MODULES.items()}
    # A module's package __init__ is imported with it; that is not a cycle of ours.
    for name, targets in graph.items():
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                cycles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_no_module_over_500_lines():
    long = [f"{path.relative_to(ROOT)}: {n} lines" for path in MODULES.values()
            if not under(path.relative_to(ROOT).parts[0], "locales")
            and (n := len(path.read_text("utf-8").splitlines())) > 500]
    assert not long, "\n".join(long)


def test_test_files_import_helpers_only_from_support_modules():
    bad = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        bad += [f"{path.relative_to(ROOT)} imports {target}" for target in imports_of(path)
                if re.match(r"tests(\.rules)?\.test_", target)]
    assert not bad, "\n".join(bad)
