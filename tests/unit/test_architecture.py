"""The one rule of the architecture: only dxplanner.ui imports Qt, in every module there is."""

from __future__ import annotations

import ast
from pathlib import Path

import dxplanner

PACKAGE = Path(dxplanner.__file__).parent
QT_MODULES = ("PySide6", "shiboken6")


def _imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_outside_the_ui_package_imports_qt() -> None:
    offenders = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(module.split(".")[0] in QT_MODULES for module in _imported_modules(path))
    )
    assert offenders == []


def test_the_ui_package_does_import_qt() -> None:
    """The scan above would pass vacuously if it could not see Qt imports at all."""
    assert any("PySide6.QtWidgets" in _imported_modules(path) for path in (PACKAGE / "ui").glob("*.py"))
