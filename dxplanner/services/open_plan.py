"""The open plan the front ends hold: a handle they pass to the services, never a database session."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

from dxplanner.core.errors import DomainError
from dxplanner.store.plan_store import PlanStore

if TYPE_CHECKING:
    from dxplanner.store.server_store import ServerStore

# The front ends keep the handle, show its path, read-only state and notice, and pass it to the
# services; only the services open its transactions (`read()`, `write()`).
OpenPlan = PlanStore

__all__ = ["OpenPlan", "on_server", "server_gone"]

# The server's store, loaded when a plan on a server is opened: until then no plan is on one and no
# error comes from one, and a window on a plan file never loads it (nor its roles, history, listener).
_SERVER_STORE = "dxplanner.store.server_store"


def on_server(plan: OpenPlan) -> ServerStore | None:
    """The plan as a server's store (None: a plan file)."""
    module = sys.modules.get(_SERVER_STORE)
    return cast("ServerStore", plan) if module is not None and isinstance(plan, module.ServerStore) else None


def server_gone(error: DomainError) -> bool:
    """Whether an error says a plan's server could not be reached."""
    module = sys.modules.get(_SERVER_STORE)
    return module is not None and isinstance(error, module.ServerGoneError)
