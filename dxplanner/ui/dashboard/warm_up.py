"""Ready the dashboard in the background while a file with one is open: a quick first look.

The charting library is imported, then the first dashboard's numbers are read, on a
thread of its own while the user looks at the plan; the dashboard shown first takes them
over (`read_ahead`) unless the file changed meanwhile, so that its first show only draws.
"""

from __future__ import annotations

import logging
import sys
import threading
import weakref

from dxplanner.core.errors import DomainError
from dxplanner.services.dashboard import Dashboard, ReadAhead, first_strategy
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
THREAD_NAME = "dashboard-warm-up"
_lock = threading.Lock()
_ahead: tuple[ReadAhead, threading.Thread] | None = None  # the numbers being read ahead, and by whom
_last: weakref.ref[OpenPlan] | None = None  # the file warmed up for last (weakly: it may be closed)


def warm_up(plan: OpenPlan) -> None:
    """Import the charting library and read the first dashboard's numbers on a thread of their own,
    if the file has a dashboard to show (once per file opened)."""
    global _ahead, _last
    with _lock:
        if _last is not None and _last() is plan:
            return
        _last = weakref.ref(plan)
    try:
        strategy_id = first_strategy(plan)
        worth_it = strategy_id is not None and ReadAhead.worth_it(plan)
    except DomainError:
        # The server went away meanwhile: a first dashboard reads its numbers when asked for, and
        # the next call warms up again.
        with _lock:
            _last = None
        return
    if strategy_id is None:
        return
    ahead = ReadAhead(plan, strategy_id) if worth_it else None
    if ahead is None and MODULES[-1] in sys.modules:
        return
    # The work holds the interpreter in turns with the window, which stays responsive; the
    # modules are the library's own and import nothing of dxplanner, so no import lock is shared.
    thread = threading.Thread(target=_load, args=(ahead,), name=THREAD_NAME, daemon=True)
    with _lock:
        _ahead = (ahead, thread) if ahead is not None else None
    thread.start()


def read_ahead(plan: OpenPlan, strategy_id: int) -> Dashboard | None:
    """The numbers read ahead for the strategy's dashboard, if they still hold (then handed over once).

    Waits for the reading if it is on its way: it is further on than a new one would be.
    """
    global _ahead
    with _lock:
        taken, _ahead = _ahead, None
    if taken is None:
        return None
    ahead, thread = taken
    if ahead.plan is not plan or ahead.strategy_id != strategy_id:
        return None
    thread.join()
    return ahead.numbers if ahead.still_true() else None


def _load(ahead: ReadAhead | None) -> None:
    import importlib

    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            # Nothing to tell here: the dashboard imports it again when shown, and a failure shows then.
            return
    if ahead is not None:
        try:
            ahead.run()
        except Exception:
            # The dashboard reads them itself when shown, and says then what went wrong (a file
            # closed meanwhile ends up here too).
            logging.getLogger(__name__).debug("reading the dashboard ahead failed", exc_info=True)


def reading_ahead(plan: OpenPlan) -> bool:
    """Whether the numbers of the file's first dashboard are being read, or were read, ahead (and
    not yet taken over)."""
    with _lock:
        return _ahead is not None and _ahead[0].plan is plan


def wait() -> None:
    """Wait until the work in the background is over (the benches and tests, as a user who looks at
    the plan a moment)."""
    for thread in threading.enumerate():
        if thread.name == THREAD_NAME:
            thread.join()
