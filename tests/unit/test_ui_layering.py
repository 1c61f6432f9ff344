"""The window reaches data only through the services: no SQL, no database session, no table class in ui/."""

from __future__ import annotations

import ast
from pathlib import Path

import dxplanner

PACKAGE = Path(dxplanner.__file__).parent
UI = PACKAGE / "ui"
FORBIDDEN_MODULES = ("sqlmodel", "sqlalchemy", "dxplanner.store", "dxplanner.core.models")
# A store's transactions, and what a write leaves on it for undoing: only the services open or read them.
TRANSACTIONS = ("read", "write")
STORE_INSIDES = ("last_journal", "engine")
# Names a database session goes by in this code base, and what is asked of one.
SESSION_NAMES = ("session", "read", "write")
SESSION_CALLS = ("get", "exec", "execute", "scalar", "scalars", "connection")
SQL_MODULE_NAMES = ("sa", "sqlalchemy", "sqlmodel")


def data_access(source: str) -> set[str]:
    """How a module reaches the database other than through the services, each said once."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(f"imports {alias.name}" for alias in node.names if _forbidden(alias.name))
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from dxplanner.store import queries` imports the module dxplanner.store.queries.
            names = [_imported(node.module, alias.name) for alias in node.names]
            found.update(f"imports {name}" for name in names if _forbidden(name))
        elif isinstance(node, ast.Attribute) and node.attr in STORE_INSIDES:
            found.add(f"uses .{node.attr}")
        elif isinstance(node, ast.Call):
            found.update(_call(node))
    return found


def _imported(module: str, name: str) -> str:
    """The module `from module import name` imports: module.name when that is one of ours, else module."""
    inner = PACKAGE.parent.joinpath(*module.split("."), name)
    return f"{module}.{name}" if inner.with_suffix(".py").exists() or inner.is_dir() else module


def _forbidden(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in FORBIDDEN_MODULES)


def _call(node: ast.Call) -> set[str]:
    function = node.func
    if isinstance(function, ast.Name) and function.id == "select":
        return {"calls select("}
    if not isinstance(function, ast.Attribute):
        return set()
    if function.attr in TRANSACTIONS and not node.args and not node.keywords:
        return {f"calls .{function.attr}()"}
    receiver = function.value
    if function.attr == "select" and isinstance(receiver, ast.Name) and receiver.id in SQL_MODULE_NAMES:
        return {"calls select("}
    if function.attr in SESSION_CALLS and isinstance(receiver, ast.Name) and receiver.id in SESSION_NAMES:
        return {f"calls session.{function.attr}("}
    return set()


def test_the_window_reaches_data_only_through_the_services() -> None:
    found = {
        str(path.relative_to(UI)): access
        for path in sorted(UI.rglob("*.py"))
        if (access := data_access(path.read_text(encoding="utf-8")))
    }
    assert found == {}, (
        "ui/ must read and edit through dxplanner.services (named reads, commands), not the store"
    )


def test_the_scan_sees_every_kind_of_data_access() -> None:
    """The test above would pass vacuously if the scan could not see what it forbids."""
    source = """
import sqlalchemy as sa
from sqlmodel import Session, select
from dxplanner import store
from dxplanner.core.models import Task
from dxplanner.store.queries import records

with plan.read() as session:
    session.get(Task, 1)
    session.exec(select(Task))
    read.execute(sa.select(Task))
plan.write()
plan.last_journal
"""
    assert data_access(source) == {
        "imports sqlalchemy",
        "imports sqlmodel",
        "imports dxplanner.store",
        "imports dxplanner.core.models",
        "imports dxplanner.store.queries",
        "calls .read()",
        "calls .write()",
        "calls session.get(",
        "calls session.exec(",
        "calls session.execute(",
        "calls select(",
        "uses .last_journal",
    }


def test_the_scan_leaves_the_windows_own_calls_alone() -> None:
    source = """
self.select(key)
dialog.exec()
menu.exec(position)
self.dates.read(text)
self.session.run(title, lambda plan: edits.update_task(plan, 1, name="x"))
from dxplanner.services import records
records.task(self.session.store, 1)
"""
    assert data_access(source) == set()
