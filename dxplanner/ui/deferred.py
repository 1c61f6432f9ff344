"""What a plan's first paint does without, loaded just after it: the editing services and the tables.

The sheet and the navigator are read with no table class loaded (SQLAlchemy's mapping of the 27
of them is the largest part of a start). Every module that edits imports these where it uses them,
so an edit, an undo or a menu action made before this step ran loads them itself, and waits only
for that.
"""

from __future__ import annotations

import importlib

# Each with what it imports: the table classes, the store's reads and operations, the conflict dialog.
DEFERRED = (
    "dxplanner.services.records",
    "dxplanner.services.new_records",
    "dxplanner.services.edits",
    "dxplanner.services.conflicts",
    "dxplanner.ui.conflict_dialog",
)


def load_deferred() -> None:
    """Load what the first paint did without (already loaded: nothing to do)."""
    for name in DEFERRED:
        importlib.import_module(name)
