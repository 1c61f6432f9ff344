"""Load the charting library in the background while a file with a dashboard is open: a quick first look."""

from __future__ import annotations

import sys
import threading

from dxplanner.services.dashboard import has_strategy
from dxplanner.services.open_plan import OpenPlan

# What the dashboard draws with: half a second of importing, the most of a first switch to it.
MODULES = (
    "matplotlib.figure",
    "matplotlib.axes",
    "matplotlib.ticker",
    "matplotlib.patches",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_qtagg",
)
_started = threading.Event()


def warm_up(plan: OpenPlan) -> None:
    """Import the charting library on a thread of its own (once), if the file has a dashboard to show."""
    if _started.is_set() or MODULES[-1] in sys.modules or not has_strategy(plan):
        return
    _started.set()
    # The imports hold the interpreter in turns with the window, which stays responsive; the
    # modules are the library's own and import nothing of dxplanner, so no import lock is shared.
    threading.Thread(target=_load, name="dashboard-warm-up", daemon=True).start()


def _load() -> None:
    import importlib

    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            # Nothing to tell here: the dashboard imports it again when shown, and a failure shows then.
            return
